import { renderReportPdf } from './pdf-renderer';
import { extractPdfText } from './pdf-text.testing';
import { INJECTED_COMMENT, INJECTED_SUMMARY, sampleReport, sampleRoundReport } from './report-document.fixture';
import { toWinAnsi } from './win-ansi';

describe('renderReportPdf', () => {
  let pdf: Buffer;
  let lines: string[];
  let text: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(sampleReport());
    lines = extractPdfText(pdf);
    text = lines.join('\n');
  });

  it('is a complete PDF', () => {
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.subarray(-6).toString('latin1')).toMatch(/%%EOF\s*$/);
  });

  it('starts with the plan title in Swedish letters, the period and the totals', () => {
    expect(lines[0]).toBe('Handlingsplan för näringslivet 2024–2025');
    expect(lines[1]).toBe('Uppföljning till kommunstyrelsen · Period januari–juni 2024');
    expect(text).toContain('Perioden: 1 jan. 2024 – 30 juni 2024');
    expect(text).toContain('Förfallna tillfällen: 5');
    expect(text).toContain('Eskaleringar: 3');
    expect(text.indexOf('Förfallna tillfällen: 5')).toBeLessThan(text.indexOf('Företagsklimat & service'));
  });

  it('lists per area the actions and the outcome of each occurrence in words', () => {
    for (const heading of ['Företagsklimat & service', 'Kompetensförsörjning', 'Utan arbetsområde']) expect(lines).toContain(heading);
    expect(text).toContain('januari–mars 2024 · Förfallodag: 31 mars 2024 · FÖRSENAD · Eskaleringar: 2');
    expect(text).toContain('KLAR SENT (försenad)');
    expect(text).toContain('HOPPADES ÖVER');
    expect(text).toContain('AVBRUTEN');
    expect(text).toContain('Klar: 14 maj 2024 15:30, Åsa Öberg');
    expect(text).toContain(`Kommentar: ${INJECTED_COMMENT}`);
    expect(text).toContain('Tolv besök under perioden, bl.a. på Ängsvägen');
  });

  it('numbers its pages', () => {
    expect(text).toMatch(/Handlingsplan för näringslivet 2024–2025 · januari–juni 2024 · 1\/\d+/);
  });

  it('is available in English', async () => {
    const en = extractPdfText(await renderReportPdf(sampleReport(), { locale: 'en' })).join('\n');
    expect(en).toContain('Follow-up report to the municipal board · Period January–June 2024');
    expect(en).toContain('OVERDUE');
  });

  it('flows a long plan onto more pages', async () => {
    const doc = sampleReport();
    const many = Array.from({ length: 60 }, (_, i) => ({ ...doc.areas[1].actions[0], actionId: `x-${i}`, title: `Aktivitet ${i + 1}` }));
    doc.areas[1].actions = many;
    const out = extractPdfText(await renderReportPdf(doc)).join('\n');
    expect(out).toContain('Aktivitet 60');
    expect(out).toMatch(/ · januari–juni 2024 · 3\/\d+/);
  });

  it('folds characters the standard font cannot draw instead of drawing wrong glyphs', () => {
    expect(toWinAnsi('Åsa → Łódź ✓ – “ok” €')).toBe('Åsa -> Lódz ? – “ok” €');
  });

  it('says on a draft that it is one', async () => {
    const draft = extractPdfText(await renderReportPdf({ ...sampleReport(), draft: true })).join('\n');
    expect(draft).toContain('Utkast: perioden pågår');
    expect(draft).toMatch(/^Utkast per: /m);
    expect(text).not.toMatch(/Utkast/);
  });

  it('never shows the board an internal period key', () => {
    expect(text).not.toMatch(/2024H1|2024Q1|2024-02\b/);
  });
});

describe('renderReportPdf of a reporting round', () => {
  let pdf: Buffer;
  let text: string;
  beforeAll(async () => {
    pdf = await renderReportPdf(sampleRoundReport());
    text = extractPdfText(pdf).join('\n');
  });

  it('states the deadline, the approval and the board’s handling under the title', () => {
    expect(text).toContain('Sista dag för lägesrapporter: 1 juli 2024');
    expect(text).toContain('Godkänd av: Karin Kommunchef, 2 juli 2024 10:00');
    expect(text).toContain('Behandlad: KS 2024-09-15 § 123');
  });

  it('carries the overall summary before the totals and each area’s summary under its heading', () => {
    expect(text).toContain('Samlad bedömning\nPlanen följs i stort.\nEnkäten är försenad.');
    expect(text.indexOf('Enkäten är försenad.')).toBeLessThan(text.indexOf('Förfallna tillfällen: 5'));
    expect(text).toContain(`Företagsklimat & service\nSammanfattning\n${INJECTED_SUMMARY}`);
  });

  it('gives each action its assessment in words, unit, who reported for whom, comment and links', () => {
    expect(text).toContain('Bedömning: Avvikelse\nAnsvarig enhet: Näringslivsenheten\nRapporterad av: Björn Ärlig för Åsa Öberg, 25 juni 2024\nEnkäten flyttas till hösten');
    expect(text).toContain('Underlag: https://example.se/minnesanteckningar, javascript:alert(1)');
    expect(text).toContain('Bedömning: Ingen bedömning (Ej rapporterad)');
  });

  it('embeds the chart as an image, with its figures and the change since the previous report as text', () => {
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(text).toContain('Antal aktiviteter per bedömning; förändring sedan föregående rapport (juli–december 2023):');
    expect(text).toContain('Företagsklimat & service: Genomförd 1 (+1), Enligt plan 1 (-1), Risk för avvikelse 0 (-1), Avvikelse 1 (+1)');
  });

  it('has no chart for a report without assessments', async () => {
    expect((await renderReportPdf(sampleReport())).toString('latin1')).not.toMatch(/\/Subtype\s*\/Image/);
  });

  it('says when a round froze without approval', async () => {
    const report = sampleRoundReport();
    report.round = { ...report.round!, status: 'frozen', approvedBy: null, approvedAt: null };
    const out = extractPdfText(await renderReportPdf(report)).join('\n');
    expect(out).toContain('Status: Frös utan godkännande');
    expect(out).not.toContain('Godkänd av');
  });
});
