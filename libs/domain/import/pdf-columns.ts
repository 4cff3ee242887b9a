/**
 * The columns of a table in a PDF, from its header line and the lines below it. Each header
 * segment names a column; between two neighbours the boundary lies in the widest strip that no
 * text of the table's lines covers (a header may be centred over its column, the text below it
 * starts at the column's left edge, but no cell's text runs into the next column). Text belongs
 * to the column its left edge is in; it runs over into the next only if it reaches where that
 * column's text begins (a line longer than any below the header may reach past the middle of
 * the strip, no further).
 */
import { Line, Segment } from './pdf-lines';

/**
 * `bounds[i]` parts column i from column i + 1; column i's text begins at `lefts[i]`; the last
 * column reaches at most to `right`.
 */
export interface Columns {
  bounds: number[];
  lefts: number[];
  right: number;
}

/** `right`: where the document's text reaches (the right margin: a table spans the text's width). */
export function tableColumns(header: Line, below: Line[], right: number): Columns {
  const names = header.segments;
  // Lines with one segment (wrapped text, a section row, prose) say nothing about the gaps.
  const covering = below.filter((line) => line.segments.length > 1).flatMap((line) => line.segments);
  const bounds = names.slice(1).map((next, i) => boundary(names[i], next, covering));
  const edges = [-Infinity, ...bounds, Infinity];
  const lefts = names.map((name, i) => Math.min(name.left, ...covering.filter((s) => s.left >= edges[i] && s.left < edges[i + 1]).map((s) => s.left)));
  return { bounds, lefts, right };
}

function boundary(left: Segment, right: Segment, covering: Segment[]): number {
  const [from, to] = [left.right, right.left];
  if (to <= from) return (from + to) / 2;
  const covered = covering.filter((s) => s.right > from && s.left < to).map((s) => [Math.max(s.left, from), Math.min(s.right, to)]).sort((a, b) => a[0] - b[0]);
  let best = { width: 0, middle: (from + to) / 2 };
  let free = from;
  for (const [start, end] of [...covered, [to, to]]) {
    if (start - free > best.width) best = { width: start - free, middle: (free + start) / 2 };
    free = Math.max(free, end);
  }
  return best.middle;
}

export interface LineCells {
  /** Each column's text on this line ('' where none). */
  cells: string[];
  /** Where each column's text on this line begins and ends. */
  spans: Array<Segment | undefined>;
  /** A segment runs over a column boundary: the line is no row of the table (or spans it). */
  crossing: boolean;
}

export function lineCells(line: Line, columns: Columns): LineCells {
  const { bounds } = columns;
  const spans: Array<Segment | undefined> = new Array(bounds.length + 1).fill(undefined);
  // A few points of slack: text set flush against a boundary is not over it.
  const slack = 0.2 * line.size;
  const columnOf = (segment: Segment) => bounds.filter((b) => segment.left >= b - slack).length;
  // Beside other cells, text over a column's start was two cells' text run together (below).
  const segments = line.segments.length > 1 ? line.segments.flatMap((s) => splitAtColumns(s, columnOf(s), columns, slack)) : line.segments;
  let crossing = false;
  for (const segment of segments) {
    const column = columnOf(segment);
    if (column < bounds.length && segment.right > columns.lefts[column + 1] + slack) crossing = true;
    const span = spans[column];
    spans[column] = span ? { text: `${span.text} ${segment.text}`, left: span.left, right: Math.max(span.right, segment.right) } : { ...segment };
  }
  return { cells: spans.map((s) => s?.text ?? ''), spans, crossing };
}

/**
 * Two cells' text on a line, less than a few letters apart, comes out of pdf.js as one run
 * ("…till medarbetare Q2 2020"): it is parted at the space where the next column's text begins,
 * the letters taken as equally wide, if a word begins within a letter and a half of it.
 */
function splitAtColumns(segment: Segment, column: number, columns: Columns, slack: number): Segment[] {
  const next = columns.lefts[column + 1];
  if (next === undefined || segment.right <= next + slack) return [segment];
  const letter = (segment.right - segment.left) / segment.text.length;
  const at = (k: number) => segment.left + k * letter;
  let best: number | undefined;
  for (let k = segment.text.indexOf(' '); k >= 0; k = segment.text.indexOf(' ', k + 1)) {
    if (Math.abs(at(k + 1) - next) <= 1.5 * letter && (best === undefined || Math.abs(at(k + 1) - next) < Math.abs(at(best + 1) - next))) best = k;
  }
  if (best === undefined) return [segment];
  const left = { text: segment.text.slice(0, best), left: segment.left, right: at(best) };
  const rest = { text: segment.text.slice(best + 1), left: Math.max(at(best + 1), next), right: segment.right };
  return [left, ...splitAtColumns(rest, column + 1, columns, slack)];
}
