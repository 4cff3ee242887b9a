import { actionGlance, DUE_SOON_MS } from './glance';

describe('an action at a glance', () => {
  const now = Date.parse('2026-12-04T10:00:00Z');
  const base = { scheduleKind: 'recurring', openOccurrences: [], completedCount: 0, nextDue: ['2027-06-30'] };
  const open = (due: number, status = 'open') => ({ due: new Date(due).toISOString(), status });

  it.each([
    ['continuous whatever is open', { ...base, scheduleKind: 'continuous', openOccurrences: [open(now - 1, 'escalated')] }, 'continuous'],
    ['escalated beats overdue', { ...base, openOccurrences: [open(now - 1, 'overdue'), open(now - 2, 'escalated')] }, 'escalated'],
    ['overdue', { ...base, openOccurrences: [open(now - 1, 'overdue')] }, 'overdue'],
    ['a quota behind pace', { ...base, openOccurrences: [{ ...open(now + 100 * 86_400_000), quota: { target: 6, count: 1, periodStartsAt: new Date(now - 200 * 86_400_000).toISOString() } }] }, 'behindPace'],
    ['a quota on pace (4 of 6 two thirds in)', { ...base, openOccurrences: [{ ...open(now + 100 * 86_400_000), quota: { target: 6, count: 4, periodStartsAt: new Date(now - 200 * 86_400_000).toISOString() } }] }, 'onTrack'],
    ['overdue beats behind pace', { ...base, openOccurrences: [open(now - 1, 'overdue'), { ...open(now + 100 * 86_400_000), quota: { target: 6, count: 0, periodStartsAt: new Date(now - 200 * 86_400_000).toISOString() } }] }, 'overdue'],
    ['due within 14 days', { ...base, openOccurrences: [open(now + DUE_SOON_MS - 1)] }, 'dueSoon'],
    ['due later', { ...base, openOccurrences: [open(now + DUE_SOON_MS + 1)] }, 'onTrack'],
    ['done, nothing open', { ...base, completedCount: 2 }, 'done'],
    ['nothing open, done or ahead', { ...base, nextDue: [] }, 'nothingScheduled'],
    ['nothing open yet, the next ahead', base, 'onTrack'],
  ])('%s', (_name, facts, state) => {
    expect(actionGlance(facts, now)).toBe(state);
  });
});
