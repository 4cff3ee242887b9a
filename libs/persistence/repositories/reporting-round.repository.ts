import { EntityManager } from 'typeorm';
import { isAssessment, type Assessment } from '../../domain/reporting/assessment';
import { isRoundStatus, statusReportPeriodKey, statusReportState, type RoundStatus, type StatusReportState } from '../../domain/reporting/round';
import { isOccurrenceStatus } from '../../domain/occurrence/status';
import type { OccurrenceState } from '../../domain/occurrence/state';
import { OccurrenceStateRepository } from './occurrence-state.repository';

/** A plan's reporting round for one period, as recorded (ISO instants). */
export interface RoundRecord {
  id: string;
  planId: string;
  periodKey: string;
  periodStartsAt: string;
  periodEndsAt: string;
  openedAt: string;
  deadline: string;
  freezesAt: string;
  returnFor: string;
  status: RoundStatus;
  summary: string | null;
  approved: { by: string | null; byName: string | null; at: string } | null;
  frozenAt: string | null;
  boardDecision: BoardDecision | null;
}

/** The board's handling of the report: "KS 2026-09-15 § 123". */
export interface BoardDecision {
  body: string;
  /** ISO date. */
  date: string;
  paragraph: string;
  recordedBy: string | null;
  recordedAt: string;
}

/** One action's status report in a round, with what the coordinator needs to follow it. */
export interface StatusReportRecord {
  occurrenceId: string;
  actionId: string;
  actionTitle: string;
  actionKind: string;
  area: string;
  /** The responsible unit: the action's first owner unit, else the first owner's unit ('' if none). */
  unit: string;
  owners: string[];
  occurrenceStatus: string;
  state: StatusReportState;
  due: string;
  assessment: Assessment | null;
  comment: string | null;
  links: string[];
  submittedBy: string | null;
  submittedOnBehalfOf: string | null;
  submittedAt: string | null;
  returned: { note: string; by: string | null; at: string } | null;
}

/** An action's latest submitted assessment and the round's period it was given in. */
export interface LatestAssessment {
  assessment: Assessment;
  periodKey: string;
  periodStartsAt: string;
  periodEndsAt: string;
}

export interface OpenRoundRequest {
  planId: string;
  period: { key: string; startsAt: string; endsAt: string };
  deadline: string;
  freezesAt: string;
  returnFor: string;
  openedAt: string;
  /** The workflow that follows the round's status reports: the API tells it of their changes. */
  workflowId: string;
}

const ROUND_COLUMNS = `r.id, r.plan_id, r.period_key, r.period_start, r.period_end, r.opened_at, r.deadline, r.freezes_at, r.return_for, r.status,
  r.summary, r.approved_by, ap.name AS approved_by_name, r.approved_at, r.frozen_at,
  r.board_body, to_char(r.board_date, 'YYYY-MM-DD') AS board_date, r.board_paragraph, bp.name AS board_recorded_by_name, r.board_recorded_at`;
const ROUND_FROM = `reporting_round r LEFT JOIN person ap ON ap.id = r.approved_by LEFT JOIN person bp ON bp.id = r.board_recorded_by`;

interface RoundRow {
  id: string;
  plan_id: string;
  period_key: string;
  period_start: Date;
  period_end: Date;
  opened_at: Date;
  deadline: Date;
  freezes_at: Date;
  return_for: string;
  status: string;
  summary: string | null;
  approved_by: string | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  frozen_at: Date | null;
  board_body: string | null;
  board_date: string | null;
  board_paragraph: string | null;
  board_recorded_by_name: string | null;
  board_recorded_at: Date | null;
}

/**
 * Reporting rounds, their status reports (occurrences of kind 'status-report' with a
 * status_report row) and the coordinator's summaries. A round is unique per plan and period, and
 * each action's status report unique per action and `report:<period>`, so opening a round again
 * (a retried activity) finds what the first attempt recorded.
 * Raw SQL: opening a round inserts every action's status report in one INSERT … SELECT … ON CONFLICT, and its reads aggregate per area; the round is locked FOR UPDATE.
 */
export class ReportingRoundRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Records the round and a status report for every action of the plan that is followed (not a
   * draft, not withdrawn), owners copied from the action, due at the round's deadline. Returns the
   * round and its status reports that are still unresolved, with the action each belongs to.
   */
  async open(request: OpenRoundRequest): Promise<{ round: RoundRecord; unresolved: Array<OccurrenceState & { actionId: string }> }> {
    await this.db.query(
      `INSERT INTO reporting_round (plan_id, period_key, period_start, period_end, opened_at, deadline, freezes_at, return_for)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ON CONFLICT (plan_id, period_key) DO NOTHING`,
      [request.planId, request.period.key, request.period.startsAt, request.period.endsAt, request.openedAt, request.deadline, request.freezesAt, request.returnFor],
    );
    const round = (await this.ofPeriod(request.planId, request.period.key))!;
    if (round.status === 'open') {
      const inserted: Array<{ id: string }> = await this.db.query(
        `INSERT INTO occurrence (action_id, plan_id, period_key, period_start, period_end, due_at, original_due_at, status,
                                 owner_person_ids, owner_unit_ids, opened_at, armed_at, last_sequence, workflow_id, kind, round_id)
         SELECT a.id, a.plan_id, $2, ($3::timestamptz AT TIME ZONE p.timezone)::date, (($4::timestamptz AT TIME ZONE p.timezone) - interval '1 microsecond')::date,
                $5, $5, 'open', a.owner_person_ids, a.owner_unit_ids, $6, $6, 1, $7, 'status-report', $8
           FROM action a JOIN plan p ON p.id = a.plan_id
          WHERE a.plan_id = $1 AND a.status IN ('starting', 'active', 'paused')
         ON CONFLICT (action_id, period_key) DO NOTHING RETURNING id`,
        [request.planId, statusReportPeriodKey(request.period.key), request.period.startsAt, request.period.endsAt, round.deadline, request.openedAt, request.workflowId, round.id],
      );
      if (inserted.length) {
        await this.db.query(
          `INSERT INTO occurrence_event (occurrence_id, sequence, kind, status, at, data)
           SELECT id, 1, 'opened', 'open', $2, jsonb_build_object('dueInstant', $3::text, 'round', $4::text) FROM unnest($1::uuid[]) AS id`,
          [inserted.map((r) => r.id), request.openedAt, round.deadline, request.period.key],
        );
        await this.db.query(`INSERT INTO status_report (occurrence_id) SELECT unnest($1::uuid[]) ON CONFLICT DO NOTHING`, [inserted.map((r) => r.id)]);
      }
    }
    return { round, unresolved: await new OccurrenceStateRepository(this.db).unresolvedOfRound(round.id) };
  }

  async ofPeriod(planId: string, periodKey: string): Promise<RoundRecord | undefined> {
    const [row]: RoundRow[] = await this.db.query(`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.plan_id = $1 AND r.period_key = $2`, [planId, periodKey]);
    return row && toRound(row);
  }

  /** The round, locked against a concurrent approval, freeze or summary. */
  async lock(planId: string, periodKey: string): Promise<RoundRecord | undefined> {
    const [row]: RoundRow[] = await this.db.query(`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.plan_id = $1 AND r.period_key = $2 FOR UPDATE OF r`, [planId, periodKey]);
    return row && toRound(row);
  }

  /** The plan's rounds, newest period first. */
  async ofPlan(planId: string): Promise<RoundRecord[]> {
    const rows: RoundRow[] = await this.db.query(`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} WHERE r.plan_id = $1 ORDER BY r.period_start DESC`, [planId]);
    return rows.map(toRound);
  }

  /** The round's status reports in the plan's order (area, then action). */
  async statusReports(roundId: string): Promise<StatusReportRecord[]> {
    const rows: StatusReportRow[] = await this.db.query(
      `SELECT o.id AS occurrence_id, o.action_id, a.title AS action_title, a.schedule->>'kind' AS action_kind, COALESCE(ar.title, '') AS area,
              COALESCE((SELECT u.name FROM unit u WHERE u.id = o.owner_unit_ids[1]),
                       (SELECT u.name FROM person op JOIN unit u ON u.id = op.unit_id WHERE op.id = o.owner_person_ids[1]), '') AS unit,
              ARRAY(SELECT pn.name FROM person pn WHERE pn.id = ANY(o.owner_person_ids) ORDER BY pn.name) ||
              ARRAY(SELECT un.name FROM unit un WHERE un.id = ANY(o.owner_unit_ids) ORDER BY un.name) AS owners,
              o.status, o.due_at, s.assessment, s.comment, s.links, sb.name AS submitted_by, sob.name AS submitted_on_behalf_of, s.submitted_at,
              s.returned_note, rb.name AS returned_by, s.returned_at
         FROM occurrence o JOIN action a ON a.id = o.action_id LEFT JOIN area ar ON ar.id = a.area_id
         LEFT JOIN status_report s ON s.occurrence_id = o.id
         LEFT JOIN person sb ON sb.id = s.submitted_by LEFT JOIN person sob ON sob.id = s.submitted_on_behalf_of LEFT JOIN person rb ON rb.id = s.returned_by
        WHERE o.round_id = $1
        ORDER BY COALESCE(ar.position, 0), area, a.position, a.created_at`,
      [roundId],
    );
    return rows.map(toStatusReport);
  }

  async statusReport(occurrenceId: string): Promise<(StatusReportRecord & { roundId: string }) | undefined> {
    const [row]: Array<{ round_id: string }> = await this.db.query('SELECT round_id FROM occurrence WHERE id = $1 AND round_id IS NOT NULL', [occurrenceId]);
    if (!row) return undefined;
    const report = (await this.statusReports(row.round_id)).find((r) => r.occurrenceId === occurrenceId);
    return report && { ...report, roundId: row.round_id };
  }

  /** The round a status report belongs to. */
  async ofStatusReport(occurrenceId: string): Promise<RoundRecord | undefined> {
    const [row]: RoundRow[] = await this.db.query(`SELECT ${ROUND_COLUMNS} FROM ${ROUND_FROM} JOIN occurrence o ON o.round_id = r.id WHERE o.id = $1`, [occurrenceId]);
    return row && toRound(row);
  }

  /**
   * Each action's assessment in the latest round where its status report stands submitted, by
   * action id. A report sent back is being rewritten: until it is submitted again, the action's
   * assessment is the one of an earlier round, if any.
   */
  async latestAssessments(planId: string): Promise<Map<string, LatestAssessment>> {
    const rows: Array<{ action_id: string; assessment: string; period_key: string; period_start: Date; period_end: Date }> = await this.db.query(
      `SELECT DISTINCT ON (o.action_id) o.action_id, s.assessment, r.period_key, r.period_start, r.period_end
         FROM reporting_round r JOIN occurrence o ON o.round_id = r.id JOIN status_report s ON s.occurrence_id = o.id
        WHERE r.plan_id = $1 AND o.status = 'completed' AND s.assessment IS NOT NULL
        ORDER BY o.action_id, r.period_start DESC`,
      [planId],
    );
    const latest = new Map<string, LatestAssessment>();
    for (const row of rows) {
      if (isAssessment(row.assessment)) latest.set(row.action_id, { assessment: row.assessment, periodKey: row.period_key, periodStartsAt: iso(row.period_start), periodEndsAt: iso(row.period_end) });
    }
    return latest;
  }

  /** What the owner wrote, with the completion of its occurrence in the same transaction. */
  async recordSubmission(occurrenceId: string, submission: { assessment: Assessment; comment: string; links: string[]; byPersonId: string; onBehalfOfPersonId?: string; at: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO status_report (occurrence_id, assessment, comment, links, submitted_by, submitted_on_behalf_of, submitted_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (occurrence_id) DO UPDATE SET assessment = EXCLUDED.assessment, comment = EXCLUDED.comment, links = EXCLUDED.links,
         submitted_by = EXCLUDED.submitted_by, submitted_on_behalf_of = EXCLUDED.submitted_on_behalf_of, submitted_at = EXCLUDED.submitted_at`,
      [occurrenceId, submission.assessment, submission.comment, submission.links, submission.byPersonId, submission.onBehalfOfPersonId ?? null, submission.at],
    );
  }

  /** The coordinator sent it back: the note stays with the report until it is submitted again (and after). */
  async recordReturn(occurrenceId: string, ret: { note: string; byPersonId: string; at: string }): Promise<void> {
    await this.db.query(`UPDATE status_report SET returned_note = $2, returned_by = $3, returned_at = $4 WHERE occurrence_id = $1`, [occurrenceId, ret.note, ret.byPersonId, ret.at]);
  }

  /** The coordinator's summaries: the overall one when given, and each area's given (empty text removes it). */
  async saveSummaries(roundId: string, summaries: { overall?: string; areas?: Array<{ area: string; text: string }> }, by: { personId: string; at: string }): Promise<void> {
    if (summaries.overall !== undefined) await this.db.query(`UPDATE reporting_round SET summary = NULLIF($2, '') WHERE id = $1`, [roundId, summaries.overall]);
    for (const { area, text } of summaries.areas ?? []) {
      if (text === '') await this.db.query('DELETE FROM round_area_summary WHERE round_id = $1 AND area = $2', [roundId, area]);
      else
        await this.db.query(
          `INSERT INTO round_area_summary (round_id, area, text, updated_by, updated_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (round_id, area) DO UPDATE SET text = EXCLUDED.text, updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at`,
          [roundId, area, text, by.personId, by.at],
        );
    }
  }

  async areaSummaries(roundId: string): Promise<Map<string, string>> {
    const rows: Array<{ area: string; text: string }> = await this.db.query('SELECT area, text FROM round_area_summary WHERE round_id = $1', [roundId]);
    return new Map(rows.map((r) => [r.area, r.text]));
  }

  /** Ends the round: approved by a person, or frozen by itself at its grace time. */
  async close(roundId: string, closing: { status: 'approved'; byPersonId: string; at: string } | { status: 'frozen'; at: string }): Promise<void> {
    await this.db.query(
      `UPDATE reporting_round SET status = $2, frozen_at = $3, approved_at = CASE WHEN $2 = 'approved' THEN $3::timestamptz END, approved_by = $4
        WHERE id = $1 AND status = 'open'`,
      [roundId, closing.status, closing.at, closing.status === 'approved' ? closing.byPersonId : null],
    );
  }

  async recordBoardDecision(roundId: string, decision: { body: string; date: string; paragraph: string; byPersonId: string; at: string }): Promise<void> {
    await this.db.query(
      `UPDATE reporting_round SET board_body = $2, board_date = $3, board_paragraph = $4, board_recorded_by = $5, board_recorded_at = $6 WHERE id = $1`,
      [roundId, decision.body, decision.date, decision.paragraph, decision.byPersonId, decision.at],
    );
  }
}

interface StatusReportRow {
  occurrence_id: string;
  action_id: string;
  action_title: string;
  action_kind: string | null;
  area: string;
  unit: string;
  owners: string[];
  status: string;
  due_at: Date;
  assessment: string | null;
  comment: string | null;
  links: string[] | null;
  submitted_by: string | null;
  submitted_on_behalf_of: string | null;
  submitted_at: Date | null;
  returned_note: string | null;
  returned_by: string | null;
  returned_at: Date | null;
}

const iso = (d: Date | string) => new Date(d).toISOString();

function toRound(row: RoundRow): RoundRecord {
  if (!isRoundStatus(row.status)) throw new Error(`round ${row.id} has an unknown status "${row.status}"`);
  return {
    id: row.id,
    planId: row.plan_id,
    periodKey: row.period_key,
    periodStartsAt: iso(row.period_start),
    periodEndsAt: iso(row.period_end),
    openedAt: iso(row.opened_at),
    deadline: iso(row.deadline),
    freezesAt: iso(row.freezes_at),
    returnFor: row.return_for,
    status: row.status,
    summary: row.summary,
    approved: row.approved_at ? { by: row.approved_by, byName: row.approved_by_name, at: iso(row.approved_at) } : null,
    frozenAt: row.frozen_at ? iso(row.frozen_at) : null,
    boardDecision:
      row.board_body && row.board_date && row.board_paragraph && row.board_recorded_at
        ? { body: row.board_body, date: row.board_date, paragraph: row.board_paragraph, recordedBy: row.board_recorded_by_name, recordedAt: iso(row.board_recorded_at) }
        : null,
  };
}

function toStatusReport(row: StatusReportRow): StatusReportRecord {
  if (!isOccurrenceStatus(row.status)) throw new Error(`status report ${row.occurrence_id} has an unknown status "${row.status}"`);
  const returned = row.returned_at && row.returned_note ? { note: row.returned_note, by: row.returned_by, at: iso(row.returned_at) } : null;
  return {
    occurrenceId: row.occurrence_id,
    actionId: row.action_id,
    actionTitle: row.action_title,
    actionKind: row.action_kind ?? 'once',
    area: row.area,
    unit: row.unit,
    owners: row.owners,
    occurrenceStatus: row.status,
    state: statusReportState(row.status, Boolean(returned)),
    due: iso(row.due_at),
    assessment: isAssessment(row.assessment) ? row.assessment : null,
    comment: row.comment,
    links: row.links ?? [],
    submittedBy: row.submitted_by,
    submittedOnBehalfOf: row.submitted_on_behalf_of,
    submittedAt: row.submitted_at ? iso(row.submitted_at) : null,
    returned,
  };
}
