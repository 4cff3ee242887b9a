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
import { SaxesParser, SaxesTagPlain } from 'saxes';
import { DomainError } from '../errors';
import { IMPORT_LIMITS, ImportLimits } from './limits';
import { Block } from './types';
import { ZipArchive } from './zip';

interface SheetPart {
  name: string;
  path: string;
}

interface Workbook {
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

export function parseXlsx(content: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Block[][] {
  const zip = new Parts(new ZipArchive(content, limits.zipEntries), limits.decompressedBytes);
  const workbook = readWorkbook(zip);
  if (workbook.sheets.length > limits.sheets) {
    throw tooLarge(`The workbook has ${workbook.sheets.length} sheets; at most ${limits.sheets} are read`, 'sheets');
  }
  const parts = [workbook.sharedStrings, workbook.styles, ...workbook.sheets.map((s) => s.path)].filter((p): p is string => p !== undefined);
  // The sizes the archive declares decide before anything large is inflated.
  zip.mustFit(parts);
  const strings = workbook.sharedStrings ? readSharedStrings(zip.xml(workbook.sharedStrings)) : [];
  const dateStyles = workbook.styles ? readDateStyles(zip.xml(workbook.styles)) : new Set<number>();
  const budget = { elements: 0 };
  return workbook.sheets.map((sheet) => {
    const xml = zip.xml(sheet.path);
    return xml === undefined ? [] : sheetBlocks(readSheet(xml, sheet.name, { strings, dateStyles, date1904: workbook.date1904, limits, budget }), limits, sheet.name);
  });
}

// ---------------------------------------------------------------- workbook, strings and styles

function readWorkbook(zip: Parts): Workbook {
  const root = relationships(zip.xml('_rels/.rels'), '');
  const workbookPath = root.find((r) => r.type.endsWith('/officeDocument'))?.target ?? 'xl/workbook.xml';
  const xml = zip.xml(workbookPath);
  if (xml === undefined) throw broken('it has no workbook part');
  const folder = workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1);
  const rels = relationships(zip.xml(`${folder}_rels/${workbookPath.slice(folder.length)}.rels`), folder);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetPart[] = [];
  let date1904 = false;
  walkXml(xml, {
    open(name, attributes) {
      if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
      if (name !== 'sheet') return;
      const target = byId.get(attributes['r:id'] ?? attributes.id ?? '');
      if (target?.type.endsWith('/worksheet')) sheets.push({ name: attributes.name ?? '', path: target.target });
    },
  });
  return {
    sheets,
    sharedStrings: rels.find((r) => r.type.endsWith('/sharedStrings'))?.target,
    styles: rels.find((r) => r.type.endsWith('/styles'))?.target,
    date1904,
  };
}

function relationships(xml: string | undefined, folder: string): Array<{ id: string; type: string; target: string }> {
  const found: Array<{ id: string; type: string; target: string }> = [];
  if (xml === undefined) return found;
  walkXml(xml, {
    open(name, a) {
      if (name === 'Relationship' && a.Target && a.Type && a.TargetMode !== 'External') {
        found.push({ id: a.Id ?? '', type: a.Type, target: a.Target.startsWith('/') ? a.Target.slice(1) : folder + a.Target });
      }
    },
  });
  return found;
}

/** Each <si> as plain text: its <t> elements, rich-text runs joined, phonetic runs (<rPh>) left out. */
function readSharedStrings(xml: string | undefined): string[] {
  const strings: string[] = [];
  if (xml === undefined) return strings;
  let current: string[] | undefined;
  let inText = false;
  let phonetic = 0;
  walkXml(xml, {
    open(name) {
      if (name === 'si') current = [];
      else if (name === 'rPh') phonetic++;
      else if (name === 't' && phonetic === 0) inText = true;
    },
    text(text) {
      if (inText && current) current.push(text);
    },
    close(name) {
      if (name === 't') inText = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si' && current) {
        strings.push(current.join(''));
        current = undefined;
      }
    },
  });
  return strings;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, with the Nordic/Asian ones). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** Indexes of the cell formats (<cellXfs>) whose number format is a date. */
function readDateStyles(xml: string | undefined): Set<number> {
  const dates = new Set<number>();
  if (xml === undefined) return dates;
  const custom = new Map<number, string>();
  let inCellFormats = false;
  let index = 0;
  walkXml(xml, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.numFmtId), a.formatCode ?? '');
      else if (name === 'cellXfs') inCellFormats = true;
      else if (name === 'xf' && inCellFormats) {
        const id = Number(a.numFmtId ?? 0);
        if (custom.has(id) ? isDateFormatCode(custom.get(id)!) : BUILT_IN_DATE_FORMATS.has(id)) dates.add(index);
        index++;
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellFormats = false;
    },
  });
  return dates;
}

/** A format code shows a date when a date or time letter stands outside its quoted text and [sections]. */
export function isDateFormatCode(code: string): boolean {
  let quoted = false;
  let bracketed = false;
  for (const char of code) {
    if (quoted) quoted = char !== '"';
    else if (bracketed) bracketed = char !== ']';
    else if (char === '"') quoted = true;
    else if (char === '[') bracketed = true;
    else if ('ymdhsbYMDHSB'.includes(char)) return true;
  }
  return false;
}

// ---------------------------------------------------------------- sheets

interface SheetContext {
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

interface SheetCells {
  /** Row number → column → text, for cells with a value only. */
  rows: Map<number, Map<number, string>>;
  merges: Merge[];
  widest: number;
}

function readSheet(xml: string, sheetName: string, context: SheetContext): SheetCells {
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
function sheetBlocks(sheet: SheetCells, limits: ImportLimits, sheetName: string): Block[] {
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

// ---------------------------------------------------------------- addresses

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

// ---------------------------------------------------------------- XML

interface XmlHandlers {
  open?(name: string, attributes: Record<string, string | undefined>): void;
  text?(text: string): void;
  close?(name: string): void;
}

/** Tag names without their namespace prefix (`x:c` and `c` alike). */
function walkXml(xml: string, handlers: XmlHandlers): void {
  const parser = new SaxesParser({ position: false, xmlns: false });
  const local = (name: string) => name.slice(name.indexOf(':') + 1);
  parser.on('opentag', (tag: SaxesTagPlain) => {
    handlers.open?.(local(tag.name), tag.attributes);
    if (tag.isSelfClosing) handlers.close?.(local(tag.name));
  });
  if (handlers.text) parser.on('text', handlers.text);
  if (handlers.text) parser.on('cdata', handlers.text);
  parser.on('closetag', (tag: SaxesTagPlain) => {
    if (!tag.isSelfClosing) handlers.close?.(local(tag.name));
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DomainError) throw error;
    throw broken(`its XML cannot be read (${(error as Error).message.split('\n')[0].slice(0, 200)})`);
  }
}

/** The parts of the archive as XML text, all of them together within the decompressed-size limit. */
class Parts {
  private remaining: number;

  constructor(
    private readonly zip: ZipArchive,
    private readonly limit: number,
  ) {
    this.remaining = limit;
  }

  mustFit(paths: string[]): void {
    const declared = paths.reduce((sum, path) => sum + (this.zip.entries.get(path)?.size ?? 0), 0);
    if (declared > this.remaining) this.refuse(declared + (this.limit - this.remaining));
  }

  xml(path: string): string | undefined {
    const entry = this.zip.entries.get(path);
    if (!entry) return undefined;
    if (entry.size > this.remaining) this.refuse(entry.size + (this.limit - this.remaining));
    this.remaining -= entry.size;
    const bytes = this.zip.read(path)!;
    const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe;
    return new TextDecoder(utf16 ? 'utf-16le' : 'utf-8').decode(bytes);
  }

  private refuse(bytes: number): never {
    throw tooLarge(`The workbook unpacks to ${megabytes(bytes)} MB or more; at most ${megabytes(this.limit)} MB are read`, 'decompressed size');
  }
}

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

function tooLarge(message: string, limit: string): DomainError {
  return new DomainError('IMPORT_TOO_LARGE', message, [{ path: 'file', message: limit }]);
}

function broken(why: string): DomainError {
  return new DomainError('IMPORT_UNSUPPORTED_FORMAT', `Not a readable XLSX workbook: ${why}`, [{ path: 'file', message: why }]);
}
