import { actingPerson, escalationTarget, LadderLevel, ladderTargets } from './ladder';

// unit chain: Upphandling (head: Ulla) → Ekonomi (head: Erik) → Kommunledning (head: Kim, kommunchef)
const chain: LadderLevel[] = [
  { unitId: 'upphandling', headPersonId: 'ulla' },
  { unitId: 'ekonomi', headPersonId: 'erik' },
  { unitId: 'kommunledning', headPersonId: 'kim' },
];

describe('escalation ladder', () => {
  it('goes one level up per step and stays with the kommunchef past the top', () => {
    expect([0, 1, 2, 3, 7].map((step) => escalationTarget(chain, ['olle'], step)?.personId)).toEqual(['ulla', 'erik', 'kim', 'kim', 'kim']);
  });

  it('skips a level without a head', () => {
    const gap = [chain[0], { unitId: 'ekonomi', headPersonId: null }, chain[2]];
    expect(ladderTargets(gap, ['olle']).map((t) => t.personId)).toEqual(['ulla', 'kim']);
  });

  it('skips the owner when the owner heads the unit', () => {
    expect(escalationTarget(chain, ['ulla'], 0)).toEqual({ personId: 'erik', unitId: 'ekonomi' });
  });

  it('moves further up when the same person heads two levels', () => {
    const twice = [chain[0], { unitId: 'ekonomi', headPersonId: 'ulla' }, chain[2]];
    expect(ladderTargets(twice, ['olle']).map((t) => t.personId)).toEqual(['ulla', 'kim']);
  });

  it('has no target when nobody above heads anything', () => {
    expect(escalationTarget([{ unitId: 'x', headPersonId: null }], ['olle'], 0)).toBeUndefined();
  });

  it('hands a step to the substitute inside the window only', () => {
    const subs = [{ personId: 'erik', substitutePersonId: 'sara', startsOn: '2026-07-01', endsOn: '2026-07-31' }];
    expect(actingPerson('erik', '2026-06-30', subs)).toBe('erik');
    expect(actingPerson('erik', '2026-07-01', subs)).toBe('sara');
    expect(actingPerson('erik', '2026-07-31', subs)).toBe('sara');
    expect(actingPerson('erik', '2026-08-01', subs)).toBe('erik');
    expect(actingPerson('kim', '2026-07-15', subs)).toBe('kim');
  });
});
