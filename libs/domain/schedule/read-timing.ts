/**
 * The timing of an action from its timing cell and its text (SCHEDULES.md "Start" and "Weeks"): the
 * cell first; strong timing forms from the text when the cell is empty; and a week number in the
 * text ("Uppföljning vecka 12") narrows a coarser cell ("2021") to that week, whose year it takes.
 */
import { DateSpan, ScheduleWarning } from './types';
import { TimingResult, WeekInText, findTimingInText, findWeeksInText, parseTiming } from './timing';
import { isoWeekSpan, missingWeek } from './weeks';

export interface TimingReading {
  /** The span of local dates the timing names (its first day is the action's start). */
  span?: DateSpan;
  continuous: boolean;
  /** Something was given as a timing but could not be read (a warning says what). */
  unknown: boolean;
  warnings: ScheduleWarning[];
}

export interface TimingInput {
  text: string;
  /** The timing cell without its frequency, anchor, deadline and vague phrases. */
  whenRest: string;
  /** The timing cell as given, for messages. */
  cell: string;
  /** Whether there is a timing cell at all (with a frequency or not). */
  hasCell: boolean;
  fallbackYear?: number;
}

export function readTiming({ text, whenRest, cell, hasCell, fallbackYear }: TimingInput): TimingReading {
  const warnings: ScheduleWarning[] = [];
  let timing: TimingResult | undefined = whenRest ? parseTiming(whenRest, { fallbackYear }) : undefined;
  const unknown = Boolean(whenRest) && !timing;
  if (unknown) warnings.push({ code: 'UNKNOWN_TIMING', message: unknownCellMessage(cell, whenRest, fallbackYear) });
  if (!hasCell) {
    const inText = findTimingInText(text);
    timing = inText ? parseTiming(inText, { fallbackYear }) : undefined;
    if (timing) warnings.push(fromText(inText as string));
  }
  if (timing) warnings.push(...timing.warnings);
  if (timing?.timing.kind === 'continuous') return { continuous: true, unknown, warnings };
  const span = timing?.timing.kind === 'span' ? timing.timing : undefined;
  // A cell that names a day or a week already says more than a week in the text would.
  const precise = span?.exact || findWeeksInText(whenRest).length > 0;
  if (unknown || precise) return { span, continuous: false, unknown, warnings };
  const week = weekFromText(text, span, fallbackYear);
  if (!week) return { span, continuous: false, unknown, warnings };
  if ('problem' in week) return { continuous: false, unknown: true, warnings: [...warnings, { code: 'UNKNOWN_TIMING', message: week.problem }] };
  return { span: week.span, continuous: false, unknown, warnings: [...warnings, fromText(week.phrase), ...week.warnings] };
}

function fromText(phrase: string): ScheduleWarning {
  return { code: 'TIMING_FROM_TEXT', message: `The timing "${phrase}" was taken from the text` };
}

function unknownCellMessage(cell: string, whenRest: string, fallbackYear?: number): string {
  const week = findWeeksInText(whenRest)[0]?.week;
  const year = week?.year ?? fallbackYear;
  const missing = week && year !== undefined ? missingWeek(week, year) : undefined;
  return `The timing "${cell}" could not be read${missing ? `: ${missing}` : ''}`;
}

type WeekReading = { span: DateSpan; phrase: string; warnings: ScheduleWarning[] } | { problem: string };

/**
 * The one week the text names, in the year it gives, else the cell's year (the first of a span of
 * years in which the week lies), else the plan start's year (reported as YEAR_ASSUMED).
 */
function weekFromText(text: string, cell: DateSpan | undefined, fallbackYear?: number): WeekReading | undefined {
  const found = findWeeksInText(text);
  if (found.length === 0) return undefined;
  const distinct = found.filter((w, i) => found.findIndex((v) => sameWeek(v, w)) === i);
  if (distinct.length > 1 || found[0].followedByMore) {
    const more = found[0].followedByMore ? ' and more' : '';
    return { problem: `The text names several weeks (${found.map((w) => `"${w.phrase}"`).join(', ')}${more}): not one due date` };
  }
  const { phrase, week } = found[0];
  const year = week.year ?? (cell ? yearOfWeek(week.first, week.last, cell) : fallbackYear);
  if (year === undefined) return undefined;
  const missing = missingWeek(week, year);
  if (missing) return { problem: `The week "${phrase}" in the text: ${missing}` };
  const read = parseTiming(phrase, { fallbackYear: year });
  if (read?.timing.kind !== 'span') return { problem: `The week "${phrase}" in the text could not be read` };
  // The cell's year was given by the plan; only the plan start's year is an assumption.
  const warnings = cell ? read.warnings.filter((w) => w.code !== 'YEAR_ASSUMED') : read.warnings;
  return { span: { start: read.timing.start, end: read.timing.end }, phrase, warnings };
}

function sameWeek(a: WeekInText, b: WeekInText): boolean {
  return a.week.first === b.week.first && a.week.last === b.week.last && a.week.year === b.week.year;
}

function yearOfWeek(first: number, last: number, cell: DateSpan): number {
  const from = Number(cell.start.slice(0, 4));
  for (let year = from; year <= Number(cell.end.slice(0, 4)); year++) {
    const weeks = isoWeekSpan(year, first, last);
    if (weeks && weeks.start >= cell.start && weeks.end <= cell.end) return year;
  }
  return from;
}
