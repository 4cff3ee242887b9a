import { readFileSync } from 'node:fs';
import Holidays from 'date-holidays';
import { closedDaysTable } from './closed-days-source';
import CLOSED_DAYS from './closed-days.json';
import { CALENDAR_YEARS, calendarFor } from './working-days';

// The calendars read a table computed from date-holidays; it must stay what the package says.
describe('the closed-days table', () => {
  const version = JSON.parse(readFileSync(require.resolve('date-holidays/package.json'), 'utf8')).version;

  it('equals what the installed date-holidays gives for every year (else run scripts/extract-holidays.ts)', () => {
    expect(CLOSED_DAYS).toEqual(closedDaysTable(version));
  });

  it.each(['SE', 'DK', 'NO'] as const)('closes every public holiday of %s that date-holidays lists', (country) => {
    const full = new Holidays(country);
    for (const year of [2024, 2025, 2026, 2030, 2100]) {
      const expected = full.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));
      expect(calendarFor(country).closedDaysOf(year)).toEqual(expect.arrayContaining(expected));
    }
  });

  it('covers the years plans are written for, and closes only weekends outside them', () => {
    expect(CALENDAR_YEARS.first).toBeLessThanOrEqual(2000);
    expect(CALENDAR_YEARS.last).toBeGreaterThanOrEqual(2150);
    expect(calendarFor('SE').closedDaysOf(CALENDAR_YEARS.last + 1)).toEqual([]);
  });
});
