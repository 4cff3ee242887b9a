import fc from 'fast-check';
import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import { WorkingDayCalendar, calendarFor, isWorkingDay, nextWorkingDayAt, workingDayAt } from '.';

describe('working days', () => {
  it.each([
    ['2024-06-21', 'midsommarafton'], ['2024-12-24', 'julafton'], ['2024-12-31', 'nyårsafton'], ['2024-06-06', 'nationaldagen'],
    ['2024-03-29', 'långfredagen'], ['2024-04-01', 'annandag påsk'], ['2024-05-09', 'Kristi himmelsfärdsdag'], ['2024-01-01', 'nyårsdagen'],
    ['2024-01-06', 'trettondedag jul (a Saturday)'], ['2025-01-06', 'trettondedag jul'], ['2024-05-01', 'första maj'],
  ])('SE: %s (%s) is not a working day', (date) => {
    expect(isWorkingDay(date, 'SE')).toBe(false);
  });

  it.each([['2024-01-05', 'trettondagsafton (half day)'], ['2024-04-30', 'valborgsmässoafton (half day)'], ['2024-06-24', 'Monday after midsommar'], ['2024-11-01', 'allhelgonaafton (half day)']])(
    'SE: %s (%s) is a working day',
    (date) => expect(isWorkingDay(date, 'SE')).toBe(true),
  );

  it('DK and NO have their own calendars', () => {
    expect(isWorkingDay('2024-06-05', 'DK')).toBe(false); // grundlovsdag
    expect(isWorkingDay('2024-06-05', 'SE')).toBe(true);
    expect(isWorkingDay('2023-05-05', 'DK')).toBe(false); // store bededag, abolished from 2024
    expect(isWorkingDay('2024-04-26', 'DK')).toBe(true);
    expect(isWorkingDay('2024-05-17', 'NO')).toBe(false); // grunnlovsdagen
    expect(isWorkingDay('2024-05-17', 'SE')).toBe(true);
    expect(isWorkingDay('2024-12-24', 'NO')).toBe(false);
    expect(isWorkingDay('2024-12-31', 'NO')).toBe(true); // nyttårsaften: half day from 14:00
    expect(isWorkingDay('2024-06-06', 'NO')).toBe(true);
  });

  it('weekends are never working days', () => {
    expect(isWorkingDay('2024-06-15', 'SE')).toBe(false);
    expect(isWorkingDay('2024-06-16', 'DK')).toBe(false);
  });

  it('lists the closed days of a year', () => {
    const days = new WorkingDayCalendar('SE').closedDaysOf(2024);
    expect(days).toContain('2024-06-21');
    expect(days).not.toContain('2024-01-05');
    expect([...days].sort()).toEqual(days);
  });

  it('rejects unknown countries and bad dates', () => {
    expect(() => calendarFor('FI' as never)).toThrow(DomainError);
    expect(() => isWorkingDay('2024-02-30')).toThrow(DomainError);
  });
});

describe('nextWorkingDayAt (08:00 local on a working day, not before the instant)', () => {
  it('a due date on a working day fires at 08:00 that day', () => {
    expect(workingDayAt('2024-01-08')).toBe('2024-01-08T07:00:00.000Z'); // CET
    expect(workingDayAt('2024-08-08')).toBe('2024-08-08T06:00:00.000Z'); // CEST
  });

  it('midsommarafton moves to Monday; Easter to Tuesday across the DST change', () => {
    expect(workingDayAt('2024-06-21')).toBe('2024-06-24T06:00:00.000Z');
    expect(nextWorkingDayAt('2024-03-28T12:00:00+01:00')).toBe('2024-04-02T06:00:00.000Z');
    expect(workingDayAt('2024-12-24')).toBe('2024-12-27T07:00:00.000Z');
  });

  it('before 08:00 gives the same day, at or after 08:00 the next working day', () => {
    expect(nextWorkingDayAt('2024-01-08T06:59:59Z')).toBe('2024-01-08T07:00:00.000Z');
    expect(nextWorkingDayAt('2024-01-08T07:00:00Z')).toBe('2024-01-08T07:00:00.000Z');
    expect(nextWorkingDayAt('2024-01-08T07:00:01Z')).toBe('2024-01-09T07:00:00.000Z');
    expect(nextWorkingDayAt('2024-01-12T09:00:00+01:00')).toBe('2024-01-15T07:00:00.000Z'); // Friday → Monday
  });

  it('uses the given country, timezone and hour', () => {
    expect(nextWorkingDayAt('2024-05-16T12:00:00Z', { country: 'NO', timezone: 'Europe/Oslo', hour: 9 })).toBe('2024-05-21T07:00:00.000Z');
    expect(nextWorkingDayAt('2024-06-04T12:00:00Z', { country: 'DK', timezone: 'Europe/Copenhagen' })).toBe('2024-06-06T06:00:00.000Z');
  });

  it('property: the result is the first working-day 08:00 at or after the instant', () => {
    const zone = 'Europe/Stockholm';
    fc.assert(
      fc.property(fc.date({ min: new Date('2019-01-01T00:00:00Z'), max: new Date('2031-12-31T00:00:00Z'), noInvalidDate: true }), (d) => {
        const instant = d.toISOString();
        const result = DateTime.fromISO(nextWorkingDayAt(instant), { zone });
        expect(result.toFormat('HH:mm:ss.SSS')).toBe('08:00:00.000');
        expect(isWorkingDay(result.toISODate() as string)).toBe(true);
        expect(result.toMillis()).toBeGreaterThanOrEqual(d.getTime());
        // No working-day 08:00 lies between the instant and the result.
        for (let day = DateTime.fromJSDate(d, { zone }).startOf('day'); day < result.startOf('day'); day = day.plus({ days: 1 })) {
          const eight = day.set({ hour: 8 });
          if (isWorkingDay(day.toISODate() as string)) expect(eight.toMillis()).toBeLessThan(d.getTime());
        }
      }),
      { numRuns: 300 },
    );
  });
});
