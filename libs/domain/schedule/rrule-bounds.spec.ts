import { DomainError } from '../errors';
import { listOccurrences, scheduleFromRRule } from '.';

// RRULEs that rrule walks day by day to the year 9999 (20–50 s of CPU each time they are read,
// before they were bounded): refused at once. The per-test limit makes a regression fail, not hang.
const QUICKLY = 4_000;

const refusal = (rrule: string, start = '2026-01-01') => {
  try {
    scheduleFromRRule({ rrule, start });
    return undefined;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return error.code;
  }
};

describe('RRULEs within bounds', () => {
  it.each([
    ['FREQ=SECONDLY', '2026-01-01'],
    ['FREQ=MINUTELY', '1990-01-01'],
    ['FREQ=HOURLY', '2026-01-01'],
    ['FREQ=DAILY;BYHOUR=1,2,3', '2026-01-01'],
    ['FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01'],
    ['FREQ=WEEKLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01'],
    ['FREQ=DAILY;INTERVAL=7;BYDAY=MO', '2026-01-06'],
    ['FREQ=DAILY;BYDAY=+53MO', '2026-01-01'],
    ['FREQ=MONTHLY;BYMONTH=2;BYMONTHDAY=30', '2026-01-01'],
    ['FREQ=YEARLY;BYYEARDAY=400', '2026-01-01'],
    ['FREQ=DAILY;INTERVAL=0', '2026-01-01'],
    ['FREQ=DAILY', '1900-01-01'],
    ['FREQ=MONTHLY;BYSETPOS=400;BYDAY=MO', '2026-01-01'],
  ])('%s from %s is SCHEDULE_UNREADABLE', (rrule, start) => {
    expect(refusal(rrule, start)).toBe('SCHEDULE_UNREADABLE');
  }, QUICKLY);

  it.each([
    ['FREQ=DAILY', '1970-01-01', 3],
    ['FREQ=DAILY;BYHOUR=8', '2026-01-01', 3],
    ['FREQ=WEEKLY;BYDAY=MO,TH', '2026-01-01', 3],
    ['FREQ=DAILY;BYDAY=MO,TU,WE,TH,FR', '2026-01-01', 3],
    ['FREQ=MONTHLY;BYMONTHDAY=-1', '2026-01-01', 3],
    ['FREQ=MONTHLY;BYDAY=MO;BYSETPOS=1', '2026-01-01', 3],
    ['FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '2026-01-01', 3],
    ['FREQ=YEARLY;BYWEEKNO=53;BYDAY=MO', '2026-01-01', 3],
    ['FREQ=YEARLY;INTERVAL=1000', '2026-01-01', 3],
  ])('%s from %s is read, and its next dates listed', (rrule, start, next) => {
    const spec = scheduleFromRRule({ rrule, start });
    expect(listOccurrences(spec, { after: '2030-06-01', count: 3 })).toHaveLength(next);
  }, QUICKLY);
});
