/**
 * XLSX, read within limits: the zip's declared sizes are checked before anything is inflated and
 * inflation stops at them (./zip.ts); the XML is read as a stream of tags (saxes, the parser
 * ExcelJS itself uses) that keeps only cells holding a value. Nothing is sized by what the file
 * claims: a workbook that names cell XFD1048576, a merged range over the whole sheet or a data
 * validation on every cell costs what its few real cells cost, or is refused by a limit.
 *
 * (ExcelJS's loader builds the whole workbook model first, expanding every merged range and every
 * data-validation range into cells, so a few-KB file could make it allocate gigabytes.)
 *
 * Blocks are as before: the sheets in workbook order, a row per row with values, cells from column
 * A to the widest column used; cells of a merged range read as its top-left cell, and a row whose
 * values all come from one merged range is a `merged` (section) row; date-formatted numbers become
 * YYYY-MM-DD.
 */
import { IMPORT_LIMITS, ImportLimits, tooLarge } from './limits';
import { Block } from './types';
import { Parts } from './office-parts';
import { readDateStyles, readSharedStrings, readWorkbook } from './xlsx-workbook';
import { readSheet, sheetBlocks } from './xlsx-sheet';
import { ZipArchive } from './zip';

export { columnLetters } from './xlsx-sheet';
export { isDateFormatCode } from './xlsx-workbook';

export function parseXlsx(content: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Block[][] {
  const parts = new Parts(new ZipArchive(content, limits.zipEntries), limits.decompressedBytes);
  const workbook = readWorkbook(parts);
  if (workbook.sheets.length > limits.sheets) {
    throw tooLarge(`The workbook has ${workbook.sheets.length} sheets; at most ${limits.sheets} are read`, 'sheets');
  }
  // The sizes the archive declares decide before anything large is inflated.
  parts.mustFit([workbook.sharedStrings, workbook.styles, ...workbook.sheets.map((s) => s.path)].filter((p): p is string => p !== undefined));
  const strings = workbook.sharedStrings ? readSharedStrings(parts.xml(workbook.sharedStrings)) : [];
  const dateStyles = workbook.styles ? readDateStyles(parts.xml(workbook.styles)) : new Set<number>();
  const budget = { elements: 0 };
  return workbook.sheets.map((sheet) => {
    const xml = parts.xml(sheet.path);
    return xml === undefined ? [] : sheetBlocks(readSheet(xml, sheet.name, { strings, dateStyles, date1904: workbook.date1904, limits, budget }), limits, sheet.name);
  });
}
