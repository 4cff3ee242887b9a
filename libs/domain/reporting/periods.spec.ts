import { followingPeriod, periodFromKey, reportingPeriodAt } from './periods';

describe('reporting periods', () => {
  it('splits the year into half-years in the plan timezone', () => {
    expect(reportingPeriodAt('2024-03-15T12:00:00Z', 'half-yearly', 'Europe/Stockholm')).toEqual({
      key: '2024H1',
      startsAt: '2023-12-31T23:00:00.000Z',
      endsAt: '2024-06-30T22:00:00.000Z',
    });
  });

  it('puts the first local hour of July in H2 although it is still June in UTC', () => {
    expect(reportingPeriodAt('2024-06-30T22:30:00Z', 'half-yearly', 'Europe/Stockholm').key).toBe('2024H2');
  });

  it('moves on to the next period, across the year', () => {
    const h2 = reportingPeriodAt('2024-09-01T00:00:00Z', 'half-yearly', 'Europe/Stockholm');
    expect(followingPeriod(h2, 'half-yearly', 'Europe/Stockholm').key).toBe('2025H1');
    expect(reportingPeriodAt('2024-11-01T00:00:00Z', 'quarterly', 'Europe/Stockholm').key).toBe('2024Q4');
  });

  it('reads period keys back', () => {
    expect(periodFromKey('2024H2', 'Europe/Stockholm')?.startsAt).toBe('2024-06-30T22:00:00.000Z');
    expect(periodFromKey('2024Q2', 'UTC')).toEqual({ key: '2024Q2', startsAt: '2024-04-01T00:00:00.000Z', endsAt: '2024-07-01T00:00:00.000Z' });
    expect(periodFromKey('2024H3', 'UTC')).toBeUndefined();
  });
});
