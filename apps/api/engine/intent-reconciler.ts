import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { IntentRepository } from '../../../libs/persistence/repositories/intent.repository';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import { IntentRunner } from './intent-runner';
import { describeError, TemporalUnreachableError } from './temporal-failures';

/** The reconciler waits for Temporal this long per command (a request waits less). */
export const RECONCILE_DEADLINE_MS = 10_000;
/** While Temporal is known to be unreachable, a pass first asks whether it answers again, briefly. */
const PROBE_DEADLINE_MS = 2_000;
/** A request carries out its own intents at once; the reconciler leaves them that long. */
const GRACE_SECONDS = 2;
const WORKFLOWS_PER_PASS = 500;
const KEEP_DONE_DAYS = 7;

/**
 * Carries out, in the API process, the intents nobody finished: at boot and then every
 * BEVAKA_RECONCILE_INTERVAL_MS. A pass stops at the first sign that Temporal is unreachable;
 * until Temporal answers again, each pass only probes it (a cheap call with a short deadline),
 * so an outage costs one small call per pass, and the first pass after it carries out everything
 * that waited, in order per workflow. Several API replicas may run it: claims keep them apart.
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
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
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
    try {
      const workflows = await intents.workflowsToReconcile(WORKFLOWS_PER_PASS, GRACE_SECONDS);
      if (workflows.length && this.runner.unreachable) await this.probe();
      done = await this.runner.drainAll(workflows, RECONCILE_DEADLINE_MS);
    } catch (error) {
      if (!(error instanceof TemporalUnreachableError)) throw error;
      this.logger.warn(`${error.message}; ${await intents.pendingCount()} command(s) wait for it`);
    }
    await intents.pruneDone(KEEP_DONE_DAYS);
    const pending = await intents.pendingCount();
    if (done) this.logger.log(`carried out ${done} pending Temporal command(s); ${pending} left`);
    return { done, pending };
  }

  /** Does Temporal answer again? Throws TemporalUnreachableError if not. */
  private async probe(): Promise<void> {
    try {
      await this.client.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => this.client.workflowService.getSystemInfo({}));
      this.runner.unreachable = false;
    } catch (error) {
      throw new TemporalUnreachableError(error);
    }
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
