/**
 * Blocks (headings and table rows, from any format) → areas and actions with their understood
 * schedules. Header rows may appear anywhere and more than once (one table per area in prose).
 */
import { DomainError } from '../errors';
import { listOccurrences } from '../schedule/occurrences';
import { parseSchedule } from '../schedule/parse-schedule';
import { cellLines, cellText } from './cells';
import { ColumnMap, looksLikeHeader, recogniseHeader } from './header';
import { IMPORT_LIMITS } from './limits';
import { splitOwners } from './owners';
import { Block, ImportWarning, ImportedAction, ImportedArea, PlanFormat, PlanImportOptions, PlanImportPreview } from './types';

/** How far down a spreadsheet the header row may be (title rows, logos, dates above it). */
export const HEADER_SEARCH_ROWS = 25;

export function buildPlan(format: PlanFormat, blocks: Block[], options: PlanImportOptions): PlanImportPreview {
  const rows = blocks.filter((b): b is Extract<Block, { kind: 'row' }> => b.kind === 'row');
  if (rows.length === 0) throw noHeader(rows);
  if (!rows.some((r) => r.cells.some((c) => c.trim()))) {
    throw new DomainError('IMPORT_EMPTY', 'The file contains no table rows', [{ message: 'nothing to import' }]);
  }
  const headerAnywhere = format === 'text' || format === 'markdown' || format === 'docx' || format === 'pdf';
  const firstHeader = rows.findIndex((r, i) => (headerAnywhere || i < HEADER_SEARCH_ROWS) && recogniseHeader(r.cells.map(cellText)));
  if (firstHeader < 0) throw noHeader(rows);

  const warnings: ImportWarning[] = [];
  const areas: ImportedArea[] = [];
  let columns: ColumnMap | undefined;
  let pendingHeading: string | undefined;
  let actions = 0;
  const areaNamed = (title: string): ImportedArea => {
    let area = areas.find((a) => a.title === title);
    if (!area) areas.push((area = { title, actions: [] }));
    return area;
  };
  let current: ImportedArea | undefined;

  for (const block of blocks) {
    if (block.kind === 'heading') {
      pendingHeading = cellText(block.text);
      continue;
    }
    const cells = block.cells.map(cellText);
    const header = recogniseHeader(cells);
    if (header) {
      columns = header;
      if (header.ignored.length) {
        warnings.push({ code: 'IGNORED_COLUMNS', message: `Columns not used: ${header.ignored.join(', ')}`, row: block.row });
      }
      if (pendingHeading !== undefined) current = areaNamed(pendingHeading);
      pendingHeading = undefined;
      continue;
    }
    if (!columns || cells.every((c) => !c)) continue;
    const section = sectionTitle(cells, block.merged === true);
    if (section) {
      current = areaNamed(section);
      continue;
    }
    if (pendingHeading !== undefined) {
      current = areaNamed(pendingHeading);
      pendingHeading = undefined;
    }
    const action = toAction(block.cells, block.row, columns, options);
    if (!action) {
      warnings.push({ code: 'ROW_WITHOUT_TITLE', message: 'A row without an action text was skipped', row: block.row });
      continue;
    }
    if (++actions > IMPORT_LIMITS.actions) {
      throw new DomainError('IMPORT_TOO_LARGE', `A plan is imported with at most ${IMPORT_LIMITS.actions} actions`, [{ path: 'file', message: `row ${block.row}` }]);
    }
    const areaCell = columns.area !== undefined ? cellText(block.cells[columns.area] ?? '') : '';
    const area = areaCell ? areaNamed(areaCell) : (current ??= areaNamed(''));
    area.actions.push(action);
  }
  const withActions = areas.filter((a) => a.actions.length > 0);
  if (withActions.length === 0) throw new DomainError('IMPORT_EMPTY', 'A header was found but no action rows under it');
  if (withActions.some((a) => a.title === '')) {
    warnings.push({ code: 'NO_AREA', message: 'Some actions are under no area heading' });
  }
  return { format, areas: withActions, warnings };
}

/**
 * A row with only its first cell filled is an area heading when it is a merged (section) row,
 * numbered ("2. Information och service"), or short without closing punctuation.
 */
function sectionTitle(cells: string[], merged: boolean): string | undefined {
  const filled = cells.filter(Boolean);
  if (merged && new Set(filled).size === 1) return stripNumbering(filled[0]);
  if (filled.length !== 1 || !cells[0]) return undefined;
  return looksLikeSectionTitle(cells[0]) ? stripNumbering(cells[0]) : undefined;
}

/** Numbered ("2. Information och service"), or short without closing punctuation. */
export function looksLikeSectionTitle(text: string): boolean {
  if (/^\d+(\.\d+)*\.?\s+\S/.test(text) && text.length <= 120) return true;
  return text.length <= 60 && !/[.!?:;]$/.test(text);
}

export function stripNumbering(title: string): string {
  return title.replace(/^\s*\d+(\.\d+)*\.?\s+/, '').trim();
}

function toAction(raw: string[], row: number, columns: ColumnMap, options: PlanImportOptions): ImportedAction | undefined {
  const at = (i: number | undefined) => (i === undefined ? '' : (raw[i] ?? ''));
  const title = cellText(at(columns.title));
  if (!title) return undefined;
  const when = cellText(at(columns.when));
  const frequency = cellText(at(columns.frequency));
  const spec = parseSchedule({ text: frequency ? `${title}. ${frequency}` : title, when, from: options.from });
  const due = listOccurrences(spec, { count: options.count ?? 4, timezone: options.timezone }).map((o) => o.due);
  return {
    title,
    when,
    owners: splitOwners(cellLines(at(columns.owners))),
    schedule: { kind: spec.kind, rule: spec.rule, ...(spec.start ? { start: spec.start } : {}), due, warnings: spec.warnings },
    row,
  };
}

function noHeader(rows: Extract<Block, { kind: 'row' }>[]): DomainError {
  const first = rows.find((r) => r.cells.some((c) => c.trim()));
  const cells = (first?.cells ?? []).map(cellText).filter(Boolean);
  const expected = 'an action column (AKTIVITET, Åtgärd, Insats, Tiltak, Action) and a timing (NÄR, Tidplan, Hvornår, When) or owner column (ANSVAR, Ansvarig, Ansvarlig, Owner)';
  if (first && looksLikeHeader(first.cells.map(cellText))) {
    return new DomainError('IMPORT_UNKNOWN_COLUMNS', `Unknown columns: ${cells.join(', ')}. Expected ${expected}.`, cells.map((c) => ({ path: 'header', message: c })));
  }
  const where = first ? `first row: ${cells.join(' | ').slice(0, 200)}` : 'no table found';
  return new DomainError('IMPORT_NO_HEADER', `No header row found. Expected ${expected}.`, [{ message: where }]);
}
