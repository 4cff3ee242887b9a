import { DomainError } from '../errors';
import { readChartFile } from './chart-import';

const table = (...lines: string[][]) => lines.map((cells, i) => ({ cells, row: i + 1 }));
const HEADER = ['Enhet', 'Ingår i', 'Namn', 'E-post', 'Roller', 'Chef'];

describe('the organisation chart read from a table', () => {
  it('reads units with the parent any row gives, people with roles and the head flag', () => {
    const file = readChartFile(
      table(
        HEADER,
        ['Samhällsbyggnad', 'Kommunledning', 'Hanna Enhetschef', 'Hanna@Kommun.se', 'chef', 'ja'],
        ['Kommunledning', '', 'Kim Kommunchef', 'kim@kommun.se', 'Chef', 'x'],
        ['Kommunledning', '', 'Cora Samordnare', 'cora@kommun.se', 'samordnare, läsare', ''],
        ['samhällsbyggnad', '', 'Olle Ägare', 'olle@kommun.se', '', ''],
        ['Kultur', 'Kommunledning', '', '', '', ''],
        ['', '', '', '', '', ''],
      ),
    );
    expect(file.problems).toEqual([]);
    expect(file.units).toEqual([
      { name: 'Samhällsbyggnad', parent: 'Kommunledning', head: 'hanna@kommun.se', row: 2 },
      { name: 'Kommunledning', head: 'kim@kommun.se', row: 2 },
      { name: 'Kultur', parent: 'Kommunledning', row: 6 },
    ]);
    expect(file.people).toEqual([
      { name: 'Hanna Enhetschef', email: 'hanna@kommun.se', unit: 'Samhällsbyggnad', roles: ['executive'], head: true, row: 2 },
      { name: 'Kim Kommunchef', email: 'kim@kommun.se', unit: 'Kommunledning', roles: ['executive'], head: true, row: 3 },
      { name: 'Cora Samordnare', email: 'cora@kommun.se', unit: 'Kommunledning', roles: ['coordinator', 'viewer'], head: false, row: 4 },
      { name: 'Olle Ägare', email: 'olle@kommun.se', unit: 'Samhällsbyggnad', head: false, row: 5 },
    ]);
  });

  it('finds its columns in any order and language, past a title row, and names the ones it ignores', () => {
    const file = readChartFile(table(['Medarbejdere 2026'], ['Email', 'Navn', 'Afdeling', 'Telefon'], ['anna@kommune.dk', 'Anna', 'Kultur', '1234']));
    expect(file.people).toEqual([{ name: 'Anna', email: 'anna@kommune.dk', unit: 'Kultur', head: false, row: 3 }]);
    expect(file.units).toEqual([{ name: 'Kultur', row: 3 }]);
    expect(file.ignoredColumns).toEqual(['Telefon']);
  });

  it('reads headers as English HR exports write them', () => {
    const file = readChartFile(table(['Full name', 'Email address', 'Department', 'Parent department', 'Is manager'], ['Ann Lee', 'ann@city.gov', 'Parks', 'Works', 'yes']));
    expect(file.people).toEqual([{ name: 'Ann Lee', email: 'ann@city.gov', unit: 'Parks', head: true, row: 2 }]);
    expect(file.units.map((u) => [u.name, u.parent, u.onlyAsParent])).toEqual([['Parks', 'Works', undefined], ['Works', undefined, true]]);
  });

  it('lists a unit named only as the one another belongs to, saying nothing of its own parent', () => {
    expect(readChartFile(table(HEADER, ['Bibliotek', 'Kultur', '', '', '', ''])).units).toEqual([
      { name: 'Bibliotek', parent: 'Kultur', row: 2 },
      { name: 'Kultur', onlyAsParent: true, row: 2 },
    ]);
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
    [['Kultur', 'kultur', '', '', '', ''], 'ownParent'],
    [['Kultur', '', 'A'.repeat(201), 'anna@kommun.se', '', ''], 'tooLong'],
  ].map(([cells, code]) => [code as string, cells as string[]] as const))('refuses a row: %s', (code, cells) => {
    expect(readChartFile(table(HEADER, cells)).problems.map((p) => [p.row, p.code])).toEqual([[2, code]]);
  });

  it('refuses a second row of the same person (any case), a second head, and a unit placed under two', () => {
    const file = readChartFile(
      table(
        HEADER,
        ['Kultur', 'Kommunledning', 'Anna', 'anna@kommun.se', '', 'ja'],
        ['Kultur', '', 'Anna igen', 'ANNA@kommun.se', '', ''],
        ['Kultur', '', 'Bo', 'bo@kommun.se', '', 'ja'],
        ['Kultur', 'Fritid', '', '', '', ''],
      ),
    );
    expect(file.problems.map((p) => [p.row, p.code])).toEqual([[3, 'duplicateEmail'], [4, 'twoHeads'], [5, 'twoParents']]);
  });

  it('says what is missing when no header is found, and refuses more rows than it reads', () => {
    expect(() => readChartFile(table(['a', 'b'], ['c', 'd']))).toThrow(expect.objectContaining({ code: 'IMPORT_NO_HEADER' }));
    const tooMany = table(HEADER, ...Array.from({ length: 10_001 }, () => ['Kultur', '', '', '', '', '']));
    expect(() => readChartFile(tooMany)).toThrow(DomainError);
  });
});
