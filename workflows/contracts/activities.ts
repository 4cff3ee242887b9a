import type { OccurrenceInput, OccurrenceStatus, Owners, ReportingPeriod } from './engine';

/**
 * What the workflows ask the outside world to do. Every write is idempotent by a key the workflow
 * computes deterministically, so a retried activity or a replayed workflow never writes twice.
 */
export type NoticeKind = 'reminder' | 'overdue' | 'escalation' | 'repeat';

export interface NoticeRequest {
  actionId: string;
  planId: string;
  periodKey: string;
  kind: NoticeKind;
  /** Reminder index, or escalation step (0 = first step: the owner's unit head), or repeat count. */
  step: number;
  /** For repeats: which ladder step the repeated notice goes to. */
  ladderStep?: number;
  generation: number;
  owners: Owners;
  dueInstant: string;
  /** The workflow's clock when the notice fired: lateness is measured from it. */
  firedAt: string;
}

export interface NoticeResult {
  recipientPersonIds: string[];
}

export type TransitionKind = 'opened' | 'due' | 'overdue' | 'escalated' | 'completed' | 'postponed' | 'skipped' | 'reassigned' | 'cancelled';

export interface TransitionRecord {
  actionId: string;
  periodKey: string;
  /** Position of this transition in the occurrence's life: part of its unique key. */
  sequence: number;
  kind: TransitionKind;
  status: OccurrenceStatus;
  at: string;
  dueInstant: string;
  actorPersonId?: string;
  owners?: Owners;
  data?: Record<string, unknown>;
}

export interface EngineActivities {
  recordOccurrenceOpened(input: OccurrenceInput & { openedAt: string }): Promise<void>;
  recordTransition(transition: TransitionRecord): Promise<void>;
  deliverNotice(notice: NoticeRequest): Promise<NoticeResult>;
  recordActionStatus(input: { actionId: string; status: string; at: string }): Promise<void>;
  requestStatusLines(input: { planId: string; period: ReportingPeriod; firedAt: string }): Promise<number>;
  freezeReport(input: { planId: string; period: ReportingPeriod; timezone: string; frozenAt: string }): Promise<{ created: boolean }>;
}
