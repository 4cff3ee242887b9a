import { DomainError } from '../errors';
import { parsePlanDocument, PlanImportPreview } from '.';
import { columnLetters, isDateFormatCode } from './xlsx';
import { Part, zip } from './__fixtures__/zip-archive';

// Hostile workbooks, made byte by byte: each is a few KB and claims far more than it holds. Each
// must be refused with IMPORT_TOO_LARGE (or read, where the claim costs nothing) without the
// memory or time the claim asks for; the per-test limit makes a regression fail, not hang.
const QUICKLY = 4_000;

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A workbook whose sheets have the given <sheetData> inner XML (and anything after it). */
function workbook(sheets: string[], extra: Part[] = []): Uint8Array {
  const names = sheets.map((_, i) => `<sheet name="Blad${i + 1}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return zip([
    { name: '_rels/.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>` },
    { name: 'xl/workbook.xml', data: `<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets>${names}</sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}<Relationship Id="rS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>` },
    ...sheets.map((body, i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `<worksheet xmlns="${NS}">${body}</worksheet>` })),
    ...extra,
  ]);
}

const inline = (ref: string, text: string) => `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
const PLAN_ROWS = `<row r="1">${inline('A1', 'Aktivitet')}${inline('B1', 'När')}</row><row r="2">${inline('A2', 'Möte')}${inline('B2', 'Q1 2021')}</row>`;
const plan = (sheetData: string, after = '') => `<sheetData>${PLAN_ROWS}${sheetData}</sheetData>${after}`;

async function outcome(content: Uint8Array): Promise<{ preview?: PlanImportPreview; code?: string; message?: string }> {
  return parsePlanDocument({ filename: 'plan.xlsx', content }, { from: '2021-01-01' }).then(
    (preview) => ({ preview }),
    (error: unknown) => {
      if (!(error instanceof DomainError)) throw error;
      return { code: error.code, message: error.message };
    },
  );
}

describe('XLSX within limits', () => {
  it('reads a small handmade workbook', async () => {
    const { preview } = await outcome(workbook([plan('')]));
    expect(preview?.areas[0].actions).toEqual([expect.objectContaining({ title: 'Möte', when: 'Q1 2021' })]);
  });

  it('refuses a value in column XFD of row 20,001, naming the cell', async () => {
    const content = workbook([plan(`<row r="20001">${inline('XFD20001', 'x')}</row>`, '<dimension ref="A1:XFD20001"/>')]);
    expect(content.length).toBeLessThan(2_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('XFD20001') });
  }, QUICKLY);

  it('refuses 20,000 rows that each hold a value in column XFD', async () => {
    const rows = Array.from({ length: 20_000 }, (_, i) => `<row r="${i + 3}">${inline(`XFD${i + 3}`, 'x')}</row>`).join('');
    const content = workbook([plan(rows)]);
    expect(content.length).toBeLessThan(200_000);
    expect(await outcome(content)).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  }, QUICKLY);

  it('refuses a few-KB workbook that claims a million cells', async () => {
    const content = workbook([plan(`<row r="3">${'<c/>'.repeat(1_000_000)}</row>`)]);
    expect(content.length).toBeLessThan(20_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('cells') });
  }, QUICKLY);

  it('refuses a million empty rows', async () => {
    const content = workbook([plan('<row/>'.repeat(1_000_000))]);
    expect(await outcome(content)).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  }, QUICKLY);

  it('refuses a part that declares gigabytes, before inflating it', async () => {
    const content = workbook([plan('')], [{ name: 'xl/sharedStrings.xml', data: '<sst/>', declaredSize: 0xfffffff0 }]);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('unpacks to') });
  }, QUICKLY);

  it('refuses a part that inflates to more than it declares (a zip bomb)', async () => {
    const bomb = Buffer.alloc(50 * 1024 * 1024, 0x20);
    const content = workbook([plan('')], [{ name: 'xl/sharedStrings.xml', data: bomb, declaredSize: 1000 }]);
    expect(content.length).toBeLessThan(100_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_UNSUPPORTED_FORMAT', message: expect.stringContaining('more than the 1000 bytes') });
  }, QUICKLY);

  it('refuses more sheets than a plan needs', async () => {
    expect(await outcome(workbook(Array.from({ length: 51 }, () => plan(''))))).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
  }, QUICKLY);

  it('refuses XML nested a million elements deep, at the 257th', async () => {
    const content = workbook([plan(`<row r="3">${'<c>'.repeat(1_000_000)}`)]);
    expect(content.length).toBeLessThan(20_000);
    expect(await outcome(content)).toEqual({ code: 'IMPORT_TOO_LARGE', message: expect.stringContaining('more than 256 deep') });
  }, QUICKLY);

  it('ignores what costs nothing: empty cells far away, whole-sheet validations and columns, the dimension', async () => {
    const after = '<dimension ref="A1:XFD1048576"/><cols><col min="1" max="16384" width="9"/></cols>' +
      '<dataValidations count="1"><dataValidation type="list" sqref="A1:XFD1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
    const { preview } = await outcome(workbook([plan('<row r="1048576"><c r="XFD1048576" s="1"/></row>', after)]));
    expect(preview?.areas[0].actions.map((a) => a.title)).toEqual(['Möte']);
  }, QUICKLY);

  it('refuses a merged range over the whole sheet, and reads one cut at the limits', async () => {
    const whole = plan(`<row r="4">${inline('A4', 'Område')}</row>`, '<mergeCells count="1"><mergeCell ref="A4:XFD1048576"/></mergeCells>');
    expect(await outcome(workbook([whole]))).toMatchObject({ code: 'IMPORT_TOO_LARGE' });
    const wide = `<sheetData>${PLAN_ROWS.replace('<row r="2">', `<row r="2">`)}<row r="3">${inline('A3', 'Område')}</row><row r="4">${inline('A4', 'Nästa')}${inline('B4', 'Q2 2021')}</row></sheetData><mergeCells count="1"><mergeCell ref="A3:XFD3"/></mergeCells>`;
    const { preview } = await outcome(workbook([wide]));
    expect(preview?.areas.map((a) => [a.title, a.actions.map((x) => x.title)])).toEqual([
      ['', ['Möte']],
      ['Område', ['Nästa']],
    ]);
  }, QUICKLY);

  it('does not expand entities of a DOCTYPE (billion laughs)', async () => {
    const laughs = '<!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>';
    const content = zip([
      { name: 'xl/workbook.xml', data: `${laughs}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="a" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `<Relationships><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: 'xl/worksheets/sheet1.xml', data: `<worksheet><sheetData><row r="1">${inline('A1', '&c;&c;&c;')}</row></sheetData></worksheet>` },
    ]);
    expect(await outcome(content)).toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT' });
  }, QUICKLY);
});

describe('XLSX helpers', () => {
  it('names columns as Excel does', () => {
    expect([1, 26, 27, 200, 16384].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'GR', 'XFD']);
  });

  it('knows date formats by their letters outside quotes and brackets', () => {
    expect(['yyyy-mm-dd', 'd/m/yy', '[$-41D]mmmm yyyy', 'h:mm'].map(isDateFormatCode)).toEqual([true, true, true, true]);
    expect(['0.00', '#,##0 "kr"', '[Red]0', 'General', '"day"0'].map(isDateFormatCode)).toEqual([false, false, false, false, false]);
  });
});
