/**
 * Week numbers ("vecka 12 2021", "v. 12", "v12", "uge 12 2021", "uke 12", "week 12 2021", "2021-W12",
 * "v. 12–14"): ISO 8601 weeks, Monday to Sunday, as the Nordic countries number them. A week is a
 * span of local dates; a `once` action named by one is due on its Sunday. Week 53 exists only in
 * some years, so a week the year does not have is reported, never moved into the next year.
 */
import { DateTime } from 'luxon';
import { alt } from './normalize';
import { toIso } from './dates';
import { DateSpan } from './types';

/** Words that name a week before its number ("vecka 12", "v. 12", "uge 12", "week no. 12"). */
const WEEK_WORDS = [
  'vecka', 'veckan', 'vecka nr', 'vecka nr.', 'veckonummer', 'v', 'v.', 'v nr', 'v. nr', 'v.nr', 'vnr',
  'uge', 'ugen', 'uge nr', 'uge nr.', 'ugenummer', 'uke', 'uka', 'uke nr', 'uke nr.', 'ukenummer', 'veke', 'veka',
  'week', 'week no', 'week no.', 'week nr', 'week number', 'wk', 'wk.',
];

const WEEK_WORD = alt(WEEK_WORDS);
const YEAR = '(?:19|20|21)\\d{2}';
/** Not "v2.0" (a version) nor "v. 12.5": a week number stands alone. */
const NUMBER = '\\d{1,2}(?![\\d]|[.,]\\d)';
/** Between the two weeks of a range ("v. 12–14", "vecka 12 till vecka 14", "week 12 to 14"). */
const THROUGH = `\\s*(?:-|/|till|til|to|through)\\s*(?:${WEEK_WORD}\\s*)?`;

/**
 * Regex source of a week expression, with named groups: `week` (and `last` for a range) and `year`,
 * or the year-first forms "2021-W12", "2021 v. 12" (`year2`, `week2`). Used anchored by the timing
 * cell's reader and unanchored to find a week in an action's text.
 */
export const WEEK_EXPRESSION =
  `(?:${WEEK_WORD}\\s*(?<week>${NUMBER})(?:${THROUGH}(?<last>${NUMBER}))?(?:\\s*[-/]?\\s*(?:(?:of|i|af|av)\\s+)?(?<year>${YEAR})(?!\\d))?` +
  `|(?<year2>${YEAR})\\s*[-/]?\\s*(?:w|${WEEK_WORD})\\s*(?<week2>${NUMBER}))`;

/** What follows a week when the text names several ("vecka 12 och 40", "v. 12, 24, 36"): not one due date. */
export const MORE_WEEKS = `^\\s*(?:och|og|and|samt|eller|or|&|\\+)?\\s*(?:${WEEK_WORD}\\s*)?${NUMBER}`;

export interface WeekExpression {
  first: number;
  last: number;
  year?: number;
}

/** The weeks and year of a WEEK_EXPRESSION match. */
export function weekExpressionOf(groups: Record<string, string | undefined>): WeekExpression {
  const first = Number(groups.week ?? groups.week2);
  const last = groups.last ? Number(groups.last) : first;
  const year = groups.year ?? groups.year2;
  return { first, last, ...(year ? { year: Number(year) } : {}) };
}

/** 52 or 53: an ISO year has 53 weeks when it starts on a Thursday, or a leap year on a Wednesday. */
export function weeksInIsoYear(year: number): number {
  return DateTime.fromObject({ year, month: 12, day: 28 }, { zone: 'utc' }).weekNumber;
}

/** Monday of the first week to Sunday of the last, or undefined when the year has no such week. */
export function isoWeekSpan(year: number, first: number, last = first): DateSpan | undefined {
  if (first < 1 || last < first || last > weeksInIsoYear(year)) return undefined;
  const monday = DateTime.fromObject({ weekYear: year, weekNumber: first, weekday: 1 }, { zone: 'utc' });
  const sunday = DateTime.fromObject({ weekYear: year, weekNumber: last, weekday: 7 }, { zone: 'utc' });
  return { start: toIso(monday), end: toIso(sunday) };
}

/** Why a week expression names no week in `year` (for the warning), or undefined when it does. */
export function missingWeek(w: WeekExpression, year: number): string | undefined {
  if (isoWeekSpan(year, w.first, w.last)) return undefined;
  if (w.first < 1) return 'There is no ISO week 0';
  if (w.last < w.first) return `"${w.first}–${w.last}" is not a range of ISO weeks`;
  return `${year} has no ISO week ${Math.max(w.first, w.last)}: it has ${weeksInIsoYear(year)} weeks`;
}
