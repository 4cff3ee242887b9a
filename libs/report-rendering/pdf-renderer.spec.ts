import { renderReportPdf } from './pdf-renderer';
import { extractPdfText } from './pdf-text.testing';
import { INJECTED_COMMENT, sampleReport } from './report-document.fixture';
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
    expect(lines[1]).toBe('Uppföljning till kommunstyrelsen · Period 2024H1');
    expect(text).toContain('Perioden: 1 jan. 2024 – 30 juni 2024');
    expect(text).toContain('Förfallna tillfällen: 5');
    expect(text).toContain('Eskaleringar: 3');
    expect(text.indexOf('Förfallna tillfällen: 5')).toBeLessThan(text.indexOf('Företagsklimat & service'));
  });

  it('lists per area the actions and the outcome of each occurrence in words', () => {
    for (const heading of ['Företagsklimat & service', 'Kompetensförsörjning', 'Utan arbetsområde']) expect(lines).toContain(heading);
    expect(text).toContain('2024Q1 · Förfallodag: 31 mars 2024 · FÖRSENAD · Eskaleringar: 2');
    expect(text).toContain('KLAR SENT (försenad)');
    expect(text).toContain('HOPPADES ÖVER');
    expect(text).toContain('AVBRUTEN');
    expect(text).toContain('Klar: 14 maj 2024 15:30, Åsa Öberg');
    expect(text).toContain(`Kommentar: ${INJECTED_COMMENT}`);
    expect(text).toContain('Tolv besök under perioden, bl.a. på Ängsvägen');
  });

  it('numbers its pages', () => {
    expect(text).toMatch(/Handlingsplan för näringslivet 2024–2025 · 2024H1 · 1\/\d+/);
  });

  it('is available in English', async () => {
    const en = extractPdfText(await renderReportPdf(sampleReport(), { locale: 'en' })).join('\n');
    expect(en).toContain('Follow-up report to the municipal board · Period 2024H1');
    expect(en).toContain('OVERDUE');
  });

  it('flows a long plan onto more pages', async () => {
    const doc = sampleReport();
    const many = Array.from({ length: 60 }, (_, i) => ({ ...doc.areas[1].actions[0], actionId: `x-${i}`, title: `Aktivitet ${i + 1}` }));
    doc.areas[1].actions = many;
    const out = extractPdfText(await renderReportPdf(doc)).join('\n');
    expect(out).toContain('Aktivitet 60');
    expect(out).toMatch(/ · 2024H1 · 3\/\d+/);
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
});
