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

const MONTHS_PER_KEY_LETTER: Record<string, number> = { H: 6, T: 4, Q: 3, B: 2 };

/**
 * An occurrence's period as the board reads it, from its key (SCHEDULES.md period keys):
 * "2026B6" → "november–december 2026", "2026-W12" → "vecka 12 2026", an instant key → its local
 * date and time. A key it does not know is said by the due date instead — never shown as it is.
 */
export function occurrenceWords(periodKey: string, due: string, timezone: string, locale: 'sv' | 'en' = 'sv'): string {
  const months = (year: number, month: number, count: number) => {
    const start = DateTime.fromObject({ year, month, day: 1 }, { zone: timezone });
    return periodWords({ startsAt: start.toUTC().toISO() as string, endsAt: start.plus({ months: count }).toUTC().toISO() as string }, timezone, locale);
  };
  let m: RegExpExecArray | null;
  if (/^\d{4}$/.test(periodKey)) return periodKey;
  if ((m = /^(\d{4})-(\d{2})$/.exec(periodKey)) && +m[2] >= 1 && +m[2] <= 12) return months(+m[1], +m[2], 1);
  if ((m = /^(\d{4})([HTQB])(\d)$/.exec(periodKey))) {
    const length = MONTHS_PER_KEY_LETTER[m[2]];
    if (+m[3] >= 1 && +m[3] <= 12 / length) return months(+m[1], (+m[3] - 1) * length + 1, length);
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(periodKey))) return `${locale === 'sv' ? 'vecka' : 'week'} ${+m[2]} ${m[1]}`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(periodKey)) return dayWords(DateTime.fromISO(periodKey, { zone: timezone }).setLocale(locale));
  const local = DateTime.fromISO(due, { zone: timezone }).setLocale(locale);
  const endOfDay = local.hour === 23 && local.minute === 59;
  return endOfDay || isDayStart(local) ? dayWords(local) : `${dayWords(local)} ${local.toFormat('HH:mm')}`;
}
