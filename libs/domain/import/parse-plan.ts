/**
 * Entry point of plan import: bytes (or text) in, a preview out. Pure apart from being async,
 * which XLSX loading needs; it never reads files.
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
import { cellText } from './cells';

/** Async for callers that await it; every format is read synchronously, within IMPORT_LIMITS. */
export async function parsePlanDocument(doc: PlanDocument, options: PlanImportOptions = {}): Promise<PlanImportPreview> {
  if (options.from !== undefined && !isIsoDate(options.from)) {
    throw new DomainError('VALIDATION_FAILED', `"from" must be a date YYYY-MM-DD, not "${options.from}"`);
  }
  const { format, sheets } = readBlocks(doc);
  // A workbook's plan is on the first sheet whose header says so.
  const sheet = sheets.find((blocks) => blocks.some((b) => b.kind === 'row' && recogniseHeader(b.cells.map(cellText)))) ?? sheets[0] ?? [];
  return buildPlan(format, sheet, options);
}

/**
 * A document as blocks within IMPORT_LIMITS: each sheet of an XLSX workbook, or the one table of
 * a text format. Plans and other tables (the organisation chart) are read by the same code.
 */
export function readBlocks(doc: PlanDocument): { format: PlanFormat; sheets: Block[][] } {
  const bytes = typeof doc.content === 'string' ? undefined : doc.content;
  const format = detectFormat(doc);
  if (format === 'xlsx') {
    if (!bytes) throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'An XLSX workbook must be given as bytes');
    return { format, sheets: parseXlsx(bytes) };
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

function parseTextFormat(format: Exclude<PlanFormat, 'xlsx'>, text: string): Block[] {
  switch (format) {
    case 'csv': return parseCsv(text);
    case 'markdown': return parseMarkdown(text);
    case 'text': return parseText(text);
  }
}

const EXTENSIONS: Record<string, PlanFormat> = {
  csv: 'csv', tsv: 'text', txt: 'text', text: 'text', md: 'markdown', markdown: 'markdown', xlsx: 'xlsx', xlsm: 'xlsx',
};

export function detectFormat(doc: PlanDocument): PlanFormat {
  const ext = /\.([a-z0-9]+)$/i.exec(doc.filename ?? '')?.[1]?.toLowerCase();
  const bytes = typeof doc.content === 'string' ? undefined : doc.content;
  if (bytes && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (ext === 'xls' || (bytes && bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', 'Old Excel (.xls) files are not supported: save the workbook as .xlsx or CSV');
  }
  if (ext && EXTENSIONS[ext] && EXTENSIONS[ext] !== 'xlsx') return EXTENSIONS[ext];
  if (ext && !EXTENSIONS[ext] && ['pdf', 'doc', 'docx', 'odt', 'ods', 'zip', 'png', 'jpg'].includes(ext)) {
    throw new DomainError('IMPORT_UNSUPPORTED_FORMAT', `.${ext} files are not supported: use CSV, XLSX, Markdown or text`);
  }
  const text = typeof doc.content === 'string' ? doc.content : decodeText(doc.content.subarray(0, 65536));
  // `[ \t]`, not `\s`: `\s` crosses line ends, so every line start would rescan the blank lines
  // below it (quadratic); and a run of spaces has one way to match.
  if (/^[ \t]*\|.*\|[ \t]*$/m.test(text) && /^[ \t]*(?:\|[ \t]*)?:?-{3,}:?[ \t]*\|/m.test(text)) return 'markdown';
  if (/^[ \t]*#{1,6}[ \t]+\S/m.test(text) && /\|/.test(text)) return 'markdown';
  if (/\t/.test(text)) return 'text';
  return 'csv';
}

/** UTF-8 (with or without BOM); Windows-1252 when the bytes are not UTF-8 (old Excel CSV exports). */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
