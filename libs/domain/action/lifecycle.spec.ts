import { DomainError } from '../errors';
import { ACTION_STATUSES, ActionChange, changeStatus } from './lifecycle';

describe('action status changes', () => {
  const table: Array<[string, ActionChange, string | undefined | 'refused']> = [
    ['active', 'pause', 'paused'],
    ['starting', 'pause', 'paused'],
    ['paused', 'pause', undefined],
    ['draft', 'pause', 'refused'],
    ['withdrawn', 'pause', 'refused'],
    ['paused', 'resume', 'active'],
    ['active', 'resume', undefined],
    ['starting', 'resume', undefined],
    ['draft', 'resume', 'refused'],
    ['withdrawn', 'resume', 'refused'],
    ['draft', 'withdraw', 'withdrawn'],
    ['starting', 'withdraw', 'withdrawn'],
    ['active', 'withdraw', 'withdrawn'],
    ['paused', 'withdraw', 'withdrawn'],
    ['withdrawn', 'withdraw', undefined],
  ];

  it.each(table)('%s + %s → %s', (status, change, expected) => {
    if (expected === 'refused') {
      expect(() => changeStatus(status, change)).toThrow(DomainError);
      try {
        changeStatus(status, change);
      } catch (error) {
        expect((error as DomainError).code).toBe('INVALID_TRANSITION');
      }
    } else {
      expect(changeStatus(status, change)).toBe(expected);
    }
  });

  it('covers every status and change', () => {
    for (const status of ACTION_STATUSES) for (const change of ['pause', 'resume', 'withdraw'] as const) expect(table.some(([s, c]) => s === status && c === change)).toBe(true);
  });
});
