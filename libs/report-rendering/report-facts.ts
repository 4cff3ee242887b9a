import type { ReportDocument, ReportStatusReport } from './report-document';
import { boardDecisionWords, ReportClock, Texts } from './texts';

/**
 * The facts every format states in the same words, as plain text: each renderer escapes or lays
 * them out its own way, so HTML, PDF, XLSX and DOCX cannot drift apart on what they say.
 */
export interface Fact {
  label: string;
  value: string;
}

/** The round's deadline, who approved it and when (or that it froze without approval), the board's handling. */
export function roundFacts(document: ReportDocument, t: Texts, clock: ReportClock): Fact[] {
  const facts: Fact[] = [];
  const round = document.round;
  if (round) {
    facts.push({ label: t.round.deadline, value: clock.due(round.deadline) });
    if (round.status === 'approved' && round.approvedAt) facts.push({ label: t.round.approvedBy, value: [round.approvedBy, clock.dateTime(round.approvedAt)].filter(Boolean).join(', ') });
    if (round.status === 'frozen') facts.push({ label: t.column.status, value: t.round.frozenUnapproved });
  }
  if (document.boardDecision) facts.push({ label: t.round.boardDecision, value: boardDecisionWords(document.boardDecision) });
  return facts;
}

/** The assessment in words, with the report's state when it is not simply submitted. */
export function assessmentWords(report: ReportStatusReport, t: Texts): string {
  const words = t.assessment[report.assessment ?? 'none'];
  return report.state === 'submitted' ? words : `${words} (${t.reportState[report.state]})`;
}

/** "Björn Ärlig för Åsa Öberg, 25 juni 2024", or '' when nobody reported. */
export function reportedByWords(report: ReportStatusReport, t: Texts, clock: ReportClock): string {
  if (!report.submittedBy) return '';
  const who = report.submittedOnBehalfOf ? `${report.submittedBy} ${t.round.onBehalfOf} ${report.submittedOnBehalfOf}` : report.submittedBy;
  return report.submittedAt ? `${who}, ${clock.date(report.submittedAt)}` : who;
}

/** Assessment, responsible unit and who reported, leaving out what is empty. */
export function statusReportFacts(report: ReportStatusReport, t: Texts, clock: ReportClock): Fact[] {
  const by = reportedByWords(report, t, clock);
  return [
    { label: t.round.assessment, value: assessmentWords(report, t) },
    ...(report.unit ? [{ label: t.round.unit, value: report.unit }] : []),
    ...(by ? [{ label: t.round.reportedBy, value: by }] : []),
  ];
}

/** A user's text split at blank lines, each paragraph trimmed; single line breaks stay inside. */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
}
