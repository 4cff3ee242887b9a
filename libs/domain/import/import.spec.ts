import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { DomainError } from '../errors';
import { detectFormat, parsePlanDocument, recogniseHeader, splitOwners } from '.';
import { PlanImportPreview } from './types';

const fixture = (name: string) => new Uint8Array(readFileSync(join(__dirname, '__fixtures__', name)));
const seed = () => new Uint8Array(readFileSync(join(__dirname, '../../../test/fixtures/overtornea-plan.txt')));
const summary = (p: PlanImportPreview) => p.areas.map((a) => [a.title, a.actions.map((x) => x.title)]);
const action = (p: PlanImportPreview, title: string) => p.areas.flatMap((a) => a.actions).find((a) => a.title.startsWith(title))!;

async function rejects(doc: Parameters<typeof parsePlanDocument>[0], code: string, message: RegExp) {
  const error = await parsePlanDocument(doc).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toMatch(message);
}

describe('plan text with tab-separated tables (the Övertorneå plan)', () => {
  it('gives 4 areas with 5, 3, 6 and 3 actions', async () => {
    const plan = await parsePlanDocument({ filename: 'overtornea-plan.txt', content: seed() }, { from: '2020-01-01' });
    expect(plan.format).toBe('text');
    expect(plan.areas.map((a) => [a.title, a.actions.length])).toEqual([
      ['Öppet klimat mellan politiker, tjänstepersoner och företag', 5],
      ['Information och service', 3],
      ['Intern samverkan och kommunikation', 6],
      ['Inköp och upphandling', 3],
    ]);
    expect(plan.warnings).toEqual([]);
  });

  it('understands every row: "regelbundna företagsbesök" is continuous, not guessed', async () => {
    const plan = await parsePlanDocument({ content: seed() }, { from: '2020-01-01' });
    expect(action(plan, 'Näringslivsansvariga utför regelbundna').schedule).toMatchObject({ kind: 'continuous', due: [] });
    expect(action(plan, 'Företagsträffar').schedule).toMatchObject({ kind: 'quota', rule: { type: 'quota', target: 6, per: 'year' }, due: ['2020-12-31', '2021-12-31', '2022-12-31', '2023-12-31'] });
    expect(action(plan, 'Företagsträffar').owners).toEqual(['Staben KSO', 'KD']);
    expect(action(plan, 'Internutbildning i upphandlingar').schedule.due).toEqual(['2020-12-31', '2022-12-31', '2024-12-31', '2026-12-31']);
    const web = action(plan, 'Hemsidan utvecklas');
    expect(web.title).not.toMatch(/<|style=/);
    expect(web).toMatchObject({ when: 'Q4 2020', owners: ['Ansvarig chef'], schedule: { kind: 'once', due: ['2020-12-31'] } });
    expect(plan.areas.flatMap((a) => a.actions).every((a) => a.schedule.kind !== 'unreadable')).toBe(true);
  });

  it('reads Danish prose with HTML in cells', async () => {
    const plan = await parsePlanDocument({ filename: 'plan-da.txt', content: fixture('plan-da.txt') }, { from: '2021-01-01' });
    expect(summary(plan)).toEqual([
      ['Dialog med erhvervslivet', ['Erhvervstræf med borgmesteren to gange om året', 'Virksomhedsbesøg hver måned']],
      ['Sagsbehandling', ['Ny digital ansøgning om byggetilladelse', 'Måling af sagsbehandlingstider']],
    ]);
    expect(action(plan, 'Ny digital').schedule.due).toEqual(['2022-02-28']);
    expect(action(plan, 'Ny digital').owners).toEqual(['Teknik og miljø', 'Digitalisering']);
    expect(action(plan, 'Måling').owners).toEqual(['Teknik og miljø', 'Erhvervsafdelingen']);
  });
});

describe('CSV', () => {
  it('reads the comma dialect with quoted commas and line breaks', async () => {
    const plan = await parsePlanDocument({ filename: 'plan-comma.csv', content: fixture('plan-comma.csv') }, { from: '2021-01-01' });
    expect(plan.format).toBe('csv');
    expect(plan.areas).toHaveLength(1);
    expect(action(plan, 'Business breakfast')).toMatchObject({
      title: 'Business breakfast with the mayor, twice a year', owners: ['Business office', "Mayor's office"], row: 2,
      schedule: { kind: 'recurring', due: ['2021-06-30', '2021-12-31', '2022-06-30', '2022-12-31'] },
    });
    expect(action(plan, 'Support').owners).toEqual(['Business office', 'Library']);
    expect(plan.warnings.map((w) => w.code)).toEqual(['NO_AREA']);
  });

  it("reads Excel's semicolon dialect: BOM, CRLF, header below title rows, section rows, `;` and line breaks in quotes", async () => {
    const plan = await parsePlanDocument({ filename: 'plan-excel.csv', content: fixture('plan-excel.csv') }, { from: '2021-01-01', count: 2 });
    expect(summary(plan)).toEqual([
      ['Företagsservice', ['Företagsbesök, minst tolv per år', 'Ny e-tjänst; serveringstillstånd']],
      ['Upphandling', ['Dialogmöten om kommande upphandlingar', 'Översyn av riktlinjer', 'Leverantörsträffar']],
    ]);
    expect(action(plan, 'Företagsbesök').schedule).toMatchObject({ kind: 'quota', rule: { target: 12, per: 'year' }, due: ['2021-12-31', '2022-12-31'] });
    expect(action(plan, 'Ny e-tjänst').owners).toEqual(['Miljö- och byggförvaltningen', 'Kommunikation']);
    expect(action(plan, 'Dialogmöten').owners).toEqual(['Upphandlingsenheten', 'Samhällsbyggnad och teknik']);
    expect(action(plan, 'Dialogmöten').schedule.kind).toBe('recurring');
    expect(action(plan, 'Leverantörsträffar').schedule).toMatchObject({ kind: 'continuous', warnings: [{ code: 'VAGUE_FREQUENCY' }] });
  });

  it('reads Windows-1252 bytes from old Excel exports', async () => {
    const bytes = new Uint8Array(Buffer.from('Åtgärd;När;Ansvar\r\nFöretagsträff två gånger per år;2021;Näringsliv\r\n', 'latin1'));
    const plan = await parsePlanDocument({ filename: 'old.csv', content: bytes }, {});
    expect(action(plan, 'Företagsträff')).toMatchObject({ owners: ['Näringsliv'], schedule: { kind: 'recurring' } });
  });

  it('reports unknown columns, a missing header and an empty file clearly', async () => {
    await rejects({ filename: 'x.csv', content: fixture('unknown-columns.csv') }, 'IMPORT_UNKNOWN_COLUMNS', /Namn, Kostnad, Status/);
    await rejects({ filename: 'x.csv', content: 'Projekt A;100 000 kronor och mer text här;Pågår sedan länge i kommunen\n' }, 'IMPORT_NO_HEADER', /No header row/);
    await rejects({ filename: 'x.csv', content: new Uint8Array() }, 'IMPORT_EMPTY', /empty/);
    await rejects({ filename: 'x.csv', content: '\ufeff  \r\n' }, 'IMPORT_EMPTY', /empty/);
    await rejects({ filename: 'x.csv', content: 'Aktivitet;När;Ansvar\n' }, 'IMPORT_EMPTY', /no action rows/);
  });
});

describe('Markdown', () => {
  it('takes headings as areas and pipe tables as actions', async () => {
    const plan = await parsePlanDocument({ filename: 'plan.md', content: fixture('plan.md') }, { from: '2021-01-01' });
    expect(plan.format).toBe('markdown');
    expect(plan.areas.map((a) => [a.title, a.actions.length])).toEqual([['Företagsservice', 3], ['Upphandling', 3]]);
    expect(action(plan, 'Frukostmöten')).toMatchObject({ when: '2 ggr/år', owners: ['Näringslivskontoret', 'Kommunikation'], schedule: { kind: 'recurring', due: ['2021-06-30', '2021-12-31', '2022-06-30', '2022-12-31'] } });
    expect(action(plan, 'Översyn')).toMatchObject({ owners: ['Samhällsbyggnad och teknik', 'Ekonomi'], schedule: { kind: 'once', due: ['2021-12-31'] } });
    expect(action(plan, 'Leverantörsträffar').owners).toEqual(['Upphandlingsenheten', 'Näringslivskontoret']);
  });

  it('is detected from content too', () => {
    expect(detectFormat({ content: '| Aktivitet | När |\n|---|---|\n| a | b |\n' })).toBe('markdown');
    expect(detectFormat({ content: 'Aktivitet\tNär\n' })).toBe('text');
    expect(detectFormat({ content: 'Aktivitet;När\n' })).toBe('csv');
  });
});

describe('XLSX', () => {
  async function workbook(): Promise<Uint8Array> {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Försättsblad').addRow(['Handlingsplan']);
    const ws = wb.addWorksheet('Plan');
    ws.addRow(['Handlingsplan för näringslivet']);
    ws.addRow([]);
    ws.addRow(['Nr', 'Åtgärd', 'Tidplan', 'Ansvarig', 'Kostnad']);
    ws.addRow(['1. Företagsservice']);
    ws.mergeCells('A4:E4');
    ws.addRow([1, 'Företagsbesök sex gånger per år', 'Q1 2021', 'Näringsliv\nKSO', 5000]);
    ws.addRow([2, { richText: [{ text: 'Ny ' }, { font: { bold: true }, text: 'e-tjänst' }] }, new Date(Date.UTC(2021, 8, 30)), 'Bygg & miljö', 0]);
    ws.addRow(['Upphandling']);
    ws.mergeCells('A7:E7');
    ws.addRow([3, 'Dialogmöten', 'Hvert kvartal', 'Upphandling', null]);
    ws.addRow([4, 'Uppföljning', { formula: '"Q4 "&"2021"', result: 'Q4 2021' }, 'Ekonomi', null]);
    return new Uint8Array(await wb.xlsx.writeBuffer());
  }

  it('finds the header near the top, merged section rows as areas and date-typed cells', async () => {
    const plan = await parsePlanDocument({ filename: 'plan.xlsx', content: await workbook() }, { from: '2021-01-01' });
    expect(plan.format).toBe('xlsx');
    expect(summary(plan)).toEqual([
      ['Företagsservice', ['Företagsbesök sex gånger per år', 'Ny e-tjänst']],
      ['Upphandling', ['Dialogmöten', 'Uppföljning']],
    ]);
    expect(action(plan, 'Ny e-tjänst')).toMatchObject({ when: '2021-09-30', owners: ['Bygg', 'miljö'], row: 6, schedule: { kind: 'once', due: ['2021-09-30'] } });
    expect(action(plan, 'Företagsbesök').owners).toEqual(['Näringsliv', 'KSO']);
    expect(action(plan, 'Dialogmöten').schedule.kind).toBe('recurring');
    expect(action(plan, 'Uppföljning').schedule.due).toEqual(['2021-12-31']);
    expect(plan.warnings).toEqual([{ code: 'IGNORED_COLUMNS', message: 'Columns not used: Nr, Kostnad', row: 3 }]);
  });

  it('is detected by its bytes and rejects broken or old workbooks', async () => {
    expect(detectFormat({ content: await workbook() })).toBe('xlsx');
    await rejects({ filename: 'x.xlsx', content: new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]) }, 'IMPORT_UNSUPPORTED_FORMAT', /XLSX/);
    await rejects({ filename: 'x.xls', content: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]) }, 'IMPORT_UNSUPPORTED_FORMAT', /xlsx or CSV/);
    await rejects({ filename: 'x.pdf', content: 'Aktivitet;När\n' }, 'IMPORT_UNSUPPORTED_FORMAT', /A PDF must be given as bytes/);
    await rejects({ filename: 'x.odt', content: 'Aktivitet;När\n' }, 'IMPORT_UNSUPPORTED_FORMAT', /\.odt files are not supported: use CSV, XLSX, Word \(DOCX\), PDF, Markdown or text/);
  });
});

describe('prose without tables', () => {
  it('has no header', async () => {
    await rejects({ filename: 'p.txt', content: fixture('prose-only.txt') }, 'IMPORT_NO_HEADER', /Expected an action column/);
  });
});

describe('owners', () => {
  it.each([
    ['KSO, KD', ['KSO', 'KD']],
    ['Samhällsbyggnad och teknik', ['Samhällsbyggnad och teknik']],
    ['Teknik og miljø; Økonomi', ['Teknik og miljø', 'Økonomi']],
    ['Staben / Ekonomi & HR + IT', ['Staben', 'Ekonomi', 'HR', 'IT']],
    ['Näringsliv\nKSO\r\nKD', ['Näringsliv', 'KSO', 'KD']],
    ['Näringsliv<br>Staben<br/>Staben', ['Näringsliv', 'Staben']],
    ['', []],
  ])('%j → %j', (raw, owners) => expect(splitOwners(raw)).toEqual(owners));
});

describe('header recognition', () => {
  it.each([
    [['AKTIVITET', 'NÄR?', 'ANSVAR'], { title: 0, when: 1, owners: 2 }],
    [['Åtgärd', 'Tidplan', 'Ansvarig'], { title: 0, when: 1, owners: 2 }],
    [['Insats', 'Hvornår', 'Ansvarlig'], { title: 0, when: 1, owners: 2 }],
    [['Område', 'Tiltak', 'Når', 'Ansvarlig enhet'], { area: 0, title: 1, when: 2, owners: 3 }],
    [['Action', 'When', 'Owner', 'Frequency'], { title: 0, when: 1, owners: 2, frequency: 3 }],
    [['Vad', 'Vem'], { title: 0, owners: 1 }],
  ])('%j', (cells, expected) => expect(recogniseHeader(cells)).toMatchObject(expected));

  it('needs an action column and a timing or owner column', () => {
    expect(recogniseHeader(['Namn', 'Kostnad'])).toBeUndefined();
    expect(recogniseHeader(['Aktivitet', 'Kostnad'])).toBeUndefined();
  });
});
