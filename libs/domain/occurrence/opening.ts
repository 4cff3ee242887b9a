import { DateTime } from 'luxon';
import { duration } from '../escalation/notice-plan';
import type { NoticePolicy } from '../escalation/policy';
import { nextOccurrence } from '../schedule/occurrences';
import type { Occurrence, ScheduleSpec } from '../schedule/types';

export interface Opening extends Occurrence {
  /** When the occurrence opens: owners see it from then on, and its notices are armed. */
  opensAt: string;
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
 */
export function nextOpening(query: OpeningQuery): Opening | undefined {
  const { schedule, timezone, policy, openedThrough, followFrom, openBefore, now } = query;
  const occurrence = nextOccurrence(schedule, { after: openedThrough ?? followFrom, timezone });
  if (!occurrence) return undefined;
  let at = opensAt(occurrence, [...policy.remindBefore, ...(openBefore ? [openBefore] : [])], timezone);
  if (schedule.rule?.type === 'instants') {
    const previous = openedThrough ?? now;
    if (previous < at) at = previous;
  }
  return { ...occurrence, opensAt: at };
}

function opensAt(occurrence: Occurrence, leadTimes: string[], timezone: string): string {
  const periodStart = DateTime.fromISO(occurrence.periodStart, { zone: timezone }).startOf('day');
  const due = DateTime.fromISO(occurrence.dueInstant, { zone: timezone });
  const leads = leadTimes.map((d) => due.minus(duration(d)));
  const earliest = [periodStart, ...leads].reduce((a, b) => (b < a ? b : a));
  return earliest.toUTC().toISO() as string;
}
