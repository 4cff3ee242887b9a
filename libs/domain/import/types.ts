import { ScheduleKind, ScheduleRule, ScheduleWarning } from '../schedule/types';

export type PlanFormat = 'csv' | 'xlsx' | 'docx' | 'pdf' | 'markdown' | 'text';

export interface ImportWarning {
  code: ImportWarningCode;
  message: string;
  row?: number;
}

export type ImportWarningCode = 'IGNORED_COLUMNS' | 'ROW_WITHOUT_TITLE' | 'NO_AREA' | 'MISSING_COLUMNS' | 'PDF_LINES_LEFT_OUT';

export interface ImportedSchedule {
  kind: ScheduleKind;
  rule: ScheduleRule | null;
  start?: string;
  /** The first due dates (YYYY-MM-DD), as many as the `count` option asks (default 4). */
  due: string[];
  warnings: ScheduleWarning[];
}

export interface ImportedAction {
  title: string;
  when: string;
  owners: string[];
  schedule: ImportedSchedule;
  /** Row (CSV record, sheet row, table row of a Word document or PDF, or text line) the action came from, 1-based. */
  row?: number;
}

export interface ImportedArea {
  title: string;
  actions: ImportedAction[];
}

export interface PlanImportPreview {
  format: PlanFormat;
  areas: ImportedArea[];
  warnings: ImportWarning[];
}

export interface PlanDocument {
  filename?: string;
  content: Uint8Array | string;
}

export interface PlanImportOptions {
  /** Plan start (YYYY-MM-DD): start of rows without timing, year of "Q1" or "mars". */
  from?: string;
  /** Due dates to preview per action (default 4). */
  count?: number;
  timezone?: string;
}

/** What every format parser produces: table rows and area headings, in document order. */
export type Block =
  | { kind: 'heading'; text: string; row?: number }
  | { kind: 'row'; cells: string[]; row: number; merged?: boolean };
