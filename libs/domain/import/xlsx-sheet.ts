/**
 * One sheet of an XLSX: its cells that hold a value, read tag by tag within the limits, and the
 * blocks (rows) the plan reader takes, merged ranges resolved to their top-left cell.
 */
import { ImportLimits, tooLarge } from './limits';
import { Block } from './types';
import { walkXml } from './xml';

export interface SheetContext {
  strings: string[];
  dateStyles: Set<number>;
  date1904: boolean;
  limits: ImportLimits;
  /** Cell and row elements read so far in the whole workbook. */
  budget: { elements: number };
}

interface Merge {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetCells {
  /** Row number → column → text, for cells with a value only. */
  rows: Map<number, Map<number, string>>;
  merges: Merge[];
  widest: number;
}

export function readSheet(xml: string, sheetName: string, context: SheetContext): SheetCells {
  const { limits, budget } = context;
  const rows = new Map<number, Map<number, string>>();
  const merges: Merge[] = [];
  let widest = 0;
  let rowNumber = 0;
  let columnNumber = 0;
  let cell: { row: number; column: number; type: string; style: number; value: string[]; inline: string[] } | undefined;
  let capture: string[] | undefined;
  let phonetic = 0;
  const count = () => {
    if (++budget.elements > limits.cells) throw tooLarge(`The workbook has more than ${limits.cells} cells`, 'cells');
  };
  walkXml(xml, {
    open(name, a) {
      switch (name) {
        case 'row':
          count();
          rowNumber = positiveInteger(a.r) ?? rowNumber + 1;
          columnNumber = 0;
          break;
        case 'c': {
          count();
          const at = a.r ? cellAddress(a.r) : undefined;
          if (at) [rowNumber, columnNumber] = [at.row, at.column];
          else columnNumber++;
          cell = { row: rowNumber, column: columnNumber, type: a.t ?? 'n', style: Number(a.s ?? 0), value: [], inline: [] };
          break;
        }
        case 'v':
          if (cell) capture = cell.value;
          break;
        case 'rPh':
          phonetic++;
          break;
        case 't':
          if (cell && phonetic === 0) capture = cell.inline;
          break;
        case 'mergeCell': {
          const range = a.ref ? mergeRange(a.ref) : undefined;
          if (!range) break;
          if (merges.length >= limits.mergedRanges) throw tooLarge(`Sheet "${sheetName}" has more than ${limits.mergedRanges} merged ranges`, 'merged ranges');
          // Merges reaching past the limits are cut at them: only their top-left cell holds a value.
          if (range.top <= limits.rows && range.left <= limits.columns) {
            merges.push({ ...range, bottom: Math.min(range.bottom, limits.rows), right: Math.min(range.right, limits.columns) });
          }
          break;
        }
      }
    },
    text(text) {
      capture?.push(text);
    },
    close(name) {
      if (name === 'v' || (name === 't' && phonetic === 0)) capture = undefined;
      else if (name === 'rPh') phonetic--;
      else if (name === 'c' && cell) {
        const text = cellText(cell, context);
        if (text !== '') {
          if (cell.row > limits.rows || cell.column > limits.columns) {
            throw tooLarge(
              `Sheet "${sheetName}" has a value in cell ${columnLetters(cell.column)}${cell.row}; a plan is read from rows 1–${limits.rows} and columns A–${columnLetters(limits.columns)}`,
              'rows and columns',
            );
          }
          let row = rows.get(cell.row);
          if (!row) rows.set(cell.row, (row = new Map()));
          row.set(cell.column, text);
          widest = Math.max(widest, cell.column);
        }
        cell = undefined;
        capture = undefined;
      }
    },
  });
  return { rows, merges, widest };
}

function cellText(cell: { type: string; style: number; value: string[]; inline: string[] }, context: SheetContext): string {
  const raw = cell.value.join('');
  switch (cell.type) {
    case 's':
      return context.strings[Number(raw)] ?? '';
    case 'inlineStr':
      return cell.inline.join('');
    case 'str':
      return raw;
    case 'b':
      return raw === '' ? '' : String(raw.trim() === '1' || raw.trim() === 'true');
    case 'e':
      return '';
    case 'd':
      return /^\d{4}-\d{2}-\d{2}/.test(raw) ? raw.slice(0, 10) : raw;
    default: {
      if (raw === '') return '';
      const number = Number(raw);
      if (!Number.isFinite(number)) return raw;
      return context.dateStyles.has(cell.style) ? (excelDate(number, context.date1904) ?? String(number)) : String(number);
    }
  }
}

/** YYYY-MM-DD of an Excel serial date (days since 1899-12-30, or 1904-01-01 in the 1904 system). */
function excelDate(serial: number, date1904: boolean): string | undefined {
  const date = new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString().slice(0, 10);
}

/** Rows with a value (or inside a merged range that has one), each from column A to the widest used. */
export function sheetBlocks(sheet: SheetCells, limits: ImportLimits, sheetName: string): Block[] {
  const valueOf = (row: number, column: number) => sheet.rows.get(row)?.get(column) ?? '';
  const mergesByRow = new Map<number, Merge[]>();
  let covered = 0;
  let width = sheet.widest;
  for (const merge of sheet.merges) {
    if (valueOf(merge.top, merge.left) === '') continue;
    covered += (merge.bottom - merge.top + 1) * (merge.right - merge.left + 1);
    if (covered > limits.cells) throw tooLarge(`Merged ranges of sheet "${sheetName}" cover more than ${limits.cells} cells`, 'cells');
    width = Math.max(width, merge.right);
    for (let r = merge.top; r <= merge.bottom; r++) mergesByRow.set(r, [...(mergesByRow.get(r) ?? []), merge]);
  }
  const rowNumbers = [...new Set([...sheet.rows.keys(), ...mergesByRow.keys()])].sort((a, b) => a - b);
  if (rowNumbers.length * width > limits.cells) throw tooLarge(`Sheet "${sheetName}" spans more than ${limits.cells} cells`, 'cells');
  return rowNumbers.map((rowNumber) => {
    const cells = Array.from({ length: width }, (_, c) => valueOf(rowNumber, c + 1));
    const merges = mergesByRow.get(rowNumber) ?? [];
    for (const merge of merges) {
      for (let c = merge.left; c <= merge.right; c++) cells[c - 1] = valueOf(merge.top, merge.left);
    }
    const sectionRow = merges.length === 1 && cells.filter(Boolean).length > 1;
    return { kind: 'row', cells, row: rowNumber, merged: sectionRow };
  });
}

function cellAddress(ref: string): { row: number; column: number } | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  return m ? { column: columnNumberOf(m[1]), row: Number(m[2]) } : undefined;
}

function mergeRange(ref: string): Merge | undefined {
  const [from, to = from] = ref.split(':');
  const a = cellAddress(from);
  const b = cellAddress(to);
  if (!a || !b) return undefined;
  return { top: Math.min(a.row, b.row), left: Math.min(a.column, b.column), bottom: Math.max(a.row, b.row), right: Math.max(a.column, b.column) };
}

function columnNumberOf(letters: string): number {
  let n = 0;
  for (const letter of letters.toUpperCase()) n = n * 26 + (letter.charCodeAt(0) - 64);
  return n;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

function positiveInteger(value: string | undefined): number | undefined {
  const n = Number(value);
  return value !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}
