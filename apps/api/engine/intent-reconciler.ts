import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { IntentRepository } from '../../../libs/persistence/repositories/intent.repository';
import { IntentRunner } from './intent-runner';
import { TemporalProbe } from './temporal-probe';
import { describeError, TemporalUnreachableError } from './temporal-failures';

/** The reconciler waits for Temporal this long per command, as a request does. */
export const RECONCILE_DEADLINE_MS = 10_000;
/** A request carries out its own intents at once; the reconciler leaves them that long. */
const GRACE_SECONDS = 2;
const WORKFLOWS_PER_PASS = 500;
const KEEP_DONE_DAYS = 7;

/**
 * Carries out, in the API process, the intents nobody finished: at boot and then every
 * BEVAKA_RECONCILE_INTERVAL_MS. A pass with work first probes Temporal (a cheap call with a short
 * deadline); while that fails, the pass does nothing more and tells requests not to wait for
 * Temporal until the next pass, so an outage costs one small call per pass and no slow answers.
 * The first pass after Temporal answers again carries out everything that waited, in order per
 * workflow; a command that is only slow is tried again next pass. Several API replicas may run
 * it: claims keep them apart.
 */
@Injectable()
export class IntentReconciler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(IntentReconciler.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<unknown>;
  private stopped = false;

  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: IntentRunner,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
    private readonly probe: TemporalProbe,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  /** One pass; returns how many intents ended and how many are still pending. */
  async reconcile(): Promise<{ done: number; pending: number }> {
    const intents = new IntentRepository(this.dataSource.manager);
    let done = 0;
    const workflows = await intents.workflowsToReconcile(WORKFLOWS_PER_PASS, GRACE_SECONDS);
    if (workflows.length && !(await this.probe.answers())) {
      this.logger.warn(`Temporal does not answer; ${await intents.pendingCount()} command(s) wait for it`);
    } else if (workflows.length) {
      try {
        done = await this.runner.drainAll(workflows, RECONCILE_DEADLINE_MS);
      } catch (error) {
        if (!(error instanceof TemporalUnreachableError)) throw error;
        this.logger.warn(`${error.message}; tried again next pass`);
      }
    }
    await intents.pruneDone(KEEP_DONE_DAYS);
    const pending = await intents.pendingCount();
    if (done) this.logger.log(`carried out ${done} pending Temporal command(s); ${pending} left`);
    return { done, pending };
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    this.timer = setTimeout(() => {
      this.running = this.reconcile()
        .catch((error) => this.logger.error(`reconcile failed: ${describeError(error)}`))
        .finally(() => this.schedule(this.config.temporal.reconcileIntervalMs));
    }, delayMs);
    this.timer.unref();
  }
}
