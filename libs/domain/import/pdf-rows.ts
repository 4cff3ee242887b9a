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
const NUMBERED = /^\d{1,2}(?:\.\d{1,2})*\.?\s+\p{Lu}/u;

export function tableRows(lines: TableLine[], columns: Columns, titleColumn: number): PdfRow[] {
  const width = columns.bounds.length + 1;
  const wraps = wrapTest(lines, columns);
  const inCell = inCellTest(lines, titleColumn);
  const rows: PdfRow[] = [];
  let open: OpenRow | undefined;
  const close = () => {
    if (open) rows.push({ cells: open.parts.map((p) => p.join('')), merged: false });
    open = undefined;
  };
  for (const [i, entry] of lines.entries()) {
    if (entry.section) {
      close();
      rows.push({ cells: [lineText(entry.line), ...new Array(width - 1).fill('')], merged: true });
      continue;
    }
    const { spans } = entry;
    const filled = new Set(spans.flatMap((s, c) => (s ? [c] : [])));
    if (!open || startsRow(entry.line, spans, filled, titleColumn, open, { wraps, inCell, continued: continued(lines[i + 1], titleColumn) })) {
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

interface RowTests {
  wraps: WrapTest;
  inCell: (line: Line) => boolean;
  /** The line below goes on with action text alone. */
  continued: boolean;
}

function startsRow(line: Line, spans: Array<Segment | undefined>, filled: Set<number>, title: number, open: OpenRow, tests: RowTests): boolean {
  const text = spans[title];
  if (!text) return false;
  // The rest of a wrapped line, a list item, or what follows "…utvecklas:" goes on in the cell.
  const goesOn = tests.wraps(open.last[title], text, title) || BULLET.test(text.text) || /:$/.test(open.last[title]?.text ?? '');
  if (filled.size === 1) {
    // A numbered title ("2. Information och service") starts a section whatever the line above.
    if (NUMBERED.test(text.text)) return looksLikeSectionTitle(text.text);
    // A section title begins as a title does, apart from the line above, and is a line of its
    // own; a line in lower case goes on from a sentence above.
    return !goesOn && !tests.inCell(line) && !tests.continued && !/^\p{Ll}/u.test(text.text) && looksLikeSectionTitle(text.text);
  }
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

/** Whether this line holds action text alone (so that the line above it goes on in it). */
function continued(next: TableLine | undefined, title: number): boolean {
  return next !== undefined && !next.section && next.spans[title] !== undefined && next.spans.filter(Boolean).length === 1;
}

/**
 * Whether a line is as close to the one above as a cell's lines are, in a table whose rows stand
 * further apart than that (cell padding, paragraph spacing): then it is no row's first line. The
 * table's line spacing is its smallest recurring gap (the tenth percentile, so that one odd pair
 * of lines does not set it); its rows' gap, the middle one above lines that fill the action
 * column and another. In a table set tight, every line is as close: this tells nothing there.
 */
function inCellTest(lines: TableLine[], title: number): (line: Line) => boolean {
  const gaps = (entries: TableLine[]) => entries.map((e) => e.line.gapAbove).filter((g) => Number.isFinite(g) && g > 0).sort((a, b) => a - b);
  const all = gaps(lines);
  const starts = gaps(lines.filter((e) => !e.section && e.spans[title] && e.spans.filter(Boolean).length > 1));
  const spacing = all[Math.floor(all.length / 10)];
  const rows = starts[Math.floor(starts.length / 2)];
  if (spacing === undefined || rows === undefined || rows <= spacing * 1.2) return () => false;
  return (line) => line.gapAbove <= spacing * 1.1;
}

/** A segment's average width of a character. */
const width = (s: Segment) => (s.right - s.left) / Math.max(1, s.text.length);

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
    const bound = columns.bounds[column] ?? columns.right;
    const reach = Math.max(widest[column] ?? above.right, bound - 1.5 * width(above));
    // The word measured as the line it is on is set (its letters' average width), plus a space;
    // within half a letter of the reach it is taken not to have fitted.
    const word = below.text.split(' ')[0];
    return above.right + width(below) * (1 + word.length) > reach - width(below) / 2;
  };
}
