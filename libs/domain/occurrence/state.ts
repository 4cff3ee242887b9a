import type { OccurrenceStatus, TransitionKind } from './status';

export interface Owners {
  personIds: string[];
  unitIds: string[];
}

/** The notices of an occurrence: reminders before due, the overdue notice, escalation steps, repeats. */
export const NOTICE_KINDS = ['reminder', 'overdue', 'escalation', 'repeat'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Completion {
  byPersonId: string;
  onBehalfOfPersonId?: string;
  at: string;
  onTime: boolean;
  note?: string;
  evidenceUrl?: string;
}

/**
 * One occurrence as the database records it and as its action's workflow follows it. The
 * database row is the arbiter (a change is checked against it under a row lock); the workflow
 * holds a copy to know when its next notice is due, and adopts every newer copy it is sent.
 */
export interface OccurrenceState {
  /** Database id; the workflow carries it so that no activity has to look it up. */
  id: string;
  periodKey: string;
  status: OccurrenceStatus;
  dueInstant: string;
  owners: Owners;
  /** Escalation steps taken since the last (re)arming. */
  escalationStep: number;
  /** Increments with each postponement; notices of an earlier generation are never sent again. */
  generation: number;
  /** When the current notices were armed (opened, postponed, reassigned, policy changed). */
  armedAt: string;
  /** Notices of the current generation already sent, as `kind:step`. */
  fired: string[];
  /** Position of the last recorded transition (1 = opened); a copy with a higher version is newer. */
  version: number;
  completion?: Completion;
  skip?: { byPersonId: string; at: string; reason: string };
  /**
   * A quota's period ("minst sex gånger per år"): owners log each time it happens, the count
   * reaching the target completes it, and reminders follow the pace instead of the due date.
   */
  quota?: QuotaProgress;
}

export interface QuotaProgress {
  target: number;
  /** Times logged so far in the period. */
  count: number;
  /** First instant of the period (its end is the occurrence's due instant). */
  periodStartsAt: string;
}

/** A transition to record in the occurrence's history, at the state's new version. */
export interface Transition {
  kind: TransitionKind;
  at: string;
  actorPersonId?: string;
  data: Record<string, unknown>;
}

/** The result of a change: the new state and what to record (nothing when the change was a no-op). */
export interface Change {
  state: OccurrenceState;
  transition?: Transition;
}
