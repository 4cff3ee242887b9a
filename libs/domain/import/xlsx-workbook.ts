/**
 * The parts of an XLSX around its sheets: where the sheets are (workbook and relationships), the
 * shared strings, which cell formats are dates; all read as XML within the decompressed-size limit.
 */
import { mainPart, Parts } from './office-parts';
import { walkXml } from './xml';
import { notReadable } from './zip';

export interface SheetPart {
  name: string;
  path: string;
}

export interface Workbook {
  sheets: SheetPart[];
  sharedStrings?: string;
  styles?: string;
  date1904: boolean;
}

export function readWorkbook(parts: Parts): Workbook {
  const { path: workbookPath, rels } = mainPart(parts, 'xl/workbook.xml');
  const xml = parts.xml(workbookPath);
  if (xml === undefined) throw notReadable('it has no workbook part');
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

/** Each <si> as plain text: its <t> elements, rich-text runs joined, phonetic runs (<rPh>) left out. */
export function readSharedStrings(xml: string | undefined): string[] {
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
export function readDateStyles(xml: string | undefined): Set<number> {
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
