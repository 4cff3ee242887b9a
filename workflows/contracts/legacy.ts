import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { ScheduleSpec } from '../../libs/domain/schedule/types';
import type { Owners } from './engine';
import type { NoticePolicy } from './policy';

/**
 * The first version of the engine: an `actionWorkflow` per action that started an
 * `occurrenceWorkflow` child per occurrence. New actions start `actionFollowUpWorkflow`; these
 * types stay registered so that runs started before keep working: a first-version action
 * workflow continues as the new type at its next step, and each child it had started follows its
 * occurrence to the end (the API sends that occurrence's updates to it, see occurrence.workflow_id).
 * Remove them when no such run is left (`temporal workflow list --query 'WorkflowType="occurrenceWorkflow" AND ExecutionStatus="Running"'`).
 */
export const LEGACY_ACTION_WORKFLOW = 'actionWorkflow';
export const LEGACY_OCCURRENCE_WORKFLOW = 'occurrenceWorkflow';
export const legacyOccurrenceWorkflowId = (actionId: string, periodKey: string) => `occurrence:${actionId}:${periodKey}`;

export interface LegacyActionInput {
  actionId: string;
  planId: string;
  schedule: ScheduleSpec;
  timezone: string;
  policy: NoticePolicy;
  owners: Owners;
  openedThrough?: string;
  paused?: boolean;
  openOccurrences?: string[];
  openBefore?: string;
  followFrom?: string;
}

export interface LegacyOccurrenceInput {
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

export type LegacyOccurrenceStatus = 'open' | 'due' | 'overdue' | 'escalated' | 'completed' | 'skipped' | 'cancelled';

export interface LegacyOccurrenceState {
  actionId: string;
  periodKey: string;
  status: LegacyOccurrenceStatus;
  dueInstant: string;
  owners: Owners;
  escalationStep: number;
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

export const completeUpdate = defineUpdate<LegacyOccurrenceState, [CompleteRequest]>('complete');
export const postponeUpdate = defineUpdate<LegacyOccurrenceState, [PostponeRequest]>('postpone');
export const skipUpdate = defineUpdate<LegacyOccurrenceState, [SkipRequest]>('skip');
export const reassignUpdate = defineUpdate<LegacyOccurrenceState, [ReassignRequest]>('reassign');
export const cancelSignal = defineSignal<[{ reason: string }]>('cancel');
export const ownersChangedSignal = defineSignal<[{ owners?: Owners; policy?: NoticePolicy }]>('ownersChanged');
export const occurrenceStateQuery = defineQuery<LegacyOccurrenceState>('state');
/** A first-version occurrence tells its action's workflow that it is over. */
export const occurrenceClosedSignal = defineSignal<[string]>('occurrenceClosed');
