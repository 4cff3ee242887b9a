/**
 * Schedule → occurrences in the plan's timezone. Due dates are local calendar dates; the due
 * instant is the end of that day in the timezone (so DST changes never move a date). Workflows call
 * `nextOccurrence(spec, { after: lastPeriodKey })` over and over, so keys are stable and any key
 * (or date, or instant) can be the cursor.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { addDays, endOfDayInstant, floatingDate, fromFloating, localDateOf } from './dates';
import { PeriodRule, fastForward, instantKey, keyBoundary, parseRRule, periodKey, periodStart } from './rules';
import { Occurrence, ScheduleSpec } from './types';

export interface OccurrenceQuery {
  /** IANA timezone of the plan; Europe/Stockholm by default. */
  timezone?: string;
  /** Only occurrences due strictly after this period key, date (YYYY-MM-DD) or ISO instant. */
  after?: string;
  /** At most this many occurrences (default and ceiling: MAX_OCCURRENCES). */
  count?: number;
  /** Only occurrences due on or before this period key, date or instant. */
  until?: string;
}

export const MAX_OCCURRENCES = 1000;
export const DEFAULT_TIMEZONE = 'Europe/Stockholm';

export function listOccurrences(spec: ScheduleSpec, query: OccurrenceQuery = {}): Occurrence[] {
  const timezone = query.timezone ?? DEFAULT_TIMEZONE;
  if (!DateTime.fromObject({}, { zone: timezone }).isValid) {
    throw new DomainError('VALIDATION_FAILED', `Unknown timezone "${timezone}"`, [{ path: 'timezone', message: timezone }]);
  }
  const count = Math.min(query.count ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  if (!Number.isInteger(count) || count < 0) throw new DomainError('VALIDATION_FAILED', `count must be a whole number ≥ 0, not ${query.count}`);
  const afterBoundary = query.after === undefined ? undefined : keyBoundary(query.after);
  const after = afterBoundary && boundaryInstant(afterBoundary, timezone);
  const until = query.until === undefined ? undefined : boundaryInstant(keyBoundary(query.until), timezone);
  // Due dates up to this local date are certainly not after the cursor: skipped without work.
  const skipThrough = afterBoundary && ('date' in afterBoundary ? afterBoundary.date : addDays(localDateOf(afterBoundary.instant, timezone), -1));
  const window: Window = { after, until, count, timezone, skipThrough };
  const rule = spec.rule;
  if (!rule || count === 0) return [];
  switch (rule.type) {
    case 'once':
      return take([dated(rule.due, rule.due, spec.start && spec.start <= rule.due ? spec.start : rule.due, rule.due, timezone)], window);
    case 'instants':
      return take(rule.instants.map((i) => instantOccurrence(i, timezone)), window);
    case 'rrule':
      return explicitRRule(rule.rrule, window);
    default:
      return periodRule(rule, window);
  }
}

export function nextOccurrence(spec: ScheduleSpec, query: Omit<OccurrenceQuery, 'count'> = {}): Occurrence | undefined {
  return listOccurrences(spec, { ...query, count: 1 })[0];
}

interface Window {
  after?: string;
  until?: string;
  count: number;
  timezone: string;
  skipThrough?: string;
}

function boundaryInstant(b: ReturnType<typeof keyBoundary>, timezone: string): string {
  return 'instant' in b ? b.instant : endOfDayInstant(b.date, timezone);
}

/** ISO instants in UTC with milliseconds compare correctly as strings. */
function inWindow(o: Occurrence, w: Window): 'before' | 'in' | 'beyond' {
  if (w.after && o.dueInstant <= w.after) return 'before';
  if (w.until && o.dueInstant > w.until) return 'beyond';
  return 'in';
}

function take(list: Occurrence[], w: Window): Occurrence[] {
  return list.filter((o) => inWindow(o, w) === 'in').slice(0, w.count);
}

function dated(key: string, due: string, start: string, end: string, timezone: string): Occurrence {
  return { periodKey: key, periodStart: start, periodEnd: end, due, dueInstant: endOfDayInstant(due, timezone) };
}

function instantOccurrence(instant: string, timezone: string): Occurrence {
  const date = localDateOf(instant, timezone);
  return { periodKey: instantKey(instant), periodStart: date, periodEnd: date, due: date, dueInstant: instant };
}

/** Walks an rrule from its DTSTART, keeping what falls in the window; stops as soon as it can. */
function walk(text: string, w: Window, toOccurrence: (d: Date, previous: Date | undefined) => Occurrence): Occurrence[] {
  const { rule } = parseRRule(text);
  const out: Occurrence[] = [];
  let previous: Date | undefined;
  let steps = 0;
  // Floating dates compare like local dates; the day before, to stay clear of time-of-day rules.
  const skip = w.skipThrough && floatingDate(addDays(w.skipThrough, -1));
  rule.all((d) => {
    if (skip && d <= skip) {
      previous = d;
      return ++steps < 1_000_000;
    }
    const o = toOccurrence(d, previous);
    previous = d;
    const where = inWindow(o, w);
    if (where === 'beyond') return false;
    if (where === 'in') out.push(o);
    // A guard against walking forever through a fine-grained rule towards a far cursor.
    return out.length < w.count && ++steps < 1_000_000;
  });
  return out;
}

function periodRule(rule: PeriodRule, w: Window): Occurrence[] {
  const text = w.skipThrough ? fastForward(rule, addDays(w.skipThrough, 1)) : rule.rrule;
  return walk(text, w, (d) => {
    const due = fromFloating(d);
    return dated(periodKey(rule, due), due, periodStart(rule, due), due, w.timezone);
  });
}

/** An explicit RRULE: a period runs from the day after the previous occurrence to this one. */
function explicitRRule(text: string, w: Window): Occurrence[] {
  const parsed = parseRRule(text);
  return walk(text, w, (d, previous) => {
    if (!parsed.timed) {
      const due = fromFloating(d);
      const start = previous ? DateTime.fromJSDate(previous, { zone: 'utc' }).plus({ days: 1 }).toISODate() as string : (parsed.dtstart.toISODate() as string);
      return dated(due, due, start < due ? start : due, due, w.timezone);
    }
    const fields = DateTime.fromJSDate(d, { zone: 'utc' });
    const instant = (parsed.utc ? fields : DateTime.fromObject(fields.toObject(), { zone: w.timezone })).toUTC().toISO() as string;
    return instantOccurrence(instant, w.timezone);
  });
}
