import { readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import { join } from 'node:path';
import { readPdfText } from '../../pdf-reading';
import { DomainError } from '../errors';
import { detectFormat, parsePlanDocument, readBlocks } from '.';
import { PdfBlock, PdfTable, writePdf } from './__fixtures__/pdf-document';
import { PlanImportPreview } from './types';

// PDFs written with pdfkit, read back with pdf.js (no mocks): the Övertorneå seed plan as its
// PDF would be printed, tables over page breaks, and PDFs that hold no plan to read.
const SEED = readFileSync(join(__dirname, '../../../test/fixtures/overtornea-plan.txt'), 'utf8');
const FROM = { from: '2020-01-01' };
const READERS = { pdfText: readPdfText };

const understood = (p: PlanImportPreview) => p.areas.map((a) => ({ area: a.title, actions: a.actions.map(({ title, when, owners, schedule }) => ({ title, when, owners, schedule })) }));
const titles = (p: PlanImportPreview) => p.areas.map((a) => [a.title, a.actions.map((x) => x.title)]);
const read = (content: Uint8Array, filename = 'plan.pdf') => parsePlanDocument({ filename, content }, FROM, READERS);

async function rejects(content: Uint8Array, code: string, message: RegExp) {
  const error = await read(content).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toMatch(message);
}

const PLAN_COLUMNS = (header: string[]) => header.map((title, i) => ({ title, width: [280, 80, 135][i] }));

/** A seed title as it would be printed: "<ul> - a - b" as a line per item. */
const printedTitle = (title: string) => title.replace(/\s*<ul[^>]*>\s*/, '\n').replace(/\s+-\s+/g, '\n- ').replace(/^\n- /, '- ').trim();

/**
 * The seed plan as its PDF would be: title, headings, prose and a numbered list; per area a
 * heading ("1. Öppet klimat …"), its introduction, a bold "Aktiviteter" line and a ruled table
 * "AKTIVITET | NÄR? | ANSVAR" whose action texts wrap within their column; a table of contacts
 * and one of key figures that are not the plan; a running foot on every page.
 */
function seedAsPdf(): Promise<Uint8Array> {
  const lines = SEED.split(/\r?\n/).map((l) => l.trim());
  const blocks: PdfBlock[] = [{ heading: lines[2], size: 18 }, { heading: 'Handlingsplan', size: 16 }];
  let area = 0;
  for (let i = lines.indexOf('Inledning'); i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.includes('\t')) {
      const rows: string[][] = [];
      while (lines[i]?.includes('\t')) rows.push(lines[i++].split('\t'));
      if (++area === 2) blocks.push({ heading: 'Nyckeltal', size: 12 }, { table: { columns: [{ title: 'Mått', width: 200 }, { title: 'Utgångsläge', width: 100 }, { title: 'Mål', width: 100 }], rows: [['Nöjd Kund Index', '68', '75']] } });
      const [header, ...body] = rows;
      blocks.push({ text: 'Aktiviteter', bold: true }, { table: { columns: PLAN_COLUMNS(header), rows: body.map(([title, when, owners]) => [printedTitle(title), when, owners]) } });
      continue;
    }
    const numbered = (l: string | undefined) => /^\d\.\s/.test(l ?? '');
    const listed = numbered(line) && (numbered(lines[i - 1]) || numbered(lines[i + 1]));
    if (numbered(line) && !listed) blocks.push({ heading: line });
    else if (['Inledning', 'VÅR VISION 2030', 'VÅR VÄRDEGRUND'].includes(line)) blocks.push({ heading: line, size: 12 });
    else blocks.push({ text: line });
    if (line === 'Inledning') blocks.push({ text: 'Kontakter', bold: true }, { table: { columns: [{ title: 'Namn', width: 200 }, { title: 'Roll', width: 200 }], rows: [['Anna Berg', 'Näringslivsutvecklare']] } });
  }
  return writePdf(blocks, { foot: 'Ett bättre näringslivsklimat i Övertorneå kommun · Sida {page} av {pages}' });
}

describe('PDF: the Övertorneå plan as a PDF', () => {
  it('gives 4 areas with 5, 3, 6 and 3 actions, understood as the text seed is', async () => {
    const content = await seedAsPdf();
    expect(detectFormat({ content })).toBe('pdf');
    const plan = await read(content, 'Handlingsplan Övertorneå.pdf');
    expect(plan.format).toBe('pdf');
    expect(plan.areas.map((a) => [a.title, a.actions.length])).toEqual([
      ['Öppet klimat mellan politiker, tjänstepersoner och företag', 5],
      ['Information och service', 3],
      ['Intern samverkan och kommunikation', 6],
      ['Inköp och upphandling', 3],
    ]);
    expect(plan.warnings).toEqual([]);
    const fromText = await parsePlanDocument({ filename: 'overtornea-plan.txt', content: SEED }, FROM);
    expect(understood(plan)).toEqual(understood(fromText));
  });
});

/** A plan of `count` actions in one area, long enough to go on to a second page. */
function longPlan(count: number): string[][] {
  return Array.from({ length: count }, (_, i) => [
    i % 3 === 0 ? `Åtgärd ${i + 1}: uppföljning av företagsklimatet tillsammans med näringslivsrådet och de lokala företagarföreningarna.` : `Åtgärd ${i + 1}: möte med företagen.`,
    `Q${(i % 4) + 1} 2021`,
    i % 2 ? 'Näringsliv' : 'Staben KSO, KD',
  ]);
}

const pages = async (content: Uint8Array) => (await readPdfText(content, { pages: 10, textItems: 10_000, characters: 100_000 })).length;

describe('PDF: a table over a page break', () => {
  const table = (rows: string[][], options: Partial<PdfTable> = {}): PdfTable => ({ columns: PLAN_COLUMNS(['Åtgärd', 'Tidplan', 'Ansvarig']), rows, ...options });

  it.each([
    ['its header repeated on the next page', { repeatHeader: true }],
    ['no header on the next page', { repeatHeader: false }],
    ['the header centred over its columns, no borders', { headerAlign: 'center', borders: false }],
  ] as const)('reads as one table with %s: no row lost or read twice', async (_name, options) => {
    const rows = longPlan(40);
    const content = await writePdf([{ heading: '1. Företagsservice' }, { table: table(rows, options) }], { foot: 'Handlingsplan 2021 · {page}' });
    expect(await pages(content)).toBe(2);
    const plan = await read(content);
    expect(titles(plan)).toEqual([['Företagsservice', rows.map((r) => r[0])]]);
    expect(plan.areas[0].actions.map((a) => [a.when, a.owners])).toEqual(rows.map((r) => [r[1], r[2] === 'Näringsliv' ? ['Näringsliv'] : ['Staben KSO', 'KD']]));
  });

  it.each([true, false])('takes no rows worded alike at the same height on six pages for running heads or feet (header repeated: %s)', async (repeatHeader) => {
    const rows = Array.from({ length: 120 }, (_, i) => [`Företagsbesök nummer ${i + 1} hos ett av kommunens företag, med uppföljning.`, `Q${(i % 4) + 1} 2026`, 'Näringsliv']);
    const content = await writePdf([{ heading: '1. Företagsservice' }, { table: table(rows, { repeatHeader }) }], { foot: 'Handlingsplan · Sida {page} av {pages}' });
    expect(await pages(content)).toBe(6);
    expect(titles(await read(content))).toEqual([['Företagsservice', rows.map((r) => r[0])]]);
  });
});

/** A picture of a plan table, as a scanner would make one. */
function scannedTable(): Buffer {
  const rows = [['AKTIVITET', 'NÄR?', 'ANSVAR'], ['Företagsträffar sex gånger per år', 'Q1 2020', 'Staben']];
  const text = rows.flatMap((cells, r) => cells.map((c, i) => `<text x="${[12, 300, 380][i]}" y="${28 + r * 30}" font-size="13" font-family="DejaVu Sans">${c}</text>`));
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="500" height="80"><rect width="500" height="80" fill="#fdfdf8"/><g stroke="#222" fill="none"><rect x="5" y="5" width="490" height="65"/><line x1="5" y1="36" x2="495" y2="36"/><line x1="292" y1="5" x2="292" y2="70"/><line x1="372" y1="5" x2="372" y2="70"/></g>${text.join('')}</svg>`;
  return new Resvg(svg).render().asPng();
}

describe('PDF: what is not a plan to read', () => {
  it('says that a scanned PDF has no text layer and what to do instead', async () => {
    const content = await writePdf([{ image: scannedTable(), width: 495 }, { pageBreak: true }, { image: scannedTable(), width: 495 }]);
    await rejects(content, 'IMPORT_PDF_NO_TEXT', /^The PDF has no text layer \(it is a scan or its pages are images\), so its plan cannot be read\. Export the plan from Word or Excel as \.docx or \.xlsx and import that file instead$/);
  });

  it('says the same of a PDF with drawings but no text at all', async () => {
    await rejects(await writePdf([{ table: { columns: [{ title: '', width: 200 }, { title: '', width: 100 }], rows: [['', '']] } }]), 'IMPORT_PDF_NO_TEXT', /no text layer/);
  });

  it('says that no plan table could be read in a PDF of prose, naming the columns it looks for', async () => {
    const content = await writePdf([{ heading: 'Handlingsplan' }, { text: 'Vi ska träffa företagen oftare och ge dem bättre service.' }, { text: 'Ansvarig: näringslivsenheten. När: under 2021.' }]);
    await rejects(content, 'IMPORT_PDF_NO_TABLE', /^No plan table could be read in the PDF: no line names an action column \(AKTIVITET.*\. Export the plan from Word or Excel as \.docx or \.xlsx and import that file instead$/);
  });

  it('reads no plan from a table whose columns are not a plan\'s', async () => {
    const content = await writePdf([{ heading: 'Budget' }, { table: { columns: [{ title: 'Post', width: 200 }, { title: 'Kostnad', width: 100 }], rows: [['Lokaler', '100 000'], ['Resor', '20 000']] } }]);
    await rejects(content, 'IMPORT_PDF_NO_TABLE', /no line names an action column/);
  });

  it('makes up no plan from a table whose columns run together', async () => {
    const content = await writePdf([{ heading: 'Företagsservice' }, { text: 'Aktivitet När Ansvar' }, { text: 'Företagsbesök Q1 2021 Näringsliv' }]);
    await rejects(content, 'IMPORT_PDF_NO_TABLE', /columns run together/);
  });

  it.each([2, 3])('refuses a table whose cells are centred in their rows, saying so (actions on %i lines)', async (lines) => {
    const rows = [['Företagsträffar med politiker och tjänstepersoner minst sex gånger per år.', 'Q1 2020', 'Staben KSO, KD'], ['Enkät.', 'Q3 2020', 'Staben']];
    const columns = PLAN_COLUMNS(['AKTIVITET', 'NÄR?', 'ANSVAR']).map((c, i) => (i === 0 ? { ...c, width: lines === 2 ? 280 : 175 } : c));
    const content = await writePdf([{ heading: '1. Öppet klimat' }, { table: { columns, rows, valign: 'middle' } }]);
    await rejects(content, 'IMPORT_PDF_NO_TABLE', /the cells of the table on page 1 are not aligned to the top of their rows \(centred, perhaps\)/);
  });

  it('is told by its bytes, whatever its name, and is read as a plan only', async () => {
    const content = await writePdf([{ text: 'x' }]);
    expect(detectFormat({ filename: 'plan.docx', content })).toBe('pdf');
    expect(detectFormat({ filename: 'plan.txt', content })).toBe('pdf');
    expect(() => readBlocks({ filename: 'organisation.pdf', content })).toThrow(/A PDF is read as a plan only: save this table as CSV or XLSX/);
    const error = await parsePlanDocument({ filename: 'plan.pdf', content }, FROM).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'IMPORT_UNSUPPORTED_FORMAT', message: expect.stringMatching(/^PDF files are not read here \(no PDF reader was given\)/) });
  });
});
