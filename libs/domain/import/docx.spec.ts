import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, FileChild, HeadingLevel, LevelFormat, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import ExcelJS from 'exceljs';
import { DomainError } from '../errors';
import { detectFormat, parsePlanDocument, readBlocks } from '.';
import { PlanImportPreview } from './types';

// Word documents written with the `docx` library, as Word would save them; read back by the
// import as the Övertorneå seed plan is read from text.
const SEED = readFileSync(join(__dirname, '../../../test/fixtures/overtornea-plan.txt'), 'utf8');
const FROM = { from: '2020-01-01' };

const summary = (p: PlanImportPreview) => p.areas.map((a) => [a.title, a.actions.map((x) => x.title)]);
const understood = (p: PlanImportPreview) => p.areas.map((a) => ({ area: a.title, actions: a.actions.map(({ title, when, owners, schedule }) => ({ title, when, owners, schedule })) }));
const action = (p: PlanImportPreview, title: string) => p.areas.flatMap((a) => a.actions).find((a) => a.title.startsWith(title))!;

async function word(children: FileChild[]): Promise<Uint8Array> {
  const numbering = { config: [{ reference: 'numbered', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }] };
  return new Uint8Array(await Packer.toBuffer(new Document({ numbering, sections: [{ children }] })));
}

const text = (t: string) => new Paragraph(t);
const bold = (t: string) => new Paragraph({ children: [new TextRun({ text: t, bold: true })] });
const heading = (t: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_1) => new Paragraph({ text: t, heading: level });
const cell = (paragraphs: Paragraph[], options: { rowSpan?: number; columnSpan?: number } = {}) => new TableCell({ children: paragraphs, ...options });
const table = (rows: TableCell[][], header = true) => new Table({ rows: rows.map((cells, i) => new TableRow({ children: cells, tableHeader: header && i === 0 })) });

/** A seed title as Word holds it: a paragraph per sentence, and "<ul> - a - b" as a bullet list. */
function titleCell(title: string): Paragraph[] {
  const [lead, list] = title.split(/\s*<ul[^>]*>\s*/);
  const sentences = lead.trim().split(/(?<=\.) (?=\p{Lu})/u).map(text);
  if (list === undefined) return sentences;
  return [...sentences, ...list.split(/\s*-\s+/).filter((s) => s.trim()).map((s) => new Paragraph({ text: s.trim(), bullet: { level: 0 } }))];
}

/** Owners a line each ("Staben KSO, KD" → "Staben KSO" / "KD"). */
const ownerCell = (owners: string, rowSpan: number) => cell(owners.split(/,\s*/).map(text), rowSpan > 1 ? { rowSpan } : {});

/**
 * The seed plan laid out as its Word original would be: title, headings, prose and a numbered
 * list; per area a Heading 1 ("1. Öppet klimat …"), its introduction, a bold "Aktiviteter" line
 * and a table "AKTIVITET | NÄR? | ANSVAR" with multi-line cells, a bullet list in a cell and an
 * owner cell merged down over rows with the same owners; and two tables that are not the plan,
 * each under a heading of its own.
 */
async function seedAsWord(): Promise<Uint8Array> {
  const lines = SEED.split(/\r?\n/).map((l) => l.trim());
  const children: FileChild[] = [new Paragraph({ text: lines[2], heading: HeadingLevel.TITLE }), heading('Handlingsplan')];
  let area = 0;
  for (let i = lines.indexOf('Inledning'); i < lines.length; i++) {
    const line = lines[i];
    if (!line) continue;
    if (line.includes('\t')) {
      const rows: string[][] = [];
      while (lines[i]?.includes('\t')) rows.push(lines[i++].split('\t'));
      if (++area === 2) {
        // Under the area's heading, a subheading and a table of key figures that is not the plan.
        children.push(heading('Nyckeltal', HeadingLevel.HEADING_2), table([['Mått', 'Utgångsläge', 'Mål'], ['Nöjd Kund Index', '68', '75']].map((r) => r.map((c) => cell([bold(c)])))));
      }
      children.push(bold('Aktiviteter'), planTable(rows));
      continue;
    }
    const numbered = (l: string | undefined) => /^\d\.\s/.test(l ?? '');
    // "1. Öppet klimat …" heads an area; the same words among their neighbours list the areas.
    const listed = numbered(line) && (numbered(lines[i - 1]) || numbered(lines[i + 1]));
    if (numbered(line) && !listed) children.push(heading(line));
    else if (listed) children.push(new Paragraph({ text: line.replace(/^\d\.\s/, ''), numbering: { reference: 'numbered', level: 0 } }));
    else if (['Inledning', 'VÅR VISION 2030', 'VÅR VÄRDEGRUND'].includes(line)) children.push(heading(line, HeadingLevel.HEADING_2));
    else children.push(text(line));
    if (line === 'Inledning') {
      // Before any area: a table of contacts, bold names and all, that is not part of the plan.
      children.push(bold('Kontakter'), table([['Namn', 'Roll'], ['Anna Berg', 'Näringslivsutvecklare']].map((r) => r.map((c) => cell([bold(c)])))));
    }
  }
  return word(children);
}

function planTable(rows: string[][]): Table {
  const [header, ...body] = rows;
  const cells: TableCell[][] = [header.map((h) => cell([bold(h)]))];
  body.forEach(([title, when, owners], r) => {
    const row = [cell(titleCell(title)), cell([text(when)])];
    const first = r === 0 || body[r - 1][2] !== owners;
    let span = 1;
    while (body[r + span]?.[2] === owners) span++;
    if (first) row.push(ownerCell(owners, span));
    cells.push(row);
  });
  return table(cells);
}

async function rejects(content: Uint8Array, code: string, message: RegExp, filename = 'plan.docx') {
  const error = await parsePlanDocument({ filename, content }, FROM).then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(DomainError);
  expect(error).toMatchObject({ code });
  expect((error as Error).message).toMatch(message);
}

describe('DOCX: the Övertorneå plan as a Word document', () => {
  it('gives 4 areas with 5, 3, 6 and 3 actions, understood as the text seed is', async () => {
    const plan = await parsePlanDocument({ filename: 'Handlingsplan Övertorneå.docx', content: await seedAsWord() }, FROM);
    expect(plan.format).toBe('docx');
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

  it('reads a bullet list in a cell as one action, a merged owner cell for every row it covers', async () => {
    const plan = await parsePlanDocument({ content: await seedAsWord() }, FROM);
    expect(action(plan, 'Hemsidan').title).toBe('Hemsidan utvecklas: - Tydligare information om handläggningstider, taxor och avgifter - Svar på ofta förekommande frågor (FAQ) - Styrdokument (strategier & policyer) samlas och synliggörs');
    expect(action(plan, 'Fler e-tjänster').title).toBe('Fler e-tjänster utvecklas och kopplas till diarieprogrammet. Verksamt.se är en portal in.');
    expect(plan.areas[0].actions.map((a) => a.owners)).toEqual([['Staben KSO', 'KD'], ['Staben KSO', 'KD'], ['KSO', 'KD'], ['Staben'], ['Staben']]);
    expect(action(plan, 'Internutbildning i upphandlingar').owners).toEqual(['Upphandling']);
    expect(action(plan, 'Företagsträffar').row).toBe(4); // the contacts table's two rows come first
  });
});

describe('DOCX tables', () => {
  const header = () => ['Åtgärd', 'Tidplan', 'Ansvarig'].map((h) => cell([text(h)]));

  it('takes rows spanning the table as areas, nested tables as text of their cell, bold lines as headings', async () => {
    const nested = new Table({ rows: [new TableRow({ children: [cell([text('Steg 1: enkät')]), cell([text('Steg 2: analys')])] })] });
    const content = await word([
      bold('Företagsservice'),
      table([
        header(),
        [cell([text('Företagsbesök sex gånger per år')]), cell([text('Q1 2021')]), cell([text('Näringsliv')], { rowSpan: 2 })],
        [new TableCell({ children: [text('Kundundersökning'), nested, text('')] }), cell([text('2021')])],
        [cell([text('2. Upphandling')], { columnSpan: 3 })],
        [cell([text('Dialogmöten varje kvartal')]), cell([new Paragraph({ children: [new TextRun('Q2'), new TextRun({ text: '2021', break: 1 })] })]), cell([new Paragraph({ text: 'Upphandling', bullet: { level: 0 } }), new Paragraph({ text: 'Ekonomi', bullet: { level: 0 } })])],
      ]),
    ]);
    const plan = await parsePlanDocument({ filename: 'plan.docx', content }, { from: '2021-01-01' });
    expect(summary(plan)).toEqual([
      ['Företagsservice', ['Företagsbesök sex gånger per år', 'Kundundersökning Steg 1: enkät Steg 2: analys']],
      ['Upphandling', ['Dialogmöten varje kvartal']],
    ]);
    expect(action(plan, 'Kundundersökning').owners).toEqual(['Näringsliv']);
    expect(action(plan, 'Dialogmöten')).toMatchObject({ when: 'Q2 2021', owners: ['Upphandling', 'Ekonomi'], schedule: { kind: 'recurring' } });
  });

  it('lets a heading style win over a bold line, and strips its numbering', async () => {
    const content = await word([
      heading('3.1 Intern samverkan', HeadingLevel.HEADING_2),
      bold('Aktiviteter'),
      table([header(), [cell([text('Internutbildning')]), cell([text('Q3 2020')]), cell([text('Staben')])]]),
    ]);
    expect(summary(await parsePlanDocument({ content }, FROM))).toEqual([['Intern samverkan', ['Internutbildning']]]);
  });

  it('finds the plan in any table, after title rows, and continues an area in a table without a heading', async () => {
    const content = await word([
      heading('Område A'),
      table([[cell([text('Handlingsplan 2021')], { columnSpan: 3 })], header(), [cell([text('Möte')]), cell([text('Q1 2021')]), cell([text('KSO')])]]),
      text('Fortsättning på nästa sida.'),
      table([header(), [cell([text('Uppföljning')]), cell([text('Q4 2021')]), cell([text('KSO')])]]),
    ]);
    const plan = await parsePlanDocument({ content }, { from: '2021-01-01' });
    expect(summary(plan)).toEqual([['Område A', ['Möte', 'Uppföljning']]]);
  });
});

describe('DOCX: what is not a plan', () => {
  it('names the columns of a document whose tables have no plan header', async () => {
    const content = await word([heading('Budget'), table([['Post', 'Kostnad'], ['Lokaler', '100 000']].map((r) => r.map((c) => cell([text(c)]))))]);
    await rejects(content, 'IMPORT_UNKNOWN_COLUMNS', /Unknown columns: Post, Kostnad/);
  });

  it('says there is no table in a document of prose', async () => {
    await rejects(await word([heading('Handlingsplan'), text('Vi ska träffa företagen oftare.')]), 'IMPORT_NO_HEADER', /No header row found/);
  });

  it('is told from a workbook by its parts, whatever its name', async () => {
    const docx = await word([text('x')]);
    expect(detectFormat({ content: docx })).toBe('docx');
    expect(detectFormat({ filename: 'plan.xlsx', content: docx })).toBe('docx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Plan').addRow(['Åtgärd', 'När']);
    expect(detectFormat({ filename: 'plan.docx', content: new Uint8Array(await wb.xlsx.writeBuffer()) })).toBe('xlsx');
    expect(readBlocks({ content: docx })).toEqual({ format: 'docx', sheets: [[]] });
  });

  it('refuses old Word files and broken ones, naming Word', async () => {
    await rejects(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]), 'IMPORT_UNSUPPORTED_FORMAT', /Old Word \(\.doc\)/, 'plan.doc');
    await rejects(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'IMPORT_UNSUPPORTED_FORMAT', /Not a readable Word document \(DOCX\): no end of central directory/);
    await rejects(new TextEncoder().encode('<html>Handlingsplan</html>'), 'IMPORT_UNSUPPORTED_FORMAT', /Not a readable Word document \(DOCX\): it is not a zip archive/);
  });
});
