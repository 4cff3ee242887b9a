/**
 * A PDF's lines as the blocks of a plan. A plan table starts at a line that reads as its header
 * (./header.ts: an action column beside a timing or owner column); its columns come from that
 * line (./pdf-columns.ts) and its rows from the lines below (./pdf-rows.ts). The table goes on
 * over page breaks, past its header repeated at the top of the next page, until a line in a
 * heading's larger type or one that runs over its columns as prose does. The heading-like
 * paragraph last above the table names its area, as in a Word document.
 */
import { stripNumbering } from './build-plan';
import { isColumnWord, recogniseHeader } from './header';
import type { PdfPage } from './pdf';
import { pdfNoTable } from './pdf-errors';
import { Columns, lineCells, tableColumns } from './pdf-columns';
import { documentLines, Line, lineText } from './pdf-lines';
import { classifyLine, tableRows, TableLine } from './pdf-rows';
import { isHeadingLike } from './text';
import { Block, ImportWarning } from './types';

interface Table {
  kind: 'table';
  header: Line;
  columns: Columns;
  /** The size of the table's type: the smallest on its lines. */
  size: number;
  lines: TableLine[];
}

type Part = Table | { kind: 'text'; line: Line };

/** Type this much larger than a table's is a heading's, and ends the table. */
const HEADING_SIZE = 1.15;
/** How many lines below its header a table's columns are looked for in. */
const COLUMN_LINES = 200;

export function pdfBlocks(pages: PdfPage[]): { blocks: Block[]; warnings: ImportWarning[] } {
  const { found, leftOut } = parts(documentLines(pages));
  for (const part of found) if (part.kind === 'table') checkTopAligned(part);
  return { blocks: blocksOf(found), warnings: leftOut.length ? [leftOutWarning(leftOut)] : [] };
}

const headerOf = (line: Line) => recogniseHeader(line.segments.map((s) => s.text));

/**
 * The document as tables and text between them, and the lines left out of a table: below a line
 * across a table that ended it (not a heading), lines that read as its rows.
 */
function parts(lines: Line[]): { found: Part[]; leftOut: Line[] } {
  const found: Part[] = [];
  const leftOut: Line[] = [];
  const right = Math.max(...lines.map((line) => line.segments.at(-1)!.right));
  let table: Table | undefined;
  let ended: Table | undefined;
  lines.forEach((line, i) => {
    if (headerOf(line)) {
      // The same header again (at the top of the next page) goes on with the same table.
      if (table && lineText(line) === lineText(table.header)) return;
      table = { kind: 'table', header: line, columns: tableColumns(line, below(lines, i), right), size: line.size, lines: [] };
      ended = undefined;
      found.push(table);
      return;
    }
    const heading = (t: Table) => line.size > t.size * HEADING_SIZE;
    const entry = table && !heading(table) ? classifyLine(line, table.columns) : undefined;
    if (table && entry) {
      table.lines.push(entry);
      table.size = Math.min(table.size, line.size);
      return;
    }
    if (table) ended = heading(table) ? undefined : table;
    else if (ended && heading(ended)) ended = undefined;
    // A title across the table that this prose goes on from was the prose's first line.
    const last = table?.lines.at(-1);
    if (table && last?.section && continues(last.line, line)) found.push({ kind: 'text', line: table.lines.pop()!.line });
    table = undefined;
    if (ended && readsAsRow(line, ended)) leftOut.push(line);
    found.push({ kind: 'text', line });
  });
  return { found, leftOut };
}

function readsAsRow(line: Line, table: Table): boolean {
  const entry = classifyLine(line, table.columns);
  return entry !== undefined && !entry.section && entry.spans[headerOf(table.header)!.title] !== undefined && entry.spans.filter(Boolean).length > 1;
}

function leftOutWarning(lines: Line[]): ImportWarning {
  const pages = [...new Set(lines.map((l) => l.page + 1))].join(', ');
  return {
    code: 'PDF_LINES_LEFT_OUT',
    message: `${lines.length} line(s) on page ${pages} look like rows of a table above but were not read: a line across the table ended it. Check the preview against the PDF, or export the plan from Word or Excel as .docx or .xlsx and import that file instead`,
  };
}

/**
 * A table's rows are told apart by their first lines, side by side at the top of each row: a
 * line closer to the one above than its type is tall (text centred in a cell beside another's
 * lines) means they are not, and the table is refused rather than guessed at.
 */
function checkTopAligned(table: Table): void {
  let previous = table.header;
  for (const { line } of table.lines) {
    if (line.page === previous.page && line.size >= 0.8 * table.size && line.gapAbove < 0.75 * line.size) {
      throw pdfNoTable(`the cells of the table on page ${line.page + 1} are not aligned to the top of their rows (centred, perhaps), so its rows cannot be told apart`);
    }
    previous = line;
  }
}

/** The lines under a header that may belong to its table: up to another header or a heading. */
function below(lines: Line[], header: number): Line[] {
  const { size } = lines[header];
  const text = lineText(lines[header]);
  const after = lines.slice(header + 1, header + 1 + COLUMN_LINES);
  const end = after.findIndex((line) => line.size > size * HEADING_SIZE || (headerOf(line) && lineText(line) !== text));
  return end < 0 ? after : after.slice(0, end);
}

function blocksOf(parts: Part[]): Block[] {
  const blocks: Block[] = [];
  const headings = new Headings();
  let row = 0;
  for (const part of parts) {
    if (part.kind === 'text') {
      headings.read(part.line);
      continue;
    }
    const area = headings.take();
    if (area !== undefined) blocks.push({ kind: 'heading', text: area });
    const header = lineCells(part.header, part.columns).cells;
    blocks.push({ kind: 'row', cells: header, row: ++row });
    for (const { cells, merged } of tableRows(part.lines, part.columns, headerOf(part.header)!.title)) {
      blocks.push({ kind: 'row', cells, row: ++row, merged });
    }
  }
  return blocks;
}

/**
 * The headings of the text between tables: lines joined into paragraphs (same type, no wider
 * gap than a line's, over a page break too), those that read as headings kept ("2. Information och service",
 * not a sentence and not a column's name like "Aktiviteter"). A heading right above another
 * table (a caption: "Nyckeltal") is passed over when a larger heading came before it.
 */
class Headings {
  private found: Array<{ text: string; size: number }> = [];
  private paragraph: Line[] = [];
  private captionable = false;

  read(line: Line): void {
    if (line.segments.length > 1) {
      // A row of some other table.
      this.flush();
      const last = this.found.at(-1);
      if (this.captionable && last && this.found.some((h) => h.size > last.size)) this.found.pop();
      this.captionable = false;
      return;
    }
    const previous = this.paragraph.at(-1);
    if (!previous || !continues(previous, line)) this.flush();
    this.paragraph.push(line);
  }

  /** The heading that names the next table's area; the next table starts afresh. */
  take(): string | undefined {
    this.flush();
    const last = this.found.at(-1);
    this.found = [];
    this.captionable = false;
    return last?.text;
  }

  private flush(): void {
    if (!this.paragraph.length) return;
    const text = this.paragraph.map(lineText).join(' ');
    const size = Math.max(...this.paragraph.map((l) => l.size));
    this.paragraph = [];
    if (isColumnWord(text)) return;
    this.captionable = isHeadingLike(text);
    if (this.captionable) this.found.push({ text: stripNumbering(text), size });
  }
}

/** A list item or a numbered heading starts a paragraph of its own. */
const STARTS_ITEM = /^(?:\d+(?:\.\d+)*\.?\s|[-–•*·▪◦]\s)/;

/**
 * The next line of a paragraph: in the same type, no further below than a generous line height
 * (further if it begins in lower case, going on from a sentence), or first on the next page
 * after a sentence cut short by the page break.
 */
function continues(previous: Line, line: Line): boolean {
  if (Math.abs(line.size - previous.size) > 0.5 || STARTS_ITEM.test(lineText(line))) return false;
  if (line.page !== previous.page) return line.page === previous.page + 1 && !Number.isFinite(line.gapAbove) && !/[.:;!?]$/.test(lineText(previous));
  return line.gapAbove <= (/^\p{Ll}/u.test(lineText(line)) ? 2.5 : 1.75) * line.size;
}
