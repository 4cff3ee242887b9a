import { planNotices, planQuotaNotices, repeatAt } from './notice-plan';
import type { NoticePolicy } from './policy';

const exact: NoticePolicy = { remindBefore: ['PT2S'], escalateAfter: ['PT3S', 'PT6S'], repeatEvery: 'PT5S', timing: 'exact', calendar: 'SE' };

describe('planNotices', () => {
  it('places exact durations exactly around the due instant', () => {
    expect(planNotices('2026-11-24T12:00:10.000Z', exact, 'Europe/Stockholm')).toEqual([
      { kind: 'reminder', step: 0, at: '2026-11-24T12:00:08.000Z' },
      { kind: 'overdue', step: 0, at: '2026-11-24T12:00:10.000Z' },
      { kind: 'escalation', step: 0, at: '2026-11-24T12:00:13.000Z' },
      { kind: 'escalation', step: 1, at: '2026-11-24T12:00:16.000Z' },
    ]);
  });

  it('moves calendar notices to 08:00 local on working days (Swedish holidays)', () => {
    const calendar: NoticePolicy = { remindBefore: ['P1D'], escalateAfter: ['P1D'], timing: 'working-days', calendar: 'SE' };
    // Due at the end of Friday 2026-12-18 (Stockholm). Reminder: Thursday 08:00 lies before the
    // due-minus-one-day instant (Thu 23:59:59) so it goes to Friday 08:00. Overdue: Monday 08:00.
    // Escalation one day after due is Saturday night → Monday 08:00 too.
    const notices = planNotices('2026-12-18T22:59:59.999Z', calendar, 'Europe/Stockholm');
    expect(notices.map((n) => [n.kind, n.at])).toEqual([
      ['reminder', '2026-12-18T07:00:00.000Z'],
      ['overdue', '2026-12-21T07:00:00.000Z'],
      ['escalation', '2026-12-21T07:00:00.000Z'],
    ]);
  });

  it('skips Christmas: a notice falling on julafton waits for 28 December', () => {
    const calendar: NoticePolicy = { remindBefore: [], escalateAfter: [], timing: 'working-days', calendar: 'SE' };
    const [overdue] = planNotices('2026-12-23T22:59:59.999Z', calendar, 'Europe/Stockholm');
    expect(overdue.at).toBe('2026-12-28T07:00:00.000Z');
  });

  it('repeats after the last planned notice, k times the interval', () => {
    expect(repeatAt('2026-11-24T12:00:16.000Z', exact, 'UTC', 1)).toBe('2026-11-24T12:00:21.000Z');
    expect(repeatAt('2026-11-24T12:00:16.000Z', exact, 'UTC', 3)).toBe('2026-11-24T12:00:31.000Z');
    expect(repeatAt('2026-11-24T12:00:16.000Z', { ...exact, repeatEvery: undefined }, 'UTC', 1)).toBeUndefined();
  });

  it('rejects a policy that is not ISO 8601', () => {
    expect(() => planNotices('2026-11-24T12:00:00.000Z', { ...exact, remindBefore: ['two days'] }, 'UTC')).toThrow('ISO 8601');
  });
});

describe('planQuotaNotices', () => {
  it('reminds at the pace checkpoints inside the period instead of before the due time, then is overdue and escalates as usual', () => {
    const calendar: NoticePolicy = { remindBefore: ['P14D', 'P1D'], escalateAfter: ['P7D'], timing: 'working-days', calendar: 'SE' };
    // The year 2026 in Stockholm: checkpoints at each quarter, each moved to 08:00 on a working day.
    const notices = planQuotaNotices('2025-12-31T23:00:00.000Z', '2026-12-31T22:59:59.999Z', calendar, 'Europe/Stockholm');
    expect(notices.map((n) => [n.kind, n.step, n.at])).toEqual([
      ['reminder', 0, '2026-04-02T06:00:00.000Z'], // Thursday 2 April, 08:00 summer time
      ['reminder', 1, '2026-07-03T06:00:00.000Z'], // the half falls on Thursday 2 July 13:00 → Friday 08:00
      ['reminder', 2, '2026-10-02T06:00:00.000Z'],
      ['overdue', 0, '2027-01-04T07:00:00.000Z'], // New Year's Eve night → the first working day of 2027
      ['escalation', 0, '2027-01-08T07:00:00.000Z'], // 7 January 2027 23:59 → Friday 8 January 08:00
    ]);
  });

  it('places exact policies exactly, for tests in seconds', () => {
    const notices = planQuotaNotices('2026-11-24T12:00:00.000Z', '2026-11-24T12:00:40.000Z', exact, 'Europe/Stockholm');
    expect(notices.map((n) => [n.kind, n.at])).toEqual([
      ['reminder', '2026-11-24T12:00:10.000Z'],
      ['reminder', '2026-11-24T12:00:20.000Z'],
      ['reminder', '2026-11-24T12:00:30.000Z'],
      ['overdue', '2026-11-24T12:00:40.000Z'],
      ['escalation', '2026-11-24T12:00:43.000Z'],
      ['escalation', '2026-11-24T12:00:46.000Z'],
    ]);
  });
});
