/**
 * Builds the closed-days table from date-holidays. Only the extraction script and the spec that
 * checks the table use this file; the calendars read the table (closed-days.json).
 */
import Holidays from 'date-holidays';
import { CALENDAR_COUNTRIES, closedDays } from './closed-day-rules';
import type { ClosedDaysTable } from './working-days';

export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2200;

export function closedDaysTable(dateHolidaysVersion: string): ClosedDaysTable {
  const countries = Object.fromEntries(
    CALENDAR_COUNTRIES.map((country) => {
      const source = new Holidays(country);
      const years: Record<string, string> = {};
      for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
        years[year] = closedDays(country, source.getHolidays(year)).map((d) => d.slice(5, 7) + d.slice(8, 10)).join(' ');
      }
      return [country, years];
    }),
  );
  return { source: `date-holidays ${dateHolidaysVersion}`, license: 'CC-BY-SA-3 (holiday data of date-holidays)', firstYear: FIRST_YEAR, lastYear: LAST_YEAR, countries };
}
