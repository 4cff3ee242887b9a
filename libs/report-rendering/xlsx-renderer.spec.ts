import ExcelJS from 'exceljs';
import { INJECTED_SUMMARY, sampleReport, sampleRoundReport } from './report-document.fixture';
import { renderReportXlsx } from './xlsx-renderer';

async function readBack(buffer: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return workbook;
}

const values = (row: ExcelJS.Row): unknown[] => (row.values as unknown[]).slice(1);

describe('renderReportXlsx', () => {
  let workbook: ExcelJS.Workbook;
  let buffer: Buffer;
  beforeAll(async () => {
    buffer = await renderReportXlsx(sampleReport());
    workbook = await readBack(buffer);
  });

  it('is a zip-based workbook with a summary, occurrence and status sheet in Swedish', () => {
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Tillfällen', 'Lägesrapporter']);
  });

  it('summarises plan, period and totals', () => {
    const summary = workbook.getWorksheet('Sammanfattning')!;
    expect(values(summary.getRow(1))).toEqual(['Plan', 'Handlingsplan för näringslivet 2024–2025']);
    expect(values(summary.getRow(2))).toEqual(['Period', 'januari–juni 2024']);
    const totals = new Map<unknown, unknown>();
    summary.eachRow((row) => totals.set(row.getCell(1).value, row.getCell(2).value));
    expect(totals.get('Förfallna tillfällen')).toBe(5);
    expect(totals.get('Eskaleringar')).toBe(3);
    expect(totals.get('Klara sent')).toBe(1);
  });

  it('has a frozen header row and one row per occurrence with real dates in the plan timezone', () => {
    const sheet = workbook.getWorksheet('Tillfällen')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 2 });
    expect(values(sheet.getRow(1)).slice(0, 8)).toEqual(['Arbetsområde', 'Aktivitet', 'Typ', 'Tillfälle', 'Förfallodag', 'Ursprunglig förfallodag', 'Utfall', 'Försenad']);
    expect(sheet.getColumn(2).width).toBe(40);
    expect(sheet.rowCount).toBe(1 + 5);

    const late = sheet.getRow(3);
    expect(late.getCell(1).value).toBe('Företagsklimat & service');
    expect(late.getCell(2).value).toBe('Enkät om företagsklimatet');
    const due = late.getCell(5).value;
    expect(due).toBeInstanceOf(Date);
    // The end of 31 March in Stockholm is written as the calendar day 2024-03-31.
    expect((due as Date).toISOString()).toBe('2024-03-31T00:00:00.000Z');
    expect(late.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(late.getCell(4).value).toBe('januari–mars 2024');
    expect(late.getCell(7).value).toBe('försenad');
    expect(late.getCell(8).value).toBe('Ja');
    expect(late.getCell(14).value).toBe(2);
  });

  it('carries who completed when, comments, evidence links and skip reasons', () => {
    const sheet = workbook.getWorksheet('Tillfällen')!;
    const first = sheet.getRow(2);
    expect(first.getCell(7).value).toBe('klar i tid');
    expect(first.getCell(9).value).toEqual(new Date('2024-05-14T15:30:00.000Z')); // 15:30 Stockholm wall clock
    expect(first.getCell(10).value).toBe('Åsa Öberg');
    expect(first.getCell(11).value).toBe('Genomförd i Övertorneå <script>alert("x")</script>');
    expect(first.getCell(12).value).toMatchObject({ hyperlink: 'https://example.se/protokoll?mote=1&ar=2024' });
    expect(first.getCell(6).value).toEqual(new Date('2024-04-30T00:00:00.000Z'));

    const rows = [4, 5, 6].map((n) => sheet.getRow(n));
    expect(rows.map((r) => r.getCell(7).value)).toEqual(['klar sent', 'hoppades över', 'avbruten']);
    expect(rows[0].getCell(10).value).toBe('Björn Ärlig');
    expect(rows[1].getCell(13).value).toBe('Sammanföll med midsommar');
    expect(rows[2].getCell(1).value).toBe('Utan arbetsområde');
  });

  it('lists the status lines of continuous actions', () => {
    const sheet = workbook.getWorksheet('Lägesrapporter')!;
    expect(sheet.rowCount).toBe(2);
    expect(sheet.getRow(2).getCell(2).value).toBe('Regelbundna företagsbesök');
    expect(sheet.getRow(2).getCell(5).value).toBe('Tolv besök under perioden, bl.a. på Ängsvägen');
  });

  it('is available in English', async () => {
    const en = await readBack(await renderReportXlsx(sampleReport(), { locale: 'en' }));
    expect(en.worksheets.map((s) => s.name)).toEqual(['Summary', 'Occurrences', 'Status updates']);
    expect(en.getWorksheet('Occurrences')!.getRow(3).getCell(7).value).toBe('overdue');
  });

  it('says on a draft that it is one', async () => {
    const draft = await readBack(await renderReportXlsx({ ...sampleReport(), draft: true }));
    const rows = draft.worksheets[0].getSheetValues().flat().map(String);
    expect(rows).toContain('Utkast per');
    expect(rows.some((v) => v.startsWith('Utkast: perioden pågår'))).toBe(true);
  });
});

describe('renderReportXlsx of a reporting round', () => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = await readBack(await renderReportXlsx(sampleRoundReport()));
  });

  const column = (sheet: ExcelJS.Worksheet, n: number): unknown[] => sheet.getColumn(n).values.slice(1);

  it('adds the assessments and the summaries as sheets of their own', () => {
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['Sammanfattning', 'Bedömningar', 'Sammanfattningar', 'Tillfällen', 'Lägesrapporter']);
  });

  it('states the round’s facts, the overall summary and the spread of assessments on the summary sheet', () => {
    const summary = workbook.getWorksheet('Sammanfattning')!;
    const facts = new Map<unknown, unknown>();
    summary.eachRow((row) => facts.set(row.getCell(1).value, row.getCell(2).value));
    expect(facts.get('Godkänd av')).toBe('Karin Kommunchef, 2 juli 2024 10:00');
    expect(facts.get('Behandlad')).toBe('KS 2024-09-15 § 123');
    expect(facts.get('Samlad bedömning')).toBe('Planen följs i stort.\n\nEnkäten är försenad.');
    expect(column(summary, 1)).toContain('Antal aktiviteter per bedömning; förändring sedan föregående rapport (juli–december 2023)');
    let spread: unknown[] = [];
    summary.eachRow((row) => {
      if (row.getCell(1).value === 'Kompetensförsörjning') spread = values(row);
    });
    expect(spread).toEqual(['Kompetensförsörjning', '0 (±0)', '0 (±0)', '1 (+1)', '0 (±0)', '0 (±0)', '0 (±0)']);
  });

  it('has one row per action with unit, assessment in words, comment, links and who reported', () => {
    const sheet = workbook.getWorksheet('Bedömningar')!;
    expect(values(sheet.getRow(1))).toEqual(['Arbetsområde', 'Aktivitet', 'Ansvarig enhet', 'Bedömning', 'Kommentar', 'Underlag', 'Rapporterad av', 'Datum', 'Beslutad vid']);
    expect(sheet.rowCount).toBe(1 + 5);
    const survey = sheet.getRow(3);
    expect(values(survey).slice(0, 5)).toEqual(['Företagsklimat & service', 'Enkät om företagsklimatet', 'Näringslivsenheten', 'Avvikelse', 'Enkäten flyttas till hösten']);
    expect(survey.getCell(7).value).toBe('Björn Ärlig för Åsa Öberg');
    expect(survey.getCell(8).value).toEqual(new Date('2024-06-25T12:00:00.000Z'));
    expect(sheet.getRow(2).getCell(6).value).toBe('https://example.se/minnesanteckningar\njavascript:alert(1)');
    expect(sheet.getRow(6).getCell(4).value).toBe('Ingen bedömning (Ej rapporterad)');
  });

  it('keeps the areas’ summaries as written, markup as text', () => {
    const sheet = workbook.getWorksheet('Sammanfattningar')!;
    expect(values(sheet.getRow(2))).toEqual(['Företagsklimat & service', INJECTED_SUMMARY]);
    expect(values(sheet.getRow(3))).toEqual(['Kompetensförsörjning', 'Samarbetet med skolan behöver en ny form.']);
  });

  it('has no round sheets for a report frozen before rounds existed', async () => {
    const plain = await readBack(await renderReportXlsx(sampleReport()));
    expect(plain.worksheets.map((s) => s.name)).not.toContain('Bedömningar');
  });
});
