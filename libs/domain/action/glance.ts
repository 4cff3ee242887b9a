import type { UnresolvedStatus } from '../occurrence/status';

/**
 * An action's state at a glance, as the overview and the plan page show it and the API serves it
 * (one rule for every client): the worst of its unresolved occurrences wins.
 */
export const ACTION_GLANCE_STATES = ['onTrack', 'dueSoon', 'overdue', 'escalated', 'done', 'continuous', 'nothingScheduled'] as const;
export type ActionGlanceState = (typeof ACTION_GLANCE_STATES)[number];

/** Due within this long counts as "due soon". */
export const DUE_SOON_MS = 14 * 86_400_000;

export interface GlanceFacts {
  scheduleKind: string;
  openOccurrences: ReadonlyArray<{ due: string; status: UnresolvedStatus | string }>;
  completedCount: number;
  /** The schedule's next due dates from now. */
  nextDue: readonly string[];
}

export function actionGlance(action: GlanceFacts, nowMs: number): ActionGlanceState {
  if (action.scheduleKind === 'continuous') return 'continuous';
  const open = action.openOccurrences;
  if (open.some((o) => o.status === 'escalated')) return 'escalated';
  if (open.some((o) => o.status === 'overdue')) return 'overdue';
  if (open.some((o) => Date.parse(o.due) - nowMs < DUE_SOON_MS)) return 'dueSoon';
  if (open.length === 0 && action.completedCount > 0) return 'done';
  // Nothing open, nothing done, nothing ahead: due before Bevaka followed it (a 2020 deadline in a
  // plan imported today), or a schedule that has run out. Not "on track": someone should decide.
  if (open.length === 0 && action.nextDue.length === 0) return 'nothingScheduled';
  return 'onTrack';
}
