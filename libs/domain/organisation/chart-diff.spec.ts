import fc from 'fast-check';
import { CurrentChart, diffChart, EMPTY_CHART, peopleToDeactivate, previewChart } from './chart-diff';
import { readChartFile } from './chart-import';

const HEADER = ['Enhet', 'Ingår i', 'Namn', 'E-post', 'Roller', 'Chef'];
const file = (...rows: string[][]) => readChartFile([HEADER, ...rows].map((cells, i) => ({ cells, row: i + 1 })));

/** Kommunledning (head Kim) above Samhällsbyggnad (head Ulla, Olle); Cora coordinates; Ada is admin; Dag is deactivated. */
const CHART: CurrentChart = {
  units: [
    { id: 'u-kl', name: 'Kommunledning', parentId: null, headPersonId: 'p-kim' },
    { id: 'u-sbb', name: 'Samhällsbyggnad', parentId: 'u-kl', headPersonId: 'p-ulla' },
    { id: 'u-kul', name: 'Kultur', parentId: 'u-kl', headPersonId: null },
  ],
  people: [
    { id: 'p-kim', name: 'Kim', email: 'kim@k.se', unitId: 'u-kl', roles: ['executive'], deactivatedAt: null },
    { id: 'p-ulla', name: 'Ulla', email: 'ulla@k.se', unitId: 'u-sbb', roles: ['owner'], deactivatedAt: null },
    { id: 'p-olle', name: 'Olle', email: 'olle@k.se', unitId: 'u-sbb', roles: ['owner'], deactivatedAt: null },
    { id: 'p-cora', name: 'Cora', email: 'cora@k.se', unitId: 'u-kl', roles: ['coordinator'], deactivatedAt: null },
    { id: 'p-ada', name: 'Ada', email: 'ada@k.se', unitId: null, roles: ['admin', 'coordinator'], deactivatedAt: null },
    { id: 'p-dag', name: 'Dag', email: 'dag@k.se', unitId: 'u-kul', roles: ['owner'], deactivatedAt: '2026-01-01T00:00:00.000Z' },
  ],
};
const SAME = [
  ['Kommunledning', '', 'Kim', 'KIM@k.se', 'chef', 'ja'],
  ['Samhällsbyggnad', 'Kommunledning', 'Ulla', 'ulla@k.se', '', 'ja'],
  ['samhällsbyggnad', '', 'Olle', 'olle@k.se', 'ansvarig', ''],
  ['Kommunledning', '', 'Cora', 'cora@k.se', '', ''],
  ['Kultur', 'Kommunledning', '', '', '', ''],
  ['', '', 'Ada', 'ada@k.se', '', ''],
];

describe('what importing a chart file would change', () => {
  it('against an empty chart: everything is new, a unit after its parent, with warnings for heads and parents', () => {
    const diff = diffChart(file(['Bygglov', 'Samhällsbyggnad', 'Bo', 'bo@k.se', '', 'ja'], ['Samhällsbyggnad', 'Kommunledning', 'Ulla', 'ulla@k.se', 'samordnare', '']), EMPTY_CHART);
    expect(diff.units.new).toEqual([
      { name: 'Kommunledning', parent: null, head: null, row: 3 },
      { name: 'Samhällsbyggnad', parent: 'Kommunledning', head: null, row: 2 },
      { name: 'Bygglov', parent: 'Samhällsbyggnad', head: 'bo@k.se', row: 2 },
    ]);
    expect(diff.people.new).toEqual([
      { name: 'Bo', email: 'bo@k.se', unit: 'Bygglov', roles: ['owner'], headOf: 'Bygglov', row: 2 },
      { name: 'Ulla', email: 'ulla@k.se', unit: 'Samhällsbyggnad', roles: ['coordinator'], headOf: null, row: 3 },
    ]);
    expect(diff.warnings.map((w) => [w.code, w.values.unit])).toEqual([['unknownParent', 'Samhällsbyggnad'], ['noHead', 'Samhällsbyggnad'], ['noHead', 'Kommunledning']]);
    expect(diff.problems).toEqual([]);
  });

  it('the chart as it is: all unchanged, nothing new; the people not in the file are missing', () => {
    const diff = diffChart(file(...SAME), CHART, { actorId: 'p-cora' });
    expect([diff.units.new, diff.units.changed, diff.people.new, diff.people.changed]).toEqual([[], [], [], []]);
    expect(diff.units.unchanged.map((u) => u.name)).toEqual(['Kommunledning', 'Samhällsbyggnad', 'Kultur']);
    expect(diff.people.unchanged.map((p) => p.name)).toEqual(['Kim', 'Ulla', 'Olle', 'Cora', 'Ada']);
    expect([diff.people.missing, diff.units.missing]).toEqual([[], []]);
    expect(diff.warnings.map((w) => w.code)).toEqual(['noHead']); // Kultur
  });

  it('says what changes from what to what: name, unit, roles (admin kept), heads of units, parents', () => {
    const diff = diffChart(
      file(
        ['Kommunledning', '', 'Kim Kommunchef', 'kim@k.se', '', ''],
        ['Kommunledning', '', 'Nora', 'nora@k.se', 'chef', 'ja'],
        ['Samhällsbyggnad', 'Kultur', 'Ulla', 'ulla@k.se', '', 'ja'],
        ['Kultur', 'Kommunledning', 'Olle', 'olle@k.se', 'ansvarig; läsare', 'ja'],
        ['Kommunledning', '', 'Ada', 'ada@k.se', 'samordnare, läsare', ''],
      ),
      CHART,
      { actorId: 'p-cora', bevakaAdminEmail: 'ada@k.se' },
    );
    expect(diff.units.changed.map((u) => [u.name, u.changes])).toEqual([
      ['Kommunledning', [{ field: 'head', from: 'Kim', to: 'Nora' }]],
      ['Samhällsbyggnad', [{ field: 'parent', from: 'Kommunledning', to: 'Kultur' }]],
      ['Kultur', [{ field: 'head', from: null, to: 'Olle' }]],
    ]);
    expect(diff.units.changed[0].set).toEqual({ head: 'nora@k.se' });
    expect(diff.people.new.map((p) => [p.email, p.headOf])).toEqual([['nora@k.se', 'Kommunledning']]);
    expect(diff.people.changed.map((p) => [p.name, p.changes])).toEqual([
      ['Kim', [{ field: 'name', from: 'Kim', to: 'Kim Kommunchef' }, { field: 'head', from: 'Kommunledning', to: null }]],
      ['Olle', [{ field: 'unit', from: 'Samhällsbyggnad', to: 'Kultur' }, { field: 'roles', from: 'owner', to: 'owner, viewer' }, { field: 'head', from: null, to: 'Kultur' }]],
      ['Ada', [{ field: 'unit', from: null, to: 'Kommunledning' }, { field: 'roles', from: 'admin, coordinator', to: 'admin, coordinator, viewer' }]],
    ]);
    expect(diff.people.unchanged.map((p) => p.name)).toEqual(['Ulla']);
    expect(diff.people.missing.map((p) => [p.name, p.kept])).toEqual([['Cora', 'you']]);
    expect(diff.units.missing).toEqual([]);
  });

  it('never lets an import deactivate an admin or the account Bevaka was installed with; lists missing units', () => {
    const chart: CurrentChart = { ...CHART, units: [...CHART.units, { id: 'u-old', name: 'Gamla enheten', parentId: null, headPersonId: null }] };
    const diff = diffChart(file(['Kommunledning', '', 'Kim', 'kim@k.se', '', 'ja']), { ...chart, people: [...chart.people, { id: 'p-root', name: 'Drift', email: 'drift@k.se', unitId: null, roles: [], deactivatedAt: null }] }, { bevakaAdminEmail: 'DRIFT@k.se' });
    expect(diff.people.missing.map((p) => [p.name, p.kept])).toEqual([['Ulla', null], ['Olle', null], ['Cora', null], ['Ada', 'admin'], ['Drift', 'bevakaAdmin']]);
    expect(diff.units.missing.map((u) => u.name)).toEqual(['Samhällsbyggnad', 'Kultur', 'Gamla enheten']);
  });

  it('warns about a deactivated person in the file and makes them head of nothing', () => {
    const diff = diffChart(file(['Kultur', '', 'Dag', 'dag@k.se', '', 'ja']), CHART);
    expect(diff.warnings.map((w) => w.code)).toEqual(['deactivated', 'noHead']);
    expect([diff.units.changed, diff.people.changed, diff.people.new]).toEqual([[], [], []]);
  });

  it('finds a ring the file makes with the units of the chart, and those below it', () => {
    const diff = previewChart(file(['Kommunledning', 'Samhällsbyggnad', '', '', '', ''], ['Parker', 'Kommunledning', '', '', '', '']), CHART);
    expect(diff.problems.map((p) => [p.row, p.code, p.values.unit])).toEqual([[2, 'ring', 'Kommunledning'], [3, 'ring', 'Parker']]);
  });

  it('orders a chain of 10,000 new units written child first (one walk up from each unit, not a pass per unit)', () => {
    const rows = Array.from({ length: 10_000 }, (_, i) => [`Enhet ${i}`, `Enhet ${i + 1}`, '', '', '', '']);
    const diff = diffChart(file(...rows), EMPTY_CHART);
    expect(diff.units.new[0].name).toBe('Enhet 10000');
    expect(diff.units.new.at(-1)!.name).toBe('Enhet 0');
  });

  it('never throws, and every new unit can be written after its parent', () => {
    const name = fc.constantFrom('A', 'B', 'C', 'D', 'a', '');
    const row = fc.tuple(name, name, fc.constantFrom('', 'Anna', 'Bo'), fc.constantFrom('', 'anna@k.se', 'bo@k.se', 'x'), fc.constantFrom('', 'chef', 'admin', 'läsare'), fc.constantFrom('', 'ja'));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.subarray(['A', 'B']), (rows, existing) => {
        const chart: CurrentChart = { units: existing.map((n) => ({ id: n, name: n, parentId: null, headPersonId: null })), people: [] };
        const preview = previewChart(file(...rows), chart);
        if (preview.problems.length) return;
        const known = new Set(existing.map((n) => n.toLowerCase()));
        for (const unit of preview.units.new) {
          if (unit.parent) expect(known.has(unit.parent.toLowerCase())).toBe(true);
          known.add(unit.name.toLowerCase());
        }
      }),
    );
  });
});

describe('deactivating the people missing from the file', () => {
  const missing = [
    { id: 'a', name: 'A', email: 'a@k.se', unit: null, kept: null },
    { id: 'b', name: 'B', email: 'b@k.se', unit: null, kept: 'admin' as const },
    { id: 'c', name: 'C', email: 'c@k.se', unit: null, kept: null },
  ];
  it('deactivates nobody unless confirmed, all but the kept ones when confirmed, or those named', () => {
    expect(peopleToDeactivate(missing, {})).toEqual([]);
    expect(peopleToDeactivate(missing, { deactivateMissing: true }).map((p) => p.id)).toEqual(['a', 'c']);
    expect(peopleToDeactivate(missing, { deactivate: ['c', 'c'] }).map((p) => p.id)).toEqual(['c']);
  });
  it('refuses ids of kept people or of people not missing', () => {
    expect(() => peopleToDeactivate(missing, { deactivate: ['b'] })).toThrow(expect.objectContaining({ code: 'UNPROCESSABLE' }));
    expect(() => peopleToDeactivate(missing, { deactivate: ['a', 'x'] })).toThrow(expect.objectContaining({ code: 'UNPROCESSABLE' }));
  });
});
