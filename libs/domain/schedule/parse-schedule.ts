/**
 * Phrase → schedule: puts frequency, continuity and timing together as SCHEDULES.md says.
 * A frequency (in the text or the timing cell) makes an action recurring, a once-a-year frequency
 * tied to a month or season a yearly anchor; continuity words or a vague frequency make it
 * continuous; a relative deadline ("inom sex månader") or a timing alone makes it once. What cannot
 * be read is `unreadable` with a warning, never a guess.
 */
import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { DomainError } from '../errors';
import { addDuration, isIsoDate, localDateOf } from './dates';
import { Frequency, FrequencyMatch, findFrequencies, isDefinite, sameFrequency } from './frequency';
import { findContinuous, findVague } from './continuity';
import { normalizePhrase } from './normalize';
import { readTiming } from './read-timing';
import { CalendarDuration, DeadlineMatch, findRelativeDeadlines, sameDuration } from './relative-deadline';
import { buildEveryYears, buildPerYear, buildQuota, buildWeekly, buildYearlyIn, parseRRule } from './rules';
import { ScheduleSpec, ScheduleWarning } from './types';
import { AnchorMatch, YearlyAnchor, findYearlyAnchors, sameAnchor } from './yearly-anchor';

export interface ScheduleTextInput {
  text: string;
  when?: string;
  /** Plan start (YYYY-MM-DD): the start when the row names no timing, and the year of "Q1", "mars". */
  from?: string;
}

export interface ScheduleRRuleInput {
  rrule: string;
  /** YYYY-MM-DD (local dates), a local date-time, or an ISO instant. */
  start?: string;
}

export interface ScheduleInstantsInput {
  /** ISO 8601 instants with an offset or Z. */
  due: string[];
  /** A quota: this many times between one instant and the next (the first period begins when follow-up does). */
  target?: number;
}

export type ScheduleInput = ScheduleTextInput | ScheduleRRuleInput | ScheduleInstantsInput;

/** A definite frequency, or a once-a-year one tied to a month or season. */
type Cadence = Extract<Frequency, { kind: 'perYear' | 'everyYears' | 'weekly' | 'quota' }> | { kind: 'yearlyIn'; anchor: YearlyAnchor };

/** What one string (the text or the timing cell) says besides its timing. */
interface Phrases {
  frequencies: FrequencyMatch[];
  anchors: AnchorMatch[];
  deadlines: DeadlineMatch[];
}

function phrasesOf(s: string): Phrases {
  const frequencies = findFrequencies(s);
  return { frequencies, anchors: findYearlyAnchors(s, frequencies), deadlines: findRelativeDeadlines(s) };
}

export function parseSchedule(input: ScheduleTextInput): ScheduleSpec {
  if (typeof input?.text !== 'string') throw new DomainError('VALIDATION_FAILED', 'A schedule needs a text', [{ path: 'text', message: 'required' }]);
  if (input.from !== undefined && !isIsoDate(input.from)) {
    throw new DomainError('VALIDATION_FAILED', `"from" must be a date YYYY-MM-DD, not "${input.from}"`, [{ path: 'from', message: input.from }]);
  }
  const text = normalizePhrase(input.text);
  const when = normalizePhrase(input.when ?? '');
  const inText = phrasesOf(text);
  const inCell = phrasesOf(when);
  // A vague phrase ("vid behov") in the timing cell is not an unreadable timing.
  const whenRest = removeSpans(when, [...inCell.frequencies, ...inCell.anchors, ...inCell.deadlines]).replace(findVague(when) ?? '\u0000', ' ').trim();
  const fallbackYear = input.from ? Number(input.from.slice(0, 4)) : undefined;
  const timing = readTiming({ text, whenRest, cell: input.when?.trim() ?? '', hasCell: Boolean(when), fallbackYear });
  const warnings = timing.warnings;
  const start = timing.span?.start ?? input.from;

  const anchors = [...inText.anchors, ...inCell.anchors];
  const anchorProblem = anchors.find((a) => 'problem' in a);
  if (anchorProblem && 'problem' in anchorProblem) return unreadable([...warnings, { code: 'UNSUPPORTED_FREQUENCY', message: anchorProblem.problem }], start);
  const frequencies = [...inText.frequencies, ...inCell.frequencies];
  const cadences = cadencesOf(frequencies, anchors);
  if (cadences.length > 1) {
    // A once-a-year frequency inside an anchor ("varje år" in "varje år i mars") is not a frequency of its own.
    const named = frequencies.filter((f) => isDefinite(f.frequency) && !(anchors.length && f.frequency.kind === 'perYear' && f.frequency.perYear === 1));
    const phrases = [...named, ...anchors].map((f) => `"${f.phrase}"`).join(', ');
    return unreadable([...warnings, { code: 'CONFLICTING_FREQUENCY', message: `Different frequencies: ${phrases}` }], start);
  }
  if (cadences.length === 1) {
    if (!start) return unreadable([...warnings, { code: 'NO_TIMING', message: 'A frequency but no start: give a timing or the plan start' }]);
    return recurring(cadences[0], start, warnings);
  }
  const problem = frequencies.find((f) => f.frequency.kind === 'unsupported' || f.frequency.kind === 'ambiguous');
  if (problem) return unreadable([...warnings, frequencyProblem(problem)], start);

  const continuous = findContinuous(text) ?? findContinuous(when);
  if (continuous || timing.continuous) return { kind: 'continuous', rule: null, start, warnings };
  const vague = findVague(text) ?? findVague(when) ?? frequencies.find((f) => f.frequency.kind === 'vague')?.phrase;
  if (vague) {
    const warning: ScheduleWarning = { code: 'VAGUE_FREQUENCY', message: `"${vague}" is not a frequency; the action is treated as continuous` };
    return { kind: 'continuous', rule: null, start, warnings: [...warnings, warning] };
  }
  const deadlines = [...inText.deadlines, ...inCell.deadlines];
  if (deadlines.length) return relativeDeadline(deadlines, start, warnings);
  const span = timing.span;
  if (span) return { kind: 'once', rule: { type: 'once', due: span.end }, start: span.start, due: span.end, warnings };
  if (timing.unknown) return unreadable(warnings, start);
  return unreadable([...warnings, { code: 'NO_TIMING', message: 'Neither a frequency nor a timing was found' }], start);
}

/**
 * The definite frequencies, with a yearly anchor standing for the once-a-year frequency it refines
 * ("varje år i mars" is one cadence, not "varje år" and an anchor).
 */
function cadencesOf(frequencies: FrequencyMatch[], anchors: AnchorMatch[]): Cadence[] {
  const definite = distinct(frequencies.map((f) => f.frequency).filter(isDefinite));
  const anchored = anchors.flatMap((a) => ('anchor' in a ? [a.anchor] : []));
  const distinctAnchors = anchored.filter((a, i) => anchored.findIndex((b) => sameAnchor(a, b)) === i);
  if (distinctAnchors.length === 0) return definite;
  const others = definite.filter((f) => !(f.kind === 'perYear' && f.perYear === 1));
  return [...others, ...distinctAnchors.map((anchor) => ({ kind: 'yearlyIn' as const, anchor }))];
}

function recurring(c: Cadence, start: string, warnings: ScheduleWarning[]): ScheduleSpec {
  if (c.kind === 'quota') return { kind: 'quota', rule: buildQuota(c.target, c.per, start), start, warnings };
  const rule =
    c.kind === 'perYear' ? buildPerYear(c.perYear, start)
      : c.kind === 'everyYears' ? buildEveryYears(c.years, start)
        : c.kind === 'yearlyIn' ? buildYearlyIn(c.anchor, start)
          : buildWeekly(start);
  return { kind: 'recurring', rule, start, warnings };
}

/** "inom sex månader": once, due on the start plus the duration; several different ones are not one date. */
function relativeDeadline(deadlines: DeadlineMatch[], start: string | undefined, warnings: ScheduleWarning[]): ScheduleSpec {
  const problem = deadlines.find((d) => 'problem' in d);
  if (problem && 'problem' in problem) return unreadable([...warnings, { code: 'UNKNOWN_TIMING', message: problem.problem }], start);
  const durations = deadlines.flatMap((d) => ('duration' in d ? [d.duration] : []));
  const duration: CalendarDuration = durations[0];
  if (durations.some((d) => !sameDuration(d, duration))) {
    const phrases = deadlines.map((d) => `"${d.phrase}"`).join(', ');
    return unreadable([...warnings, { code: 'UNKNOWN_TIMING', message: `Different deadlines: ${phrases}` }], start);
  }
  if (!start) return unreadable([...warnings, { code: 'NO_TIMING', message: 'A deadline relative to the start, but no start: give a timing or the plan start' }]);
  const due = addDuration(start, duration);
  return { kind: 'once', rule: { type: 'once', due }, start, due, warnings };
}

function unreadable(warnings: ScheduleWarning[], start?: string): ScheduleSpec {
  return { kind: 'unreadable', rule: null, ...(start ? { start } : {}), warnings };
}

function frequencyProblem(match: FrequencyMatch): ScheduleWarning {
  const f = match.frequency;
  if (f.kind === 'ambiguous') return { code: 'AMBIGUOUS_FREQUENCY', message: `"${match.phrase}" is ambiguous (${f.reason})` };
  const reason = f.kind === 'unsupported' ? f.reason : match.phrase;
  return { code: 'UNSUPPORTED_FREQUENCY', message: `"${match.phrase}" (${reason}) is not a supported period rule yet` };
}

function distinct<T extends Frequency>(list: T[]): T[] {
  return list.filter((f, i) => list.findIndex((g) => sameFrequency(f, g)) === i);
}

/** `text` without the given phrases (which may overlap: an anchor contains its frequency). */
function removeSpans(text: string, spans: { index: number; end: number }[]): string {
  let out = '';
  let at = 0;
  for (const s of [...spans].sort((a, b) => a.index - b.index)) {
    if (s.index > at) out += text.slice(at, s.index) + ' ';
    at = Math.max(at, s.end);
  }
  out += text.slice(at);
  return out.replace(/\s+/g, ' ').replace(/^[\s,.;:/-]+|[\s,.;:/-]+$/g, '').trim();
}

/** An explicit RRULE from the API (`{rrule, start}`). */
/**
 * What an RRULE from the API may ask for, so that reading it costs little wherever it is read
 * (here, in every list of due dates, in the workflow). The rrule library walks a rule period by
 * period until a date matches, up to the year 9999: a daily rule that can never match (30
 * February, a weekday its interval never lands on) costs half a minute of CPU each time it is read.
 * So: at most one due date a day; daily and weekly rules pick days by weekday only (days of months
 * or years are MONTHLY or YEARLY rules); a start from 1970 (every read walks from the start); and
 * monthly and yearly rules must give a date at all, which is checked on one 400-year cycle of the
 * Gregorian calendar (after which every calendar repeats): at most a few thousand steps.
 */
const RRULE_BOUNDS = { earliestYear: 1970, latestYear: 9999 };
const GREGORIAN_CYCLE_YEARS = 400;

export function scheduleFromRRule(input: ScheduleRRuleInput): ScheduleSpec {
  const parsed = parseRRule(input.rrule, input.start);
  checkBounds(parsed);
  const start = parsed.dtstart.toISODate() as string;
  return { kind: 'recurring', rule: { type: 'rrule', rrule: parsed.text }, start, warnings: [] };
}

/** The most times a quota period may ask for: more than daily in a year is not a quota but a routine. */
export const MAX_QUOTA_TARGET = 366;

/** Explicit instants from the API (`{due: [ISO instants]}`): they mean exactly those moments. */
export function scheduleFromInstants(input: ScheduleInstantsInput, timezone = 'Europe/Stockholm'): ScheduleSpec {
  if (!Array.isArray(input.due) || input.due.length === 0) {
    throw new DomainError('VALIDATION_FAILED', 'Give at least one due instant', [{ path: 'due', message: 'empty' }]);
  }
  const instants = input.due.map((d, i) => {
    const t = typeof d === 'string' ? DateTime.fromISO(d, { setZone: true }) : undefined;
    if (!t?.isValid || !/T.*(Z|[+-]\d{2}:?\d{2})$/.test(d)) {
      throw new DomainError('VALIDATION_FAILED', `due[${i}] is not an ISO instant with an offset: "${d}"`, [{ path: `due.${i}`, message: String(d) }]);
    }
    return t.toUTC().toISO() as string;
  });
  const sorted = [...new Set(instants)].sort();
  const start = localDateOf(sorted[0], timezone);
  if (input.target !== undefined) {
    if (!Number.isInteger(input.target) || input.target < 1 || input.target > MAX_QUOTA_TARGET) {
      throw new DomainError('VALIDATION_FAILED', `target must be a whole number 1–${MAX_QUOTA_TARGET}, not ${String(input.target)}`, [{ path: 'target', message: String(input.target) }]);
    }
    return { kind: 'quota', rule: { type: 'instants', instants: sorted, target: input.target }, start, warnings: [] };
  }
  return { kind: sorted.length === 1 ? 'once' : 'recurring', rule: { type: 'instants', instants: sorted }, start, warnings: [] };
}

function checkBounds(parsed: ReturnType<typeof parseRRule>): void {
  const unreadable = (message: string) => new DomainError('SCHEDULE_UNREADABLE', message, [{ path: 'rrule', message }]);
  const o = parsed.rule.origOptions;
  const given = (v: unknown) => v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0);
  const many = (v: unknown) => Array.isArray(v) && v.length > 1;
  if (o.freq === RRule.HOURLY || o.freq === RRule.MINUTELY || o.freq === RRule.SECONDLY || many(o.byhour) || many(o.byminute) || many(o.bysecond)) {
    throw unreadable('An RRULE may give at most one due date a day (FREQ=DAILY or coarser, one time of day)');
  }
  if (o.interval !== undefined && !(o.interval >= 1)) throw unreadable('INTERVAL must be 1 or more');
  const year = parsed.dtstart.year;
  if (year < RRULE_BOUNDS.earliestYear || year > RRULE_BOUNDS.latestYear) {
    throw unreadable(`The start must lie in the years ${RRULE_BOUNDS.earliestYear}–${RRULE_BOUNDS.latestYear}`);
  }
  if (o.freq === RRule.DAILY || o.freq === RRule.WEEKLY) {
    const dayParts = [o.bymonth, o.bymonthday, o.byyearday, o.byweekno, o.bysetpos, o.bynweekday].some(given);
    const ordinalWeekday = (Array.isArray(o.byweekday) ? o.byweekday : [o.byweekday]).some((d) => typeof d === 'object' && d !== null && 'n' in d && d.n);
    const dailyByWeekday = o.freq === RRule.DAILY && given(o.byweekday) && (o.interval ?? 1) !== 1;
    if (dayParts || ordinalWeekday || dailyByWeekday) {
      throw unreadable('Daily and weekly rules pick days by weekday only (BYDAY=MO,TH; daily ones with INTERVAL=1): for days of a month or a year use FREQ=MONTHLY or FREQ=YEARLY');
    }
    return; // every period of such a rule has its date: nothing to walk
  }
  // The same rule started a whole number of 400-year cycles later, where the library's year-9999
  // end comes after one or two cycles: a rule with no date there has none anywhere.
  const cycles = Math.floor((RRULE_BOUNDS.latestYear - GREGORIAN_CYCLE_YEARS - year) / GREGORIAN_CYCLE_YEARS);
  const shifted = DateTime.fromJSDate(parsed.rule.options.dtstart, { zone: 'utc' }).plus({ years: Math.max(cycles, 0) * GREGORIAN_CYCLE_YEARS });
  const first = new RRule({ ...o, count: null, until: null, dtstart: shifted.toJSDate() }).all((_, i) => i < 1);
  if (first.length === 0) throw unreadable('The rule gives no date at all');
}

/** Any of the three schedule forms the REST API accepts. */
export function toScheduleSpec(input: ScheduleInput, options: { from?: string; timezone?: string } = {}): ScheduleSpec {
  if ('due' in input && Array.isArray(input.due)) return scheduleFromInstants(input, options.timezone);
  if ('rrule' in input && typeof input.rrule === 'string') return scheduleFromRRule(input);
  if ('text' in input) return parseSchedule({ ...input, from: input.from ?? options.from });
  throw new DomainError('VALIDATION_FAILED', 'A schedule is {text, when?}, {rrule, start} or {due: [instants]}', [{ path: 'schedule', message: 'unknown form' }]);
}
