import ExcelJS from 'exceljs';
import { RenderOptions, ReportDocument } from './report-document';
import { isWebUrl } from './html-renderer';
import { areaTitle, displayOutcome, ReportClock, textsFor, TOTAL_KEYS } from './texts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const LATE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E6' } };
const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

/**
 * The board report as a workbook for those who filter and sort: a summary sheet, one row per
 * occurrence (what auditors pivot on) and the status lines of continuous actions.
 */
export async function renderReportXlsx(document: ReportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const locale = options.locale ?? 'sv';
  const t = textsFor(locale);
  const clock = new ReportClock(document.plan.timezone, locale);
  // Excel cells have no timezone: write the plan's local wall-clock time so that the cell shows
  // the same day and hour as the HTML and PDF reports do.
  const wallClock = (iso: string): Date => new Date(clock.local(iso).setZone('utc', { keepLocalTime: true }).toMillis());
  const dueCell = (iso: string): { value: Date; numFmt: string } => {
    const local = clock.local(iso);
    const boundary = (local.hour === 23 && local.minute === 59) || (local.hour === 0 && local.minute === 0);
    return boundary
      ? { value: new Date(local.startOf('day').setZone('utc', { keepLocalTime: true }).toMillis()), numFmt: DATE }
      : { value: wallClock(iso), numFmt: DATE_TIME };
  };

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Bevaka';
  workbook.title = `${document.plan.title} ${document.period.key}`;
  workbook.created = new Date(document.frozenAt);
  workbook.modified = new Date(document.frozenAt);

  const summary = workbook.addWorksheet(t.summarySheet);
  summary.columns = [{ width: 48 }, { width: 48 }];
  const facts: [string, string | number | Date][] = [
    [t.plan, document.plan.title],
    [t.period, document.period.key],
    [t.periodRange, clock.periodRange(document.period.startsAt, document.period.endsAt)],
    [document.draft ? t.draftAt : t.frozenAt, wallClock(document.frozenAt)],
    ...(document.draft ? ([['', t.draftNotice]] as [string, string][]) : []),
    [t.timezone, document.plan.timezone],
  ];
  for (const [label, value] of facts) {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME;
    row.getCell(2).alignment = { horizontal: 'left' };
  }
  summary.getCell('A1').font = { bold: true, size: 14 };
  summary.addRow([]);
  styleHeader(summary.addRow([t.column.measure, t.column.value]));
  for (const key of TOTAL_KEYS) summary.addRow([t.totals[key], document.totals[key]]);

  const sheet = workbook.addWorksheet(t.occurrencesSheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const c = t.column;
  sheet.columns = [
    { header: c.area, key: 'area', width: 28 },
    { header: c.action, key: 'action', width: 40 },
    { header: c.kind, key: 'kind', width: 14 },
    { header: c.periodKey, key: 'periodKey', width: 12 },
    { header: c.due, key: 'due', width: 14 },
    { header: c.originalDue, key: 'originalDue', width: 14 },
    { header: c.outcome, key: 'outcome', width: 18 },
    { header: c.late, key: 'late', width: 10 },
    { header: c.completedAt, key: 'completedAt', width: 17 },
    { header: c.completedBy, key: 'completedBy', width: 22 },
    { header: c.comment, key: 'comment', width: 50 },
    { header: c.evidence, key: 'evidence', width: 30 },
    { header: c.skipReason, key: 'skipReason', width: 30 },
    { header: c.escalations, key: 'escalations', width: 12 },
  ];
  styleHeader(sheet.getRow(1));
  for (const area of document.areas) {
    for (const action of area.actions) {
      for (const o of action.occurrences) {
        const row = sheet.addRow({
          area: areaTitle(area.title, t),
          action: action.title,
          kind: t.kind[action.kind] ?? action.kind,
          periodKey: o.periodKey,
          outcome: t.outcome[displayOutcome(o)],
          late: o.late ? t.yes : t.no,
          completedAt: o.completedAt ? wallClock(o.completedAt) : null,
          completedBy: o.completedBy,
          comment: o.comment,
          evidence: o.evidenceUrl ? (isWebUrl(o.evidenceUrl) ? { text: o.evidenceUrl, hyperlink: o.evidenceUrl } : o.evidenceUrl) : null,
          skipReason: o.skipReason,
          escalations: o.escalations,
        });
        const due = dueCell(o.due);
        Object.assign(row.getCell('due'), due);
        if (o.originalDue) Object.assign(row.getCell('originalDue'), dueCell(o.originalDue));
        row.getCell('completedAt').numFmt = DATE_TIME;
        row.getCell('comment').alignment = { wrapText: true, vertical: 'top' };
        if (o.late) row.eachCell({ includeEmpty: true }, (cell) => (cell.fill = LATE_FILL));
      }
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const lines = workbook.addWorksheet(t.statusSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  lines.columns = [
    { header: c.area, key: 'area', width: 28 },
    { header: c.action, key: 'action', width: 40 },
    { header: t.at, key: 'at', width: 17 },
    { header: t.by, key: 'by', width: 22 },
    { header: t.text, key: 'text', width: 80 },
  ];
  styleHeader(lines.getRow(1));
  for (const area of document.areas) {
    for (const action of area.actions) {
      for (const s of action.statusLines) {
        const row = lines.addRow({ area: areaTitle(area.title, t), action: action.title, at: wallClock(s.at), by: s.by, text: s.text });
        row.getCell('at').numFmt = DATE_TIME;
        row.getCell('text').alignment = { wrapText: true, vertical: 'top' };
      }
    }
  }

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}
