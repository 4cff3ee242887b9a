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
  let crossing = false;
  for (const segment of line.segments) {
    const column = bounds.filter((b) => segment.left >= b - slack).length;
    if (column < bounds.length && segment.right > columns.lefts[column + 1] + slack) crossing = true;
    const span = spans[column];
    spans[column] = span ? { text: `${span.text} ${segment.text}`, left: span.left, right: Math.max(span.right, segment.right) } : { ...segment };
  }
  return { cells: spans.map((s) => s?.text ?? ''), spans, crossing };
}
