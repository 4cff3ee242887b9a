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
import { Columns, lineCells, tableColumns } from './pdf-columns';
import { documentLines, Line, lineText } from './pdf-lines';
import { classifyLine, tableRows, TableLine } from './pdf-rows';
import { isHeadingLike } from './text';
import { Block } from './types';

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

export function pdfBlocks(pages: PdfPage[]): Block[] {
  return blocksOf(parts(documentLines(pages)));
}

const headerOf = (line: Line) => recogniseHeader(line.segments.map((s) => s.text));

function parts(lines: Line[]): Part[] {
  const found: Part[] = [];
  const right = Math.max(...lines.map((line) => line.segments.at(-1)!.right));
  let table: Table | undefined;
  lines.forEach((line, i) => {
    if (headerOf(line)) {
      // The same header again (at the top of the next page) goes on with the same table.
      if (table && lineText(line) === lineText(table.header)) return;
      table = { kind: 'table', header: line, columns: tableColumns(line, below(lines, i), right), size: line.size, lines: [] };
      found.push(table);
      return;
    }
    const entry = table && line.size <= table.size * HEADING_SIZE ? classifyLine(line, table.columns) : undefined;
    if (table && entry) {
      table.lines.push(entry);
      table.size = Math.min(table.size, line.size);
      return;
    }
    table = undefined;
    found.push({ kind: 'text', line });
  });
  return found;
}

/** The lines under a header that may belong to its table: up to the next header or heading. */
function below(lines: Line[], header: number): Line[] {
  const size = lines[header].size;
  const after = lines.slice(header + 1, header + 1 + COLUMN_LINES);
  const end = after.findIndex((line) => line.size > size * HEADING_SIZE || headerOf(line));
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
 * The headings of the text between tables: lines joined into paragraphs (same page, same type,
 * no wider gap than a line's), those that read as headings kept ("2. Information och service",
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

function continues(previous: Line, line: Line): boolean {
  return line.page === previous.page && Math.abs(line.size - previous.size) <= 0.5 && line.gapAbove <= 1.6 * line.size && !STARTS_ITEM.test(lineText(line));
}
