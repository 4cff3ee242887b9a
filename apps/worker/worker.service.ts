import { Inject, Injectable, Logger, OnApplicationBootstrap, BeforeApplicationShutdown } from '@nestjs/common';
import type { NativeConnection, Worker, WorkerInterceptors, WorkflowBundleOption } from '@temporalio/worker';
import { BEVAKA_CONFIG, BevakaConfig } from '../../libs/config/config';
import { createWorker } from '../../libs/temporal/worker-factory';
import { FollowUpActivitiesService } from './activities/follow-up.activities';
import { LegacyEngineActivitiesService } from './activities/legacy-engine.activities';
import { ReportingActivitiesService } from './activities/reporting.activities';
import { SystemActivitiesService } from './activities/system.activities';

export const WORKFLOW_BUNDLE = Symbol('WORKFLOW_BUNDLE');
export const WORKER_INTERCEPTORS = Symbol('WORKER_INTERCEPTORS');

/**
 * Hosts the Temporal worker inside a Nest application context, so activities get their
 * dependencies (repositories, mail) by injection. The worker runs until the context closes;
 * shutdown lets running activities finish (graceful) before the connection closes.
 */
@Injectable()
export class WorkerService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(WorkerService.name);
  private worker?: Worker;
  private connection?: NativeConnection;
  private running?: Promise<void>;

  constructor(
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
    @Inject(WORKFLOW_BUNDLE) private readonly workflowBundle: WorkflowBundleOption | undefined,
    @Inject(WORKER_INTERCEPTORS) private readonly interceptors: WorkerInterceptors | undefined,
    private readonly system: SystemActivitiesService,
    private readonly followUp: FollowUpActivitiesService,
    private readonly reporting: ReportingActivitiesService,
    private readonly legacy: LegacyEngineActivitiesService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { worker, connection } = await createWorker({
      temporal: this.config.temporal,
      activities: this.activities(),
      workflowBundle: this.workflowBundle,
      interceptors: this.interceptors,
    });
    this.worker = worker;
    this.connection = connection;
    this.running = worker.run().catch((error) => {
      this.logger.error(`Temporal worker stopped: ${error}`);
      throw error;
    });
    this.logger.log(`Temporal worker polling task queue "${this.config.temporal.taskQueue}"`);
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.worker && this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running?.catch(() => undefined);
    await this.connection?.close();
  }

  /** Temporal calls activities as plain functions: bind every method of each activity service. */
  private activities(): object {
    return { ...bindAll(this.system), ...bindAll(this.followUp), ...bindAll(this.reporting), ...bindAll(this.legacy) };
  }
}

/** An activity service's prototype methods are its activities (helpers live outside the class). */
function bindAll(service: object): Record<string, (...args: never[]) => unknown> {
  const prototype = Object.getPrototypeOf(service);
  const names = Object.getOwnPropertyNames(prototype).filter((name) => name !== 'constructor' && typeof prototype[name] === 'function');
  return Object.fromEntries(names.map((name) => [name, prototype[name].bind(service)]));
}
