/**
 * Entry point of plan import: bytes (or text) in, a preview out. Pure apart from being async;
 * it never reads files. A PDF's text is taken out by a reader the caller gives (./pdf.ts).
 */
import { DomainError } from '../errors';
import { isIsoDate } from '../schedule/dates';
import { buildPlan } from './build-plan';
import { parseCsv } from './csv';
import { recogniseHeader } from './header';
import { parseMarkdown } from './markdown';
import { parseText } from './text';
import { IMPORT_LIMITS } from './limits';
import { Block, PlanDocument, PlanFormat, PlanImportOptions, PlanImportPreview } from './types';
import { parseXlsx } from './xlsx';
import { parseDocx } from './docx';
import { cellText } from './cells';
import { notReadable, ZipArchive } from './zip';
import { DocumentReaders, parsePdf } from './pdf';

/** Every format but PDF is read synchronously; all within IMPORT_LIMITS. */
export async function parsePlanDocument(doc: PlanDocument, options: PlanImportOptions = {}, readers: DocumentReaders = {}): Promise<PlanImportPreview> {
  if (options.from !== undefined && !isIsoDate(options.from)) {
    throw new DomainError('VALIDATION_FAILED', `"from" must be a date YYYY-MM-DD, not "${options.from}"`);
  }
  if (detectFormat(doc) === 'pdf') {
    if (typeof doc.content === 'string') throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'A PDF must be given as bytes');
    return parsePdf(doc.content, options, readers);
  }
  const { format, sheets } = readBlocks(doc);
  // A workbook's plan is on the first sheet whose header says so.
  const sheet = sheets.find((blocks) => blocks.some((b) => b.kind === 'row' && recogniseHeader(b.cells.map(cellText)))) ?? sheets[0] ?? [];
  return buildPlan(format, sheet, options);
}

/**
 * A document as blocks within IMPORT_LIMITS: each sheet of an XLSX workbook, the plan tables of a
 * Word document, or the one table of a text format. Plans and other tables (the organisation
 * chart) are read by the same code.
 */
export function readBlocks(doc: PlanDocument): { format: PlanFormat; sheets: Block[][] } {
  const bytes = typeof doc.content === 'string' ? undefined : doc.content;
  const format = detectFormat(doc);
  if (format === 'pdf') {
    // Only plans are read from PDFs: a table such as the organisation chart is better kept as one.
    throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'A PDF is read as a plan only: save this table as CSV or XLSX');
  }
  if (format === 'xlsx') {
    if (!bytes) throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'An XLSX workbook must be given as bytes');
    return { format, sheets: parseXlsx(bytes) };
  }
  if (format === 'docx') {
    if (!bytes) throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'A Word document must be given as bytes');
    return { format, sheets: [parseDocx(bytes)] };
  }
  if (typeof doc.content === 'string' ? doc.content.length > IMPORT_LIMITS.textCharacters : doc.content.length > 4 * IMPORT_LIMITS.textCharacters) throw textTooLarge();
  const text = typeof doc.content === 'string' ? doc.content.replace(/^\uFEFF/, '') : decodeText(doc.content);
  if (text.length > IMPORT_LIMITS.textCharacters) throw textTooLarge();
  if (!text.trim()) throw new DomainError('IMPORT_EMPTY', 'The file is empty');
  return { format, sheets: [parseTextFormat(format, text)] };
}

function textTooLarge(): DomainError {
  const limit = IMPORT_LIMITS.textCharacters;
  return new DomainError('IMPORT_TOO_LARGE', `Text is read up to ${limit.toLocaleString('en')} characters`, [{ path: 'text', message: `longer than ${limit} characters` }]);
}

function parseTextFormat(format: Exclude<PlanFormat, 'xlsx' | 'docx' | 'pdf'>, text: string): Block[] {
  switch (format) {
    case 'csv': return parseCsv(text);
    case 'markdown': return parseMarkdown(text);
    case 'text': return parseText(text);
  }
}

const EXTENSIONS: Record<string, PlanFormat> = {
  csv: 'csv', tsv: 'text', txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', xlsx: 'xlsx', xlsm: 'xlsx', docx: 'docx', docm: 'docx', pdf: 'pdf',
};
const UNSUPPORTED = ['odt', 'ods', 'zip', 'png', 'jpg'];

export function detectFormat(doc: PlanDocument): PlanFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(doc.filename ?? '')?.[1]?.toLowerCase();
  const bytes = typeof doc.content === 'string' ? undefined : doc.content;
  if (bytes && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return officeFormat(bytes, ext);
  if (bytes && isPdf(bytes)) return 'pdf';
  const word = ext === 'doc' || (ext !== undefined && EXTENSIONS[ext] === 'docx');
  // Word and Excel 97–2003 files are both OLE compound files (D0 CF …): the name tells which.
  if (ext === 'doc' || ext === 'xls' || (bytes && bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    if (word) throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'Old Word (.doc) files are not supported: save the document as .docx');
    throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'Old Excel (.xls) files are not supported: save the workbook as .xlsx or CSV');
  }
  if (word && bytes) throw notReadable('it is not a zip archive', 'docx');
  if (ext && EXTENSIONS[ext] && EXTENSIONS[ext] !== 'xlsx' && EXTENSIONS[ext] !== 'docx') return EXTENSIONS[ext];
  if (ext && UNSUPPORTED.includes(ext)) throw unsupported(ext);
  const text = typeof doc.content === 'string' ? doc.content : decodeText(doc.content.subarray(0, 65536));
  // `[ \t]`, not `\s`: `\s` crosses line ends, so every line start would rescan the blank lines
  // below it (quadratic); and a run of spaces has one way to match.
  if (/^[ \t]*\|.*\|[ \t]*$/m.test(text) && /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/m.test(text)) return 'markdown';
  if (/^[ \t]*#{1,6}[ \t]+\S/m.test(text) && /\|/.test(text)) return 'markdown';
  if (/\t/.test(text)) return 'text';
  return 'csv';
}

/**
 * XLSX and DOCX are both zip archives: the parts inside say which (a Word document keeps its
 * body under word/, a workbook under xl/), not the name it was uploaded under. An archive whose
 * directory cannot be read is left to the reader its name suggests, which says why.
 */
function officeFormat(bytes: Uint8Array, ext: string | undefined): PlanFormat {
  let names: string[];
  try {
    names = [...new ZipArchive(bytes, IMPORT_LIMITS.zipEntries).entries.keys()];
  } catch {
    return ext && EXTENSIONS[ext] === 'docx' ? 'docx' : 'xlsx';
  }
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (ext && UNSUPPORTED.includes(ext)) throw unsupported(ext);
  return ext && EXTENSIONS[ext] === 'docx' ? 'docx' : 'xlsx';
}

function unsupported(ext: string): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', `.${ext} files are not supported: use CSV, XLSX, Word (DOCX), PDF, Markdown or text`);
}

/** "%PDF-" within the first kilobyte, where PDF readers look for it (some files have bytes before it). */
function isPdf(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 1024);
  for (let i = head.indexOf(0x25); i >= 0 && i + 5 <= head.length; i = head.indexOf(0x25, i + 1)) {
    if (head[i + 1] === 0x50 && head[i + 2] === 0x44 && head[i + 3] === 0x46 && head[i + 4] === 0x2d) return true;
  }
  return false;
}

/** UTF-8 (with or without BOM); Windows-1252 when the bytes are not UTF-8 (old Excel CSV exports). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
