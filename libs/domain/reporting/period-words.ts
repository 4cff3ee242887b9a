import { DateTime } from 'luxon';

/**
 * A reporting period as a reader of the board's report says it, never by its key ("2026H2"): a
 * span of whole months by its months ("juli–december 2026"), any other by its first and last day,
 * and the seconds-long periods of tests by their instants. `endsAt` is exclusive, as everywhere in
 * reporting.
 */
export function periodWords(period: { startsAt: string; endsAt: string }, timezone: string, locale: 'sv' | 'en' = 'sv'): string {
  const start = DateTime.fromISO(period.startsAt, { zone: timezone }).setLocale(locale);
  const end = DateTime.fromISO(period.endsAt, { zone: timezone }).setLocale(locale);
  const dash = '–';
  if (isMonthStart(start) && isMonthStart(end)) {
    const last = end.minus({ months: 1 });
    const month = (d: DateTime) => d.toFormat('LLLL');
    if (last.hasSame(start, 'month')) return `${month(start)} ${start.year}`;
    if (last.year === start.year) return `${month(start)}${dash}${month(last)} ${start.year}`;
    return `${month(start)} ${start.year}${dash}${month(last)} ${last.year}`;
  }
  if (isDayStart(start) && isDayStart(end)) {
    const last = end.minus({ days: 1 });
    if (last.hasSame(start, 'day')) return dayWords(start);
    return `${dayWords(start)} ${dash} ${dayWords(last)}`;
  }
  return `${dayWords(start)} ${start.toFormat('HH:mm:ss')} ${dash} ${end.hasSame(start, 'day') ? '' : `${dayWords(end)} `}${end.toFormat('HH:mm:ss')}`;
}

/** A date as the report writes it: "15 september 2026" / "15 September 2026". */
function dayWords(day: DateTime): string {
  return day.toFormat('d LLLL yyyy');
}

function isMonthStart(d: DateTime): boolean {
  return d.day === 1 && isDayStart(d);
}

function isDayStart(d: DateTime): boolean {
  return d.hour === 0 && d.minute === 0 && d.second === 0 && d.millisecond === 0;
}
