import type { LegacyOccurrenceInput, LegacyOccurrenceStatus } from './legacy';
import type { Owners } from './engine';

/** The activities of the first version of the engine (see ./legacy.ts), kept for its running workflows. */
export type LegacyNoticeKind = 'reminder' | 'overdue' | 'escalation' | 'repeat';

export interface NoticeRequest {
  actionId: string;
  planId: string;
  periodKey: string;
  kind: LegacyNoticeKind;
  step: number;
  ladderStep?: number;
  generation: number;
  owners: Owners;
  dueInstant: string;
  firedAt: string;
}

export interface NoticeResult {
  recipientPersonIds: string[];
}

export type LegacyTransitionKind = 'opened' | 'due' | 'overdue' | 'escalated' | 'completed' | 'postponed' | 'skipped' | 'reassigned' | 'cancelled';

export interface TransitionRecord {
  actionId: string;
  periodKey: string;
  sequence: number;
  kind: LegacyTransitionKind;
  status: LegacyOccurrenceStatus;
  at: string;
  dueInstant: string;
  actorPersonId?: string;
  owners?: Owners;
  data?: Record<string, unknown>;
}

export interface LegacyEngineActivities {
  recordOccurrenceOpened(input: LegacyOccurrenceInput & { openedAt: string }): Promise<void>;
  recordTransition(transition: TransitionRecord): Promise<void>;
  deliverNotice(notice: NoticeRequest): Promise<NoticeResult>;
  recordActionStatus(input: { actionId: string; status: string; at: string }): Promise<void>;
}
