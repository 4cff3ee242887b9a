import type { UnresolvedStatus } from '../occurrence/status';
import { paceOf } from '../quota/pace';

/**
 * An action's state at a glance, as the overview and the plan page show it and the API serves it
 * (one rule for every client): the worst of its unresolved occurrences wins.
 */
export const ACTION_GLANCE_STATES = ['onTrack', 'dueSoon', 'behindPace', 'overdue', 'escalated', 'done', 'continuous', 'nothingScheduled'] as const;
export type ActionGlanceState = (typeof ACTION_GLANCE_STATES)[number];

/** Due within this long counts as "due soon". */
export const DUE_SOON_MS = 14 * 86_400_000;

export interface GlanceFacts {
  scheduleKind: string;
  /** A quota's period carries its target, count and first instant ("minst sex gånger per år"). */
  openOccurrences: ReadonlyArray<{ due: string; status: UnresolvedStatus | string; quota?: { target: number; count: number; periodStartsAt: string } | null }>;
  completedCount: number;
  /** The schedule's next due dates from now. */
  nextDue: readonly string[];
}

export function actionGlance(action: GlanceFacts, nowMs: number): ActionGlanceState {
  if (action.scheduleKind === 'continuous') return 'continuous';
  const open = action.openOccurrences;
  if (open.some((o) => o.status === 'escalated')) return 'escalated';
  if (open.some((o) => o.status === 'overdue')) return 'overdue';
  // A quota behind the straight line to its target needs attention before its period ends.
  const at = new Date(nowMs).toISOString();
  if (open.some((o) => o.quota && paceOf({ target: o.quota.target, count: o.quota.count, period: { startsAt: o.quota.periodStartsAt, endsAt: o.due } }, at) === 'behind')) return 'behindPace';
  if (open.some((o) => Date.parse(o.due) - nowMs < DUE_SOON_MS)) return 'dueSoon';
  if (open.length === 0 && action.completedCount > 0) return 'done';
  // Nothing open, nothing done, nothing ahead: due before Bevaka followed it (a 2020 deadline in a
  // plan imported today), or a schedule that has run out. Not "on track": someone should decide.
  if (open.length === 0 && action.nextDue.length === 0) return 'nothingScheduled';
  return 'onTrack';
}
