import { readFileSync } from 'node:fs';
import path from 'node:path';
import Holidays from 'date-holidays';
import NORDIC_HOLIDAYS from './nordic-holidays.json';
import { nordicSubset } from './nordic-subset';
import { calendarFor } from './working-days';

// The calendars read an extract of date-holidays' data; it must stay what the package says.
describe('the Nordic holiday extract', () => {
  it('equals the installed date-holidays data for SE, DK and NO (else run scripts/extract-holidays.ts)', () => {
    const packageDir = path.dirname(require.resolve('date-holidays/package.json'));
    const all = JSON.parse(readFileSync(path.join(packageDir, 'data', 'holidays.json'), 'utf8'));
    expect(NORDIC_HOLIDAYS).toEqual(nordicSubset(all));
  });

  it.each(['SE', 'DK', 'NO'] as const)('gives the same %s holidays as the full package', (country) => {
    const full = new Holidays(country);
    for (const year of [2024, 2025, 2026, 2030]) {
      const expected = full.getHolidays(year).filter((h) => h.type === 'public').map((h) => h.date.slice(0, 10));
      const ours = calendarFor(country).holidaysOf(year).map((h) => h.date);
      expect(ours).toEqual(expect.arrayContaining(expected));
    }
  });
});
