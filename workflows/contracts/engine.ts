import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ScheduleSpec } from '../../libs/domain/schedule/types';
import type { NoticePolicy } from './policy';

/**
 * The contract between the API and the follow-up engine: workflow ids, inputs, signals, updates
 * and queries. The API imports only this folder; the workflows implement it.
 */
export const actionWorkflowId = (actionId: string) => `action:${actionId}`;
export const occurrenceWorkflowId = (actionId: string, periodKey: string) => `occurrence:${actionId}:${periodKey}`;
export const planReportingWorkflowId = (planId: string) => `plan-reporting:${planId}`;

export const ACTION_WORKFLOW = 'actionWorkflow';
export const OCCURRENCE_WORKFLOW = 'occurrenceWorkflow';
export const PLAN_REPORTING_WORKFLOW = 'planReportingWorkflow';

export interface Owners {
  personIds: string[];
  unitIds: string[];
}

export interface ActionInput {
  actionId: string;
  planId: string;
  schedule: ScheduleSpec;
  timezone: string;
  policy: NoticePolicy;
  owners: Owners;
  /** Carried over continue-as-new: occurrences due at or before this instant are already opened. */
  openedThrough?: string;
  paused?: boolean;
  /** Carried over continue-as-new: occurrences opened and not yet closed (period keys). */
  openOccurrences?: string[];
  /** How long before its due instant an occurrence opens (ISO duration); default: at period start. */
  openBefore?: string;
  /**
   * Follow-up starts here: occurrences due before this instant are history and never open, so a
   * plan adopted in 2020 and started today does not escalate six years of the past. Unset: every
   * occurrence of the schedule opens (explicit instants from tests and runs started before).
   */
  followFrom?: string;
}

export interface ActionRevision {
  schedule?: ScheduleSpec;
  timezone?: string;
  policy?: NoticePolicy;
  owners?: Owners;
}

export type ActionStatus = 'active' | 'paused' | 'withdrawn' | 'finished';

export interface ActionState {
  actionId: string;
  status: ActionStatus;
  openedThrough?: string;
  next?: { periodKey: string; due: string; dueInstant: string; opensAt: string };
  openOccurrences: string[];
}

export const reviseSignal = defineSignal<[ActionRevision]>('revise');
export const pauseSignal = defineSignal('pause');
export const resumeSignal = defineSignal('resume');
export const withdrawSignal = defineSignal<[{ reason?: string; byPersonId?: string }]>('withdraw');
export const actionStateQuery = defineQuery<ActionState>('state');

export interface OccurrenceInput {
  actionId: string;
  planId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueInstant: string;
  timezone: string;
  policy: NoticePolicy;
  owners: Owners;
}

export type OccurrenceStatus = 'open' | 'due' | 'overdue' | 'escalated' | 'completed' | 'skipped' | 'cancelled';

export interface OccurrenceState {
  actionId: string;
  periodKey: string;
  status: OccurrenceStatus;
  dueInstant: string;
  owners: Owners;
  /** Escalation steps taken since the last (re)arming. */
  escalationStep: number;
  /** Increments with each postponement; notices of an earlier generation are never re-sent. */
  generation: number;
  completion?: { byPersonId: string; onBehalfOfPersonId?: string; at: string; onTime: boolean; note?: string; evidenceUrl?: string };
  skip?: { byPersonId: string; at: string; reason: string };
  nextNoticeAt?: string;
}

export interface CompleteRequest {
  byPersonId: string;
  onBehalfOfPersonId?: string;
  note?: string;
  evidenceUrl?: string;
}
export interface PostponeRequest {
  byPersonId: string;
  /** The new due instant (ISO). */
  dueInstant: string;
  reason: string;
}
export interface SkipRequest {
  byPersonId: string;
  reason: string;
}
export interface ReassignRequest {
  byPersonId: string;
  ownerPersonId: string;
}

export const completeUpdate = defineUpdate<OccurrenceState, [CompleteRequest]>('complete');
export const postponeUpdate = defineUpdate<OccurrenceState, [PostponeRequest]>('postpone');
export const skipUpdate = defineUpdate<OccurrenceState, [SkipRequest]>('skip');
export const reassignUpdate = defineUpdate<OccurrenceState, [ReassignRequest]>('reassign');
export const cancelSignal = defineSignal<[{ reason: string }]>('cancel');
export const ownersChangedSignal = defineSignal<[{ owners?: Owners; policy?: NoticePolicy }]>('ownersChanged');
export const occurrenceStateQuery = defineQuery<OccurrenceState>('state');

export interface ReportingPeriod {
  key: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

export interface PlanReportingInput {
  planId: string;
  timezone: string;
  /** `half-yearly` (default) or `quarterly`, or explicit periods (tests use seconds). */
  cadence: 'half-yearly' | 'quarterly' | { periods: ReportingPeriod[] };
  /** How long before a period ends owners of continuous actions are asked for a status line. */
  statusRequestBefore: string;
  /** Carried over continue-as-new: the last period whose report was frozen. */
  reportedThrough?: string;
}
export const planReportingStateQuery = defineQuery<{ current?: ReportingPeriod; frozen: string[] }>('state');
