import mammoth from 'mammoth';
import { renderReportDocx } from './docx-renderer';
import { INJECTED_COMMENT, INJECTED_SUMMARY, sampleReport, sampleRoundReport } from './report-document.fixture';

/** What Word would show: the text, and the HTML mammoth maps headings, tables and images to. */
async function readBack(buffer: Buffer): Promise<{ text: string; html: string }> {
  const text = (await mammoth.extractRawText({ buffer })).value.replace(/\n{2,}/g, '\n');
  const html = (await mammoth.convertToHtml({ buffer })).value;
  return { text, html };
}

const cellTexts = (html: string): string[] => [...html.matchAll(/<t[dh]>(.*?)<\/t[dh]>/g)].map((m) => m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim());

describe('renderReportDocx of a reporting round', () => {
  let buffer: Buffer;
  let text: string;
  let html: string;
  beforeAll(async () => {
    buffer = await renderReportDocx(sampleRoundReport());
    ({ text, html } = await readBack(buffer));
  });

  it('is a Word document laid out as an officer’s report: heading, matter, proposed decision, summary', () => {
    expect(buffer.subarray(0, 2).toString()).toBe('PK');
    expect(text.startsWith('TJÄNSTESKRIVELSE\nDatum: 1 juli 2024\nUppföljning av Handlingsplan för näringslivet 2024–2025, januari–juni 2024\n')).toBe(true);
    const headings = [...html.matchAll(/<h(\d)>(.*?)<\/h\d>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(headings.slice(0, 7)).toEqual([
      '1 Uppföljning av Handlingsplan för näringslivet 2024–2025, januari–juni 2024',
      '2 Ärende',
      '2 Förslag till beslut',
      '2 Sammanfattning',
      '3 Bedömningar per arbetsområde',
      '2 Uppföljning per arbetsområde',
      '3 Företagsklimat &amp; service',
    ]);
    expect(headings.at(-1)).toBe('2 Bilaga: tillfällen under perioden');
    expect(text).toContain('Kommunstyrelsen godkänner uppföljningen och lägger den till handlingarna.');
  });

  it('carries the overall summary, the approval, the board’s handling and the totals', () => {
    expect(text).toContain('Sammanfattning\nPlanen följs i stort.\nEnkäten är försenad.\n');
    expect(text).toContain('Godkänd av: Karin Kommunchef, 2 juli 2024 10:00');
    expect(text).toContain('Behandlad: KS 2024-09-15 § 123');
    const cells = cellTexts(html);
    expect(cells.slice(cells.indexOf('Förfallna tillfällen'), cells.indexOf('Förfallna tillfällen') + 2)).toEqual(['Förfallna tillfällen', '5']);
  });

  it('has per area the summary as text and a table of actions with unit, assessment in words and comment', () => {
    expect(html).toContain(`<p>${INJECTED_SUMMARY.replace('<', '&lt;').replace('>', '&gt;')}</p>`);
    expect(html).not.toContain('<img src=x');
    const cells = cellTexts(html);
    const survey = cells.indexOf('Enkät om företagsklimatet Q1 2024');
    expect(cells.slice(survey, survey + 4)).toEqual(['Enkät om företagsklimatet Q1 2024', 'Näringslivsenheten', '■ Avvikelse', 'Enkäten flyttas till hösten Rapporterad av: Björn Ärlig för Åsa Öberg, 25 juni 2024']);
    expect(cells).toContain('■ Ingen bedömning (Ej rapporterad)');
  });

  it('links only web addresses', () => {
    expect(html).toContain('<a href="https://example.se/minnesanteckningar">https://example.se/minnesanteckningar</a>');
    expect(html).not.toContain('href="javascript:');
    expect(text).toContain('javascript:alert(1)');
  });

  it('embeds the chart as an image with its figures in words as alternative text, and as a table', () => {
    const img = /<img alt="([^"]*)" src="data:image\/png;base64,/.exec(html);
    expect(img).not.toBeNull();
    expect(img![1]).toContain('Företagsklimat &amp; service: Genomförd 1 (+1), Enligt plan 1 (−1)');
    expect(text).toContain('Antal aktiviteter per bedömning; förändring sedan föregående rapport (juli–december 2023)');
    const cells = cellTexts(html);
    const row = cells.indexOf('Kompetensförsörjning');
    expect(cells.slice(row, row + 4)).toEqual(['Kompetensförsörjning', '0 (±0)', '0 (±0)', '1 (+1)']);
  });

  it('lists every occurrence in the appendix with its period in words and outcome', () => {
    const appendix = text.slice(text.indexOf('Bilaga: tillfällen under perioden'));
    expect(appendix).toContain('Enkät om företagsklimatet\njanuari–mars 2024\n31 mars 2024\nförsenad');
    expect(appendix).toContain('15 maj 2024 (flyttad från 30 apr. 2024)\nklar i tid\n14 maj 2024 15:30, Åsa Öberg');
    expect(appendix).toContain(INJECTED_COMMENT);
    expect(appendix).not.toMatch(/2024Q1|2024H1/);
  });
});

describe('renderReportDocx', () => {
  it('renders a report from before reporting rounds, without a chart, the status lines in the comment column', async () => {
    const { html } = await readBack(await renderReportDocx(sampleReport()));
    expect(html).not.toContain('<img');
    expect(cellTexts(html)).toContain('Tolv besök under perioden, bl.a. på Ängsvägen');
  });

  it('says on a draft that it is one', async () => {
    const { text } = await readBack(await renderReportDocx({ ...sampleReport(), draft: true }));
    expect(text).toContain('Utkast: perioden pågår');
  });

  it('is available in English', async () => {
    const { text } = await readBack(await renderReportDocx(sampleRoundReport(), { locale: 'en' }));
    expect(text).toContain('OFFICER’S REPORT');
    expect(text).toContain('Proposed decision');
    expect(text).toContain('Deviation');
  });
});
