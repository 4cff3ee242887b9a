import fc from 'fast-check';
import { DomainError } from '../errors';
import { readChart } from './chart-import';

const table = (...lines: string[][]) => lines.map((cells, i) => ({ cells, row: i + 1 }));
const EMPTY = { unitNames: [], emails: [] };
const HEADER = ['Enhet', 'Ingår i', 'Namn', 'E-post', 'Roller', 'Chef'];

describe('the organisation chart from a table', () => {
  it('reads units, people, roles and heads, a unit after the one it belongs to', () => {
    const chart = readChart(
      table(
        HEADER,
        ['Samhällsbyggnad', 'Kommunledning', 'Hanna Enhetschef', 'Hanna@Kommun.se', 'chef', 'ja'],
        ['Kommunledning', '', 'Kim Kommunchef', 'kim@kommun.se', 'Chef', 'x'],
        ['Kommunledning', '', 'Cora Samordnare', 'cora@kommun.se', 'samordnare, läsare', ''],
        ['Samhällsbyggnad', '', 'Olle Ägare', 'olle@kommun.se', '', ''],
        ['Kultur', 'Kommunledning', '', '', '', ''],
        ['', '', '', '', '', ''],
      ),
      EMPTY,
    );
    expect(chart.problems).toEqual([]);
    expect(chart.units).toEqual([
      { name: 'Kommunledning', parent: null, row: 3 },
      { name: 'Samhällsbyggnad', parent: 'Kommunledning', row: 2 },
      { name: 'Kultur', parent: 'Kommunledning', row: 6 },
    ]);
    expect(chart.people).toEqual([
      { name: 'Hanna Enhetschef', email: 'hanna@kommun.se', unit: 'Samhällsbyggnad', roles: ['executive'], row: 2 },
      { name: 'Kim Kommunchef', email: 'kim@kommun.se', unit: 'Kommunledning', roles: ['executive'], row: 3 },
      { name: 'Cora Samordnare', email: 'cora@kommun.se', unit: 'Kommunledning', roles: ['coordinator', 'viewer'], row: 4 },
      { name: 'Olle Ägare', email: 'olle@kommun.se', unit: 'Samhällsbyggnad', roles: ['owner'], row: 5 },
    ]);
    expect(chart.heads).toEqual([
      { unit: 'Samhällsbyggnad', email: 'hanna@kommun.se', row: 2 },
      { unit: 'Kommunledning', email: 'kim@kommun.se', row: 3 },
    ]);
  });

  it('finds its columns in any order and language, past a title row, and names the ones it ignores', () => {
    const chart = readChart(table(['Medarbejdere 2026'], ['Email', 'Navn', 'Afdeling', 'Telefon'], ['anna@kommune.dk', 'Anna', 'Kultur', '1234']), EMPTY);
    expect(chart.people).toEqual([{ name: 'Anna', email: 'anna@kommune.dk', unit: 'Kultur', roles: ['owner'], row: 3 }]);
    expect(chart.units).toEqual([{ name: 'Kultur', parent: null, row: 3 }]);
    expect(chart.ignoredColumns).toEqual(['Telefon']);
  });

  it('changes nothing already in the chart: units matched by name, people by e-mail, in any case', () => {
    const chart = readChart(
      table(HEADER, ['kommunledning', '', 'Kim', 'KIM@kommun.se', 'chef', 'ja'], ['Fritid', 'KOMMUNLEDNING', 'Nya Nisse', 'nisse@kommun.se', '', '']),
      { unitNames: ['Kommunledning'], emails: ['kim@kommun.se'] },
    );
    expect(chart.units).toEqual([{ name: 'Fritid', parent: 'KOMMUNLEDNING', row: 3 }]);
    expect(chart.people.map((p) => [p.email, p.unit])).toEqual([['nisse@kommun.se', 'Fritid']]);
    expect(chart.existing).toEqual({ units: ['Kommunledning'], emails: ['kim@kommun.se'] });
    expect(chart.heads).toEqual([{ unit: 'Kommunledning', email: 'kim@kommun.se', row: 2 }]);
  });

  it('adds a unit that is named only as the one another belongs to', () => {
    expect(readChart(table(HEADER, ['Bibliotek', 'Kultur', '', '', '', '']), EMPTY).units.map((u) => u.name)).toEqual(['Kultur', 'Bibliotek']);
  });

  it.each([
    [['Kultur', '', 'Anna', '', '', ''], 'noEmail'],
    [['Kultur', '', '', 'anna@kommun.se', '', ''], 'noName'],
    [['Kultur', '', 'Anna', 'anna(at)kommun.se', '', ''], 'notEmail'],
    [['Kultur', '', 'Anna', 'anna@kommun', '', ''], 'notEmail'],
    [['Kultur', '', 'Anna', 'anna@kommun.se', 'admin', ''], 'adminRole'],
    [['Kultur', '', 'Anna', 'anna@kommun.se', 'trollkarl', ''], 'unknownRole'],
    [['', '', 'Anna', 'anna@kommun.se', '', 'ja'], 'headWithoutUnit'],
    [['', 'Kultur', '', '', '', ''], 'parentWithoutUnit'],
    [['Kultur', '', 'A'.repeat(201), 'anna@kommun.se', '', ''], 'tooLong'],
  ].map(([cells, code]) => [code as string, cells as string[]] as const))('refuses a row: %s', (code, cells) => {
    expect(readChart(table(HEADER, cells), EMPTY).problems.map((p) => [p.row, p.code])).toEqual([[2, code]]);
  });

  it('refuses a second row of the same person, a second head, and a unit placed under two', () => {
    const chart = readChart(
      table(
        HEADER,
        ['Kultur', 'Kommunledning', 'Anna', 'anna@kommun.se', '', 'ja'],
        ['Kultur', '', 'Anna igen', 'ANNA@kommun.se', '', ''],
        ['Kultur', '', 'Bo', 'bo@kommun.se', '', 'ja'],
        ['Kultur', 'Fritid', '', '', '', ''],
      ),
      EMPTY,
    );
    expect(chart.problems.map((p) => [p.row, p.code])).toEqual([[3, 'duplicateEmail'], [4, 'twoHeads'], [5, 'twoParents']]);
  });

  it('refuses units that belong to each other in a ring, and those below them', () => {
    const chart = readChart(table(HEADER, ['A', 'B', '', '', '', ''], ['B', 'A', '', '', '', ''], ['C', 'A', '', '', '', ''], ['D', '', '', '', '', '']), EMPTY);
    expect(chart.problems.map((p) => [p.row, p.code])).toEqual([[2, 'ring'], [3, 'ring'], [4, 'ring']]);
    expect(chart.units.map((u) => u.name)).toEqual(['D']);
  });

  it('orders a chain of 10,000 units written child first (one walk up from each unit, not a pass per unit)', () => {
    const rows = [HEADER, ...Array.from({ length: 10_000 }, (_, i) => [`Enhet ${i}`, `Enhet ${i + 1}`, '', '', '', ''])];
    const chart = readChart(table(...rows), EMPTY);
    expect(chart.units[0].name).toBe('Enhet 10000');
    expect(chart.units.at(-1)!.name).toBe('Enhet 0');
  });

  it('says what is missing when no header is found, and refuses more rows than it reads', () => {
    expect(() => readChart(table(['a', 'b'], ['c', 'd']), EMPTY)).toThrow(expect.objectContaining({ code: 'IMPORT_NO_HEADER' }));
    const tooMany = table(HEADER, ...Array.from({ length: 10_001 }, () => ['Kultur', '', '', '', '', '']));
    expect(() => readChart(tooMany, EMPTY)).toThrow(DomainError);
  });

  it('never throws on any table with a header, and every unit it adds can be written after its parent', () => {
    const name = fc.constantFrom('A', 'B', 'C', 'D', 'a', '');
    const row = fc.tuple(name, name, fc.constantFrom('', 'Anna', 'Bo'), fc.constantFrom('', 'anna@k.se', 'bo@k.se', 'x'), fc.constantFrom('', 'chef', 'admin', 'läsare'), fc.constantFrom('', 'ja'));
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), fc.subarray(['A', 'B']), (rows, existing) => {
        const chart = readChart(table(HEADER, ...rows), { unitNames: existing, emails: [] });
        const known = new Set(existing.map((n) => n.toLowerCase()));
        for (const unit of chart.units) {
          if (unit.parent) expect(known.has(unit.parent.toLowerCase())).toBe(true);
          known.add(unit.name.toLowerCase());
        }
      }),
    );
  });
});
