/**
 * Timing expressions of the "NÄR" cell: "Q4 2020", "hösten 2021", "VT 2019", "senast 2021-03-15",
 * "inden udgangen af februar 2016", "tisdag den 11 september 2018", "jan–mar 2021", "2020–2022".
 * Each becomes a span of local dates: the start is its first day, a `once` action is due on its last.
 */
import { WHITESPACE, alt, trimChars, wordRegex } from './normalize';
import { ORDINAL, ordinalValue } from './numbers';
import { HALF_WORDS, MONTH, MONTHS, QUARTER_WORDS, SEASONS, TERTIAL_WORDS, WEEKDAY, WEEKDAYS } from './calendar-words';
import { addDays, makeDate, monthSpan, weekdayOf } from './dates';
import { MORE_WEEKS, WEEK_EXPRESSION, WeekExpression, isoWeekSpan, weekExpressionOf } from './weeks';
import { findContinuous } from './continuity';
import { ScheduleWarning } from './types';

export type Timing = { kind: 'span'; start: string; end: string; exact: boolean } | { kind: 'continuous' };

export interface TimingResult {
  timing: Timing;
  warnings: ScheduleWarning[];
}

interface Context {
  /** Year used when the expression names none ("Q1", "mars"); reported as YEAR_ASSUMED. */
  fallbackYear?: number;
}

interface Span {
  start: string;
  end: string;
  exact: boolean;
  warnings: ScheduleWarning[];
  /** True when the year came from the context rather than the text. */
  yearAssumed?: boolean;
}

const END_OF = alt(['utgången av', 'utgång av', 'utgangen av', 'udgangen af', 'udgang af', 'slutet av', 'slutet på', 'slutningen af', 'slutten av', 'slutt av', 'the end of', 'end of', 'ultimo']);
const DEADLINE = alt(['senast', 'senest', 'seinast', 'innen', 'inden', 'by', 'no later than', 'not later than', 'deadline', 't.o.m.', 't.o.m', 'tom', 'till och med', 'til og med', 'until', 'till', 'til', 'klart', 'klar', 'færdig', 'ferdig', 'due', 'completed by', 'ready by']);
const BEFORE = alt(['innan', 'före', 'før', 'before', 'prior to']);
const FROM = alt(['från och med', 'fr.o.m.', 'fr.o.m', 'fr o m', 'from och med', 'fom', 'från', 'fra og med', 'f.o.m.', 'fra', 'from', 'starting', 'starting in', 'start', 'starts', 'startar', 'starter', 'start i', 'beginning', 'as of', 'with effect from', 'begynder', 'börjar', 'oppstart', 'opstart', 'uppstart', 'efter', 'etter', 'after']);
const FILLER = alt(['under', 'i', 'in', 'during', 'hela', 'hele', 'heile', 'the', 'of', 'år', 'året', 'budgetåret', 'verksamhetsåret', 'kalenderåret', 'planperioden', 'ca', 'ca.', 'cirka', 'omkring', 'approx.', 'around', 'på', 'inom', 'within', 'vid', 'ved', 'at', 'tidplan', 'när', 'hvornår', 'når', 'when', 'planerat', 'planlagt', 'planned']);

const YEAR = `((?:19|20|21)\\d{2})`;
const YEAR_OR_SHORT = `('?\\d{4}|'?\\d{2})`;

export function parseTiming(text: string, ctx: Context = {}): TimingResult | undefined {
  const s = tidy(text);
  if (!s) return undefined;
  if (findContinuous(s)) return { timing: { kind: 'continuous' }, warnings: [] };
  const span = parseModified(s, ctx);
  if (!span) return undefined;
  const { start, end, exact, warnings } = span;
  return { timing: { kind: 'span', start, end, exact }, warnings };
}

function tidy(s: string): string {
  return trimChars(s, `${WHITESPACE}:.-–`, `${WHITESPACE}.:`).replace(/\s+/g, ' ').trim();
}

/** Deadline, before, from and end-of modifiers around a plain expression. */
function parseModified(s: string, ctx: Context): Span | undefined {
  let m = new RegExp(`^(?:(?:${DEADLINE}|${BEFORE})\\s+)?(?:(?:vid|ved|i|at)\\s+)?${END_OF}\\s+(.+)$`, 'u').exec(s);
  if (m) return parseSpan(m[1], ctx);
  m = new RegExp(`^${DEADLINE}\\s*:?\\s+(.+)$`, 'u').exec(s);
  if (m) return parseSpan(m[1], ctx);
  m = new RegExp(`^${BEFORE}\\s+(.+)$`, 'u').exec(s);
  if (m) {
    const x = parseSpan(m[1], ctx);
    if (!x || x.exact) return x; // "före 15 mars 2021" reads as a deadline on that day
    const dayBefore = addDays(x.start, -1);
    return { start: dayBefore, end: dayBefore, exact: true, warnings: x.warnings };
  }
  m = new RegExp(`^${FROM}\\s+(.+)$`, 'u').exec(s);
  if (m) return parseSpan(m[1], ctx);
  return parseSpan(s, ctx);
}

/** A single expression, or a range "X – Y" whose left side may borrow the right side's year. */
function parseSpan(s: string, ctx: Context): Span | undefined {
  const whole = parseSingle(tidy(s), ctx);
  if (whole) return whole;
  return parseRange(tidy(s), ctx);
}

/**
 * The separator of a range is among the first few ("2021-03-15 – 2021-04-30" has its third); trying
 * every one of a long "1-1-1-…" would read both sides again for each: quadratic.
 */
const RANGE_SEPARATORS_TRIED = 8;

function parseRange(s: string, ctx: Context): Span | undefined {
  const sep = /\s*(?:-|–|—|\/|\btill\b|\btil\b|\bto\b|\buntil\b|\bthrough\b|\bthru\b|\btom\b|t\.o\.m\.?)\s*/gu;
  let tried = 0;
  for (let m = sep.exec(s); m && tried < RANGE_SEPARATORS_TRIED; m = sep.exec(s), tried++) {
    const left = s.slice(0, m.index);
    const right = s.slice(m.index + m[0].length);
    if (!left || !right) continue;
    const r = parseSingle(tidy(right), ctx);
    if (!r) continue;
    const l = parseSingle(tidy(left), { fallbackYear: Number(r.start.slice(0, 4)) });
    if (!l || l.start > r.end) continue;
    const warnings = r.warnings.concat(l.warnings.filter((w) => w.code !== 'YEAR_ASSUMED'));
    return { start: l.start, end: r.end, exact: false, warnings };
  }
  return undefined;
}

function parseSingle(input: string, ctx: Context): Span | undefined {
  let s = input;
  let weekday: number | undefined;
  for (;;) {
    const f = new RegExp(`^${FILLER}\\s+`, 'u').exec(s);
    const w = new RegExp(`^(${WEEKDAY})(?:\\s+den|\\s+d\\.|\\s+the)?\\s+`, 'u').exec(s);
    if (w) {
      weekday = WEEKDAYS[w[1]];
      s = s.slice(w[0].length);
    } else if (f) s = s.slice(f[0].length);
    else break;
  }
  s = s.replace(/^(?:den|d\.)\s+/u, '');
  for (const reader of READERS) {
    const span = reader(s, ctx);
    if (span) return span.exact && weekday ? checkWeekday(span, weekday) : span;
  }
  return undefined;
}

function checkWeekday(span: Span, weekday: number): Span {
  if (weekdayOf(span.start) === weekday) return span;
  const warning: ScheduleWarning = { code: 'WEEKDAY_MISMATCH', message: `${span.start} is not the weekday the text names` };
  return { ...span, warnings: [...span.warnings, warning] };
}

type Reader = (s: string, ctx: Context) => Span | undefined;

function fullYear(token: string | undefined, ctx: Context): { year: number; assumed: boolean } | undefined {
  if (token) {
    const digits = token.replace(/^'/, '');
    return { year: digits.length === 2 ? 2000 + Number(digits) : Number(digits), assumed: false };
  }
  return ctx.fallbackYear === undefined ? undefined : { year: ctx.fallbackYear, assumed: true };
}

function span(start: string | undefined, end: string | undefined, exact: boolean, assumed = false): Span | undefined {
  if (!start || !end) return undefined;
  const warnings: ScheduleWarning[] = assumed
    ? [{ code: 'YEAR_ASSUMED', message: `No year given; the plan's start year ${start.slice(0, 4)} is assumed` }]
    : [];
  return { start, end, exact, warnings, yearAssumed: assumed };
}

function day(y: number, m: number, d: number, assumed = false): Span | undefined {
  const date = makeDate(y, m, d);
  return span(date, date, true, assumed);
}

function months(y: number, month: number, count: number, assumed = false): Span | undefined {
  if (month < 1 || month > 12) return undefined;
  const { start, end } = monthSpan(y, month, count);
  return span(start, end, false, assumed);
}

const re = (source: string) => new RegExp(`^(?:${source})$`, 'u');
const WEEK_RE = re(WEEK_EXPRESSION);

const QUARTER = alt(QUARTER_WORDS);
const TERTIAL = alt(TERTIAL_WORDS);
const HALF = alt(HALF_WORDS);
const SEASON_RES = SEASONS.map((season) => ({
  season,
  regex: re(`${alt(season.words)}\\s*[-/]?\\s*(?:(?:of|i|af|av)\\s+)?${YEAR_OR_SHORT}?`),
}));

const READERS: Reader[] = [
  // 2021-03-15, 2021/03/15, 2021.03.15, 20210315
  (s) => {
    const m = re(`${YEAR}[-/.](\\d{1,2})[-/.](\\d{1,2})|${YEAR}(\\d{2})(\\d{2})`).exec(s);
    if (!m) return undefined;
    return m[1] ? day(+m[1], +m[2], +m[3]) : day(+m[4], +m[5], +m[6]);
  },
  // 15/3 2021, 15/3-2021, 15.03.2021, 15-03-2021, 15.3.21 (day first, as in the Nordic countries)
  (s) => {
    const m = re(`(\\d{1,2})[./-](\\d{1,2})(?:[./-]|\\s+|\\s*-\\s*)('?\\d{4}|\\d{2})`).exec(s);
    if (!m) return undefined;
    const y = fullYear(m[3], {});
    return y && day(y.year, +m[2], +m[1]);
  },
  // 15 mars 2021, 15. marts 2021, 15:e mars, the 15th of March 2021
  (s, ctx) => {
    const m = re(`(\\d{1,2})(?:\\.|:e|:a|st|nd|rd|th)?\\s*(?:of\\s+)?(${MONTH})\\.?\\s*,?\\s*${YEAR}?`).exec(s);
    if (!m) return undefined;
    const y = fullYear(m[3], ctx);
    return y && day(y.year, MONTHS[m[2]], +m[1], y.assumed);
  },
  // March 15, 2021
  (s, ctx) => {
    const m = re(`(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\s*,?\\s*${YEAR}?`).exec(s);
    if (!m) return undefined;
    const y = fullYear(m[3], ctx);
    return y && day(y.year, MONTHS[m[1]], +m[2], y.assumed);
  },
  // januari 2021, jan. 2021, mars, March 2021, jan-21
  (s, ctx) => {
    const m = re(`(${MONTH})\\.?\\s*(?:[-/']\\s*)?${YEAR_OR_SHORT}?`).exec(s);
    if (!m) return undefined;
    const y = fullYear(m[2], ctx);
    return y && months(y.year, MONTHS[m[1]], 1, y.assumed);
  },
  // 2021-03, 03/2021, 3/2021
  (s) => {
    const m = re(`${YEAR}-(\\d{1,2})|(\\d{1,2})/${YEAR}`).exec(s);
    if (!m) return undefined;
    return m[1] ? months(+m[1], +m[2], 1) : months(+m[4], +m[3], 1);
  },
  // Q4 2020, Q4-2020, kvartal 4 2020, K4 2021, kv 3, 2020 Q4, 2020-Q4
  (s, ctx) => {
    const m = re(`(?:q|k|${QUARTER})\\s*\\.?\\s*([1-4])(?:\\s*[-/]\\s*|\\s+)?${YEAR_OR_SHORT}?|${YEAR}\\s*[-/]?\\s*(?:q|k|kv)\\s*([1-4])`).exec(s);
    if (!m) return undefined;
    if (m[3]) return months(+m[3], (+m[4] - 1) * 3 + 1, 3);
    const y = fullYear(m[2], ctx);
    return y && months(y.year, (+m[1] - 1) * 3 + 1, 3, y.assumed);
  },
  // 4. kvartal 2020, fjärde kvartalet 2020, 4:e kvartalet, fourth quarter of 2020; same for tertial and half-year
  (s, ctx) => {
    const m = re(`(${ORDINAL})\\s*(${QUARTER}|${TERTIAL}|${HALF})\\s*(?:(?:of|i|af|av)\\s+)?${YEAR}?`).exec(s);
    if (!m) return undefined;
    const n = ordinalValue(m[1]);
    const length = QUARTER_WORDS.includes(m[2]) ? 3 : TERTIAL_WORDS.includes(m[2]) ? 4 : 6;
    if (!n || n > 12 / length) return undefined;
    const y = fullYear(m[3], ctx);
    return y && months(y.year, (n - 1) * length + 1, length, y.assumed);
  },
  // T2 2021, tertial 2 2021
  (s, ctx) => {
    const m = re(`(?:t|${TERTIAL})\\s*([1-3])\\s*[-/]?\\s*${YEAR}?`).exec(s);
    if (!m) return undefined;
    const y = fullYear(m[2], ctx);
    return y && months(y.year, (+m[1] - 1) * 4 + 1, 4, y.assumed);
  },
  // H1 2021, halvår 2 2021
  (s, ctx) => {
    const m = re(`(?:h|${HALF})\\s*([12])\\s*[-/]?\\s*${YEAR}?|${YEAR}\\s*[-/]?\\s*h([12])`).exec(s);
    if (!m) return undefined;
    if (m[3]) return months(+m[3], (+m[4] - 1) * 6 + 1, 6);
    const y = fullYear(m[2], ctx);
    return y && months(y.year, (+m[1] - 1) * 6 + 1, 6, y.assumed);
  },
  // VT 2021, våren 2021, hösten 2020, HT20, sommaren 2021, first half of 2021
  (s, ctx) => {
    for (const { season, regex } of SEASON_RES) {
      const m = regex.exec(s);
      if (!m) continue;
      const y = fullYear(m[1], ctx);
      return y && months(y.year, season.month, season.months, y.assumed);
    }
    return undefined;
  },
  // vecka 12 2021, v. 12, v12, uge 12, uke 12, week 12, 2021-W12, v. 12–14 (ISO weeks, weeks.ts)
  (s, ctx) => {
    const m = WEEK_RE.exec(s);
    if (!m?.groups) return undefined;
    const w = weekExpressionOf(m.groups);
    const y = fullYear(w.year === undefined ? undefined : String(w.year), ctx);
    const weeks = y && isoWeekSpan(y.year, w.first, w.last);
    return weeks && y ? span(weeks.start, weeks.end, false, y.assumed) : undefined;
  },
  // 2021
  (s) => {
    const m = re(YEAR).exec(s);
    return m ? months(+m[1], 1, 12) : undefined;
  },
];

/** Strong timing forms that may be picked out of running text when the timing cell is empty. */
const IN_TEXT = wordRegex(
  `(?:${DEADLINE}\\s+|${BEFORE}\\s+)?(?:(?:${END_OF})\\s+)?(?:${YEAR}-\\d{2}-\\d{2}|q[1-4]\\s*[-/]?\\s*${YEAR}|\\d{1,2}\\.?\\s+${MONTH}\\s+${YEAR}|${MONTH}\\s+${YEAR}|(?:vt|ht|våren|hösten)\\s+${YEAR})`,
);

export function findTimingInText(text: string): string | undefined {
  IN_TEXT.lastIndex = 0;
  return IN_TEXT.exec(text)?.[0];
}

/** A week named in running text, with the deadline or "before" word in front of it, if any. */
export interface WeekInText {
  phrase: string;
  week: WeekExpression;
  /** "vecka 12 och 40": the text names more than this one week. */
  followedByMore: boolean;
}

const WEEK_IN_TEXT = wordRegex(`(?:(?:${DEADLINE}|${BEFORE})\\s+)?(?:${WEEK_EXPRESSION})`);
const MORE_WEEKS_RE = new RegExp(MORE_WEEKS, 'u');

export function findWeeksInText(text: string): WeekInText[] {
  return [...text.matchAll(WEEK_IN_TEXT)].map((m) => ({
    phrase: m[0],
    week: weekExpressionOf(m.groups ?? {}),
    // A short look ahead is enough for "och 40", and keeps a long text linear.
    followedByMore: MORE_WEEKS_RE.test(text.slice((m.index ?? 0) + m[0].length, (m.index ?? 0) + m[0].length + 40)),
  }));
}
