import type { ReportAction, ReportDocument, ReportOccurrence, ReportPreviousSpread, ReportStatusReport } from '../../domain/reporting/report-document';
import { assessmentSpread, isAssessed } from '../../domain/reporting/assessment-spread';
import { ReportingRoundRepository, type StatusReportRecord } from './reporting-round.repository';
import { isLate, outcomeOf } from '../../domain/reporting/occurrence-outcome';
import { EntityManager } from 'typeorm';

export interface ReportPeriodInput {
  planId: string;
  key: string;
  startsAt: string;
  endsAt: string;
  frozenAt: string;
}

/**
 * The board report of one plan and period, frozen as a JSON document: per area and action, the
 * occurrences due in the period with their outcome, the late ones, escalations, owners' comments
 * and the status lines of continuous actions. Once frozen it never changes (a trigger refuses
 * updates, and a second freeze of the same period is a no-op).
 * Raw SQL: the report's build aggregates occurrences, escalations and status lines per area and action in one set-based read; the frozen document is inserted ON CONFLICT (plan, period) DO NOTHING.
 */
export class ReportRepository {
  constructor(private readonly db: EntityManager) {}

  async freeze(period: ReportPeriodInput): Promise<boolean> {
    const document = await this.build(period);
    const rows = await this.db.query(
      `INSERT INTO report_snapshot (plan_id, period_key, period_start, period_end, document, frozen_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (plan_id, period_key) DO NOTHING RETURNING id`,
      [period.planId, period.key, period.startsAt, period.endsAt, document, period.frozenAt],
    );
    return rows.length > 0;
  }

  /** The plan's frozen reports, newest first: their periods and when each was frozen (ISO instants). */
  async frozenPeriods(planId: string): Promise<Array<{ key: string; startsAt: string; endsAt: string; frozenAt: string }>> {
    const rows: Array<{ key: string; starts_at: Date; ends_at: Date; frozen_at: Date }> = await this.db.query(
      `SELECT period_key AS key, period_start AS starts_at, period_end AS ends_at, frozen_at FROM report_snapshot WHERE plan_id = $1 ORDER BY period_start DESC`,
      [planId],
    );
    const iso = (d: Date) => new Date(d).toISOString();
    return rows.map((r) => ({ key: r.key, startsAt: iso(r.starts_at), endsAt: iso(r.ends_at), frozenAt: iso(r.frozen_at) }));
  }

  /** The frozen document of a plan's period, if it has been frozen. */
  async frozen(planId: string, periodKey: string): Promise<ReportDocument | undefined> {
    const [row]: Array<{ document: ReportDocument }> = await this.db.query('SELECT document FROM report_snapshot WHERE plan_id = $1 AND period_key = $2', [planId, periodKey]);
    return row?.document;
  }

  /**
   * The spread of assessments in the plan's last frozen report before `startsAt`, for the chart
   * of how areas moved; none when that report had no round (nothing to compare with).
   */
  async previousSpread(planId: string, startsAt: string): Promise<ReportPreviousSpread | undefined> {
    const [row]: Array<{ document: ReportDocument }> = await this.db.query(
      'SELECT document FROM report_snapshot WHERE plan_id = $1 AND period_end <= $2 ORDER BY period_end DESC LIMIT 1',
      [planId, startsAt],
    );
    if (!row || !isAssessed(row.document.areas)) return undefined;
    const { key, startsAt: previousStart, endsAt } = row.document.period;
    return { period: { key, startsAt: previousStart, endsAt }, spread: assessmentSpread(row.document.areas) };
  }

  async build(period: ReportPeriodInput): Promise<ReportDocument> {
    const [plan] = await this.db.query('SELECT id, title, timezone FROM plan WHERE id = $1', [period.planId]);
    const actions: ActionRow[] = await this.db.query(
      `SELECT a.id, a.title, a.when_text, a.status, a.schedule->>'kind' AS kind, a.owner_person_ids, a.owner_unit_ids,
              COALESCE(ar.title, '') AS area, COALESCE(ar.position, 0) AS area_position, a.position,
              m.title AS meeting, to_char(m.held_on, 'YYYY-MM-DD') AS meeting_date, a.source_place
         FROM action a LEFT JOIN area ar ON ar.id = a.area_id LEFT JOIN meeting m ON m.id = a.source_meeting_id
        WHERE a.plan_id = $1 ORDER BY area_position, area, a.position, a.created_at`,
      [period.planId],
    );
    const occurrences: OccurrenceRow[] = await this.db.query(
      `SELECT o.id, o.action_id, o.period_key, o.due_at, o.original_due_at, o.status, o.completed_at, o.completed_on_time,
              o.completion_note, o.evidence_url, o.skip_reason, o.escalation_level,
              p.name AS completed_by_name,
              (SELECT count(*)::int FROM escalation e WHERE e.occurrence_id = o.id) AS escalations,
              o.quota_target, CASE WHEN o.quota_target IS NULL THEN NULL ELSE (SELECT count(*)::int FROM quota_entry q WHERE q.occurrence_id = o.id) END AS quota_count
         FROM occurrence o LEFT JOIN person p ON p.id = o.completed_by
        WHERE o.plan_id = $1 AND o.kind = 'task' AND o.due_at >= $2 AND o.due_at < $3 ORDER BY o.due_at`,
      [period.planId, period.startsAt, period.endsAt],
    );
    const statusLines: StatusLineRow[] = await this.db.query(
      `SELECT s.action_id, s.text, s.created_at, p.name AS person_name
         FROM action_status_update s LEFT JOIN person p ON p.id = s.person_id
        WHERE s.period_key = $1 AND s.action_id IN (SELECT id FROM action WHERE plan_id = $2) ORDER BY s.created_at`,
      [period.key, period.planId],
    );
    const rounds = new ReportingRoundRepository(this.db);
    const round = await rounds.ofPeriod(period.planId, period.key);
    const reports = new Map<string, StatusReportRecord>(round ? (await rounds.statusReports(round.id)).map((r) => [r.actionId, r]) : []);
    const summaries = round ? await rounds.areaSummaries(round.id) : new Map<string, string>();
    // A draft of a running period is judged as it stands when drawn up; a frozen one at its end.
    const moment = { periodEnd: period.endsAt, drawnUpAt: period.frozenAt };
    const areas = new Map<string, ReportAction[]>();
    for (const action of actions) {
      const own = occurrences.filter((o) => o.action_id === action.id).map((o) => describeOccurrence(o, moment));
      const entry: ReportAction = {
        actionId: action.id,
        title: action.title,
        when: action.when_text,
        kind: action.kind,
        status: action.status,
        occurrences: own,
        statusLines: statusLines.filter((s) => s.action_id === action.id).map((s) => ({ text: s.text, by: s.person_name, at: iso(s.created_at) })),
        ...(reports.has(action.id) ? { statusReport: reportOf(reports.get(action.id)!) } : {}),
        ...(action.meeting ? { source: { meeting: action.meeting, meetingDate: action.meeting_date, ref: action.source_place?.ref ?? null, title: action.source_place?.title ?? null } } : {}),
      };
      areas.set(action.area, [...(areas.get(action.area) ?? []), entry]);
    }
    const described = occurrences.map((o) => describeOccurrence(o, moment));
    const previous = round ? await this.previousSpread(period.planId, period.startsAt) : undefined;
    return {
      plan: { id: plan?.id, title: plan?.title, timezone: plan?.timezone },
      period: { key: period.key, startsAt: period.startsAt, endsAt: period.endsAt },
      frozenAt: period.frozenAt,
      totals: {
        due: described.length,
        completedOnTime: described.filter((o) => o.outcome === 'completed-on-time').length,
        completedLate: described.filter((o) => o.outcome === 'completed-late').length,
        open: described.filter((o) => o.outcome === 'open').length,
        late: described.filter((o) => o.late).length,
        skipped: described.filter((o) => o.outcome === 'skipped').length,
        escalations: occurrences.reduce((n, o) => n + o.escalations, 0),
      },
      areas: [...areas].map(([title, list]) => ({ title, ...(round ? { summary: summaries.get(title) ?? null } : {}), actions: list })),
      ...(round
        ? { round: { status: round.status, deadline: round.deadline, summary: round.summary, approvedBy: round.approved?.byName ?? null, approvedAt: round.approved?.at ?? null } }
        : {}),
      ...(previous ? { previous } : {}),
    };
  }
}

interface ActionRow {
  id: string;
  title: string;
  when_text: string | null;
  status: string;
  kind: string;
  area: string;
  meeting: string | null;
  meeting_date: string | null;
  source_place: { ref: string | null; title: string | null } | null;
}
interface OccurrenceRow {
  id: string;
  action_id: string;
  period_key: string;
  due_at: Date;
  original_due_at: Date;
  status: string;
  completed_at: Date | null;
  completed_on_time: boolean | null;
  completion_note: string | null;
  evidence_url: string | null;
  skip_reason: string | null;
  escalation_level: number;
  completed_by_name: string | null;
  escalations: number;
  quota_target: number | null;
  quota_count: number | null;
}
interface StatusLineRow {
  action_id: string;
  text: string;
  created_at: Date;
  person_name: string | null;
}

function describeOccurrence(o: OccurrenceRow, moment: { periodEnd: string; drawnUpAt: string }): ReportOccurrence {
  const facts = { status: o.status, completedOnTime: o.completed_on_time, due: iso(o.due_at) };
  const outcome = outcomeOf(facts);
  const late = isLate(facts, moment);
  return {
    periodKey: o.period_key,
    due: iso(o.due_at),
    originalDue: iso(o.original_due_at),
    status: o.status,
    outcome,
    late,
    completedAt: o.completed_at ? iso(o.completed_at) : null,
    completedBy: o.completed_by_name,
    comment: o.completion_note,
    evidenceUrl: o.evidence_url,
    skipReason: o.skip_reason,
    escalations: o.escalations,
    ...(o.quota_target !== null ? { quota: { count: o.quota_count ?? 0, target: o.quota_target } } : {}),
  };
}

function reportOf(r: StatusReportRecord): ReportStatusReport {
  return {
    state: r.state,
    assessment: r.assessment,
    comment: r.comment,
    links: r.links,
    unit: r.unit,
    submittedBy: r.submittedBy,
    submittedOnBehalfOf: r.submittedOnBehalfOf,
    submittedAt: r.submittedAt,
  };
}

function iso(d: Date | string): string {
  return new Date(d).toISOString();
}
