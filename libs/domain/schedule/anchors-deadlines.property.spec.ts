/**
 * Property-based tests of yearly anchors and relative deadlines (SCHEDULES.md "Yearly anchors",
 * "Relative deadlines"), against plain calendar arithmetic written here.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { listOccurrences, parseSchedule } from '.';

const date = fc.date({ min: new Date(Date.UTC(1990, 0, 1)), max: new Date(Date.UTC(2090, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const pad = (n: number) => String(n).padStart(2, '0');
const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const endOfMonth = (y: number, m: number) => `${y}-${pad(m)}-${pad(daysInMonth(y, m))}`;
const ZONES = ['Europe/Stockholm', 'Europe/Oslo', 'America/New_York', 'Australia/Sydney', 'UTC'];

const MONTH_WORDS: Record<number, string[]> = {
  1: ['januari', 'januar', 'January'], 2: ['februari', 'februar', 'February'], 3: ['mars', 'marts', 'March'], 4: ['april', 'april', 'April'],
  5: ['maj', 'mai', 'May'], 6: ['juni', 'juni', 'June'], 7: ['juli', 'juli', 'July'], 8: ['augusti', 'august', 'August'],
  9: ['september', 'september', 'September'], 10: ['oktober', 'oktober', 'October'], 11: ['november', 'november', 'November'], 12: ['december', 'december', 'December'],
};
const MONTH_PHRASES: ((m: number) => string)[] = [
  (m) => `varje år i ${MONTH_WORDS[m][0]}`, (m) => `årligen i ${MONTH_WORDS[m][0]}`, (m) => `i ${MONTH_WORDS[m][0]} varje år`,
  (m) => `hvert år i ${MONTH_WORDS[m][1]}`, (m) => `en gang om året i ${MONTH_WORDS[m][1]}`, (m) => `every year in ${MONTH_WORDS[m][2]}`,
  (m) => `once a year in ${MONTH_WORDS[m][2]}`, (m) => `every ${MONTH_WORDS[m][2]}`,
];
/** Season phrases with the last month of the season: spring Jan–Jun, summer Jun–Aug, autumn Jul–Dec. */
const SEASON_PHRASES: [string, number, number][] = [
  ['varje vår', 1, 6], ['årligen under våren', 1, 6], ['hvert forår', 1, 6], ['every spring', 1, 6], ['hver vår', 1, 6],
  ['varje sommar', 6, 8], ['hver sommer', 6, 8], ['every summer', 6, 8],
  ['årligen under hösten', 7, 12], ['hvert efterår', 7, 12], ['hver høst', 7, 12], ['every autumn', 7, 12], ['annually in the fall', 7, 12],
];

describe('yearly anchors', () => {
  it('a month: due its last day every year, the first in the start year unless the month ended before the start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), fc.constantFrom(...MONTH_PHRASES), date, (m, phrase, start) => {
        const spec = parseSchedule({ text: `Uppföljning ${phrase(m)}`, from: start });
        expect(spec.rule).toMatchObject({ type: 'yearlyIn', month: m });
        expect(spec.rule && 'rrule' in spec.rule && spec.rule.rrule).toMatch(new RegExp(`RRULE:FREQ=YEARLY;BYMONTH=${m};BYMONTHDAY=-1$`));
        const y = Number(start.slice(0, 4));
        const first = endOfMonth(y, m) >= start ? y : y + 1;
        const list = listOccurrences(spec, { count: 4 });
        expect(list.map((o) => o.due)).toEqual([0, 1, 2, 3].map((i) => endOfMonth(first + i, m)));
        expect(list.map((o) => o.periodStart)).toEqual([0, 1, 2, 3].map((i) => `${first + i}-${pad(m)}-01`));
        expect(list.map((o) => o.periodKey)).toEqual([0, 1, 2, 3].map((i) => String(first + i)));
      }),
      { numRuns: 300 },
    );
  });

  it('a season: due the season\'s last day every year, the next year when the season ended before the start', () => {
    fc.assert(
      fc.property(fc.constantFrom(...SEASON_PHRASES), date, ([phrase, firstMonth, lastMonth], start) => {
        const list = listOccurrences(parseSchedule({ text: `Träff ${phrase}`, from: start }), { count: 3 });
        const y = Number(start.slice(0, 4));
        const first = endOfMonth(y, lastMonth) >= start ? y : y + 1;
        expect(list.map((o) => [o.periodStart, o.due])).toEqual([0, 1, 2].map((i) => [`${first + i}-${pad(firstMonth)}-01`, endOfMonth(first + i, lastMonth)]));
      }),
      { numRuns: 200 },
    );
  });

  it('February anchors end on the 29th exactly in leap years', () => {
    const list = listOccurrences(parseSchedule({ text: 'Budgetdialog varje år i februari', from: '1896-01-01' }), { count: 209 });
    for (const o of list) {
      const y = Number(o.due.slice(0, 4));
      expect(o.due).toBe(`${y}-02-${(y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28}`);
    }
  });

  it('a cursor (a key, a date or an instant) gives the same as filtering the whole list, in any timezone', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 12 }), date, fc.integer({ min: 0, max: 3000 }), fc.constantFrom(...ZONES), (m, start, days, zone) => {
        const spec = parseSchedule({ text: `varje år i ${MONTH_WORDS[m][0]}`, from: start });
        const cursor = DateTime.fromISO(start, { zone: 'utc' }).plus({ days }).toISODate() as string;
        const all = listOccurrences(spec, { timezone: zone, until: `${Number(cursor.slice(0, 4)) + 6}` });
        expect(listOccurrences(spec, { timezone: zone, after: cursor, count: 2 })).toEqual(all.filter((o) => o.due > cursor).slice(0, 2));
        const i = Math.min(1, all.length - 2);
        expect(listOccurrences(spec, { timezone: zone, after: all[i].periodKey, count: 1 })).toEqual([all[i + 1]]);
        expect(listOccurrences(spec, { timezone: zone, after: all[i].dueInstant, count: 1 })).toEqual([all[i + 1]]);
      }),
      { numRuns: 200 },
    );
  });
});

/** start + n months, the day clamped to the month's length (no library). */
function plusMonths(start: string, n: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const index = y * 12 + (m - 1) + n;
  const [year, month] = [Math.floor(index / 12), (index % 12) + 1];
  return `${year}-${pad(month)}-${pad(Math.min(d, daysInMonth(year, month)))}`;
}
const plusDays = (start: string, n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const MONTHS_PHRASES = [(n: number) => `inom ${n} månader`, (n: number) => `senast ${n} månader efter start`, (n: number) => `inden for ${n} måneder`, (n: number) => `innen ${n} måneder`, (n: number) => `within ${n} months`];
const DAYS_PHRASES = [(n: number) => `inom ${n} dagar`, (n: number) => `inden for ${n} dage`, (n: number) => `innen ${n} dager`, (n: number) => `within ${n} days`];

describe('relative deadlines', () => {
  it('N months after the start, clamped to the end of the month, in every language', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 48 }), fc.constantFrom(...MONTHS_PHRASES), (start, n, phrase) => {
        const spec = parseSchedule({ text: `Ta fram en plan ${phrase(n)}`, from: start });
        expect(spec).toMatchObject({ kind: 'once', start, due: plusMonths(start, n) });
        expect(listOccurrences(spec).map((o) => [o.periodStart, o.due])).toEqual([[start, plusMonths(start, n)]]);
      }),
      { numRuns: 300 },
    );
    expect(parseSchedule({ text: 'Plan inom tre månader', when: '2023-11-30' }).due).toBe('2024-02-29');
  });

  it('N days after the start are N whole days, across leap days and DST', () => {
    fc.assert(
      fc.property(date, fc.integer({ min: 1, max: 999 }), fc.constantFrom(...DAYS_PHRASES), (start, n, phrase) => {
        const spec = parseSchedule({ text: phrase(n), from: start });
        expect(spec.due).toBe(plusDays(start, n));
        const local = DateTime.fromISO(listOccurrences(spec)[0].dueInstant, { zone: 'Europe/Stockholm' });
        expect(local.toFormat('yyyy-MM-dd HH:mm:ss.SSS')).toBe(`${plusDays(start, n)} 23:59:59.999`);
      }),
      { numRuns: 300 },
    );
    expect(parseSchedule({ text: 'Plan inom 30 dagar', when: '2024-02-01' }).due).toBe('2024-03-02');
  });

  it('counts from the first day of the timing cell, else the plan start', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1990, max: 2090 }), fc.integer({ min: 1, max: 4 }), date, fc.integer({ min: 1, max: 24 }), (y, q, from, n) => {
        const quarterStart = `${y}-${pad((q - 1) * 3 + 1)}-01`;
        expect(parseSchedule({ text: `Utredning inom ${n} månader`, when: `Q${q} ${y}`, from }).due).toBe(plusMonths(quarterStart, n));
        expect(parseSchedule({ text: `Utredning inom ${n} månader`, from }).due).toBe(plusMonths(from, n));
      }),
    );
  });
});
