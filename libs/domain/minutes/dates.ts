/**
 * Calendar dates as minutes write them, in Swedish, Danish, Norwegian and English. Pure: a
 * date without a year takes the meeting's year (the next year if that would put it before the
 * meeting), so nothing here reads a clock.
 */
import { DateTime } from 'luxon';

/** Month stems: the first letters identify a month in all four languages ("mars", "marts", "march"). */
const MONTH_STEMS: ReadonlyArray<[RegExp, number]> = [
  [/^jan/, 1], [/^feb/, 2], [/^mar/, 3], [/^apr/, 4], [/^(maj|mai|may)/, 5], [/^jun/, 6],
  [/^jul/, 7], [/^aug/, 8], [/^sep/, 9], [/^o[ck]t/, 10], [/^nov/, 11], [/^de[cs]/, 12],
];

/** A month name or abbreviation in any of the four languages, for use inside larger patterns. */
export const MONTH_WORD =
  '(?:januari|januar|january|jan|februari|februar|february|feb|mars|marts|march|mar|april|apr|maj|mai|may|juni|june|jun|juli|july|jul|augusti|august|aug|september|sept|sep|oktober|october|okt|oct|november|nov|december|desember|dec|des)';

export function monthNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  return MONTH_STEMS.find(([stem]) => stem.test(w))?.[1];
}

export function isoDate(year: number, month: number, day: number): string | undefined {
  const d = DateTime.fromObject({ year, month, day });
  return d.isValid ? d.toISODate() ?? undefined : undefined;
}

/** The year to give a day and month written without one: the first on or after the meeting. */
export function dateAfter(meetingDate: string, month: number, day: number): string | undefined {
  const year = Number(meetingDate.slice(0, 4));
  const same = isoDate(year, month, day);
  if (!same) return undefined;
  return same >= meetingDate ? same : isoDate(year + 1, month, day);
}

export function lastDayOfMonth(meetingDate: string, month: number): string | undefined {
  const year = Number(meetingDate.slice(0, 4));
  const end = (y: number) => DateTime.fromObject({ year: y, month }).endOf('month').toISODate() ?? undefined;
  const same = end(year);
  return same && same >= meetingDate ? same : end(year + 1);
}

const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/;
const DMY = /\b(\d{1,2})[-./](\d{1,2})[-./](\d{4})\b/;
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})\\.?\\s+(${MONTH_WORD})\\.?(?:\\s+(\\d{4}))?`, 'i');

/**
 * The first date written in `text`: 2018-06-12, 22-01-2016, "29. april 2016", "den 11 sep".
 * Without a year it needs `reference` (the meeting date) to place it.
 */
export function findDate(text: string, reference?: string): string | undefined {
  const iso = ISO.exec(text);
  if (iso) return isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
  const dmy = DMY.exec(text);
  if (dmy) return isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
  const dm = DAY_MONTH.exec(text);
  if (!dm) return undefined;
  const month = monthNumber(dm[2]);
  if (!month) return undefined;
  if (dm[3]) return isoDate(Number(dm[3]), month, Number(dm[1]));
  return reference ? dateAfter(reference, month, Number(dm[1])) : undefined;
}
