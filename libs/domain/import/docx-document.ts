/**
 * The body of a Word document (word/document.xml), read tag by tag: the paragraphs outside tables
 * that look like headings, and each top-level table as rows of cells with their merges as Word
 * wrote them (docx-table.ts resolves those). Everything inside a cell — its paragraphs, list
 * items, line breaks, a table nested in it — is that cell's text, a line per paragraph.
 */
import { cellText } from './cells';
import { isOn, outlineHeading, Styles } from './docx-styles';
import { ImportLimits, tooLarge } from './limits';
import { attribute, walkXml, within } from './xml';

export interface DocxCell {
  text: string;
  /** Grid columns the cell spans (w:gridSpan). */
  span: number;
  /** w:vMerge: the first cell of a vertical merge, or one that continues the cell above. */
  vMerge?: 'restart' | 'continue';
  /** Legacy w:hMerge continuation: part of the cell on its left. */
  hMergeContinue?: boolean;
}

export interface DocxRow {
  /** The row's place among the table rows of the document, 1-based. */
  row: number;
  /** Grid columns left empty before the first cell (w:gridBefore). */
  before: number;
  cells: DocxCell[];
}

export type BodyItem =
  /** `level`: 0 for a title, 1–9 for heading styles, BOLD_HEADING for a bold line. */
  | { kind: 'heading'; text: string; level: number }
  | { kind: 'table'; rows: DocxRow[] };

/** The level of a short bold paragraph: below every heading style. */
export const BOLD_HEADING = 10;

/** A bold paragraph this short, not ending like a sentence, reads as a heading. */
const BOLD_HEADING_CHARACTERS = 120;
/** A paragraph with a heading style this long is prose in the wrong style, not an area. */
const HEADING_CHARACTERS = 200;
/**
 * Not read: deleted text, a text box's own paragraphs (they sit inside a paragraph of the body)
 * and the fallback that repeats a drawing's content for older readers.
 */
const SKIPPED = new Set(['del', 'moveFrom', 'txbxContent', 'Fallback']);

interface Paragraph {
  pieces: string[];
  style?: string;
  outline?: number;
  list: boolean;
  /** Every run with visible text so far is bold. */
  bold: boolean;
}

interface Run {
  bold?: boolean;
  style?: string;
}

export function readBody(xml: string, styles: Styles, limits: ImportLimits): BodyItem[] {
  const items: BodyItem[] = [];
  let skipped = 0;
  let tables = 0;
  let rowCount = 0;
  let elements = 0;
  let table: DocxRow[] | undefined;
  let row: DocxRow | undefined;
  let cell: { lines: Array<{ text: string; list: boolean }>; span: number; vMerge?: 'restart' | 'continue'; hMergeContinue?: boolean } | undefined;
  let paragraph: Paragraph | undefined;
  let run: Run | undefined;
  let inText = false;
  const count = () => {
    if (++elements > limits.cells) throw tooLarge(`The document's tables have more than ${limits.cells} rows and cells`, 'cells');
  };
  const add = (text: string) => {
    if (!paragraph) return;
    paragraph.pieces.push(text);
    if (text.trim() && !(run?.bold ?? styles.bold(run?.style) ?? styles.bold(paragraph.style) ?? false)) paragraph.bold = false;
  };

  walkXml(xml, {
    open(name, a, ancestors) {
      if (skipped > 0 || SKIPPED.has(name)) {
        skipped++;
        return;
      }
      const parent = ancestors[ancestors.length - 1];
      // Properties of the element itself, not the earlier ones a tracked change keeps inside them.
      const own = (...path: string[]) => within(ancestors, ...path);
      const outer = tables === 1; // the structure of top-level tables only; nested ones are text
      switch (name) {
        case 'tbl':
          if (++tables === 1) table = [];
          break;
        case 'tr':
          count();
          if (!outer) break;
          if (++rowCount > limits.rows) throw tooLarge(`The document has more than ${limits.rows} table rows`, 'rows');
          row = { row: rowCount, before: 0, cells: [] };
          break;
        case 'gridBefore':
          if (outer && row && own('tr', 'trPr')) row.before = gridCount(attribute(a, 'val'));
          break;
        case 'tc':
          count();
          if (outer) cell = { lines: [], span: 1 };
          break;
        case 'gridSpan':
          if (outer && cell && own('tc', 'tcPr')) cell.span = Math.max(1, gridCount(attribute(a, 'val')));
          break;
        case 'vMerge':
          if (outer && cell && own('tc', 'tcPr')) cell.vMerge = attribute(a, 'val') === 'restart' ? 'restart' : 'continue';
          break;
        case 'hMerge':
          if (outer && cell && own('tc', 'tcPr')) cell.hMergeContinue = attribute(a, 'val') !== 'restart';
          break;
        case 'p':
          paragraph = { pieces: [], list: false, bold: true };
          break;
        case 'pStyle':
          if (paragraph && own('p', 'pPr')) paragraph.style = attribute(a, 'val');
          break;
        case 'outlineLvl':
          if (paragraph && own('p', 'pPr')) paragraph.outline = Number(attribute(a, 'val'));
          break;
        case 'numId':
          if (paragraph && own('p', 'pPr', 'numPr')) paragraph.list = attribute(a, 'val') !== '0';
          break;
        case 'r':
          run = {};
          break;
        case 'b':
          if (run && own('r', 'rPr')) run.bold = isOn(attribute(a, 'val'));
          break;
        case 'rStyle':
          if (run && own('r', 'rPr')) run.style = attribute(a, 'val');
          break;
        case 't':
          inText = parent === 'r';
          break;
        case 'tab':
          if (parent === 'r') add('\t');
          break;
        case 'br':
        case 'cr':
          if (parent === 'r') add('\n');
          break;
        case 'noBreakHyphen':
          if (parent === 'r') add('-');
          break;
      }
    },
    text(text) {
      if (inText && skipped === 0) add(text);
    },
    close(name) {
      if (skipped > 0) {
        skipped--;
        return;
      }
      switch (name) {
        case 't':
          inText = false;
          break;
        case 'r':
          run = undefined;
          break;
        case 'p':
          if (paragraph) closeParagraph(paragraph);
          paragraph = undefined;
          break;
        case 'tc':
          if (tables === 1 && cell && row) {
            row.cells.push({ text: cellLines(cell.lines), span: cell.span, vMerge: cell.vMerge, hMergeContinue: cell.hMergeContinue });
            cell = undefined;
          }
          break;
        case 'tr':
          if (tables === 1 && row && table) {
            table.push(row);
            row = undefined;
          }
          break;
        case 'tbl':
          if (tables === 1 && table) items.push({ kind: 'table', rows: table });
          tables = Math.max(0, tables - 1);
          break;
      }
    },
  }, { format: 'docx' });
  return items;

  function closeParagraph(p: Paragraph): void {
    const text = p.pieces.join('');
    const list = p.list || styles.isList(p.style);
    if (tables > 0) {
      cell?.lines.push({ text, list });
      return;
    }
    const line = cellText(text);
    if (!line) return;
    const level = outlineHeading(p.outline) ?? styles.headingLevel(p.style);
    if (level !== undefined && line.length <= HEADING_CHARACTERS) items.push({ kind: 'heading', text: line, level });
    else if (p.bold && line.length <= BOLD_HEADING_CHARACTERS && !/[.:;,!?]$/.test(line)) items.push({ kind: 'heading', text: line, level: BOLD_HEADING });
  }
}

/**
 * A cell's paragraphs as lines. List items under a line of text are marked "- " as Word shows
 * them with a bullet ("Hemsidan utvecklas:" and its points stay one action that reads as such); a
 * cell that is only a list (owners one per line) keeps its lines as they are.
 */
function cellLines(lines: Array<{ text: string; list: boolean }>): string {
  let lead = false;
  const read: string[] = [];
  for (const { text, list } of lines) {
    if (!text.trim()) continue;
    read.push(list && lead ? `- ${text}` : text);
    lead ||= !list;
  }
  return read.join('\n');
}

/** A count from an attribute: a whole number, else 0; never beyond what a grid can have. */
function gridCount(value: string | undefined): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, 1_000_000) : 0;
}
