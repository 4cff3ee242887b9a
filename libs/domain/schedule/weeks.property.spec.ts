/**
 * Property-based tests of week numbers (SCHEDULES.md "Weeks"): ISO weeks against an oracle that does
 * not use Luxon's week fields, week 53, year boundaries, and the due instant across DST.
 */
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { listOccurrences, parseSchedule } from '.';

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** Monday of ISO week `week`: week 1 is the week that holds 4 January. */
function isoMonday(year: number, week: number): string {
  const jan4 = Date.UTC(year, 0, 4);
  const daysFromMonday = (new Date(jan4).getUTCDay() + 6) % 7;
  return iso(jan4 - daysFromMonday * DAY + (week - 1) * 7 * DAY);
}

/** A year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
function weeksIn(year: number): number {
  const jan1 = new Date(Date.UTC(year, 0, 1)).getUTCDay();
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return jan1 === 4 || (leap && jan1 === 3) ? 53 : 52;
}

const plusDays = (date: string, days: number) => iso(Date.parse(`${date}T00:00:00Z`) + days * DAY);
const year = fc.integer({ min: 1900, max: 2199 });
const week = fc.integer({ min: 1, max: 53 });
const SPELLINGS: ((w: number, y: number) => string)[] = [
  (w, y) => `vecka ${w} ${y}`, (w, y) => `v. ${w} ${y}`, (w, y) => `v${w} ${y}`, (w, y) => `Vecka ${w}, ${y}`, (w, y) => `uge ${w} ${y}`,
  (w, y) => `uke ${w} ${y}`, (w, y) => `week ${w} ${y}`, (w, y) => `week ${w} of ${y}`, (w, y) => `${y}-W${String(w).padStart(2, '0')}`,
  (w, y) => `senast vecka ${w} ${y}`, (w, y) => `uge ${w}/${y}`,
];
const once = (when: string, text = 'Uppföljning', from?: string) => parseSchedule({ text, when, from });
const dues = (spec: ReturnType<typeof parseSchedule>) => listOccurrences(spec, { count: 3 }).map((o) => o.due);

describe('ISO weeks', () => {
  it('"vecka W Y" is a once due on the Sunday of ISO week W, from its Monday; a week the year lacks is unreadable', () => {
    fc.assert(
      fc.property(year, week, fc.constantFrom(...SPELLINGS), (y, w, spell) => {
        const spec = once(spell(w, y));
        if (w > weeksIn(y)) {
          expect(spec).toMatchObject({ kind: 'unreadable', rule: null });
          expect(spec.warnings.map((x) => x.code)).toContain('UNKNOWN_TIMING');
          expect(dues(spec)).toEqual([]);
          return;
        }
        const monday = isoMonday(y, w);
        expect(spec).toMatchObject({ kind: 'once', start: monday, due: plusDays(monday, 6) });
        const [o] = listOccurrences(spec);
        expect([o.periodStart, o.due, o.periodKey]).toEqual([monday, plusDays(monday, 6), plusDays(monday, 6)]);
        expect(new Date(`${o.due}T00:00:00Z`).getUTCDay()).toBe(0);
      }),
      { numRuns: 400 },
    );
  });

  it('week 53 exists exactly in the years that have it (every year 1900–2199)', () => {
    for (let y = 1900; y <= 2199; y++) {
      expect(once(`vecka 53 ${y}`).kind).toBe(weeksIn(y) === 53 ? 'once' : 'unreadable');
    }
  });

  it('weeks tile the year boundary: the last week of Y ends the day before week 1 of Y+1 starts, 29 Dec–4 Jan', () => {
    fc.assert(
      // Years are read as 1900–2199, so Y+1 stays within them.
      fc.property(fc.integer({ min: 1900, max: 2198 }), (y) => {
        const last = once(`vecka ${weeksIn(y)} ${y}`);
        const first = once(`vecka 1 ${y + 1}`);
        expect(plusDays(last.due as string, 1)).toBe(first.start);
        expect(first.start! >= `${y}-12-29` && first.start! <= `${y + 1}-01-04`).toBe(true);
        expect(last.due! >= `${y}-12-28` && last.due! <= `${y + 1}-01-03`).toBe(true);
      }),
    );
    expect(once('vecka 1 2021')).toMatchObject({ start: '2021-01-04', due: '2021-01-10' });
    expect(once('vecka 53 2020')).toMatchObject({ start: '2020-12-28', due: '2021-01-03' });
    expect(once('vecka 1 2020')).toMatchObject({ start: '2019-12-30', due: '2020-01-05' });
    expect(once('vecka 53 2021').kind).toBe('unreadable');
  });

  it('a week in the text takes the timing cell\'s year, else the start\'s: the same as "vecka W Y" in the cell', () => {
    fc.assert(
      fc.property(year, week, fc.integer({ min: 0, max: 364 }), (y, w, day) => {
        const inCell = once(`vecka ${w} ${y}`);
        const textAndYear = once(`${y}`, `Uppföljning vecka ${w}`);
        const textAndStart = parseSchedule({ text: `Uppföljning vecka ${w}`, from: plusDays(`${y}-01-01`, day) });
        for (const spec of [textAndYear, textAndStart]) {
          expect(spec.kind).toBe(inCell.kind);
          expect(dues(spec)).toEqual(dues(inCell));
        }
        if (inCell.kind === 'once') expect(textAndStart.warnings.map((x) => x.code)).toEqual(['TIMING_FROM_TEXT', 'YEAR_ASSUMED']);
      }),
      { numRuns: 300 },
    );
  });
});

/** Central European summer time: from 01:00 UTC on the last Sunday of March to 01:00 UTC on the last Sunday of October (EU, 1996–). */
function lastSunday(y: number, month: number): number {
  const last = Date.UTC(y, month + 1, 0);
  return last - new Date(last).getUTCDay() * DAY;
}
function stockholmOffsetHours(instant: number): number {
  const y = new Date(instant).getUTCFullYear();
  const summer = instant >= lastSunday(y, 2) + 3_600_000 && instant < lastSunday(y, 9) + 3_600_000;
  return summer ? 2 : 1;
}

describe('due instants of weeks across DST (Europe/Stockholm)', () => {
  const zone = 'Europe/Stockholm';
  const euYear = fc.integer({ min: 1996, max: 2099 });

  it('the due instant is the end of the local Sunday, with the offset summer time gives that evening', () => {
    fc.assert(
      fc.property(euYear, fc.integer({ min: 1, max: 52 }), (y, w) => {
        const [o] = listOccurrences(once(`vecka ${w} ${y}`), { timezone: zone });
        const endOfDay = Date.parse(`${o.due}T23:59:59.999Z`) - stockholmOffsetHours(Date.parse(`${o.due}T12:00:00Z`)) * 3_600_000;
        expect(o.dueInstant).toBe(new Date(endOfDay).toISOString());
        const local = DateTime.fromISO(o.dueInstant, { zone });
        expect([local.toISODate(), local.toFormat('HH:mm:ss.SSS')]).toEqual([o.due, '23:59:59.999']);
        expect(DateTime.fromISO(o.dueInstant, { zone }).plus({ milliseconds: 1 }).toFormat('yyyy-MM-dd HH:mm')).toBe(`${plusDays(o.due, 1)} 00:00`);
      }),
      { numRuns: 300 },
    );
  });

  it('the weeks that hold the DST changes (last Sundays of March and October) end at 21:59:59.999Z and 22:59:59.999Z', () => {
    fc.assert(
      fc.property(euYear, (y) => {
        for (const [month, hourUtc] of [[2, 21], [9, 22]] as const) {
          const sunday = iso(lastSunday(y, month));
          const monday = plusDays(sunday, -6);
          const w = DateTime.fromISO(monday, { zone: 'utc' }).weekNumber;
          const [o] = listOccurrences(once(`vecka ${w} ${y}`), { timezone: zone });
          expect(o.due).toBe(sunday);
          expect(o.dueInstant).toBe(`${sunday}T${hourUtc}:59:59.999Z`);
        }
      }),
    );
    expect(listOccurrences(once('vecka 12 2021'), { timezone: zone })[0].dueInstant).toBe('2021-03-28T21:59:59.999Z');
  });

  it('weekly from a week in the cell: Sundays 7 days apart, each due at the end of its local day (23 or 25 hours apart around DST)', () => {
    fc.assert(
      fc.property(euYear, fc.integer({ min: 1, max: 52 }), (y, w) => {
        const list = listOccurrences(parseSchedule({ text: 'Avstämning varje vecka', when: `vecka ${w} ${y}` }), { count: 6, timezone: zone });
        expect(list[0].due).toBe(plusDays(isoMonday(y, w), 6));
        list.forEach((o, i) => {
          expect(DateTime.fromISO(o.dueInstant, { zone }).toFormat('yyyy-MM-dd HH:mm:ss.SSS')).toBe(`${o.due} 23:59:59.999`);
          if (i === 0) return;
          expect(o.due).toBe(plusDays(list[i - 1].due, 7));
          const hours = (Date.parse(o.dueInstant) - Date.parse(list[i - 1].dueInstant)) / 3_600_000;
          expect([167, 168, 169]).toContain(hours);
        });
      }),
    );
  });
});
