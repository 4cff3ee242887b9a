import { DomainError } from '../errors';
import { pdfBlocks } from './pdf-layout';
import type { PdfPage, PdfTextItem } from './pdf';
import { buildPlan } from './build-plan';
import { Block } from './types';

// The layout on its own, from text runs placed by hand (as pdf.js gives them: left edge and
// baseline from the page's top, in points): the cases a table in a PDF may come in.
const SIZE = 10;
/** Runs on one baseline, each [x, text]; a run is half a point wide per character and point of type. */
const at = (y: number, ...runs: Array<[number, string]>): PdfTextItem[] => runs.map(([x, text]) => ({ text, x, y, width: text.length * SIZE * 0.5, size: SIZE }));
const heading = (y: number, text: string, size = 16): PdfTextItem[] => [{ text, x: 50, y, width: text.length * size * 0.55, size }];
const page = (...lines: PdfTextItem[][]): PdfPage => ({ width: 595, height: 842, items: lines.flat() });

// Columns at 50, 200 and 280, text 5 points in: an action's line holds 28 characters.
const HEADER = (y: number) => at(y, [55, 'Åtgärd'], [205, 'Tidplan'], [285, 'Ansvarig']);
const blocksOf = (pages: PdfPage[]) => pdfBlocks(pages).blocks;
const rows = (blocks: Block[]) => blocks.flatMap((b) => (b.kind === 'row' ? [b.cells] : []));
const plan = (...pages: PdfPage[]) => buildPlan('pdf', blocksOf(pages), { from: '2021-01-01' }).areas.map((a): [string, string[][]] => [a.title, a.actions.map((x) => [x.title, x.when, x.owners.join(' / ')])]);

describe('PDF layout: rows', () => {
  it('joins a wrapped action text and a wrapped owner beside it into one row', () => {
    const blocks = blocksOf([page(
      HEADER(100),
      at(120, [55, 'Företagsbesök hos alla nya'], [205, 'Q1 2021'], [285, 'Näringslivs-']),
      at(132, [55, 'företag i kommunen.'], [285, 'enheten']),
      at(150, [55, 'Dialogmöte.'], [205, 'Q2 2021'], [285, 'KSO']),
    )]);
    expect(rows(blocks)).toEqual([
      ['Åtgärd', 'Tidplan', 'Ansvarig'],
      ['Företagsbesök hos alla nya företag i kommunen.', 'Q1 2021', 'Näringslivs- enheten'],
      ['Dialogmöte.', 'Q2 2021', 'KSO'],
    ]);
  });

  it('reads rows set tight, a line each, as rows, a cell left empty or not', () => {
    const blocks = blocksOf([page(HEADER(100), at(112, [55, 'Möte'], [205, 'Q1 2021'], [285, 'KSO']), at(124, [55, 'Besök'], [205, 'Q2 2021'], [285, 'KSO']), at(136, [55, 'Enkät'], [285, 'Staben']))]);
    expect(rows(blocks).slice(1)).toEqual([['Möte', 'Q1 2021', 'KSO'], ['Besök', 'Q2 2021', 'KSO'], ['Enkät', '', 'Staben']]);
  });

  it('keeps a list in a cell in its row, and owners a line each apart', () => {
    const lines = page(
      at(80, [50, 'Aktiviteter och åtgärder för att skapa tydlig information, i tabellen nedan:']),
      HEADER(100),
      at(120, [55, 'Fler e-tjänster utvecklas'], [205, 'Q4 2020'], [285, 'SB']),
      at(132, [55, 'och kopplas till diariet.'], [285, 'Tekniska']),
      at(150, [55, 'Hemsidan utvecklas:'], [205, 'Q4 2020'], [285, 'Ansvarig chef']),
      at(162, [55, '- Tydligare information om'], [285, 'Webbredaktör']),
      at(174, [55, 'taxor och avgifter']),
      at(186, [55, '- Svar på vanliga frågor']),
      at(204, [55, 'Öppet hus.'], [205, 'Q3 2020'], [285, 'SB']),
    );
    expect(rows(blocksOf([lines])).slice(1)).toEqual([
      ['Fler e-tjänster utvecklas och kopplas till diariet.', 'Q4 2020', 'SB\nTekniska'],
      ['Hemsidan utvecklas:\n- Tydligare information om taxor och avgifter\n- Svar på vanliga frågor', 'Q4 2020', 'Ansvarig chef\nWebbredaktör'],
      ['Öppet hus.', 'Q3 2020', 'SB'],
    ]);
    expect(plan(lines)[0][1].map((a) => a[2])).toEqual(['SB / Tekniska', 'Ansvarig chef / Webbredaktör', 'SB']);
  });

  it('takes a line across the columns that reads as a title, or a title alone after a gap, as a section', () => {
    const areas = plan(page(
      heading(60, '1. Företagsservice'),
      HEADER(100),
      at(120, [55, 'Företagsbesök hos alla nya'], [205, 'Q1 2021'], [285, 'KSO']),
      at(132, [55, 'företag.']),
      at(150, [55, '2. Upphandling och inköp i hela kommunkoncernen']),
      at(170, [55, 'Dialog.'], [205, 'Q2 2021'], [285, 'Inköp']),
      at(190, [55, 'Information']),
      at(210, [55, 'Nyhetsbrev.'], [205, 'Q3 2021'], [285, 'KSO']),
    ));
    expect(areas).toEqual([
      ['Företagsservice', [['Företagsbesök hos alla nya företag.', 'Q1 2021', 'KSO']]],
      ['Upphandling och inköp i hela kommunkoncernen', [['Dialog.', 'Q2 2021', 'Inköp']]],
      ['Information', [['Nyhetsbrev.', 'Q3 2021', 'KSO']]],
    ]);
  });
});

describe('PDF layout: rows, sections and paragraphs', () => {
  // A long first line, so that the column's reach is known.
  const long = (y: number) => [...at(y, [55, 'Företagsbesök hos alla nya'], [205, 'Q1 2021'], [285, 'KSO']), ...at(y + 12, [55, 'företag.'])];

  it('starts a section at a numbered title alone, whatever the line above it', () => {
    const areas = plan(page(heading(60, 'Företagsservice'), HEADER(100), long(120), at(150, [55, 'Uppföljning av alla besök med']), at(162, [55, '2. Upphandling']), at(180, [55, 'Dialog.'], [205, 'Q2 2021'], [285, 'Inköp'])));
    expect(areas.map(([area, actions]) => [area, actions.length])).toEqual([['Företagsservice', 1], ['Upphandling', 1]]);
    expect(areas[0][1][0][0]).toBe('Företagsbesök hos alla nya företag. Uppföljning av alla besök med');
  });

  it('takes no line that goes on in the next, or begins in lower case, for a section title', () => {
    const lines = page(HEADER(100), long(120), at(140, [55, 'Mötena är ett tillfälle för']), at(152, [55, 'arbetsområden.']), at(164, [55, 'internutbildning i olika']), at(180, [55, 'Dialog.'], [205, 'Q2 2021'], [285, 'Inköp']));
    expect(rows(blocksOf([lines])).slice(1).map((r) => r[0].replace(/\s+/g, ' '))).toEqual(['Företagsbesök hos alla nya företag. Mötena är ett tillfälle för arbetsområden. internutbildning i olika', 'Dialog.']);
  });

  it('ends a table at prose whose first line would read as a title across the table', () => {
    const areas = plan(page(
      heading(60, 'Företagsservice'),
      HEADER(100),
      long(120),
      at(150, [50, '2. Upphandling']),
      at(170, [50, 'Bra service bygger på en god samverkan och kunskap om']),
      at(182, [50, 'kommunens verksamheter för att kunna lotsa företagaren rätt.']),
      at(200, [50, 'Aktiviteter']),
      HEADER(220),
      at(240, [55, 'Dialog.'], [205, 'Q2 2021'], [285, 'Inköp']),
    ));
    expect(areas.map(([area, actions]) => [area, actions.length])).toEqual([['Företagsservice', 1], ['Upphandling', 1]]);
  });

  it('reads a paragraph over a page break as one, but not past a sentence the page ended', () => {
    const first = page(heading(60, '1. Företagsservice'), at(780, [50, 'Bra service bygger på en god samverkan och kunskap om']));
    const second = page(at(60, [50, 'kommunens verksamheter.']), HEADER(100), at(120, [55, 'Möte.'], [205, 'Q1 2021'], [285, 'KSO']));
    expect(plan(first, second).map(([area]) => area)).toEqual(['Företagsservice']);
    const ended = page(heading(60, '1. Företagsservice'), at(780, [50, 'Aktiviteter för att skapa en god samverkan:']));
    const bold = page(at(60, [50, 'Aktiviteter']), HEADER(100), at(120, [55, 'Möte.'], [205, 'Q1 2021'], [285, 'KSO']));
    expect(plan(ended, bold).map(([area]) => area)).toEqual(['Företagsservice']);
  });
});

describe('PDF layout: cells', () => {
  it('parts two cells’ text that pdf.js ran together at the start of the next column', () => {
    // pdf.js runs text together when less than 0.6 of its size apart: here the action reaches 200, the timing begins at 205.
    const runTogether = [{ text: 'Översyn av informationen till Q2 2021', x: 55, y: 120, width: 185, size: SIZE }, ...at(120, [285, 'Ledningen'])];
    const blocks = blocksOf([page(HEADER(100), runTogether, at(132, [55, 'medarbetarna.']), at(150, [55, 'Enkät'], [205, 'Q3 2021'], [285, 'Staben']))]);
    expect(rows(blocks).slice(1)).toEqual([['Översyn av informationen till medarbetarna.', 'Q2 2021', 'Ledningen'], ['Enkät', 'Q3 2021', 'Staben']]);
  });


  it('reads a line that reaches further than any before it, short of the next column, as a row', () => {
    const first = page(HEADER(100), at(120, [55, 'Möte'], [205, 'Q1 2021'], [285, 'KSO']));
    const second = page(HEADER(80), at(100, [55, 'Företagsbesök hos alla nya'], [205, 'Q2 2021'], [285, 'KSO']), at(120, [55, 'Enkät'], [205, 'Q3 2021'], [285, 'Staben']));
    expect(rows(blocksOf([first, second])).slice(1).map((r) => r[0])).toEqual(['Möte', 'Företagsbesök hos alla nya', 'Enkät']);
  });

  it('reads a cell merged across two columns, beside others, in the first of them', () => {
    const blocks = blocksOf([page(HEADER(100), at(120, [55, 'Möte'], [205, 'Q1 2021'], [285, 'KSO']), at(135, [55, 'Dialog'], [205, 'Löpande, alla förvaltningar']), at(150, [55, 'Enkät'], [205, 'Q3 2021'], [285, 'Staben']))]);
    expect(rows(blocks).slice(1)).toEqual([['Möte', 'Q1 2021', 'KSO'], ['Dialog', 'Löpande, alla förvaltningar', ''], ['Enkät', 'Q3 2021', 'Staben']]);
  });

  it('refuses a table whose cells are centred in their rows, rather than guess where the rows are', () => {
    const centred = page(HEADER(100), at(120, [55, 'Företagsbesök hos alla nya']), at(126, [205, 'Q1 2021'], [285, 'KSO']), at(132, [55, 'företag i kommunen.']), at(150, [55, 'Enkät'], [205, 'Q3 2021'], [285, 'Staben']));
    const error = (() => {
      try {
        return blocksOf([centred]);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect(error).toMatchObject({ code: 'IMPORT_PDF_NO_TABLE', message: expect.stringMatching(/^No plan table could be read in the PDF: the cells of the table on page 1 are not aligned to the top of their rows/) });
  });
});

describe('PDF layout: where a table ends', () => {
  it('warns of lines that read as rows below a line across the table that ended it', () => {
    const { blocks, warnings } = pdfBlocks([page(
      heading(60, 'Företagsservice'),
      HEADER(100),
      at(120, [55, 'Möte.'], [205, 'Q1 2021'], [285, 'KSO']),
      at(140, [55, 'Observera att alla möten under året hålls i kommunhuset i Övertorneå.']),
      at(160, [55, 'Enkät.'], [205, 'Q3 2021'], [285, 'Staben']),
    )]);
    expect(rows(blocks)).toEqual([['Åtgärd', 'Tidplan', 'Ansvarig'], ['Möte.', 'Q1 2021', 'KSO']]);
    expect(warnings).toEqual([{ code: 'PDF_LINES_LEFT_OUT', message: expect.stringMatching(/^1 line\(s\) on page 1 look like rows of a table above but were not read/) }]);
  });


  it('ends a table at prose across its columns and at a heading in larger type; the next heading names the next area', () => {
    const areas = plan(page(
      heading(60, 'Företagsservice'),
      HEADER(100),
      at(120, [55, 'Möte.'], [205, 'Q1 2021'], [285, 'KSO']),
      at(150, [50, 'Som företagare ska man få ett bra bemötande och tydlig information från kommunen.']),
      heading(190, 'Upphandling', 13),
      at(210, [50, 'Vi ska öka möjligheterna för lokala leverantörer.']),
      HEADER(240),
      at(260, [55, 'Dialog.'], [205, 'Q2 2021'], [285, 'Inköp']),
      heading(300, 'Bilaga', 13),
      at(320, [55, 'Kort rad']),
    ));
    expect(areas).toEqual([['Företagsservice', [['Möte.', 'Q1 2021', 'KSO']]], ['Upphandling', [['Dialog.', 'Q2 2021', 'Inköp']]]]);
  });

  it('passes over a caption of another table, and a column word, for the heading above', () => {
    const areas = plan(page(
      heading(60, '2. Information och service'),
      at(80, [50, 'Som medborgare ska man få tydlig information.']),
      heading(110, 'Nyckeltal', 12),
      at(130, [55, 'Mått'], [205, 'Utgångsläge']),
      at(145, [55, 'Nöjd Kund Index'], [205, '68']),
      at(170, [50, 'Aktiviteter']),
      HEADER(190),
      at(210, [55, 'Möte.'], [205, 'Q1 2021'], [285, 'KSO']),
    ));
    expect(areas).toEqual([['Information och service', [['Möte.', 'Q1 2021', 'KSO']]]]);
  });
});

describe('PDF layout: pages', () => {
  const foot = (n: number) => at(810, [270, `Handlingsplan 2021 · Sida ${n} av 2`]);
  const head = () => at(30, [50, 'Övertorneå kommun'], [450, 'Dnr 2021/12']);

  it('goes on over a page break past running heads and feet, and past the header repeated', () => {
    const first = page(head(), heading(60, 'Företagsservice'), HEADER(100), at(120, [55, 'Möte.'], [205, 'Q1 2021'], [285, 'KSO']), at(760, [55, 'Besök hos'], [205, 'Q2 2021'], [285, 'KSO']), foot(1));
    for (const header of [HEADER(80), []]) {
      const second = page(head(), header, at(100, [55, 'företagen.']), at(120, [55, 'Enkät.'], [205, 'Q3 2021'], [285, 'Staben']), foot(2));
      expect(plan(first, second)).toEqual([['Företagsservice', [['Möte.', 'Q1 2021', 'KSO'], ['Besök hos företagen.', 'Q2 2021', 'KSO'], ['Enkät.', 'Q3 2021', 'Staben']]]]);
    }
  });

  it('finds the columns under a header centred over them', () => {
    const centred = at(100, [150, 'Åtgärd'], [330, 'När'], [440, 'Ansvar']);
    const blocks = blocksOf([page(centred, at(120, [55, 'Ett långt åtgärdsnamn som fyller spalten'], [305, 'Q1 2021'], [405, 'KSO']), at(135, [55, 'Kort'], [305, 'Q2 2021'], [405, 'Staben']))]);
    expect(rows(blocks)).toEqual([['Åtgärd', 'När', 'Ansvar'], ['Ett långt åtgärdsnamn som fyller spalten', 'Q1 2021', 'KSO'], ['Kort', 'Q2 2021', 'Staben']]);
  });

  it('reads text drawn twice a hair apart (bold as some writers make it) once', () => {
    const bold = [...HEADER(100), ...at(100, [55.3, 'Åtgärd'], [205.3, 'Tidplan'], [285.3, 'Ansvarig'])];
    expect(rows(blocksOf([page(bold, at(120, [55, 'Möte'], [205, 'Q1 2021'], [285, 'KSO']))]))[0]).toEqual(['Åtgärd', 'Tidplan', 'Ansvarig']);
  });

  it('finds no table where no line reads as a plan header', () => {
    expect(blocksOf([page(heading(60, 'Handlingsplan'), at(100, [50, 'Aktivitet När Ansvar']), at(120, [55, 'Möte'], [205, 'Q1 2021']))])).toEqual([]);
  });
});
