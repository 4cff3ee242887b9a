/** Property-based tests of the period rules (SCHEDULES.md "Periods"). */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { listOccurrences, parseSchedule, PerYear } from '.';
import { Occurrence } from './types';

const PHRASE: Record<PerYear, string> = { 1: 'en gång per år', 2: 'två gånger per år', 3: 'tre gånger per år', 4: 'fyra gånger per år', 6: 'sex gånger per år', 12: 'tolv gånger per år' };
const ZONES = ['Europe/Stockholm', 'Europe/Copenhagen', 'Europe/Oslo', 'America/New_York', 'Australia/Sydney', 'Pacific/Chatham', 'UTC'];

const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const perYear = fc.constantFrom<PerYear>(1, 2, 3, 4, 6, 12);
const utc = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' });
const nextDay = (iso: string) => utc(iso).plus({ days: 1 }).toISODate();

function occurrences(n: PerYear, start: string, count: number, timezone = 'Europe/Stockholm'): Occurrence[] {
  return listOccurrences(parseSchedule({ text: PHRASE[n], from: start }), { count, timezone });
}

describe('N times a year', () => {
  it('every due date is the last day of its period, the last day of a month', () => {
    fc.assert(
      fc.property(perYear, date, (n, start) => {
        for (const o of occurrences(n, start, n * 2 + 1)) {
          expect(o.due).toBe(o.periodEnd);
          expect(o.due).toBe(utc(o.due).endOf('month').toISODate());
          expect(utc(o.periodStart).day).toBe(1);
          const [a, b] = [utc(o.periodStart), utc(o.periodEnd)];
          expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(12 / n - 1);
          expect((utc(o.periodStart).month - 1) % (12 / n)).toBe(0);
        }
      }),
    );
  });

  it('periods tile time without gaps or overlaps, starting with the period that contains the start', () => {
    fc.assert(
      fc.property(perYear, date, (n, start) => {
        const list = occurrences(n, start, n * 3);
        expect(list[0].periodStart <= start && start <= list[0].periodEnd).toBe(true);
        for (let i = 1; i < list.length; i++) expect(list[i].periodStart).toBe(nextDay(list[i - 1].periodEnd));
        expect(new Set(list.map((o) => o.periodKey)).size).toBe(list.length);
      }),
    );
  });

  it('gives exactly N occurrences in every calendar year, which tile the year', () => {
    fc.assert(
      fc.property(perYear, fc.integer({ min: 1990, max: 2090 }), (n, year) => {
        const list = occurrences(n, `${year}-01-01`, n * 3);
        for (const y of [year, year + 1, year + 2]) {
          const inYear = list.filter((o) => o.due.startsWith(`${y}-`));
          expect(inYear).toHaveLength(n);
          expect(inYear[0].periodStart).toBe(`${y}-01-01`);
          expect(inYear[n - 1].periodEnd).toBe(`${y}-12-31`);
        }
      }),
    );
  });

  it('ends February on the 29th exactly in leap years', () => {
    fc.assert(
      fc.property(fc.constantFrom<PerYear>(6, 12), fc.integer({ min: 1896, max: 2104 }), (n, year) => {
        const feb = occurrences(n, `${year}-01-01`, 2).find((o) => o.due.startsWith(`${year}-02`));
        const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
        expect(feb?.due).toBe(`${year}-02-${leap ? 29 : 28}`);
      }),
    );
  });

  it('puts the due instant at 23:59:59.999 local on the due date in any timezone, DST or not', () => {
    fc.assert(
      fc.property(perYear, date, fc.constantFrom(...ZONES), (n, start, zone) => {
        for (const o of occurrences(n, start, n + 1, zone)) {
          const local = DateTime.fromISO(o.dueInstant, { zone });
          expect(local.toISODate()).toBe(o.due);
          expect(local.toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
          expect(o.dueInstant.endsWith('Z')).toBe(true);
        }
      }),
    );
  });

  it('"after the key of occurrence i" is occurrence i+1, so a workflow can walk the schedule', () => {
    fc.assert(
      fc.property(perYear, date, fc.integer({ min: 0, max: 10 }), (n, start, i) => {
        const spec = parseSchedule({ text: PHRASE[n], from: start });
        const list = listOccurrences(spec, { count: i + 2 });
        expect(listOccurrences(spec, { after: list[i].periodKey, count: 1 })).toEqual([list[i + 1]]);
        expect(listOccurrences(spec, { after: list[i].due, count: 1 })).toEqual([list[i + 1]]);
      }),
    );
  });
});

describe('every K years and weekly', () => {
  it('every K years: 31 December of every K-th year from the start year', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 6 }), date, (k, start) => {
        const list = listOccurrences(parseSchedule({ text: `vart ${k}:e år`, from: start }), { count: 4 });
        list.forEach((o, i) => {
          expect(o.due).toBe(`${Number(start.slice(0, 4)) + i * k}-12-31`);
          expect(o.periodStart).toBe(`${o.due.slice(0, 4)}-01-01`);
          expect(o.periodKey).toBe(o.due.slice(0, 4));
        });
      }),
    );
  });

  it('weekly: ISO weeks Monday–Sunday, due on Sunday, tiling', () => {
    fc.assert(
      fc.property(date, fc.constantFrom(...ZONES), (start, zone) => {
        const list = listOccurrences(parseSchedule({ text: 'varje vecka', from: start }), { count: 8, timezone: zone });
        expect(list[0].periodStart <= start && start <= list[0].due).toBe(true);
        list.forEach((o, i) => {
          expect(utc(o.due).weekday).toBe(7);
          expect(utc(o.periodStart).weekday).toBe(1);
          const d = utc(o.due);
          expect(o.periodKey).toBe(`${d.weekYear}-W${String(d.weekNumber).padStart(2, '0')}`);
          if (i > 0) expect(o.periodStart).toBe(nextDay(list[i - 1].due));
        });
      }),
    );
  });
});

describe('cursors', () => {
  const rules = fc.constantFrom('en gång per år', 'halvårsvis', 'tre gånger per år', 'kvartalsvis', 'varannan månad', 'månadsvis', 'varje vecka', 'vartannat år', 'vart tredje år');
  it('skipping ahead to a date or instant gives the same as filtering the whole list', () => {
    fc.assert(
      fc.property(rules, date, fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 86_399_999 }), fc.constantFrom(...ZONES), (text, start, days, ms, zone) => {
        const spec = parseSchedule({ text, from: start });
        const cursorDate = utc(start).plus({ days }).toISODate() as string;
        const cursorInstant = DateTime.fromISO(cursorDate, { zone }).plus({ milliseconds: ms }).toUTC().toISO() as string;
        const all = listOccurrences(spec, { timezone: zone, until: utc(cursorDate).plus({ years: 10 }).toISODate() as string });
        expect(listOccurrences(spec, { timezone: zone, after: cursorDate, count: 3 })).toEqual(all.filter((o) => o.due > cursorDate).slice(0, 3));
        expect(listOccurrences(spec, { timezone: zone, after: cursorInstant, count: 3 })).toEqual(all.filter((o) => o.dueInstant > cursorInstant).slice(0, 3));
      }),
      { numRuns: 200 },
    );
  });
});
