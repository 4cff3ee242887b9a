import { occurrenceWords, periodWords } from './period-words';
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

describe('occurrence words: an occurrence of the period as the board reads it', () => {
  const due = '2026-12-31T22:59:59.999Z';
  it('says calendar keys by their months, weeks by number, a year as it is', () => {
    expect(occurrenceWords('2026B6', due, TZ)).toBe('november–december 2026');
    expect(occurrenceWords('2026T1', due, TZ)).toBe('januari–april 2026');
    expect(occurrenceWords('2026Q4', due, TZ, 'en')).toBe('October–December 2026');
    expect(occurrenceWords('2026-03', due, TZ)).toBe('mars 2026');
    expect(occurrenceWords('2026-W12', due, TZ)).toBe('vecka 12 2026');
    expect(occurrenceWords('2026', due, TZ)).toBe('2026');
    expect(occurrenceWords('2026-09-15', due, TZ)).toBe('15 september 2026');
  });

  it('says an instant key or an unknown key by the local due date and time, never the key', () => {
    expect(occurrenceWords('20261201T224947.549Z', '2026-12-01T22:49:47.549Z', TZ)).toBe('1 december 2026 23:49');
    expect(occurrenceWords('odd-key', '2026-05-15T21:59:59.999Z', TZ)).toBe('15 maj 2026');
    expect(occurrenceWords('2026Q5', '2026-05-15T21:59:59.999Z', TZ)).toBe('15 maj 2026');
  });
});
