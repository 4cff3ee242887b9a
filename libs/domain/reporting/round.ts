import { DateTime } from 'luxon';
import { duration } from '../escalation/notice-plan';
import { DomainError } from '../errors';
import type { OccurrenceStatus } from '../occurrence/status';

/**
 * The reporting round of a plan and period (issue 13): it opens some time before the period ends,
 * every action's owners owe a status report by the round's deadline, and the coordinator approves
 * it after the period has ended — or, at the grace time after the end, it freezes by itself with
 * what is missing marked as not reported. Pure: times come in, decisions go out.
 */
export const ROUND_STATUSES = ['open', 'approved', 'frozen'] as const;
/** open: reports are coming in; approved: frozen by the coordinator's approval; frozen: froze by itself at the grace time. */
export type RoundStatus = (typeof ROUND_STATUSES)[number];

export function isRoundStatus(value: unknown): value is RoundStatus {
  return typeof value === 'string' && (ROUND_STATUSES as readonly string[]).includes(value);
}

/** When a round opens, when its reports are due, when it freezes unapproved; ISO durations. */
export interface RoundSettings {
  /** Before the period's end. */
  opensBefore: string;
  /** Before the period's end ('P0D': at the end). */
  deadlineBefore: string;
  /** After the period's end: an unapproved round freezes by itself. */
  freezeAfter: string;
  /** A report sent back after the deadline is due again this long after it was sent back. */
  returnFor: string;
}

export const DEFAULT_ROUND_SETTINGS: RoundSettings = { opensBefore: 'P30D', deadlineBefore: 'P0D', freezeAfter: 'P30D', returnFor: 'P7D' };

export interface RoundTimes {
  opensAt: string;
  deadline: string;
  freezesAt: string;
}

export function roundTimes(period: { endsAt: string }, settings: RoundSettings): RoundTimes {
  const end = DateTime.fromISO(period.endsAt, { zone: 'utc' });
  const iso = (d: DateTime) => d.toUTC().toISO() as string;
  return {
    opensAt: iso(end.minus(duration(settings.opensBefore))),
    deadline: iso(end.minus(duration(settings.deadlineBefore))),
    freezesAt: iso(end.plus(duration(settings.freezeAfter))),
  };
}

/** Each action's status report in a round, as the coordinator follows it. */
export const STATUS_REPORT_STATES = ['missing', 'returned', 'submitted', 'not-reported'] as const;
export type StatusReportState = (typeof STATUS_REPORT_STATES)[number];

/**
 * A status report is an occurrence of its action (kind 'status-report'), so it is reminded,
 * escalated and shown like any task; its state in the round follows from the occurrence's status.
 */
export function statusReportState(status: OccurrenceStatus, returned: boolean): StatusReportState {
  if (status === 'completed') return 'submitted';
  if (status === 'cancelled' || status === 'skipped') return 'not-reported';
  return returned ? 'returned' : 'missing';
}

/** Approval freezes the report, so it waits for the period to end: the board reads a whole period. */
export function requireApprovable(round: { status: RoundStatus; periodEndsAt: string }, at: string): void {
  if (round.status !== 'open') throw new DomainError('INVALID_TRANSITION', `The round is already ${round.status} and its report frozen`);
  if (at < round.periodEndsAt) throw new DomainError('INVALID_TRANSITION', 'The round can be approved once its period has ended', [{ path: 'period', message: 'still running' }]);
}

/** Summaries and returns change an open round only; a frozen report never changes. */
export function requireOpen(round: { status: RoundStatus }): void {
  if (round.status !== 'open') throw new DomainError('INVALID_TRANSITION', `The round is ${round.status}: its report is frozen and no longer changes`);
}

/** A report sent back is due at the round's deadline, or, when that has passed, `returnFor` from now. */
export function returnedDue(deadline: string, at: string, settings: Pick<RoundSettings, 'returnFor'>): string {
  if (deadline > at) return deadline;
  return DateTime.fromISO(at, { zone: 'utc' }).plus(duration(settings.returnFor)).toUTC().toISO() as string;
}

export interface ProgressCount {
  total: number;
  submitted: number;
  missing: number;
  returned: number;
  notReported: number;
}

export interface RoundProgress {
  overall: ProgressCount;
  byArea: Array<{ area: string } & ProgressCount>;
  byUnit: Array<{ unit: string } & ProgressCount>;
}

/** Reported and missing per area and per responsible unit, in the order they first appear. */
export function roundProgress(reports: ReadonlyArray<{ area: string; unit: string; state: StatusReportState }>): RoundProgress {
  const byArea = new Map<string, ProgressCount>();
  const byUnit = new Map<string, ProgressCount>();
  const overall = emptyCount();
  for (const report of reports) {
    for (const count of [overall, entry(byArea, report.area), entry(byUnit, report.unit)]) add(count, report.state);
  }
  return {
    overall,
    byArea: [...byArea].map(([area, count]) => ({ area, ...count })),
    byUnit: [...byUnit].map(([unit, count]) => ({ unit, ...count })),
  };
}

function emptyCount(): ProgressCount {
  return { total: 0, submitted: 0, missing: 0, returned: 0, notReported: 0 };
}

function entry(map: Map<string, ProgressCount>, key: string): ProgressCount {
  let count = map.get(key);
  if (!count) map.set(key, (count = emptyCount()));
  return count;
}

const COUNTED: Record<StatusReportState, Exclude<keyof ProgressCount, 'total'>> = { submitted: 'submitted', missing: 'missing', returned: 'returned', 'not-reported': 'notReported' };

function add(count: ProgressCount, state: StatusReportState): void {
  count.total++;
  count[COUNTED[state]]++;
}

/** The period key of an action's status report occurrence in a round (unique per action with the task keys). */
export const statusReportPeriodKey = (roundPeriodKey: string) => `report:${roundPeriodKey}`;
