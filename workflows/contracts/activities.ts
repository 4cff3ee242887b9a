import type { NoticeKind, OccurrenceState } from '../../libs/domain/occurrence/state';
import type { ReportingPeriod } from './engine';
import type { NoticePolicy } from './policy';
import type { RoundSettings, RoundStatus } from '../../libs/domain/reporting/round';

/**
 * What the workflows ask the outside world to do. Each activity is one transaction, checked
 * against the database under row locks and idempotent by unique keys, so a retried activity, a
 * replayed workflow or a worker killed in the middle never writes or sends anything twice. The
 * follow-up activities run as local activities: short, on the worker that runs the workflow task.
 */
export interface OpenOccurrenceRequest {
  actionId: string;
  planId: string;
  /** The workflow that follows the occurrence: the API sends it the occurrence's changes. */
  workflowId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueInstant: string;
  openedAt: string;
  /** A quota's period (schedule kind 'quota'): its target and first instant. */
  quota?: { target: number; periodStartsAt: string };
}

/** The occurrence as recorded (a new one, or the one an earlier attempt recorded), or why not. */
export type OpenOccurrenceResult = { state: OccurrenceState } | { refused: 'paused' | 'withdrawn' };

export interface NoticeToFire {
  occurrenceId: string;
  periodKey: string;
  /** The generation the workflow armed the notice for; a postponement since makes it stale. */
  generation: number;
  kind: NoticeKind;
  step: number;
}

export interface FireNoticesRequest {
  actionId: string;
  planId: string;
  /** In the order they fell due. */
  notices: NoticeToFire[];
  /** The workflow's clock when they fired: lateness and "today" are measured from it. */
  firedAt: string;
}

export interface FireNoticesResult {
  /** The action as recorded: a paused or withdrawn action sends nothing. */
  actionStatus: string;
  /** Each occurrence of the request as it now is; the workflow adopts these. */
  occurrences: OccurrenceState[];
  /** The notices sent now (not before, not refused), with whom they went to. */
  sent: Array<{ periodKey: string; key: string; recipientPersonIds: string[] }>;
}

export interface CloseActionRequest {
  actionId: string;
  reason: string;
  byPersonId?: string;
  at: string;
}

export interface FollowUpActivities {
  openOccurrence(request: OpenOccurrenceRequest): Promise<OpenOccurrenceResult>;
  fireNotices(request: FireNoticesRequest): Promise<FireNoticesResult>;
  /** The action is withdrawn: what is still open is cancelled. */
  closeAction(request: CloseActionRequest): Promise<void>;
}

export interface OpenRoundRequest {
  planId: string;
  period: ReportingPeriod;
  settings: RoundSettings;
  openedAt: string;
  /** The reporting workflow: it follows the round's status reports, and is told of their changes. */
  workflowId: string;
}

export interface OpenRoundResult {
  /** Not 'open': approved meanwhile (a run continued as new after the approval): nothing to follow. */
  status: RoundStatus;
  freezesAt: string;
  /** The plan's notice policy (else the organisation's) and timezone, for the status reports' notices. */
  policy: NoticePolicy;
  timezone: string;
  /** The status reports still unresolved, each with its action (notices are fired per action). */
  unresolved: Array<{ actionId: string; state: OccurrenceState }>;
}

export interface ReportingActivities {
  /** Records the round and every action's status report (or finds what an earlier attempt recorded). */
  openRound(request: OpenRoundRequest): Promise<OpenRoundResult>;
  /** Freezes the round's report: approved already, or now, unapproved, with the missing ones not reported. */
  freezeRound(request: { planId: string; periodKey: string; frozenAt: string }): Promise<{ created: boolean }>;
  requestStatusLines(input: { planId: string; period: ReportingPeriod; firedAt: string }): Promise<number>;
  freezeReport(input: { planId: string; period: ReportingPeriod; timezone: string; frozenAt: string }): Promise<{ created: boolean }>;
}
