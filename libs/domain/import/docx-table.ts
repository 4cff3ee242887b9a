/**
 * A Word table's rows as the plan reader takes rows, merges resolved as in an XLSX sheet: a cell
 * spanning columns (w:gridSpan) reads as its text in each of them, a cell continuing a vertical
 * merge (w:vMerge) as the text of the cell above and one continuing a legacy horizontal merge
 * (w:hMerge) as the text on its left; a row whose text all comes from one cell spanning columns
 * is a `merged` (section) row.
 */
import type { DocxRow } from './docx-document';
import { ImportLimits, tooLarge } from './limits';

export interface TableRow {
  cells: string[];
  row: number;
  merged: boolean;
}

/** `spent.cells`: cells of the document's tables so far, spans counted as the columns they fill. */
export function tableRows(rows: DocxRow[], limits: ImportLimits, spent: { cells: number }): TableRow[] {
  const spend = (cells: number) => {
    spent.cells += cells;
    if (spent.cells > limits.cells) throw tooLarge(`The document's tables span more than ${limits.cells} cells`, 'cells');
  };
  const tooWide = (row: number) => tooLarge(`Table row ${row} is wider than ${limits.columns} columns`, 'columns');
  let above: string[] = [];
  const read = rows.map((r) => {
    const cells: string[] = [];
    /** For each column, the cell (its index in the row) whose text it shows. */
    const source: number[] = [];
    if (r.before > limits.columns) throw tooWide(r.row);
    let column = r.before;
    r.cells.forEach((cell, index) => {
      if (column + cell.span > limits.columns) throw tooWide(r.row);
      const left = cell.hMergeContinue && column > 0 ? column - 1 : undefined;
      const text = cell.vMerge === 'continue' ? (above[column] ?? '') : left !== undefined ? cells[left] ?? '' : cell.text;
      for (let c = column; c < column + cell.span; c++) {
        cells[c] = text;
        source[c] = left !== undefined ? source[left] ?? index : index;
      }
      column += cell.span;
    });
    for (let c = 0; c < column; c++) cells[c] ??= '';
    spend(column);
    above = cells;
    const from = new Set(source.filter((_, c) => cells[c].trim()));
    const [only] = from;
    return { cells, row: r.row, merged: from.size === 1 && source.filter((s) => s === only).length > 1 };
  });
  const width = Math.max(0, ...read.map((r) => r.cells.length));
  for (const r of read) {
    spend(width - r.cells.length);
    while (r.cells.length < width) r.cells.push('');
  }
  return read;
}
