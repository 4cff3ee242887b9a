import { DomainError } from '../errors';

/**
 * What one plan import may hold. Plans have tens to hundreds of actions; these limits are far
 * above that and far below what would make a preview cost more than a few seconds or a few hundred
 * megabytes. Anything beyond them is refused as IMPORT_TOO_LARGE, naming the limit.
 */
export const IMPORT_LIMITS = {
  /** Characters of plan text (CSV, Markdown, tab-separated), sent as text or decoded from a file. */
  textCharacters: 2_000_000,
  /** Table rows that become actions. */
  actions: 2_000,
  /** XLSX and DOCX: parts of the zip archive. */
  zipEntries: 1_000,
  /** XLSX and DOCX: bytes after decompression of the parts that are read (workbook, strings, styles, sheets; document, styles). PDF: of all its streams. */
  decompressedBytes: 50 * 1024 * 1024,
  sheets: 50,
  /** XLSX: the highest row and column that may hold a value (column 200 is GR). DOCX: table rows in the document, columns of a table. */
  rows: 5_000,
  columns: 200,
  /** XLSX: cell elements in all sheets together, empty ones included, and merged ranges. DOCX: row and cell elements of all tables. */
  cells: 500_000,
  mergedRanges: 10_000,
  /** XLSX and DOCX: elements open inside each other (Word nests a table in a cell four levels down). */
  xmlDepth: 256,
  /** PDF: pages read, and runs of text on them all (a dense page holds a few hundred). */
  pdfPages: 100,
  pdfTextItems: 100_000,
} as const;

export type ImportLimits = typeof IMPORT_LIMITS;

/** A document beyond a limit: which limit, in the details. */
export function tooLarge(message: string, limit: string): DomainError {
  return new DomainError('IMPORT_TOO_LARGE', message, [{ path: 'file', message: limit }]);
}
