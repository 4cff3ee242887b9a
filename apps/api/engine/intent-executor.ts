import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import { followedStatus } from '../../../libs/domain/plan/lifecycle';
import type { IntentOutcome, IntentRow } from '../../../libs/persistence/repositories/intent.repository';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import {
  ACTION_WORKFLOW,
  ActionInput,
  occurrenceChangedSignal,
  PLAN_REPORTING_WORKFLOW,
  PlanReportingInput,
  pauseSignal,
  reviseReportingSignal,
  resumeSignal,
  reviseSignal,
  roundClosedSignal,
  withdrawSignal,
} from '../../../workflows/contracts/engine';
import { defaultPolicyFor, NoticePolicy } from '../../../workflows/contracts/policy';
import { TypedIntent, typedIntent } from './intents';
import { OccurrenceUpdates } from './occurrence-updates';

export interface IntentResult {
  outcome: IntentOutcome;
  message?: string;
  /** Row changes that follow from the outcome, written with it (an action becomes 'active'). */
  effects?: (db: EntityManager) => Promise<void>;
}

/**
 * Carries out one intent against Temporal and says how it ended. Throws when Temporal could not
 * be reached or failed otherwise: the intent then stays pending and is carried out again.
 */
@Injectable()
export class IntentExecutor {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
    private readonly dataSource: DataSource,
    private readonly occurrences: OccurrenceUpdates,
  ) {}

  execute(intent: IntentRow, deadlineMs: number): Promise<IntentResult> {
    const within = <T>(call: () => Promise<T>) => this.client.withDeadline(Date.now() + deadlineMs, call);
    const typed = typedIntent(intent);
    switch (typed.kind) {
      case 'start-action':
        return this.startAction(typed, within);
      case 'start-plan-reporting':
        return this.startPlanReporting(intent, within);
      case 'revise-action':
        return this.signal(intent, within, (handle) => handle.signal(reviseSignal, typed.payload));
      case 'revise-plan-reporting':
        return this.signal(intent, within, (handle) => handle.signal(reviseReportingSignal, typed.payload));
      case 'pause-action':
        return this.signal(intent, within, (handle) => handle.signal(pauseSignal));
      case 'resume-action':
        return this.signal(intent, within, (handle) => handle.signal(resumeSignal));
      case 'withdraw-action':
        return this.signal(intent, within, (handle) => handle.signal(withdrawSignal, typed.payload));
      case 'occurrence-changed':
        return this.signal(intent, within, (handle) => handle.signal(occurrenceChangedSignal, typed.payload));
      case 'update-occurrence':
        return this.updateOccurrence(typed, deadlineMs);
      case 'round-closed':
        return this.signal(intent, within, (handle) => handle.signal(roundClosedSignal, typed.payload));
      default:
        throw new Error(`Unknown intent kind "${intent.kind}"`);
    }
  }

  /** The action's workflow, from the row as it is now; a row withdrawn meanwhile needs none. */
  private async startAction(intent: Extract<TypedIntent, { kind: 'start-action' }>, within: Within): Promise<IntentResult> {
    const row = await new ActionRepository(this.dataSource.manager).startRow(intent.subjectId);
    if (!row || row.status === 'withdrawn' || row.status === 'draft') return { outcome: 'moot', message: `the action is ${row?.status ?? 'gone'}` };
    const input: ActionInput = {
      actionId: row.id,
      planId: row.planId,
      schedule: row.schedule as ActionInput['schedule'],
      timezone: row.timezone,
      policy: (row.policy as NoticePolicy | null) ?? defaultPolicyFor(this.config.calendar),
      followFrom: intent.payload.followFrom ?? intent.createdAt.toISOString(),
      ...(followedStatus(row.status, row.planArchived) === 'paused' ? { paused: true } : {}),
    };
    const started = await this.start(within, ACTION_WORKFLOW, intent.workflowId, input);
    return { ...started, effects: (db) => new ActionRepository(db).markStarted(row.id) };
  }

  private async startPlanReporting(intent: IntentRow, within: Within): Promise<IntentResult> {
    const plan = await new PlanRepository(this.dataSource.manager).reporting(intent.subjectId);
    if (!plan) return { outcome: 'moot', message: 'the plan is gone' };
    const input: PlanReportingInput = {
      planId: plan.id,
      timezone: plan.timezone,
      cadence: plan.reportingCadence === 'quarterly' ? 'quarterly' : 'half-yearly',
      statusRequestBefore: 'P14D',
      round: this.config.reportingRound,
    };
    return this.start(within, PLAN_REPORTING_WORKFLOW, intent.workflowId, input);
  }

  /**
   * A workflow runs once per row: a running one is kept (USE_EXISTING) and a closed one is never
   * started again (REJECT_DUPLICATE), so a start carried out twice changes nothing.
   */
  private async start(within: Within, type: string, workflowId: string, input: object): Promise<IntentResult> {
    try {
      await within(() =>
        this.client.workflow.start(type, {
          taskQueue: this.config.temporal.taskQueue,
          workflowId,
          workflowIdConflictPolicy: 'USE_EXISTING',
          workflowIdReusePolicy: 'REJECT_DUPLICATE',
          args: [input],
        }),
      );
      return { outcome: 'applied' };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { outcome: 'moot', message: 'the workflow ran and has closed' };
      throw error;
    }
  }

  private async signal(intent: IntentRow, within: Within, send: (handle: ReturnType<Client['workflow']['getHandle']>) => Promise<void>): Promise<IntentResult> {
    try {
      await within(() => send(this.client.workflow.getHandle(intent.workflowId)));
      return { outcome: 'applied' };
    } catch (error) {
      // No workflow (a draft never had one) or it has closed (withdrawn): nothing left to change.
      if (error instanceof WorkflowNotFoundError) return { outcome: 'moot', message: 'no running workflow' };
      throw error;
    }
  }

  private async updateOccurrence(intent: Extract<TypedIntent, { kind: 'update-occurrence' }>, deadlineMs: number): Promise<IntentResult> {
    const { occurrence, update, args } = intent.payload;
    const result = await this.occurrences.send(occurrence, update, args, { deadlineMs, updateId: `intent-${intent.id}` });
    if (result.outcome === 'applied') return { outcome: 'applied' };
    return { outcome: 'rejected', message: result.outcome === 'rejected' ? result.message : 'The occurrence has closed and can no longer change' };
  }
}

type Within = <T>(call: () => Promise<T>) => Promise<T>;
