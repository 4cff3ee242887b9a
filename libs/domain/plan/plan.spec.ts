import fc from 'fast-check';
import { DomainError } from '../errors';
import { areaTitle, moveArea } from './areas';
import { assertPlanOpen, changesArchive, followedStatus } from './lifecycle';

describe('plan archive', () => {
  it('archiving an open plan and restoring an archived one change it; the reverse does nothing', () => {
    expect(changesArchive({ archivedAt: null }, 'archive')).toBe(true);
    expect(changesArchive({ archivedAt: '2026-12-01T10:00:00.000Z' }, 'archive')).toBe(false);
    expect(changesArchive({ archivedAt: '2026-12-01T10:00:00.000Z' }, 'restore')).toBe(true);
    expect(changesArchive({ archivedAt: null }, 'restore')).toBe(false);
  });

  it('an archived plan refuses changes with PLAN_ARCHIVED', () => {
    expect(() => assertPlanOpen({ archivedAt: null })).not.toThrow();
    expect(() => assertPlanOpen({ archivedAt: '2026-12-01T10:00:00.000Z' })).toThrow(expect.objectContaining({ code: 'PLAN_ARCHIVED' }));
  });

  it.each([
    ['active', false, 'active'],
    ['active', true, 'paused'],
    ['starting', true, 'paused'],
    ['paused', true, 'paused'],
    ['draft', true, 'draft'],
    ['withdrawn', true, 'withdrawn'],
    ['withdrawn', false, 'withdrawn'],
  ])('an action %s in an archived plan (%s) is followed as %s', (status, archived, followed) => {
    expect(followedStatus(status, archived)).toBe(followed);
  });
});

describe('areas', () => {
  it('moves an area to a position, the others keep their order', () => {
    expect(moveArea(['a', 'b', 'c', 'd'], 'c', 0)).toEqual(['c', 'a', 'b', 'd']);
    expect(moveArea(['a', 'b', 'c', 'd'], 'a', 3)).toEqual(['b', 'c', 'd', 'a']);
    expect(moveArea(['a', 'b', 'c', 'd'], 'b', 99)).toEqual(['a', 'c', 'd', 'b']);
    expect(moveArea(['a', 'b'], 'b', -5)).toEqual(['b', 'a']);
  });

  it('an area not in the plan is NOT_FOUND', () => {
    expect(() => moveArea(['a'], 'x', 0)).toThrow(DomainError);
  });

  it('any move keeps every area exactly once and puts the moved one where asked', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.uuid(), { minLength: 1, maxLength: 12 }), fc.nat(), fc.integer({ min: -3, max: 20 }), (order, pick, position) => {
        const id = order[pick % order.length];
        const moved = moveArea(order, id, position);
        expect([...moved].sort()).toEqual([...order].sort());
        expect(moved.indexOf(id)).toBe(Math.max(0, Math.min(position, order.length - 1)));
        expect(moved.filter((x) => x !== id)).toEqual(order.filter((x) => x !== id));
      }),
    );
  });

  it('titles are trimmed and never empty', () => {
    expect(areaTitle('  Inköp och upphandling ')).toBe('Inköp och upphandling');
    expect(() => areaTitle('   ')).toThrow(expect.objectContaining({ code: 'VALIDATION_FAILED' }));
  });
});
