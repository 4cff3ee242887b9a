import type { Assessment } from './assessment';
import type { AreaSpread } from './assessment-spread';
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
  /** A quota's period: how many times were logged of its target ("4 av 6"); absent for other occurrences. */
  quota?: { count: number; target: number };
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
  /** The meeting and paragraph an action out of minutes came from (absent for others, and in reports frozen before minutes). */
  source?: ReportActionSource;
}

export interface ReportActionSource {
  meeting: string;
  meetingDate: string | null;
  /** "§ 3", and the paragraph's title. */
  ref: string | null;
  title: string | null;
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

/** The previous frozen report's assessments per area, frozen with this one to show how areas moved. */
export interface ReportPreviousSpread {
  period: { key: string; startsAt: string; endsAt: string };
  spread: AreaSpread[];
}

/**
 * The board's handling of the report ("KS 2026-09-15 § 123"). Recorded after the meeting, so
 * never part of the frozen snapshot: it is added to the document when the report is read.
 */
export interface ReportBoardDecision {
  body: string;
  /** ISO date. */
  date: string;
  paragraph: string;
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
  /** From the second assessed period on: the previous report's spread of assessments. */
  previous?: ReportPreviousSpread;
  /** Added when read, once the board has handled the report (see ReportBoardDecision). */
  boardDecision?: ReportBoardDecision;
}

export type ReportLocale = 'sv' | 'en';

export interface RenderOptions {
  /** Swedish unless asked otherwise: the board reads Swedish. */
  locale?: ReportLocale;
}
