import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Browser } from 'playwright-core';
import { parsePlanDocument, PlanImportPreview } from '../../libs/domain/import';
import { readPdfText } from '../../libs/pdf-reading';
import { launchChromium } from './browser';

// The seed plan as a web page printed to PDF by Chromium: a second PDF writer besides pdfkit
// (the domain specs'), with text runs, fonts and table layout of its own. Each style a plan's
// table may come in reads as the text seed does, or, where its rows cannot be told apart, is
// refused saying so.
const SEED = readFileSync(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'), 'utf8');
const FROM = { from: '2020-01-01' };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const understood = (p: PlanImportPreview) => p.areas.map((a) => ({ area: a.title, actions: a.actions.map(({ title, when, owners, schedule }) => ({ title, when, owners, schedule })) }));

/** The seed as the municipality's web page would have it: headings, paragraphs, a table per area (its header repeated on each printed page). */
function seedPage(css: string): string {
  const lines = SEED.split(/\r?\n/).map((l) => l.trim());
  const numbered = (l: string | undefined) => /^\d\.\s/.test(l ?? '');
  const body: string[] = [`<h1>${escape(lines[2])}</h1>`];
  for (let i = lines.indexOf('Inledning'); i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.includes('\t')) {
      const table: string[][] = [];
      while (lines[i]?.includes('\t')) table.push(lines[i++].split('\t'));
      const [header, ...rows] = table;
      const cell = (title: string) => escape(title.replace(/\s*<ul[^>]*>\s*/, '\n').replace(/\s+-\s+/g, '\n- ').trim()).replace(/\n/g, '<br>');
      body.push('<p><b>Aktiviteter</b></p><table><thead><tr>' + header.map((h) => `<th>${escape(h)}</th>`).join('') + '</tr></thead><tbody>');
      body.push(...rows.map(([title, when, owners]) => `<tr><td>${cell(title)}</td><td>${escape(when)}</td><td>${escape(owners)}</td></tr>`), '</tbody></table>');
      continue;
    }
    const listed = numbered(line) && (numbered(lines[i - 1]) || numbered(lines[i + 1]));
    if (numbered(line) && !listed) body.push(`<h2>${escape(line)}</h2>`);
    else if (['Inledning', 'VÅR VISION 2030', 'VÅR VÄRDEGRUND'].includes(line)) body.push(`<h3>${escape(line)}</h3>`);
    else body.push(`<p>${escape(line)}</p>`);
  }
  const style = `body { font-family: 'DejaVu Sans', sans-serif; font-size: 10pt } h1 { font-size: 16pt } h2 { font-size: 13pt }
    table { border-collapse: collapse; width: 100% } th, td { border: 1px solid #444; padding: 4px; vertical-align: top; text-align: left }
    th:nth-child(1) { width: 60% } th:nth-child(2) { width: 15% } ${css}`;
  return `<!doctype html><html lang="sv"><head><meta charset="utf-8"><style>${style}</style></head><body>${body.join('\n')}</body></html>`;
}

describe('PDF plans printed by Chromium', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  async function printed(css: string, margin: string): Promise<Uint8Array> {
    const page = await browser.newPage();
    try {
      await page.setContent(seedPage(css));
      return new Uint8Array(await page.pdf({ format: 'A4', margin: { top: margin, bottom: margin, left: margin, right: margin } }));
    } finally {
      await page.close();
    }
  }

  const read = async (css: string, margin = '2cm') => parsePlanDocument({ filename: 'Handlingsplan.pdf', content: await printed(css, margin) }, FROM, { pdfText: readPdfText });

  it.each([
    ['as printed', '', '2cm'],
    ['justified', 'td { text-align: justify }', '2cm'],
    ['in 11-point type at line height 1.6', 'body { font-size: 11pt; line-height: 1.6 }', '2cm'],
    ['in 12-point type, the action column narrower', 'body { font-size: 12pt } th:nth-child(1) { width: 45% }', '2cm'],
    ['headers centred', 'th { text-align: center }', '2cm'],
    ['without borders', 'th, td { border: none }', '2cm'],
    ['without padding above and below', 'th, td { padding: 0 4px }', '2cm'],
    ['in 12-point type, headings hardly larger, with wide margins', 'body { font-size: 12pt }', '2.5cm'],
    ['in Liberation Serif, its header not repeated on the next page', "body { font-family: 'Liberation Serif' } thead { display: table-row-group }", '2cm'],
  ])('reads the seed plan %s as the text seed is read', async (_style, css, margin) => {
    const plan = await read(css, margin);
    expect(plan.areas.map((a) => a.actions.length)).toEqual([5, 3, 6, 3]);
    expect(plan.warnings).toEqual([]);
    expect(understood(plan)).toEqual(understood(await parsePlanDocument({ filename: 'overtornea-plan.txt', content: SEED }, FROM)));
  });

  it('refuses the seed plan with its cells centred in their rows, saying why', async () => {
    await expect(read('td { vertical-align: middle }')).rejects.toMatchObject({ code: 'IMPORT_PDF_NO_TABLE', message: expect.stringMatching(/not aligned to the top of their rows/) });
  });
});
