/**
 * A PDF table's lines as rows. A cell's text wraps over several lines and a PDF does not say
 * which lines make a row, so the layout decides, in this order:
 * - a line with nothing in the action column continues the row above (an owner on two lines);
 * - after a wider gap than the table's line spacing (cell padding, a new paragraph, a page
 *   break), a line that fills the action column and another starts a row; one that fills only
 *   the action column starts a row if it reads as a section title ("2. Information och
 *   service"), else it is a new paragraph of the cell above;
 * - at the line spacing, a line starts a row unless it fills fewer columns than the row's first
 *   line did (the rest of a wrapped action text, with the end of a wrapped owner beside it).
 * A line that runs over the columns and reads as a title is a section row across the table.
 */
import { looksLikeSectionTitle } from './build-plan';
import { lineCells, Columns } from './pdf-columns';
import { Line, lineText } from './pdf-lines';

export interface PdfRow {
  cells: string[];
  merged: boolean;
}

/** A line of the table: its cells, or a section title that runs across the columns. */
export type TableLine = { line: Line; section: true } | { line: Line; section: false; cells: string[] };

export function classifyLine(line: Line, columns: Columns): TableLine | undefined {
  const { cells, crossing } = lineCells(line, columns);
  if (!crossing) return { line, section: false, cells };
  return looksLikeSectionTitle(lineText(line)) ? { line, section: true } : undefined;
}

interface OpenRow {
  parts: string[][];
  /** The columns the row's first line filled. */
  first: Set<number>;
}

const BULLET = /^[-–•*·▪◦o]\s/;

export function tableRows(lines: TableLine[], titleColumn: number, width: number): PdfRow[] {
  const spacing = lineSpacing(lines.map((l) => l.line));
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
    const { line, cells } = entry;
    const filled = new Set(cells.flatMap((c, i) => (c ? [i] : [])));
    const wide = line.gapAbove > spacing * 1.2 + 0.5;
    if (!open || startsRow(filled, titleColumn, wide, open, cells[titleColumn])) {
      // Text under the header but beside no action (a header cell's second line) starts nothing.
      if (!filled.has(titleColumn)) continue;
      close();
      open = { parts: cells.map((c) => (c ? [c] : [])), first: filled };
      continue;
    }
    // A wrapped line goes on after a space; a new paragraph after a line break (owners a line each).
    const separator = wide ? '\n' : ' ';
    cells.forEach((c, i) => c && open!.parts[i].push(open!.parts[i].length ? separator + c : c));
  }
  close();
  return rows;
}

function startsRow(filled: Set<number>, title: number, wide: boolean, open: OpenRow, titleText: string): boolean {
  if (!filled.has(title)) return false;
  if (wide) {
    if (filled.size > 1) return true;
    return !BULLET.test(titleText) && looksLikeSectionTitle(titleText);
  }
  const fewer = filled.size < open.first.size && [...filled].every((c) => open.first.has(c));
  return !fewer;
}

/**
 * The table's line spacing: the smallest gap between lines that recurs (the tenth percentile,
 * so that one odd pair of lines does not set it). Infinity when no two lines share a page.
 */
function lineSpacing(lines: Line[]): number {
  const gaps = lines.map((l) => l.gapAbove).filter((g) => Number.isFinite(g) && g > 0).sort((a, b) => a - b);
  return gaps.length ? gaps[Math.floor(gaps.length / 10)] : Infinity;
}
