import type { Assessment } from './assessment';
import type { RoundStatus, StatusReportState } from './round';

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

/** The owners' status report on an action in the round (absent in reports frozen before rounds). */
export interface ReportStatusReport {
  state: StatusReportState;
  assessment: Assessment | null;
  comment: string | null;
  links: string[];
  /** The responsible unit's name ('' if none). */
  unit: string;
  submittedBy: string | null;
  /** A substitute answered for this owner. */
  submittedOnBehalfOf: string | null;
  submittedAt: string | null;
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
  statusReport?: ReportStatusReport;
}

export interface ReportArea {
  /** '' for actions without an area. */
  title: string;
  /** The coordinator's summary of the area in the round. */
  summary?: string | null;
  actions: ReportAction[];
}

/** The round behind the report: the coordinator's overall summary and the approval. */
export interface ReportRound {
  status: RoundStatus;
  deadline: string;
  summary: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
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
  /** Reports frozen since reporting rounds (issue 13); older reports have none. */
  round?: ReportRound;
}

export type ReportLocale = 'sv' | 'en';

export interface RenderOptions {
  /** Swedish unless asked otherwise: the board reads Swedish. */
  locale?: ReportLocale;
}
