import fc from 'fast-check';
import { checkpoints, expectedBy, paceOf, QuotaPeriod } from './pace';

const YEAR_2026: QuotaPeriod = { startsAt: '2025-12-31T23:00:00.000Z', endsAt: '2026-12-31T23:00:00.000Z' };

describe('quota pace', () => {
  it('expects the whole times the straight line to the target has passed', () => {
    expect(expectedBy(6, YEAR_2026, '2026-01-01T08:00:00.000Z')).toBe(0); // nobody is behind on the first morning
    expect(expectedBy(6, YEAR_2026, '2026-04-01T12:00:00.000Z')).toBe(1); // a quarter: 1.5 → 1
    expect(expectedBy(6, YEAR_2026, '2026-07-02T12:00:00.000Z')).toBe(3); // a half: exactly 3
    expect(expectedBy(6, YEAR_2026, '2027-03-01T00:00:00.000Z')).toBe(6);
  });

  it('says reached, on pace, behind, and missed once the period is over', () => {
    const quota = (count: number) => ({ target: 6, count, period: YEAR_2026 });
    expect(paceOf(quota(4), '2026-07-02T12:00:00.000Z')).toBe('on-pace');
    expect(paceOf(quota(2), '2026-07-02T12:00:00.000Z')).toBe('behind');
    expect(paceOf(quota(6), '2026-03-01T00:00:00.000Z')).toBe('reached');
    expect(paceOf(quota(5), YEAR_2026.endsAt)).toBe('missed');
    expect(paceOf(quota(7), YEAR_2026.endsAt)).toBe('reached');
  });

  it('checks pace at each quarter of the period, not at its end', () => {
    expect(checkpoints(YEAR_2026)).toEqual(['2026-04-02T05:00:00.000Z', '2026-07-02T11:00:00.000Z', '2026-10-01T17:00:00.000Z']);
    expect(checkpoints(YEAR_2026, 1)).toEqual([]);
    expect(() => checkpoints(YEAR_2026, 0)).toThrow(RangeError);
  });

  const periods = fc
    .tuple(fc.integer({ min: Date.parse('2000-01-01'), max: Date.parse('2100-01-01') }), fc.integer({ min: 60_000, max: 400 * 86_400_000 }))
    .map(([start, length]): QuotaPeriod => ({ startsAt: new Date(start).toISOString(), endsAt: new Date(start + length).toISOString() }));

  it('never expects less later, nor more than the target, and the whole target at the end', () => {
    fc.assert(
      fc.property(periods, fc.integer({ min: 1, max: 52 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (period, target, a, b) => {
        const at = (f: number) => new Date(Date.parse(period.startsAt) + f * (Date.parse(period.endsAt) - Date.parse(period.startsAt))).toISOString();
        const [early, late] = a <= b ? [a, b] : [b, a];
        const e1 = expectedBy(target, period, at(early));
        const e2 = expectedBy(target, period, at(late));
        return e1 <= e2 && e2 <= target && expectedBy(target, period, period.endsAt) === target && expectedBy(target, period, period.startsAt) === 0;
      }),
    );
  });

  it('is never behind with the target reached, and never on pace after the end without it', () => {
    fc.assert(
      fc.property(periods, fc.integer({ min: 1, max: 52 }), fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 1.5, noNaN: true }), (period, target, count, f) => {
        const at = new Date(Date.parse(period.startsAt) + f * (Date.parse(period.endsAt) - Date.parse(period.startsAt))).toISOString();
        const pace = paceOf({ target, count, period }, at);
        if (count >= target) return pace === 'reached';
        if (at >= period.endsAt) return pace === 'missed';
        return pace === 'on-pace' || pace === 'behind';
      }),
    );
  });

  it('places checkpoints strictly inside the period, in order', () => {
    fc.assert(
      fc.property(periods, fc.integer({ min: 1, max: 12 }), (period, parts) => {
        const points = checkpoints(period, parts);
        return points.length === parts - 1 && points.every((p, i) => p > period.startsAt && p < period.endsAt && (i === 0 || p > points[i - 1]));
      }),
    );
  });
});
