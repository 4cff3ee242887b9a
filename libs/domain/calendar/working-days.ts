/**
 * Working days per country: Saturdays, Sundays and the closed days of closed-days.json are not
 * working days. The table holds, per country and year, the days closed-day-rules.ts picks out of
 * date-holidays (maintained holiday rules, movable feasts included); it is computed once by
 * scripts/extract-holidays.ts, so that workflows need no holiday parser: the calendars are a
 * lookup, cheap to load into every workflow context and deterministic on replay.
 */
import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { CALENDAR_COUNTRIES, CalendarCountry } from './closed-day-rules';
import CLOSED_DAYS from './closed-days.json';
import { WORKING_DAY_START } from './working-day-start';

export { CALENDAR_COUNTRIES } from './closed-day-rules';
export type { CalendarCountry } from './closed-day-rules';

export interface ClosedDaysTable {
  source: string;
  license: string;
  firstYear: number;
  lastYear: number;
  /** Per country and year: the closed days as `MMDD`, space-separated, sorted. */
  countries: Record<string, Record<string, string>>;
}

const TABLE = CLOSED_DAYS as ClosedDaysTable;

export class WorkingDayCalendar {
  /** Memoised per year: pure data, so caching keeps workflow code deterministic. */
  private readonly byYear = new Map<number, Set<string>>();

  constructor(readonly country: CalendarCountry) {
    if (!CALENDAR_COUNTRIES.includes(country)) {
      throw new DomainError('VALIDATION_FAILED', `No working-day calendar for "${country}" (SE, DK or NO)`, [{ path: 'country', message: String(country) }]);
    }
  }

  /**
   * The closed days of a year (YYYY-MM-DD, in date order). Outside the table's years
   * (TABLE.firstYear–lastYear) only weekends are closed.
   */
  closedDaysOf(year: number): string[] {
    return [...this.closed(year)];
  }

  isHoliday(date: string): boolean {
    return this.closed(Number(date.slice(0, 4))).has(date);
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
   * The earliest instant at or after `instant` that is `hour`:`minute` local time on a working
   * day. A reminder for a due date D is `nextWorkingDayAt(start of D)`: 08:00 on D when D is a
   * working day, otherwise 08:00 on the next working day. An instant after 08:00 on a working day
   * moves to the next working day.
   */
  nextWorkingDayAt(instant: string, options: { timezone: string; hour?: number; minute?: number }): string {
    const { timezone, hour = WORKING_DAY_START.hour, minute = WORKING_DAY_START.minute } = options;
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

  /** `hour`:`minute` local on the due date if it is a working day, else on the next working day. */
  workingDayAt(date: string, options: { timezone: string; hour?: number; minute?: number }): string {
    const day = this.workingDayOnOrAfter(date);
    const { timezone, hour = WORKING_DAY_START.hour, minute = WORKING_DAY_START.minute } = options;
    return DateTime.fromISO(day, { zone: timezone }).set({ hour, minute, second: 0, millisecond: 0 }).toUTC().toISO() as string;
  }

  private closed(year: number): Set<string> {
    let days = this.byYear.get(year);
    if (!days) {
      const listed = TABLE.countries[this.country]?.[String(year)] ?? '';
      days = new Set(listed ? listed.split(' ').map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`) : []);
      this.byYear.set(year, days);
    }
    return days;
  }
}

/** The years the closed-days table covers; outside them only weekends are closed. */
export const CALENDAR_YEARS = { first: TABLE.firstYear, last: TABLE.lastYear } as const;

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

/** See WorkingDayCalendar.nextWorkingDayAt. Defaults: SE, Europe/Stockholm, the start of the working day (08:00). */
export function nextWorkingDayAt(instant: string, options: WorkingTimeOptions = {}): string {
  const { country = 'SE', timezone = 'Europe/Stockholm', hour = WORKING_DAY_START.hour, minute = WORKING_DAY_START.minute } = options;
  return calendarFor(country).nextWorkingDayAt(instant, { timezone, hour, minute });
}

/** 08:00 local (by default) on `date` if it is a working day, else on the next working day. */
export function workingDayAt(date: string, options: WorkingTimeOptions = {}): string {
  const { country = 'SE', timezone = 'Europe/Stockholm', hour = WORKING_DAY_START.hour, minute = WORKING_DAY_START.minute } = options;
  return calendarFor(country).workingDayAt(date, { timezone, hour, minute });
}
