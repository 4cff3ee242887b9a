import type { IntentRow, NewIntent } from '../../../libs/persistence/repositories/intent.repository';
import type { OccurrenceState } from '../../../libs/domain/occurrence/state';
import { ActionRevision, actionWorkflowId, planReportingWorkflowId, ReportingRevision } from '../../../workflows/contracts/engine';
import type { OccurrenceRef, OccurrenceUpdateName } from './occurrence-updates';

/**
 * The Temporal commands the API writes as intents, in the transaction of the row change they
 * follow from. Each is safe to carry out again after a crash: starts use the workflow id of the
 * row (an existing workflow is kept), the action's signals set state rather than add to it
 * (revise sets the given fields, pause and resume set a flag, withdraw ends the workflow), and an
 * occurrence update carries its intent's id as Temporal's update id, which the server
 * deduplicates.
 */
export type IntentKind =
  | 'start-action'
  | 'revise-action'
  | 'pause-action'
  | 'resume-action'
  | 'withdraw-action'
  | 'start-plan-reporting'
  | 'revise-plan-reporting'
  | 'occurrence-changed'
  | 'update-occurrence'
  | 'round-closed';

export interface StartActionPayload {
  /** Follow-up starts when the action was committed, not when Temporal was reachable again. */
  followFrom: string;
}

export interface WithdrawPayload {
  reason?: string;
  byPersonId?: string;
}

export interface UpdateOccurrencePayload {
  occurrence: OccurrenceRef;
  update: OccurrenceUpdateName;
  args: object;
}

/**
 * What each kind of intent carries, as `intents` writes it and the executor reads it back. A
 * start written before `followFrom` existed has none (the executor falls back to its creation).
 */
export interface IntentPayloads {
  'start-action': Partial<StartActionPayload>;
  'revise-action': ActionRevision;
  'pause-action': Record<string, never>;
  'resume-action': Record<string, never>;
  'withdraw-action': WithdrawPayload;
  'start-plan-reporting': Record<string, never>;
  'revise-plan-reporting': ReportingRevision;
  'occurrence-changed': OccurrenceState;
  'update-occurrence': UpdateOccurrencePayload;
  'round-closed': { periodKey: string };
}

/** An intent read back, its payload typed by its kind. */
export type TypedIntent = { [K in IntentKind]: Omit<IntentRow, 'kind' | 'payload'> & { kind: K; payload: IntentPayloads[K] } }[IntentKind];

/**
 * The stored payload taken as its kind says: intents are written only through `intents` below,
 * whose signatures fix each kind's payload, so the table holds nothing else.
 */
export function typedIntent(intent: IntentRow): TypedIntent {
  return intent as TypedIntent;
}

const forAction = <K extends IntentKind>(kind: K, actionId: string, payload: IntentPayloads[K]): NewIntent => ({ kind, workflowId: actionWorkflowId(actionId), subjectId: actionId, payload });

export const intents = {
  startAction: (actionId: string, followFrom: string) => forAction('start-action', actionId, { followFrom } satisfies StartActionPayload),
  reviseAction: (actionId: string, revision: ActionRevision) => forAction('revise-action', actionId, revision),
  pauseAction: (actionId: string) => forAction('pause-action', actionId, {}),
  resumeAction: (actionId: string) => forAction('resume-action', actionId, {}),
  withdrawAction: (actionId: string, request: WithdrawPayload) => forAction('withdraw-action', actionId, request),
  startPlanReporting: (planId: string): NewIntent => ({ kind: 'start-plan-reporting', workflowId: planReportingWorkflowId(planId), subjectId: planId, payload: {} }),
  /** Sets the cadence and timezone the plan's reporting follows (safe to repeat: it sets, not adds). */
  revisePlanReporting: (planId: string, revision: ReportingRevision): NewIntent => ({ kind: 'revise-plan-reporting', workflowId: planReportingWorkflowId(planId), subjectId: planId, payload: revision }),
  /** The occurrence as the API has just recorded it, for its action's workflow to follow. */
  occurrenceChanged: (workflowId: string, state: OccurrenceState): NewIntent => ({ kind: 'occurrence-changed', workflowId, subjectId: state.id, payload: state }),
  /** The coordinator approved the plan's round of the period: its workflow stops following it (a flag: safe to repeat). */
  roundClosed: (planId: string, periodKey: string): NewIntent => ({ kind: 'round-closed', workflowId: planReportingWorkflowId(planId), subjectId: planId, payload: { periodKey } }),
  /** For an occurrence of the engine's first version: `workflowId` is its own workflow (OccurrenceUpdates.workflowIdOf). */
  updateOccurrence: (workflowId: string, payload: UpdateOccurrencePayload): NewIntent => ({ kind: 'update-occurrence', workflowId, subjectId: payload.occurrence.id, payload }),
};
