/**
 * DOCX, read within the same limits as XLSX and by the same means: the zip's declared sizes are
 * checked before anything is inflated and inflation stops at them (./zip.ts); document.xml and
 * styles.xml are read as a stream of tags (saxes, ./xml.ts), keeping the text of table cells and
 * of heading-like paragraphs only.
 *
 * The plan is in the tables whose header names an action and a timing or owner column (the
 * column words of ./header.ts); the heading above each such table names its area. Other tables
 * (contacts, budgets, a table of contents) are left out, their text included. A document with no
 * plan table gives its first table, so that the reader says which columns it found instead.
 */
import { stripNumbering } from './build-plan';
import { cellText } from './cells';
import { BodyItem, BOLD_HEADING, readBody } from './docx-document';
import { readStyles } from './docx-styles';
import { tableRows, TableRow } from './docx-table';
import { isColumnWord, looksLikeHeader, recogniseHeader } from './header';
import { IMPORT_LIMITS, ImportLimits, tooLarge } from './limits';
import { mainPart, Parts } from './office-parts';
import { Block } from './types';
import { notReadable, ZipArchive } from './zip';

export function parseDocx(content: Uint8Array, limits: ImportLimits = IMPORT_LIMITS): Block[] {
  const parts = new Parts(new ZipArchive(content, limits.zipEntries, 'docx'), limits.decompressedBytes);
  const { path, rels } = mainPart(parts, 'word/document.xml');
  const stylesPath = rels.find((r) => r.type.endsWith('/styles'))?.target;
  // The sizes the archive declares decide before anything large is inflated.
  parts.mustFit([path, stylesPath].filter((p): p is string => p !== undefined));
  const styles = readStyles(stylesPath === undefined ? undefined : parts.xml(stylesPath));
  const xml = parts.xml(path);
  if (xml === undefined) throw notReadable('it has no document part', 'docx');
  return planBlocks(readBody(xml, styles, limits), limits);
}

/** How far down a Word table its header row may be (below a title row or two). */
const TABLE_HEADER_ROWS = 3;

/**
 * The plan tables' rows from their header down, each table after the heading that names its
 * area: the nearest heading above it, a heading style before bold type, passing over headings
 * that only name a column ("Aktiviteter") and subheadings that title another table in between
 * ("Mål" above a table of goals, under the area's heading).
 */
function planBlocks(items: BodyItem[], limits: ImportLimits): Block[] {
  const blocks: Block[] = [];
  const spent = { cells: 0, characters: 0 };
  /** Headings since the previous plan table. */
  let headings: Array<{ text: string; level: number }> = [];
  /** A heading came after the previous table of any kind (so it may be the caption of the next). */
  let captioned = false;
  let fallback: TableRow[] | undefined;
  const emit = (rows: TableRow[]) => {
    for (const { cells, row, merged } of rows) {
      spent.characters += cells.reduce((sum, c) => sum + c.length, 0);
      if (spent.characters > limits.textCharacters) throw tooLarge(`The plan's tables hold more than ${limits.textCharacters.toLocaleString('en')} characters`, 'text');
      blocks.push({ kind: 'row', cells, row, merged });
    }
  };
  for (const item of items) {
    if (item.kind === 'heading') {
      if (isColumnWord(item.text)) continue;
      headings.push(item);
      captioned = true;
      continue;
    }
    const rows = tableRows(item.rows, limits, spent);
    const header = rows.slice(0, TABLE_HEADER_ROWS).findIndex((r) => recogniseHeader(r.cells.map(cellText)));
    const caption = captioned ? headings.at(-1) : undefined;
    captioned = false;
    if (header < 0) {
      if (caption && headings.some((h) => h.level < caption.level)) headings.pop();
      if (!fallback || (!startsWithHeader(fallback) && startsWithHeader(rows))) fallback = rows;
      continue;
    }
    const area = headings.findLast((h) => h.level < BOLD_HEADING) ?? headings.at(-1);
    if (area) blocks.push({ kind: 'heading', text: stripNumbering(area.text) });
    headings = [];
    emit(rows.slice(header));
  }
  if (blocks.length === 0 && fallback) emit(fallback);
  return blocks;
}

/** The table's first row with text looks like a header ("Namn | Kostnad"): the best table to name. */
function startsWithHeader(rows: TableRow[]): boolean {
  const first = rows.find((r) => r.cells.some((c) => c.trim()));
  return first !== undefined && looksLikeHeader(first.cells.map(cellText));
}
