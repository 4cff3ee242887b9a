import { DateTime } from 'luxon';
import { duration } from '../escalation/notice-plan';
import type { NoticePolicy } from '../escalation/policy';
import { nextOccurrence } from '../schedule/occurrences';
import { quotaTargetOf, type Occurrence, type ScheduleSpec } from '../schedule/types';

export interface Opening extends Occurrence {
  /** When the occurrence opens: owners see it from then on, and its notices are armed. */
  opensAt: string;
  /** A quota's period: its target and first instant (its end is the due instant). */
  quota?: { target: number; periodStartsAt: string };
}

export interface OpeningQuery {
  schedule: ScheduleSpec;
  timezone: string;
  policy: NoticePolicy;
  /** The due instant of the last occurrence opened; the next one is due after it. */
  openedThrough?: string;
  /** Follow-up began here: what fell due before is history and never opens. */
  followFrom?: string;
  /** Open this long (ISO duration) before the due instant at the latest. */
  openBefore?: string;
  now: string;
}

/**
 * The action's next occurrence and when it opens: at the start of its period (local midnight),
 * never later than its first reminder (or `openBefore`), and at once when that moment has passed.
 * Explicit instants have no period: each opens when the previous one falls due, the first at
 * once, so that a task due tonight is visible now.
 *
 * A quota's period opens at its start and no earlier (times are counted inside it, and its
 * reminders follow the pace, not lead times before the end); explicit instants with a target are
 * periods from one instant to the next, the first from when follow-up began.
 */
export function nextOpening(query: OpeningQuery): Opening | undefined {
  const { schedule, timezone, policy, openedThrough, followFrom, openBefore, now } = query;
  const occurrence = nextOccurrence(schedule, { after: openedThrough ?? followFrom, timezone });
  if (!occurrence) return undefined;
  const target = quotaTargetOf(schedule);
  if (target !== undefined) {
    const periodStartsAt = schedule.rule?.type === 'instants' ? (openedThrough ?? followFrom ?? now) : localMidnight(occurrence.periodStart, timezone);
    return { ...occurrence, opensAt: periodStartsAt, quota: { target, periodStartsAt } };
  }
  let at = opensAt(occurrence, [...policy.remindBefore, ...(openBefore ? [openBefore] : [])], timezone);
  if (schedule.rule?.type === 'instants') {
    const previous = openedThrough ?? now;
    if (previous < at) at = previous;
  }
  return { ...occurrence, opensAt: at };
}

function localMidnight(date: string, timezone: string): string {
  return DateTime.fromISO(date, { zone: timezone }).startOf('day').toUTC().toISO() as string;
}

function opensAt(occurrence: Occurrence, leadTimes: string[], timezone: string): string {
  const periodStart = DateTime.fromISO(occurrence.periodStart, { zone: timezone }).startOf('day');
  const due = DateTime.fromISO(occurrence.dueInstant, { zone: timezone });
  const leads = leadTimes.map((d) => due.minus(duration(d)));
  const earliest = [periodStart, ...leads].reduce((a, b) => (b < a ? b : a));
  return earliest.toUTC().toISO() as string;
}
