import { periodWords } from './period-words';
import { periodFromKey } from './periods';

const TZ = 'Europe/Stockholm';

describe('period words: what the board reads instead of a key', () => {
  it('says a half-year, a quarter and a month by their months', () => {
    expect(periodWords(periodFromKey('2026H2', TZ)!, TZ)).toBe('juli–december 2026');
    expect(periodWords(periodFromKey('2026Q1', TZ)!, TZ)).toBe('januari–mars 2026');
    expect(periodWords(periodFromKey('2026H1', TZ)!, TZ, 'en')).toBe('January–June 2026');
    expect(periodWords({ startsAt: '2026-10-31T23:00:00Z', endsAt: '2026-11-30T23:00:00Z' }, TZ)).toBe('november 2026');
  });

  it('names both years of a span across the new year', () => {
    expect(periodWords({ startsAt: '2026-10-31T23:00:00Z', endsAt: '2027-02-28T23:00:00Z' }, TZ)).toBe('november 2026–februari 2027');
  });

  it('says other spans by their first and last day, and seconds-long ones by their instants', () => {
    expect(periodWords({ startsAt: '2026-09-14T22:00:00Z', endsAt: '2026-09-20T22:00:00Z' }, TZ)).toBe('15 september 2026 – 20 september 2026');
    expect(periodWords({ startsAt: '2026-12-04T16:00:00Z', endsAt: '2026-12-04T16:00:30Z' }, TZ)).toBe('4 december 2026 17:00:00 – 17:00:30');
  });

  it('never shows a key', () => {
    for (const key of ['2024H1', '2024H2', '2025Q3']) expect(periodWords(periodFromKey(key, TZ)!, TZ)).not.toMatch(/\d{4}[HQ]\d/);
  });
});
