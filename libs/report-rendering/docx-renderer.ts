import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  ImageRun,
  Packer,
  PageNumber,
  Paragraph,
  ParagraphChild,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import { ASSESSMENT_COLOURS, assessmentChart, spreadCellText, spreadRows } from './assessment-chart';
import { isWebUrl } from './html-renderer';
import { assessmentWords, reportedByWords, roundFacts, textParagraphs } from './report-facts';
import { RenderOptions, ReportAction, ReportArea, ReportDocument, ReportOccurrence } from './report-document';
import { areaTitle, displayOutcome, outcomeWords, ReportClock, sourceWords, Texts, textsFor, TOTAL_KEYS } from './texts';

/** A4 text width between 2.5 cm margins, in pixels at 96 dpi (what docx's image sizes are in). */
const TEXT_WIDTH_PX = 604;
const HEADER_FILL = 'E8E8E8';

/**
 * The board report as an officer's report (tjänsteskrivelse) in Word, the document a municipal
 * secretary puts on the KS agenda and may still edit: heading and date, the matter, the proposed
 * decision, the summary with the totals, the round's facts and the chart, per area a table of
 * actions with responsible unit, assessment and comment, and an appendix with every occurrence.
 */
export function renderReportDocx(document: ReportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const locale = options.locale ?? 'sv';
  const t = textsFor(locale);
  const clock = new ReportClock(document.plan.timezone, locale);
  const periodText = clock.period(document.period);
  const title = `${t.memo.followUpOf} ${document.plan.title}, ${periodText}`;

  const body: Array<Paragraph | Table> = [
    new Paragraph({ children: [new TextRun({ text: t.memo.heading.toUpperCase(), bold: true, size: 20 })] }),
    new Paragraph({ children: [new TextRun({ text: `${t.memo.date}: ${clock.date(document.frozenAt)}`, size: 20 })], spacing: { after: 240 } }),
    new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(title)] }),
    ...(document.draft ? [new Paragraph({ children: [new TextRun({ text: t.draftNotice, bold: true })], border: box() })] : []),
    heading(t.memo.matter),
    text(`${t.memo.followUpOf} ${document.plan.title} ${t.memo.period} ${periodText} (${clock.periodRange(document.period.startsAt, document.period.endsAt)}).`),
    heading(t.memo.proposal),
    text(t.memo.proposalText),
    heading(t.summary),
    ...(document.round?.summary ? textParagraphs(document.round.summary).map(text) : []),
    ...roundFacts(document, t, clock).map((fact) => new Paragraph({ children: [new TextRun({ text: `${fact.label}: `, bold: true }), new TextRun(fact.value)] })),
    totalsTable(document, t),
    ...chart(document, t, clock),
    heading(t.memo.perArea),
    ...(document.areas.length === 0 ? [text(t.noActions)] : document.areas.flatMap((area) => areaBlock(area, t, clock))),
    new Paragraph({ heading: HeadingLevel.HEADING_2, pageBreakBefore: true, children: [new TextRun(t.memo.appendix)] }),
    ...appendix(document, t, clock),
  ];

  const doc = new Document({
    creator: 'Bevaka',
    title,
    subject: t.reportTitle,
    description: `${document.plan.title} · ${periodText}`,
    styles: { default: { document: { run: { font: 'Arial', size: 22 } } } },
    sections: [
      {
        properties: { page: { margin: { top: '2.5cm', bottom: '2.5cm', left: '2.5cm', right: '2.5cm' } } },
        headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun({ text: document.plan.title, size: 16, color: '555555' })] })] }) },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ size: 16, color: '555555', children: [`${periodText} · ${t.memo.page} `, PageNumber.CURRENT, ` ${t.memo.of} `, PageNumber.TOTAL_PAGES] })],
              }),
            ],
          }),
        },
        children: body,
      },
    ],
  });
  return Packer.toBuffer(doc);
}

function heading(value: string, level: (typeof HeadingLevel)[keyof typeof HeadingLevel] = HeadingLevel.HEADING_2): Paragraph {
  return new Paragraph({ heading: level, keepNext: true, children: [new TextRun(value)] });
}

/** A paragraph of a user's or the report's text; single line breaks stay breaks. */
function text(value: string): Paragraph {
  const lines = value.split('\n');
  return new Paragraph({ spacing: { after: 120 }, children: lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })) });
}

function box() {
  const side = { style: 'single' as const, size: 8, color: '8A5A00', space: 4 };
  return { top: side, bottom: side, left: side, right: side };
}

function totalsTable(document: ReportDocument, t: Texts): Table {
  return table(
    [t.column.measure, t.column.value],
    TOTAL_KEYS.map((key) => [cell(t.totals[key]), cell(String(document.totals[key]), { align: AlignmentType.RIGHT, bold: (key === 'late' || key === 'escalations') && document.totals[key] > 0 })]),
    [75, 25],
  );
}

/** The chart as an image with a text alternative, and its figures as a table below it. */
function chart(document: ReportDocument, t: Texts, clock: ReportClock): Array<Paragraph | Table> {
  const figure = assessmentChart(document, t, clock);
  if (!figure) return [];
  const rows = spreadRows(document, t);
  const caption = document.previous ? `${t.chart.spreadTable}; ${t.chart.movement.toLowerCase()} (${clock.period(document.previous.period)})` : t.chart.spreadTable;
  const alt = rows.map((row) => `${row.area}: ${row.cells.map((c) => `${t.assessment[c.key]} ${spreadCellText(c)}`).join(', ')}`).join('; ');
  return [
    heading(t.chart.title, HeadingLevel.HEADING_3),
    new Paragraph({
      keepNext: true,
      children: [
        new ImageRun({
          type: 'png',
          data: figure.png(),
          transformation: { width: TEXT_WIDTH_PX, height: Math.round((figure.height * TEXT_WIDTH_PX) / figure.width) },
          altText: { name: t.chart.title, title: t.chart.title, description: alt },
        }),
      ],
    }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: caption, italics: true, size: 18 })] }),
    table(
      [t.column.area, ...rows[0].cells.map((c) => t.assessment[c.key])],
      rows.map((row) => [cell(row.area, { bold: true }), ...row.cells.map((c) => cell(spreadCellText(c), { align: AlignmentType.RIGHT }))]),
    ),
  ];
}

/** Per area: its heading, the coordinator's summary and a table of its actions. */
function areaBlock(area: ReportArea, t: Texts, clock: ReportClock): Array<Paragraph | Table> {
  return [
    heading(areaTitle(area.title, t), HeadingLevel.HEADING_3),
    ...(area.summary ? textParagraphs(area.summary).map(text) : []),
    table(
      [t.column.action, t.round.unit, t.round.assessment, t.column.comment],
      area.actions.map((action) => actionRow(action, t, clock)),
      [30, 18, 17, 35],
    ),
  ];
}

/**
 * One action: the owners' status report when the round has one; in a report from before rounds
 * the status lines of a continuous action stand in the comment column.
 */
function actionRow(action: ReportAction, t: Texts, clock: ReportClock): TableCell[] {
  const report = action.statusReport;
  const note = [action.when, action.source ? `${t.column.source}: ${sourceWords(action.source)}` : null].filter(Boolean).join('\n');
  const titleCell = cell(action.title, { bold: true, note: note || undefined });
  if (!report) {
    const lines = action.statusLines.map((s) => s.text);
    return [titleCell, cell(t.none), cell(t.none), cell(lines.length ? lines.join('\n') : t.none)];
  }
  const comment: Paragraph[] = [
    ...(report.comment ? textParagraphs(report.comment).map(text) : [text(t.none)]),
    ...report.links.map((link) => new Paragraph({ children: [linkRun(link)] })),
  ];
  const by = reportedByWords(report, t, clock);
  if (by) comment.push(new Paragraph({ children: [new TextRun({ text: `${t.round.reportedBy}: ${by}`, size: 18, color: '555555' })] }));
  const colour = ASSESSMENT_COLOURS[report.assessment ?? 'none'].slice(1);
  return [
    titleCell,
    cell(report.unit || t.none),
    // The assessment in words; the square only repeats it in colour.
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text: '■ ', color: colour }), new TextRun(assessmentWords(report, t))] })] }),
    new TableCell({ children: comment }),
  ];
}

function linkRun(url: string): ParagraphChild {
  // Only web links become links: a javascript: or data: URL typed by a user stays inert text.
  return isWebUrl(url) ? new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: 'Hyperlink' })] }) : new TextRun(url);
}

/** Bilaga: every occurrence of the period per area and action, with its outcome in words. */
function appendix(document: ReportDocument, t: Texts, clock: ReportClock): Array<Paragraph | Table> {
  const rows = document.areas.flatMap((area) => area.actions.flatMap((action) => action.occurrences.map((o) => occurrenceRow(area, action, o, t, clock))));
  if (rows.length === 0) return [text(t.noOccurrences)];
  const c = t.column;
  return [table([c.area, c.action, c.periodKey, c.due, c.outcome, c.completedAt, c.comment], rows, [14, 20, 13, 12, 12, 13, 16], 16)];
}

function occurrenceRow(area: ReportArea, action: ReportAction, o: ReportOccurrence, t: Texts, clock: ReportClock): TableCell[] {
  const outcome = outcomeWords(o, t) + (o.late && displayOutcome(o) !== 'overdue' ? ` (${t.column.late.toLowerCase()})` : '');
  const due = o.originalDue && o.originalDue !== o.due ? `${clock.due(o.due)} (${t.movedFrom} ${clock.due(o.originalDue)})` : clock.due(o.due);
  const completed = o.completedAt ? [clock.dateTime(o.completedAt), o.completedBy].filter(Boolean).join(', ') : t.none;
  const comment = [o.comment, o.skipReason ? `${t.column.skipReason}: ${o.skipReason}` : null, o.evidenceUrl ? `${t.evidenceLink}: ${o.evidenceUrl}` : null].filter(Boolean).join('\n');
  const size = 16;
  return [
    cell(areaTitle(area.title, t), { size }),
    cell(action.title, { size }),
    cell(clock.occurrence(o), { size }),
    cell(due, { size }),
    cell(outcome, { size, bold: o.late }),
    cell(completed, { size }),
    cell(comment || t.none, { size }),
  ];
}

interface CellStyle {
  bold?: boolean;
  align?: (typeof AlignmentType)[keyof typeof AlignmentType];
  /** Half-points, as Word counts font sizes. */
  size?: number;
  /** A smaller grey line under the text. */
  note?: string;
}

function cell(value: string, style: CellStyle = {}): TableCell {
  const lines = value.split('\n');
  const children = [
    new Paragraph({ alignment: style.align, children: lines.map((line, i) => new TextRun({ text: line, bold: style.bold, size: style.size, break: i > 0 ? 1 : 0 })) }),
    ...(style.note ? style.note.split('\n').map((line) => new Paragraph({ children: [new TextRun({ text: line, size: 18, color: '555555' })] })) : []),
  ];
  return new TableCell({ children });
}

/** A full-width table whose header row repeats on every page and whose rows do not split. */
function table(headers: string[], rows: TableCell[][], percentages?: number[], headerSize?: number): Table {
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: headers.map((h) => new TableCell({ shading: { fill: HEADER_FILL }, children: [new Paragraph({ children: [new TextRun({ text: h, bold: true, size: headerSize })] })] })),
  });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    ...(percentages ? { columnWidths: percentages.map((p) => Math.round((p / 100) * 9026)) } : {}),
    rows: [header, ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells }))],
  });
}
