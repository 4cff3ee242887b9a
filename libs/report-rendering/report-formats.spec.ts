import ExcelJS from 'exceljs';
import mammoth from 'mammoth';
import { isReportFormat, REPORT_FORMATS, reportContentDisposition, reportFilename, reportFormatForMediaType, slugify } from './report-formats';
import { sampleReport, sampleRoundReport } from './report-document.fixture';
import { extractPdfText } from './pdf-text.testing';
import type { ReportDocument } from './report-document';

describe('REPORT_FORMATS', () => {
  const doc = sampleReport();

  it('renders each format with its content type', async () => {
    const json = await REPORT_FORMATS.json.render(doc);
    expect(JSON.parse(json as string)).toEqual(doc);
    const html = await REPORT_FORMATS.html.render(doc, { locale: 'en' });
    expect(html).toContain('<html lang="en">');
    const pdf = (await REPORT_FORMATS.pdf.render(doc)) as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const xlsx = (await REPORT_FORMATS.xlsx.render(doc)) as Buffer;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    expect(workbook.worksheets).toHaveLength(3);
    const docx = (await REPORT_FORMATS.docx.render(doc)) as Buffer;
    expect((await mammoth.extractRawText({ buffer: docx })).value).toContain('Förslag till beslut');
    expect(REPORT_FORMATS.html.contentType).toBe('text/html; charset=utf-8');
    expect(REPORT_FORMATS.xlsx.contentType).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('renders a plan with nothing in it in every format', async () => {
    const empty = { ...doc, areas: [], totals: { due: 0, completedOnTime: 0, completedLate: 0, open: 0, late: 0, skipped: 0, escalations: 0 } };
    expect(await REPORT_FORMATS.html.render(empty)).toContain('Planen har inga aktiviteter.');
    for (const format of ['pdf', 'xlsx', 'docx'] as const) expect(((await REPORT_FORMATS[format].render(empty)) as Buffer).length).toBeGreaterThan(500);
  });

  it('shows a quota\'s count of its target beside its outcome in every format ("4 av 6")', async () => {
    const quota: ReportDocument = structuredClone(doc);
    quota.areas[0].actions.push({
      actionId: 'a-q',
      title: 'Företagsträffar minst sex gånger per halvår',
      when: '2024',
      kind: 'quota',
      status: 'active',
      occurrences: [
        {
          periodKey: '2024H1',
          due: '2024-06-30T21:59:59.999Z',
          originalDue: '2024-06-30T21:59:59.999Z',
          status: 'escalated',
          outcome: 'open',
          late: true,
          completedAt: null,
          completedBy: null,
          comment: null,
          evidenceUrl: null,
          skipReason: null,
          escalations: 1,
          quota: { count: 4, target: 6 },
        },
      ],
      statusLines: [],
    });
    expect(await REPORT_FORMATS.html.render(quota)).toContain('<span class="quota">4 av 6</span>');
    expect(extractPdfText((await REPORT_FORMATS.pdf.render(quota)) as Buffer).join(' ')).toContain('4 av 6');
    expect((await mammoth.extractRawText({ buffer: (await REPORT_FORMATS.docx.render(quota)) as Buffer })).value).toContain('försenad · 4 av 6');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await REPORT_FORMATS.xlsx.render(quota, { locale: 'en' })) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets.forEach((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
    expect(cells).toContain('overdue · 4 of 6');
  });

  it('names the meeting and paragraph an action out of minutes was decided at, in every format', async () => {
    const sourced = sampleRoundReport();
    sourced.areas[0].actions[1].source = { meeting: 'Samrådsmöte november', meetingDate: '2023-11-10', ref: '§ 1', title: 'Företagsbesök' };
    const words = 'Samrådsmöte november 2023-11-10, § 1 Företagsbesök';
    expect(await REPORT_FORMATS.html.render(sourced)).toContain(`<dt>Beslutad vid</dt><dd>${words}</dd>`);
    expect(extractPdfText((await REPORT_FORMATS.pdf.render(sourced)) as Buffer).join(' ')).toContain(`Beslutad vid: ${words}`);
    expect((await mammoth.extractRawText({ buffer: (await REPORT_FORMATS.docx.render(sourced)) as Buffer })).value).toContain(`Beslutad vid: ${words}`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await REPORT_FORMATS.xlsx.render(sourced)) as unknown as ArrayBuffer);
    const cells: string[] = [];
    workbook.worksheets.forEach((sheet) => sheet.eachRow((row) => row.eachCell((cell) => void cells.push(String(cell.value)))));
    expect(cells).toContain(words);
    // Actions not read out of minutes say nothing of it.
    expect((await REPORT_FORMATS.html.render(doc)).includes('Beslutad vid')).toBe(false);
  });

  it('keys every spec by its own format', () => {
    for (const [key, spec] of Object.entries(REPORT_FORMATS)) {
      expect(spec.format).toBe(key);
      expect(spec.extension).toBe(key);
    }
  });

  it('recognises formats and media types', () => {
    expect(['json', 'html', 'pdf', 'xlsx', 'docx'].every(isReportFormat)).toBe(true);
    expect(isReportFormat('csv')).toBe(false);
    expect(isReportFormat('toString')).toBe(false);
    expect(reportFormatForMediaType('application/PDF')).toBe('pdf');
    expect(reportFormatForMediaType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe('docx');
    expect(reportFormatForMediaType('text/html; charset=utf-8')).toBe('html');
    expect(reportFormatForMediaType('text/csv')).toBeUndefined();
  });

  it('names files after the plan and period in plain ASCII', () => {
    expect(reportFilename(doc, 'pdf')).toBe('bevaka-handlingsplan-for-naringslivet-2024-2025-2024H1.pdf');
    expect(reportFilename(doc, 'xlsx')).toBe('bevaka-handlingsplan-for-naringslivet-2024-2025-2024H1.xlsx');
    expect(reportContentDisposition(doc, 'pdf')).toBe('attachment; filename="bevaka-handlingsplan-for-naringslivet-2024-2025-2024H1.pdf"');
    expect(reportContentDisposition(doc, 'html')).toMatch(/^inline; /);
    expect(reportFilename({ plan: { ...doc.plan, title: '"; <>/\\' }, period: { ...doc.period, key: '../x' } }, 'json')).toBe('bevaka-rapport-x.json');
  });

  it('slugs Nordic letters and long titles', () => {
    expect(slugify('Åtgärder för Älvdalens & Øresunds företag')).toBe('atgarder-for-alvdalens-oresunds-foretag');
    expect(slugify('Handlingsplan '.repeat(10)).length).toBeLessThanOrEqual(60);
    expect(slugify('Handlingsplan '.repeat(10))).not.toMatch(/-$/);
  });
});
