import { isLate, outcomeOf } from './occurrence-outcome';

describe('an occurrence in a report', () => {
  const period = { periodEnd: '2026-12-31T23:00:00.000Z' };
  const open = (due: string) => ({ status: 'open', completedOnTime: null, due });

  it('says what became of it', () => {
    expect(outcomeOf({ status: 'completed', completedOnTime: true })).toBe('completed-on-time');
    expect(outcomeOf({ status: 'completed', completedOnTime: false })).toBe('completed-late');
    expect(outcomeOf({ status: 'skipped', completedOnTime: null })).toBe('skipped');
    expect(outcomeOf({ status: 'cancelled', completedOnTime: null })).toBe('cancelled');
    for (const status of ['open', 'overdue', 'escalated']) expect(outcomeOf({ status, completedOnTime: null })).toBe('open');
  });

  it('in a frozen report, is late when still open after its due date within the period', () => {
    const frozen = { ...period, drawnUpAt: '2027-01-01T00:00:01.000Z' };
    expect(isLate(open('2026-12-15T12:00:00.000Z'), frozen)).toBe(true);
    expect(isLate({ status: 'completed', completedOnTime: false, due: '2026-12-15T12:00:00.000Z' }, frozen)).toBe(true);
    expect(isLate({ status: 'completed', completedOnTime: true, due: '2026-12-15T12:00:00.000Z' }, frozen)).toBe(false);
  });

  it('in a draft of a running period, is not late while its due date is still ahead', () => {
    const draft = { ...period, drawnUpAt: '2026-12-04T10:00:00.000Z' };
    expect(isLate(open('2026-12-31T22:59:00.000Z'), draft)).toBe(false); // due weeks ahead
    expect(isLate(open('2026-12-01T12:00:00.000Z'), draft)).toBe(true); // due three days ago
  });
});
