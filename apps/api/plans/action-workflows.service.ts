import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import {
  ACTION_WORKFLOW,
  ActionInput,
  ActionRevision,
  actionWorkflowId,
  PLAN_REPORTING_WORKFLOW,
  PlanReportingInput,
  planReportingWorkflowId,
  reviseSignal,
  withdrawSignal,
} from '../../../workflows/contracts/engine';
import { defaultPolicyFor, NoticePolicy } from '../../../workflows/contracts/policy';

/** Rows in 'starting' this much older than now have lost their workflow start to a crash. */
export const RECONCILE_AFTER_MS = 5_000;
const RECONCILE_EVERY_MS = 60_000;

/**
 * The API's side of "no action row without its workflow, no workflow without its row". A row is
 * committed first with status 'starting'; its workflow id comes from the row id, so starting it
 * again is harmless (USE_EXISTING); only then does the row become 'active'. If the process dies in
 * between, the reconciler (at boot and every minute) starts what is missing. A workflow is never
 * started for a row that was not committed.
 */
@Injectable()
export class ActionWorkflows implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(ActionWorkflows.name);
  private timer?: NodeJS.Timeout;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
    private readonly dataSource: DataSource,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reconcile().catch((error) => this.logger.error(`reconcile at boot failed: ${error}`));
    await this.reconcilePlans().catch((error) => this.logger.error(`plan reporting at boot failed: ${error}`));
    this.timer = setInterval(() => void this.reconcile().catch((error) => this.logger.error(`reconcile failed: ${error}`)), RECONCILE_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  defaultPolicy(): NoticePolicy {
    return defaultPolicyFor(this.config.calendar);
  }

  /** Starts the action's workflow (idempotently) and marks the row active. */
  async start(actionId: string): Promise<void> {
    const [row] = await this.dataSource.query(
      `SELECT a.id, a.plan_id, a.schedule, a.policy, p.policy AS plan_policy, p.timezone
         FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = $1`,
      [actionId],
    );
    if (!row) return;
    const input: ActionInput = {
      actionId: row.id,
      planId: row.plan_id,
      schedule: row.schedule,
      timezone: row.timezone,
      policy: row.policy ?? row.plan_policy ?? this.defaultPolicy(), // the action's, else the plan's
      followFrom: new Date().toISOString(), // what fell due before the action was started is history
    };
    await this.client.workflow.start(ACTION_WORKFLOW, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: actionWorkflowId(actionId),
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    });
    await this.dataSource.query(`UPDATE action SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'starting'`, [actionId]);
  }

  async revise(actionId: string, revision: ActionRevision): Promise<void> {
    await this.client.workflow.getHandle(actionWorkflowId(actionId)).signal(reviseSignal, revision);
  }

  async withdraw(actionId: string, request: { reason?: string; byPersonId?: string }): Promise<void> {
    try {
      await this.client.workflow.getHandle(actionWorkflowId(actionId)).signal(withdrawSignal, request);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error; // a draft never had a workflow
    }
  }

  async startPlanReporting(plan: { id: string; timezone: string; reportingCadence: string }): Promise<void> {
    const input: PlanReportingInput = {
      planId: plan.id,
      timezone: plan.timezone,
      cadence: plan.reportingCadence === 'quarterly' ? 'quarterly' : 'half-yearly',
      statusRequestBefore: 'P14D',
    };
    await this.client.workflow.start(PLAN_REPORTING_WORKFLOW, {
      taskQueue: this.config.temporal.taskQueue,
      workflowId: planReportingWorkflowId(plan.id),
      workflowIdConflictPolicy: 'USE_EXISTING',
      args: [input],
    });
  }

  /** Starts the workflows of action rows a crash left in 'starting'. */
  async reconcile(olderThanMs = RECONCILE_AFTER_MS): Promise<number> {
    const stuck: Array<{ id: string }> = await this.dataSource.query(
      `SELECT id FROM action WHERE status = 'starting' AND updated_at < now() - make_interval(secs => $1) ORDER BY created_at LIMIT 500`,
      [olderThanMs / 1000],
    );
    for (const { id } of stuck) await this.start(id);
    if (stuck.length) this.logger.warn(`started the workflows of ${stuck.length} action(s) left in 'starting'`);
    return stuck.length;
  }

  /** At boot: every plan has its reporting workflow (a crash after the plan's commit is repaired). */
  async reconcilePlans(): Promise<void> {
    const plans: Array<{ id: string; timezone: string; reporting_cadence: string }> = await this.dataSource.query('SELECT id, timezone, reporting_cadence FROM plan');
    for (const plan of plans) await this.startPlanReporting({ id: plan.id, timezone: plan.timezone, reportingCadence: plan.reporting_cadence });
  }
}
