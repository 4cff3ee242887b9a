import { scheduleOf } from './action-input';

const plan = { start_date: '2026-01-01', timezone: 'Europe/Stockholm' };

describe('scheduleOf', () => {
  it('reads {due, target} as a quota whose period ends at the instant', () => {
    expect(scheduleOf({ due: ['2026-12-08T12:00:00Z'], target: 3 }, plan)).toMatchObject({ kind: 'quota', rule: { type: 'instants', instants: ['2026-12-08T12:00:00.000Z'], target: 3 } });
  });

  it('reads {due} alone as plain due instants', () => {
    expect(scheduleOf({ due: ['2026-12-08T12:00:00Z'] }, plan)).toMatchObject({ kind: 'once', rule: { type: 'instants', instants: ['2026-12-08T12:00:00.000Z'] } });
    expect(scheduleOf({ due: ['2026-12-08T12:00:00Z'] }, plan).rule).not.toHaveProperty('target');
  });
});
