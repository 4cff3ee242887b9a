/**
 * Calendar-date helpers on luxon. Local calendar dates are handled as UTC dates so that no
 * timezone or DST can shift them; zones only come in when a date becomes an instant.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../errors';

const UTC = { zone: 'utc' } as const;

export function dateOf(iso: string): DateTime {
  const d = DateTime.fromISO(iso, UTC);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !d.isValid) {
    throw new DomainError('VALIDATION_FAILED', `Not a date (YYYY-MM-DD): "${iso}"`, [{ message: iso }]);
  }
  return d;
}

export function isIsoDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && DateTime.fromISO(s, UTC).isValid;
}

/** YYYY-MM-DD of y/m/d, or undefined when there is no such day (30 February). */
export function makeDate(year: number, month: number, day: number): string | undefined {
  const d = DateTime.fromObject({ year, month, day }, UTC);
  return d.isValid ? (d.toISODate() as string) : undefined;
}

export function toIso(d: DateTime): string {
  return d.toISODate() as string;
}

/** First and last day of `months` months starting at year/month. */
export function monthSpan(year: number, month: number, months = 1): { start: string; end: string } {
  const start = DateTime.fromObject({ year, month, day: 1 }, UTC);
  return { start: toIso(start), end: toIso(start.plus({ months: months - 1 }).endOf('month')) };
}

export function addDays(iso: string, days: number): string {
  return toIso(dateOf(iso).plus({ days }));
}

/**
 * `iso` plus a calendar duration: months and years clamp to the month's end (30 November + 3
 * months = 29 February in a leap year), days and weeks are whole days.
 */
export function addDuration(iso: string, duration: { years?: number; months?: number; weeks?: number; days?: number }): string {
  return toIso(dateOf(iso).plus(duration));
}

/** Luxon weekday (1 = Monday … 7 = Sunday). */
export function weekdayOf(iso: string): number {
  return dateOf(iso).weekday;
}

/** End of the local day as a UTC instant (23:59:59.999 in `timezone`). */
export function endOfDayInstant(iso: string, timezone: string): string {
  const d = DateTime.fromISO(iso, { zone: timezone });
  if (!d.isValid) throw new DomainError('VALIDATION_FAILED', `Unknown timezone "${timezone}" or bad date "${iso}"`);
  return d.endOf('day').toUTC().toISO() as string;
}

/** Local calendar date of an instant in a timezone. */
export function localDateOf(instant: string, timezone: string): string {
  const d = DateTime.fromISO(instant, { zone: timezone, setZone: false }).setZone(timezone);
  if (!d.isValid) throw new DomainError('VALIDATION_FAILED', `Not an ISO instant: "${instant}"`);
  return d.toISODate() as string;
}

/** The floating (UTC-fielded) JS Date that rrule works with, for a local date. */
export function floatingDate(iso: string): Date {
  return dateOf(iso).toJSDate();
}

export function fromFloating(d: Date): string {
  return DateTime.fromJSDate(d, UTC).toISODate() as string;
}
