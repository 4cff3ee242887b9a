import { logQuotaEntry } from './quota-log';
import type { OccurrenceState } from './state';

const TZ = 'Europe/Stockholm';
// The year 2026 in Stockholm: from local midnight on 1 January to the end of 31 December.
const year = (overrides: Partial<OccurrenceState> = {}): OccurrenceState => ({
  id: 'o1',
  periodKey: '2026',
  status: 'open',
  dueInstant: '2026-12-31T22:59:59.999Z',
  owners: { personIds: ['olle'], unitIds: [] },
  escalationStep: 0,
  generation: 0,
  armedAt: '2025-12-31T23:00:00.000Z',
  fired: [],
  version: 1,
  quota: { target: 3, count: 0, periodStartsAt: '2025-12-31T23:00:00.000Z' },
  ...overrides,
});
const entry = (happenedOn: string) => ({ byPersonId: 'olle', happenedOn, note: 'Företagsträff' });

describe('logging a quota', () => {
  it('counts each time without a transition until the target is reached, which completes it on time', () => {
    let state = year();
    for (const day of ['2026-02-10', '2026-05-04']) {
      const change = logQuotaEntry(state, entry(day), '2026-06-01T10:00:00.000Z', TZ);
      expect(change.transition).toBeUndefined();
      state = change.state;
    }
    expect(state).toMatchObject({ status: 'open', version: 1, quota: { count: 2 } });
    const third = logQuotaEntry(state, entry('2026-06-01'), '2026-06-01T10:00:00.000Z', TZ);
    expect(third.state).toMatchObject({ status: 'completed', version: 2, quota: { count: 3 }, completion: { onTime: true, byPersonId: 'olle' } });
    expect(third.transition).toMatchObject({ kind: 'completed', data: { count: 3, target: 3 } });
    const fourth = logQuotaEntry(third.state, entry('2026-06-01'), '2026-06-02T10:00:00.000Z', TZ);
    expect(fourth).toEqual({ state: { ...third.state, quota: { ...third.state.quota!, count: 4 } } }); // "4 av 3": counted, nothing else
  });

  it('stops an escalated period that is caught up with after its end, completed late', () => {
    const state = year({ status: 'escalated', escalationStep: 1, quota: { target: 3, count: 2, periodStartsAt: '2025-12-31T23:00:00.000Z' } });
    const change = logQuotaEntry(state, entry('2026-12-30'), '2027-01-10T09:00:00.000Z', TZ);
    expect(change.state).toMatchObject({ status: 'completed', completion: { onTime: false } });
  });

  it('refuses a day outside the period, in the future, or not a date, and an occurrence without a quota', () => {
    const at = '2026-06-01T10:00:00.000Z';
    expect(() => logQuotaEntry(year(), entry('2025-12-31'), at, TZ)).toThrow(/outside the period 2026-01-01 – 2026-12-31/);
    expect(() => logQuotaEntry(year(), entry('2026-06-02'), at, TZ)).toThrow(/has not happened yet/);
    expect(() => logQuotaEntry(year(), entry('2026-02-30'), at, TZ)).toThrow(/must be a date/);
    expect(() => logQuotaEntry(year(), entry('1 mars'), at, TZ)).toThrow(/must be a date/);
    expect(() => logQuotaEntry(year({ quota: undefined }), entry('2026-02-10'), at, TZ)).toThrow(/Only a quota/);
    expect(() => logQuotaEntry(year({ status: 'skipped' }), entry('2026-02-10'), at, TZ)).toThrow(/skipped/);
  });
});
