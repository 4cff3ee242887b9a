/**
 * A PDF table's lines as rows. A cell's text wraps over several lines and a PDF does not say
 * which lines make a row, so the layout decides from what the text does:
 * - a line with nothing in the action column continues the row above (an owner on two lines);
 * - a line whose action text goes on from the line above continues the row, unless it fills
 *   every column the row's first line did (a row starts with its cells side by side; the rest of
 *   a text seldom has a timing beside it). Action text goes on when it is the rest of a wrapped
 *   line (its first word would not have fitted on the line above), a list item, or follows a
 *   line ending in a colon ("Hemsidan utvecklas:");
 * - a line with only action text that does not go on so is a line of its own in the cell above
 *   (a second sentence), unless it reads as a section title ("2. Information och service"),
 *   which build-plan makes an area;
 * - any other line with action text starts a row.
 * A line that runs over the columns and reads as a title is a section row across the table; text
 * over two columns beside other cells (each at a column's left edge) is a cell merged across them.
 * Wrapped text goes on after a space, a line of its own after a line break (owners a line each).
 */
import { looksLikeSectionTitle } from './build-plan';
import { Columns, lineCells } from './pdf-columns';
import { pdfNoTable } from './pdf-errors';
import { Line, lineText, Segment } from './pdf-lines';

export interface PdfRow {
  cells: string[];
  merged: boolean;
}

/** A line of the table: its cells, or a section title that runs across the columns. */
export type TableLine = { line: Line; section: true } | { line: Line; section: false; spans: Array<Segment | undefined> };

export function classifyLine(line: Line, columns: Columns): TableLine | undefined {
  const { spans, crossing } = lineCells(line, columns);
  if (!crossing) return { line, section: false, spans };
  // Beside other cells, text over two columns is a cell merged across them: read in its first.
  const startsAColumn = (s: Segment) => columns.lefts.some((left) => Math.abs(s.left - left) <= 1.5 * line.size);
  if (line.segments.length > 1 && line.segments.every(startsAColumn)) return { line, section: false, spans };
  return looksLikeSectionTitle(lineText(line)) ? { line, section: true } : undefined;
}

interface OpenRow {
  parts: string[][];
  /** The columns the row's first line filled. */
  first: Set<number>;
  /** The row's last line. */
  last: Array<Segment | undefined>;
}

const BULLET = /^[-–•*·▪◦]\s/;

export function tableRows(lines: TableLine[], columns: Columns, titleColumn: number): PdfRow[] {
  const width = columns.bounds.length + 1;
  const wraps = wrapTest(lines, columns);
  const rows: PdfRow[] = [];
  let open: OpenRow | undefined;
  const close = () => {
    if (open) rows.push({ cells: open.parts.map((p) => p.join('')), merged: false });
    open = undefined;
  };
  for (const entry of lines) {
    if (entry.section) {
      close();
      rows.push({ cells: [lineText(entry.line), ...new Array(width - 1).fill('')], merged: true });
      continue;
    }
    const { spans } = entry;
    const filled = new Set(spans.flatMap((s, i) => (s ? [i] : [])));
    if (!open || startsRow(spans, filled, titleColumn, open, wraps)) {
      // Text under the header but beside no action (a header cell's second line) starts nothing.
      if (!filled.has(titleColumn)) continue;
      if (open && splitsCentredRow(open, spans[titleColumn]!, titleColumn, wraps)) {
        throw pdfNoTable(`the cells of the table on page ${entry.line.page + 1} are not aligned to the top of their rows (centred, perhaps), so its rows cannot be told apart`);
      }
      close();
      open = { parts: spans.map((s) => (s ? [s.text] : [])), first: filled, last: spans };
      continue;
    }
    const above = open.last;
    spans.forEach((span, c) => {
      if (!span) return;
      const separator = open!.parts[c].length === 0 ? '' : wraps(above[c], span, c) ? ' ' : '\n';
      open!.parts[c].push(separator + span.text);
    });
    open.last = spans;
  }
  close();
  return rows;
}

function startsRow(spans: Array<Segment | undefined>, filled: Set<number>, title: number, open: OpenRow, wraps: WrapTest): boolean {
  const text = spans[title];
  if (!text) return false;
  // The rest of a wrapped line, a list item, or what follows "…utvecklas:" goes on in the cell.
  const goesOn = wraps(open.last[title], text, title) || BULLET.test(text.text) || /:$/.test(open.last[title]?.text ?? '');
  if (filled.size === 1) return !goesOn && looksLikeSectionTitle(text.text);
  const fewer = filled.size < open.first.size && [...filled].every((c) => open.first.has(c));
  return !(goesOn && fewer);
}

/**
 * A row of action text alone, whose last line goes on, mid-sentence, in the line that would
 * start the next: the action's first lines stand above the other cells of its row, centred
 * beside them. (In a table whose cells stand at the top of their rows, a row's first line has
 * its other cells; a section title alone is followed by an action that begins a sentence.)
 */
function splitsCentredRow(open: OpenRow, next: Segment, title: number, wraps: WrapTest): boolean {
  const alone = open.parts.every((p, c) => c === title || p.length === 0);
  return alone && /^\p{Ll}/u.test(next.text) && wraps(open.last[title], next, title);
}

/** Whether `below` is the rest of `above` in column `column`: its first word would not have fitted on the line above. */
type WrapTest = (above: Segment | undefined, below: Segment, column: number) => boolean;

/**
 * Where each column's text may reach: at least as far as its widest line on the table, and up
 * to a character and a half short of the column's boundary (the cell's padding), the last
 * column's being the right margin.
 */
function wrapTest(lines: TableLine[], columns: Columns): WrapTest {
  const widest: number[] = [];
  for (const entry of lines) if (!entry.section) entry.spans.forEach((s, c) => s && (widest[c] = Math.max(widest[c] ?? -Infinity, s.right)));
  return (above, below, column) => {
    if (!above) return false;
    const character = (above.right - above.left) / Math.max(1, above.text.length);
    const bound = columns.bounds[column] ?? columns.right;
    const reach = Math.max(widest[column] ?? above.right, bound - 1.5 * character);
    const word = below.text.split(' ')[0];
    return above.right + character * (1 + word.length) > reach;
  };
}
