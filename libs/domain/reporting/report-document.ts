/**
 * The shape of a frozen board report, as ReportRepository.build writes it into
 * report_snapshot.document. Renderers only read it; they never query anything, so the same
 * frozen document always renders the same report.
 */
export type OccurrenceOutcome = 'completed-on-time' | 'completed-late' | 'open' | 'skipped' | 'cancelled';

export interface ReportOccurrence {
  periodKey: string;
  /** ISO instants (UTC); rendered in the plan's timezone. */
  due: string;
  originalDue: string;
  status: string;
  outcome: OccurrenceOutcome;
  late: boolean;
  completedAt: string | null;
  completedBy: string | null;
  comment: string | null;
  evidenceUrl: string | null;
  skipReason: string | null;
  escalations: number;
}

export interface ReportStatusLine {
  text: string;
  by: string | null;
  at: string;
}

export interface ReportAction {
  actionId: string;
  title: string;
  when: string | null;
  /** 'recurring' | 'once' | 'continuous' (from the parsed schedule). */
  kind: string;
  status: string;
  occurrences: ReportOccurrence[];
  statusLines: ReportStatusLine[];
}

export interface ReportArea {
  /** '' for actions without an area. */
  title: string;
  actions: ReportAction[];
}

export interface ReportTotals {
  due: number;
  completedOnTime: number;
  completedLate: number;
  open: number;
  late: number;
  skipped: number;
  escalations: number;
}

export interface ReportDocument {
  plan: { id: string; title: string; timezone: string };
  period: { key: string; startsAt: string; endsAt: string };
  /** When it was frozen; for a draft, the moment it was drawn up. */
  frozenAt: string;
  /** A draft of a period still running (the coordinator's preview): not the board's report yet. */
  draft?: boolean;
  totals: ReportTotals;
  areas: ReportArea[];
}

export type ReportLocale = 'sv' | 'en';

export interface RenderOptions {
  /** Swedish unless asked otherwise: the board reads Swedish. */
  locale?: ReportLocale;
}
