/**
 * XLSX through exceljs: the first sheet with a recognisable header; merged single-value rows are
 * area sections; date-typed cells become YYYY-MM-DD. exceljs is a Node library: this file must
 * never be imported by workflow code (libs/domain/schedule and calendar do not import it).
 */
import ExcelJS from 'exceljs';
import { DomainError } from '../errors';
import { Block } from './types';

export async function parseXlsx(content: Uint8Array): Promise<Block[][]> {
  const workbook = new ExcelJS.Workbook();
  try {
    const data = content.buffer.slice(content.byteOffset, content.byteOffset + content.byteLength);
    await workbook.xlsx.load(data as ArrayBuffer as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch (e) {
    throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', `Not a readable XLSX workbook: ${(e as Error).message}`);
  }
  return workbook.worksheets.map(sheetBlocks);
}

function sheetBlocks(sheet: ExcelJS.Worksheet): Block[] {
  const blocks: Block[] = [];
  const width = Math.max(sheet.columnCount, 1);
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    let merged = false;
    const masters = new Set<string>();
    for (let c = 1; c <= width; c++) {
      const cell = row.getCell(c);
      if (cell.isMerged) {
        merged = true;
        masters.add(cell.master.address);
      }
      cells.push(cellValue(cell.isMerged ? cell.master.value : cell.value));
    }
    blocks.push({ kind: 'row', cells, row: rowNumber, merged: merged && masters.size === 1 && cells.filter(Boolean).length > 1 });
  });
  return blocks;
}

function cellValue(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v && typeof v.text === 'string') return v.text;
    if ('result' in v) return cellValue(v.result as ExcelJS.CellValue);
    if ('error' in v) return '';
  }
  return String(v);
}
