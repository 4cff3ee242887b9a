import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { OccurrenceState, Owners } from '../../libs/domain/occurrence/state';
import type { ScheduleSpec } from '../../libs/domain/schedule/types';
import type { NoticePolicy } from './policy';
import type { RoundSettings } from '../../libs/domain/reporting/round';

export type { OccurrenceState, Owners } from '../../libs/domain/occurrence/state';
export type { OccurrenceStatus } from '../../libs/domain/occurrence/status';

/**
 * The contract between the API and the follow-up engine: workflow ids, inputs, signals and
 * queries. The API imports only this folder; the workflows implement it. (Workflows started by
 * the first version of the engine, and still running, are described in ./legacy.ts.)
 */
export const actionWorkflowId = (actionId: string) => `action:${actionId}`;
export const planReportingWorkflowId = (planId: string) => `plan-reporting:${planId}`;

/** One workflow per action: it opens the action's occurrences and sends their notices. */
export const ACTION_WORKFLOW = 'actionFollowUpWorkflow';
export const PLAN_REPORTING_WORKFLOW = 'planReportingWorkflow';

export interface ActionInput {
  actionId: string;
  planId: string;
  schedule: ScheduleSpec;
  timezone: string;
  policy: NoticePolicy;
  paused?: boolean;
  /** Occurrences due at or before this instant are already opened (carried over continue-as-new). */
  openedThrough?: string;
  /** How long before its due instant an occurrence opens (ISO duration); default: at period start. */
  openBefore?: string;
  /**
   * Follow-up starts here: occurrences due before this instant are history and never open, so a
   * plan adopted in 2020 and started today does not escalate six years of the past. Unset: every
   * occurrence of the schedule opens (explicit instants from tests).
   */
  followFrom?: string;
  /** Carried over continue-as-new: the occurrences opened and not yet resolved. */
  open?: OccurrenceState[];
  /**
   * Occurrences opened by the first version of the engine, each followed by its own
   * `occurrenceWorkflow` until it ends (period keys); carried over from that version's run.
   */
  legacyOccurrences?: string[];
}

export interface ActionRevision {
  schedule?: ScheduleSpec;
  timezone?: string;
  policy?: NoticePolicy;
  owners?: Owners;
  /** When the revision was committed: open occurrences' notices are armed again from then. */
  at?: string;
}

export type ActionStatus = 'active' | 'paused' | 'withdrawn' | 'finished';

export interface ActionState {
  actionId: string;
  status: ActionStatus;
  openedThrough?: string;
  next?: { periodKey: string; due: string; dueInstant: string; opensAt: string };
  /** Period keys of the occurrences opened and not yet resolved. */
  openOccurrences: string[];
  /** The open occurrences with the time of each one's next notice. */
  occurrences: Array<{ periodKey: string; status: string; dueInstant: string; nextNoticeAt?: string }>;
}

export const reviseSignal = defineSignal<[ActionRevision]>('revise');
export const pauseSignal = defineSignal('pause');
export const resumeSignal = defineSignal('resume');
export const withdrawSignal = defineSignal<[{ reason?: string; byPersonId?: string }]>('withdraw');
/**
 * Someone changed an occurrence (completed, postponed, skipped, reassigned): the API has recorded
 * it, and sends the workflow the occurrence as it now is, so its timers follow.
 */
export const occurrenceChangedSignal = defineSignal<[OccurrenceState]>('occurrenceChanged');
export const actionStateQuery = defineQuery<ActionState>('state');

export interface ReportingPeriod {
  key: string;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

export interface PlanReportingInput {
  planId: string;
  /** When rounds open, are due and freeze (libs/domain/reporting/round.ts); absent: the defaults. */
  round?: RoundSettings;
  timezone: string;
  /** `half-yearly` (default) or `quarterly`, or explicit periods (tests use seconds). */
  cadence: 'half-yearly' | 'quarterly' | { periods: ReportingPeriod[] };
  /** Runs recorded before reporting rounds: how long before a period ends continuous actions were asked for a status line. */
  statusRequestBefore: string;
  /** Carried over continue-as-new: the last period whose report was frozen. */
  reportedThrough?: string;
}
export interface PlanReportingState {
  current?: ReportingPeriod;
  frozen: string[];
  /** The round of the current period once it has opened: its status reports still followed. */
  round?: { periodKey: string; following: string[] };
}
export const planReportingStateQuery = defineQuery<PlanReportingState>('state');

/** The coordinator approved the round (the API has frozen its report): stop following it. */
export const roundClosedSignal = defineSignal<[{ periodKey: string }]>('roundClosed');

/** The plan's cadence or timezone changed: the period being followed is computed again. */
export interface ReportingRevision {
  cadence: 'half-yearly' | 'quarterly';
  timezone: string;
}
export const reviseReportingSignal = defineSignal<[ReportingRevision]>('reviseReporting');
