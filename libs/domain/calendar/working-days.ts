/**
 * Working days per country, from date-holidays (maintained holiday rules, movable feasts included),
 * through its parser and the Nordic part of its data (nordic-holidays.json, extracted by
 * scripts/extract-holidays.ts) so that the workflow bundle stays small.
 *
 * What counts as non-working is chosen deliberately, because date-holidays also lists observances:
 * - SE: `public` holidays plus the `bank` days midsommarafton, julafton and nyårsafton, on which
 *   municipal offices are closed. Half days (`optional`: trettondagsafton, valborgsmässoafton,
 *   allhelgonaafton) stay working days.
 * - DK: `public` holidays plus juleaftensdag (24/12) and grundlovsdag (5/6), closed days in Danish
 *   municipalities although date-holidays lists them as observances.
 * - NO: `public` holidays plus julaften (a full `bank` day); nyttårsaften is a half day from 14:00
 *   and stays a working day.
 * Saturdays and Sundays are never working days.
 */
import HolidaysParser from 'date-holidays-parser';
import NORDIC_HOLIDAYS from './nordic-holidays.json';
import { DateTime } from 'luxon';
import { DomainError } from '../errors';

export type CalendarCountry = 'SE' | 'DK' | 'NO';
export const CALENDAR_COUNTRIES: readonly CalendarCountry[] = ['SE', 'DK', 'NO'];

interface HolidayLike {
  date: string;
  type: string;
  name: string;
}

const EXTRA_CLOSED: Record<CalendarCountry, (h: HolidayLike) => boolean> = {
  SE: (h) => h.type === 'bank' && h.date.endsWith('00:00:00'),
  DK: (h) => h.date.startsWith('-12-24', 4) || h.date.startsWith('-06-05', 4),
  NO: (h) => h.type === 'bank' && h.date.endsWith('00:00:00'),
};

export interface Holiday {
  date: string;
  name: string;
}

export class WorkingDayCalendar {
  private readonly holidays: InstanceType<typeof HolidaysParser>;
  /** Memoised per year: pure data, so caching keeps workflow code deterministic. */
  private readonly byYear = new Map<number, Map<string, string>>();

  constructor(readonly country: CalendarCountry) {
    if (!CALENDAR_COUNTRIES.includes(country)) {
      throw new DomainError('VALIDATION_FAILED', `No working-day calendar for "${country}" (SE, DK or NO)`, [{ path: 'country', message: String(country) }]);
    }
    this.holidays = new HolidaysParser(NORDIC_HOLIDAYS as never, country);
  }

  /** Non-working public holidays of a year, in date order. */
  holidaysOf(year: number): Holiday[] {
    return [...this.closedDays(year)].map(([date, name]) => ({ date, name }));
  }

  isHoliday(date: string): boolean {
    return this.closedDays(Number(date.slice(0, 4))).has(date);
  }

  isWorkingDay(date: string): boolean {
    const d = parseDate(date);
    return d.weekday <= 5 && !this.isHoliday(date);
  }

  /** The given date if it is a working day, else the next one. */
  workingDayOnOrAfter(date: string): string {
    let d = parseDate(date);
    // The longest run of closed days (Easter, Christmas with a weekend) is well under two weeks.
    for (let i = 0; i < 30; i++, d = d.plus({ days: 1 })) {
      const iso = d.toISODate() as string;
      if (this.isWorkingDay(iso)) return iso;
    }
    throw new Error(`No working day within 30 days of ${date}`);
  }

  /**
   * The earliest instant at or after `instant` that is `hour`:00 local time on a working day.
   * A reminder for a due date D is `nextWorkingDayAt(start of D)`: 08:00 on D when D is a
   * working day, otherwise 08:00 on the next working day. An instant after 08:00 on a working day
   * moves to the next working day.
   */
  nextWorkingDayAt(instant: string, options: { timezone: string; hour?: number; minute?: number }): string {
    const { timezone, hour = 8, minute = 0 } = options;
    const at = DateTime.fromISO(instant, { zone: timezone });
    if (!at.isValid) throw new DomainError('VALIDATION_FAILED', `Not an ISO instant or unknown timezone: "${instant}", "${timezone}"`);
    let date = at.toISODate() as string;
    for (;;) {
      const day = this.workingDayOnOrAfter(date);
      const candidate = DateTime.fromISO(day, { zone: timezone }).set({ hour, minute, second: 0, millisecond: 0 });
      if (candidate >= at) return candidate.toUTC().toISO() as string;
      date = parseDate(day).plus({ days: 1 }).toISODate() as string;
    }
  }

  /** `hour`:00 local on the due date if it is a working day, else on the next working day. */
  workingDayAt(date: string, options: { timezone: string; hour?: number; minute?: number }): string {
    const day = this.workingDayOnOrAfter(date);
    const { timezone, hour = 8, minute = 0 } = options;
    return DateTime.fromISO(day, { zone: timezone }).set({ hour, minute, second: 0, millisecond: 0 }).toUTC().toISO() as string;
  }

  private closedDays(year: number): Map<string, string> {
    let days = this.byYear.get(year);
    if (!days) {
      days = new Map();
      const extra = EXTRA_CLOSED[this.country];
      for (const h of this.holidays.getHolidays(year) as HolidayLike[]) {
        if (h.type === 'public' || extra(h)) days.set(h.date.slice(0, 10), h.name);
      }
      days = new Map([...days].sort(([a], [b]) => a.localeCompare(b)));
      this.byYear.set(year, days);
    }
    return days;
  }
}

function parseDate(date: string): DateTime {
  const d = DateTime.fromISO(date, { zone: 'utc' });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !d.isValid) throw new DomainError('VALIDATION_FAILED', `Not a date (YYYY-MM-DD): "${date}"`);
  return d;
}

const calendars = new Map<CalendarCountry, WorkingDayCalendar>();

export function calendarFor(country: CalendarCountry = 'SE'): WorkingDayCalendar {
  let c = calendars.get(country);
  if (!c) calendars.set(country, (c = new WorkingDayCalendar(country)));
  return c;
}

export function isWorkingDay(date: string, country: CalendarCountry = 'SE'): boolean {
  return calendarFor(country).isWorkingDay(date);
}

export interface WorkingTimeOptions {
  country?: CalendarCountry;
  timezone?: string;
  hour?: number;
  minute?: number;
}

/** See WorkingDayCalendar.nextWorkingDayAt. Defaults: SE, Europe/Stockholm, 08:00. */
export function nextWorkingDayAt(instant: string, options: WorkingTimeOptions = {}): string {
  const { country = 'SE', timezone = 'Europe/Stockholm', hour = 8, minute = 0 } = options;
  return calendarFor(country).nextWorkingDayAt(instant, { timezone, hour, minute });
}

/** 08:00 local (by default) on `date` if it is a working day, else on the next working day. */
export function workingDayAt(date: string, options: WorkingTimeOptions = {}): string {
  const { country = 'SE', timezone = 'Europe/Stockholm', hour = 8, minute = 0 } = options;
  return calendarFor(country).workingDayAt(date, { timezone, hour, minute });
}
