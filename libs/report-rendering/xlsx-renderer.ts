import ExcelJS from 'exceljs';
import { spreadCellText, spreadRows } from './assessment-chart';
import { isAssessed } from '../domain/reporting/assessment-spread';
import { RenderOptions, ReportDocument } from './report-document';
import { isWebUrl } from './html-renderer';
import { assessmentWords, reportedByWords, roundFacts, textParagraphs } from './report-facts';
import { areaTitle, outcomeWords, ReportClock, sourceWords, Texts, textsFor, TOTAL_KEYS } from './texts';

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8E8E8' } };
const LATE_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFBE3E6' } };
const DATE = 'yyyy-mm-dd';
const DATE_TIME = 'yyyy-mm-dd hh:mm';

/**
 * The board report as a workbook for those who filter and sort: a summary sheet (with the
 * round's facts, the overall summary and the spread of assessments), one row per action's status
 * report and the areas' summaries when the report has a round, one row per occurrence (what
 * auditors pivot on) and the status lines of continuous actions.
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
  workbook.title = `${document.plan.title} ${clock.period(document.period)}`;
  workbook.created = new Date(document.frozenAt);
  workbook.modified = new Date(document.frozenAt);

  const summary = workbook.addWorksheet(t.summarySheet);
  summary.columns = [{ width: 48 }, { width: 48 }];
  const facts: [string, string | number | Date][] = [
    [t.plan, document.plan.title],
    [t.period, clock.period(document.period)],
    [t.periodRange, clock.periodRange(document.period.startsAt, document.period.endsAt)],
    [document.draft ? t.draftAt : t.frozenAt, wallClock(document.frozenAt)],
    ...(document.draft ? ([['', t.draftNotice]] as [string, string][]) : []),
    [t.timezone, document.plan.timezone],
    ...roundFacts(document, t, clock).map((f): [string, string] => [f.label, f.value]),
    ...(document.round?.summary ? ([[t.round.overallSummary, textParagraphs(document.round.summary).join('\n\n')]] as [string, string][]) : []),
  ];
  for (const [label, value] of facts) {
    const row = summary.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (value instanceof Date) row.getCell(2).numFmt = DATE_TIME;
    row.getCell(2).alignment = { horizontal: 'left', vertical: 'top', wrapText: true };
  }
  summary.getCell('A1').font = { bold: true, size: 14 };
  summary.addRow([]);
  styleHeader(summary.addRow([t.column.measure, t.column.value]));
  for (const key of TOTAL_KEYS) summary.addRow([t.totals[key], document.totals[key]]);
  addSpread(summary, document, t, clock);
  if (document.round) addRoundSheets(workbook, document, t, clock, wallClock);

  const sheet = workbook.addWorksheet(t.occurrencesSheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  const c = t.column;
  sheet.columns = [
    { header: c.area, key: 'area', width: 28 },
    { header: c.action, key: 'action', width: 40 },
    { header: c.kind, key: 'kind', width: 14 },
    { header: c.periodKey, key: 'periodKey', width: 24 },
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
          periodKey: clock.occurrence(o),
          outcome: outcomeWords(o, t),
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

/** The chart's figures: actions per assessment and area, with the change since the previous report. */
function addSpread(sheet: ExcelJS.Worksheet, document: ReportDocument, t: Texts, clock: ReportClock): void {
  if (!isAssessed(document.areas)) return;
  const rows = spreadRows(document, t);
  sheet.addRow([]);
  const caption = document.previous ? `${t.chart.spreadTable}; ${t.chart.movement.toLowerCase()} (${clock.period(document.previous.period)})` : t.chart.spreadTable;
  sheet.addRow([caption]).font = { bold: true };
  styleHeader(sheet.addRow([t.column.area, ...rows[0].cells.map((cell) => t.assessment[cell.key])]));
  // Counts stay numbers for sums and sorting; only a change since the previous report makes a cell text.
  for (const row of rows) sheet.addRow([row.area, ...row.cells.map((cell) => (cell.change === undefined ? cell.count : spreadCellText(cell)))]);
  for (let column = 3; column <= rows[0].cells.length + 1; column++) if (!sheet.getColumn(column).width) sheet.getColumn(column).width = 18;
}

/** One row per action's status report, and the coordinator's summary per area. */
function addRoundSheets(workbook: ExcelJS.Workbook, document: ReportDocument, t: Texts, clock: ReportClock, wallClock: (iso: string) => Date): void {
  const sheet = workbook.addWorksheet(t.round.assessmentsSheet, { views: [{ state: 'frozen', xSplit: 2, ySplit: 1 }] });
  sheet.columns = [
    { header: t.column.area, key: 'area', width: 28 },
    { header: t.column.action, key: 'action', width: 40 },
    { header: t.round.unit, key: 'unit', width: 26 },
    { header: t.round.assessment, key: 'assessment', width: 34 },
    { header: t.column.comment, key: 'comment', width: 60 },
    { header: t.round.links, key: 'links', width: 40 },
    { header: t.round.reportedBy, key: 'reportedBy', width: 40 },
    { header: t.at, key: 'at', width: 17 },
    { header: t.column.source, key: 'source', width: 40 },
  ];
  styleHeader(sheet.getRow(1));
  for (const area of document.areas) {
    for (const action of area.actions) {
      const report = action.statusReport;
      const row = sheet.addRow({
        area: areaTitle(area.title, t),
        action: action.title,
        source: action.source ? sourceWords(action.source) : null,
        unit: report?.unit || null,
        assessment: report ? assessmentWords(report, t) : t.round.noStatusReport,
        comment: report?.comment ?? null,
        links: report?.links.length ? report.links.join('\n') : null,
        reportedBy: report ? reportedByWords({ ...report, submittedAt: null }, t, clock) || null : null,
        at: report?.submittedAt ? wallClock(report.submittedAt) : null,
      });
      row.getCell('at').numFmt = DATE_TIME;
      for (const key of ['comment', 'links']) row.getCell(key).alignment = { wrapText: true, vertical: 'top' };
    }
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };

  const summaries = workbook.addWorksheet(t.round.summariesSheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  summaries.columns = [
    { header: t.column.area, key: 'area', width: 28 },
    { header: t.round.areaSummary, key: 'summary', width: 100 },
  ];
  styleHeader(summaries.getRow(1));
  for (const area of document.areas) {
    const row = summaries.addRow({ area: areaTitle(area.title, t), summary: area.summary ? textParagraphs(area.summary).join('\n\n') : null });
    row.getCell('summary').alignment = { wrapText: true, vertical: 'top' };
  }
}

function styleHeader(row: ExcelJS.Row): void {
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
}
