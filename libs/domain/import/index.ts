/** Plan import (CSV, XLSX, DOCX, PDF, Markdown, text). Uses zlib and saxes: not for workflow code. */
export { parsePlanDocument, detectFormat, decodeText, readBlocks } from './parse-plan';
export { splitOwners } from './owners';
export { recogniseHeader } from './header';
export { correctSchedules } from './corrections';
export type { ScheduleCorrection } from './corrections';
export { IMPORT_LIMITS } from './limits';
export type { DocumentReaders, PdfPage, PdfTextItem, PdfTextReader } from './pdf';
export * from './types';
export { docxText } from './docx-text';
