import PDFDocument from 'pdfkit';
import { assessmentChart, spreadCellText, spreadRows } from './assessment-chart';
import { Fact, roundFacts, statusReportFacts, textParagraphs } from './report-facts';
import { RenderOptions, ReportAction, ReportDocument, ReportOccurrence, ReportStatusReport } from './report-document';
import { areaTitle, displayOutcome, quotaWords, ReportClock, sourceWords, Texts, textsFor, TOTAL_KEYS } from './texts';
import { toWinAnsi } from './win-ansi';

const RED = '#b00020';
const GREY = '#555555';
const BLACK = '#111111';
const PAGE_MARGIN = 50;

/**
 * The board report as an A4 PDF for the KS agenda: title and period in words, the round's facts,
 * the overall summary and totals, the chart of assessments, then per area its summary and each
 * action with the owners' status report, its occurrences (late ones in red and in words),
 * comments and status lines.
 * Only pdfkit's built-in Helvetica is used: no font files to ship, and it covers å ä ö.
 */
export function renderReportPdf(document: ReportDocument, options: RenderOptions = {}): Promise<Buffer> {
  const locale = options.locale ?? 'sv';
  const t = textsFor(locale);
  const clock = new ReportClock(document.plan.timezone, locale);
  const periodText = clock.period(document.period);
  const pdf = new PDFDocument({
    size: 'A4',
    margin: PAGE_MARGIN,
    bufferPages: true, // for "page x of y" footers, written once every page exists
    lang: locale === 'sv' ? 'sv-SE' : 'en-GB',
    displayTitle: true,
    info: {
      Title: toWinAnsi(`${document.plan.title} – ${t.reportTitle} ${periodText}`),
      Author: 'Bevaka',
      Subject: toWinAnsi(t.reportTitle),
      // The frozen moment, so the same snapshot renders to the same metadata every time.
      CreationDate: new Date(document.frozenAt),
    },
  });
  const done = collect(pdf);
  const write = new Writer(pdf);

  write.text(document.plan.title, { font: 'Helvetica-Bold', size: 18 });
  write.text(`${t.reportTitle} · ${t.period} ${periodText}`, { size: 13 });
  write.text(`${t.periodRange}: ${clock.periodRange(document.period.startsAt, document.period.endsAt)}`, { size: 10, color: GREY });
  write.text(`${document.draft ? t.draftAt : t.frozenAt}: ${clock.dateTime(document.frozenAt)} (${document.plan.timezone})`, { size: 10, color: GREY });
  for (const fact of roundFacts(document, t, clock)) write.fact(fact, { size: 10, color: GREY });
  if (document.draft) write.text(t.draftNotice, { font: 'Helvetica-Bold', size: 11 });
  pdf.moveDown(1);

  write.text(t.summary, { font: 'Helvetica-Bold', size: 14 });
  if (document.round?.summary) {
    write.text(t.round.overallSummary, { font: 'Helvetica-Bold', size: 11 });
    write.paragraphs(document.round.summary, { size: 10 });
    write.gap(0.4);
  }
  for (const key of TOTAL_KEYS) {
    const value = document.totals[key];
    const attention = (key === 'late' || key === 'escalations') && value > 0;
    write.text(`${t.totals[key]}: ${value}`, { size: 10, font: attention ? 'Helvetica-Bold' : 'Helvetica', color: attention ? RED : BLACK, indent: 10 });
  }

  writeChart(pdf, write, document, t, clock);

  if (document.areas.length === 0) write.text(t.noActions, { size: 10, color: GREY });
  for (const area of document.areas) {
    pdf.moveDown(1);
    write.keepRoom(90);
    write.text(areaTitle(area.title, t), { font: 'Helvetica-Bold', size: 14 });
    write.rule();
    if (area.summary) {
      write.text(t.round.areaSummary, { font: 'Helvetica-Bold', size: 10 });
      write.paragraphs(area.summary, { size: 10 });
    }
    for (const action of area.actions) writeAction(write, action, t, clock);
  }

  footers(pdf, document, periodText);
  pdf.end();
  return done;
}

function writeAction(write: Writer, action: ReportAction, t: Texts, clock: ReportClock): void {
  write.gap(0.6);
  write.keepRoom(60);
  write.text(action.title, { font: 'Helvetica-Bold', size: 11 });
  const meta = [action.when ? `${t.column.when}: ${action.when}` : '', `${t.column.kind}: ${t.kind[action.kind] ?? action.kind}`, `${t.column.status}: ${t.actionStatus[action.status] ?? action.status}`];
  write.text(meta.filter(Boolean).join(' · '), { size: 9, color: GREY });
  if (action.source) write.text(`${t.column.source}: ${sourceWords(action.source)}`, { size: 9, color: GREY });
  if (action.statusReport) writeStatusReport(write, action.statusReport, t, clock);
  if (action.occurrences.length === 0 && action.kind !== 'continuous') write.text(t.noOccurrences, { size: 9, color: GREY, indent: 10 });
  for (const o of action.occurrences) writeOccurrence(write, o, t, clock);
  if (action.kind === 'continuous' || action.statusLines.length > 0) {
    write.text(`${t.statusLines}:`, { size: 9, font: 'Helvetica-Bold', indent: 10 });
    if (action.statusLines.length === 0) write.text(t.noStatusLines, { size: 9, color: GREY, indent: 20 });
    for (const s of action.statusLines) {
      write.text(s.text, { size: 9, indent: 20 });
      write.text([s.by, clock.date(s.at)].filter(Boolean).join(', '), { size: 8, color: GREY, indent: 20 });
    }
  }
}

function writeOccurrence(write: Writer, o: ReportOccurrence, t: Texts, clock: ReportClock): void {
  const outcome = displayOutcome(o);
  write.keepRoom(30);
  const parts = [clock.occurrence(o), `${t.column.due}: ${clock.due(o.due)}`];
  if (o.originalDue && o.originalDue !== o.due) parts.push(`${t.movedFrom} ${clock.due(o.originalDue)}`);
  // Outcome in capitals and words, so a grey-scale print still shows what is late.
  parts.push(t.outcome[outcome].toUpperCase() + (o.late && outcome !== 'overdue' ? ` (${t.column.late.toLowerCase()})` : ''));
  const quota = quotaWords(o, t);
  if (quota) parts.push(quota);
  if (o.escalations > 0) parts.push(`${t.column.escalations}: ${o.escalations}`);
  write.text(parts.join(' · '), { size: 10, indent: 10, font: o.late ? 'Helvetica-Bold' : 'Helvetica', color: o.late ? RED : BLACK });
  const details: string[] = [];
  if (o.completedAt) details.push(`${t.column.completedAt}: ${clock.dateTime(o.completedAt)}${o.completedBy ? `, ${o.completedBy}` : ''}`);
  if (o.comment) details.push(`${t.column.comment}: ${o.comment}`);
  if (o.skipReason) details.push(`${t.column.skipReason}: ${o.skipReason}`);
  if (o.evidenceUrl) details.push(`${t.column.evidence}: ${o.evidenceUrl}`);
  for (const line of details) write.text(line, { size: 9, indent: 20, color: BLACK });
}

function writeStatusReport(write: Writer, report: ReportStatusReport, t: Texts, clock: ReportClock): void {
  const [assessment, ...rest] = statusReportFacts(report, t, clock);
  write.fact(assessment, { size: 10, font: 'Helvetica-Bold', indent: 10 });
  for (const fact of rest) write.fact(fact, { size: 9, indent: 10, color: GREY });
  if (report.comment) write.paragraphs(report.comment, { size: 10, indent: 10 });
  if (report.links.length > 0) write.text(`${t.round.links}: ${report.links.join(', ')}`, { size: 9, indent: 10 });
}

/** The chart as an image (PNG from the same SVG the HTML shows), then its figures as text. */
function writeChart(pdf: PDFKit.PDFDocument, write: Writer, document: ReportDocument, t: Texts, clock: ReportClock): void {
  const chart = assessmentChart(document, t, clock);
  if (!chart) return;
  const width = pdf.page.width - 2 * PAGE_MARGIN;
  const height = (chart.height * width) / chart.width;
  pdf.moveDown(1);
  write.keepRoom(height + 40);
  write.text(t.chart.title, { font: 'Helvetica-Bold', size: 14 });
  const top = pdf.y + 4;
  pdf.image(chart.png(), PAGE_MARGIN, top, { width, height });
  pdf.y = top + height + 6;
  write.text(document.previous ? `${t.chart.spreadTable}; ${t.chart.movement.toLowerCase()} (${clock.period(document.previous.period)}):` : `${t.chart.spreadTable}:`, { size: 9, color: GREY });
  for (const row of spreadRows(document, t)) {
    const cells = row.cells.filter((c) => c.count > 0 || (c.change ?? 0) !== 0).map((c) => `${t.assessment[c.key]} ${spreadCellText(c)}`);
    write.text(`${row.area}: ${cells.join(', ')}`, { size: 9, indent: 10 });
  }
}

function footers(pdf: PDFKit.PDFDocument, document: ReportDocument, periodText: string): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing inside the bottom margin would make pdfkit add a page; lift the margin meanwhile.
    const bottom = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const label = `${document.plan.title} · ${periodText} · ${i + 1}/${range.count}`;
    pdf.font('Helvetica').fontSize(8).fillColor(GREY).text(toWinAnsi(label), PAGE_MARGIN, pdf.page.height - 35, { width: pdf.page.width - 2 * PAGE_MARGIN, align: 'center', lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}

interface TextStyle {
  font?: 'Helvetica' | 'Helvetica-Bold';
  size?: number;
  color?: string;
  indent?: number;
}

/** Flowing text at the left margin; every string goes through toWinAnsi on its way in. */
class Writer {
  constructor(private readonly pdf: PDFKit.PDFDocument) {}

  text(value: string, style: TextStyle = {}): void {
    const indent = style.indent ?? 0;
    const width = this.pdf.page.width - 2 * PAGE_MARGIN - indent;
    this.pdf
      .font(style.font ?? 'Helvetica')
      .fontSize(style.size ?? 10)
      .fillColor(style.color ?? BLACK)
      .text(toWinAnsi(value), PAGE_MARGIN + indent, this.pdf.y, { width });
  }

  /** "Label: value" on one line. */
  fact(fact: Fact, style: TextStyle = {}): void {
    this.text(`${fact.label}: ${fact.value}`, style);
  }

  /** A user's text, paragraph by paragraph. */
  paragraphs(text: string, style: TextStyle = {}): void {
    for (const paragraph of textParagraphs(text)) {
      this.text(paragraph, style);
      this.gap(0.3);
    }
  }

  gap(lines: number): void {
    this.pdf.moveDown(lines);
  }

  rule(): void {
    const y = this.pdf.y + 2;
    this.pdf.moveTo(PAGE_MARGIN, y).lineTo(this.pdf.page.width - PAGE_MARGIN, y).lineWidth(0.7).strokeColor(GREY).stroke();
    this.pdf.y = y + 4;
  }

  /** Starts a new page unless `points` are left, so a heading is not stranded at a page foot. */
  keepRoom(points: number): void {
    if (this.pdf.y + points > this.pdf.page.height - this.pdf.page.margins.bottom) this.pdf.addPage();
  }
}

function collect(pdf: PDFKit.PDFDocument): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}
