/**
 * The one definition of an occurrence's statuses and of the transitions recorded in its history
 * (PRODUCT.md glossary). "Upcoming" is not a status: an occurrence that has not opened yet has no
 * row, it is the action's next occurrence. "Due soon" is not a status either: it is derived from
 * the due date (the web app's "dueSoon"). A postponement is a transition that leaves the
 * occurrence open with a new due date.
 */
export const OCCURRENCE_STATUSES = ['open', 'overdue', 'escalated', 'completed', 'skipped', 'cancelled'] as const;
export type OccurrenceStatus = (typeof OCCURRENCE_STATUSES)[number];

/** Statuses of an occurrence that still needs someone to act: notices keep coming. */
export const UNRESOLVED_STATUSES = ['open', 'overdue', 'escalated'] as const satisfies readonly OccurrenceStatus[];
export type UnresolvedStatus = (typeof UNRESOLVED_STATUSES)[number];

/** Final statuses: nothing changes an occurrence any more. */
export const RESOLVED_STATUSES = ['completed', 'skipped', 'cancelled'] as const satisfies readonly OccurrenceStatus[];

export function isResolved(status: OccurrenceStatus): boolean {
  return (RESOLVED_STATUSES as readonly string[]).includes(status);
}

export function isOccurrenceStatus(value: unknown): value is OccurrenceStatus {
  return typeof value === 'string' && (OCCURRENCE_STATUSES as readonly string[]).includes(value);
}

/** What the history of an occurrence records, in the order things can happen. */
export const TRANSITION_KINDS = ['opened', 'overdue', 'escalated', 'completed', 'postponed', 'skipped', 'reassigned', 'cancelled', 'returned'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/**
 * What an occurrence asks of its owners: a task of the action's schedule, or the action's status
 * report in a reporting round (libs/domain/reporting/round.ts). Both are followed alike: reminded,
 * escalated, listed among the owner's tasks and in the calendar feed.
 */
export const OCCURRENCE_KINDS = ['task', 'status-report'] as const;
export type OccurrenceKind = (typeof OCCURRENCE_KINDS)[number];
