import { EntityManager } from 'typeorm';
import { ActionFacts, ActionRepository } from './action.repository';
import { decide } from '../../domain/occurrence/commands';
import type { Change, NoticeKind, OccurrenceState } from '../../domain/occurrence/state';
import { isOccurrenceStatus, OccurrenceStatus } from '../../domain/occurrence/status';

/**
 * The occurrences the follow-up engine holds (`workflow_id` set), read and written as the domain's
 * OccurrenceState (the first version's are written by occurrence.repository.ts). Every change goes through a row lock (`lock…`, then `save…`/`recordNotices`) so
 * that the API (people's changes) and the workflows (notices) are serialised per occurrence, and
 * every write is idempotent by a unique key (occurrence + sequence, notice key, dedupe key).
 */
export interface OpenRequest {
  actionId: string;
  planId: string;
  workflowId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueInstant: string;
  openedAt: string;
  /** A quota's period: its target and first instant (the due instant is its end). */
  quota?: { target: number; periodStartsAt: string };
}

/** One notice as it is recorded: the notice itself, and what it wrote. */
export interface NoticeRecord {
  state: OccurrenceState;
  kind: NoticeKind;
  step: number;
  generation: number;
  firedAt: string;
  recipientPersonIds: string[];
  escalation?: { step: number; targetPersonId: string | null; targetUnitId: string | null };
  notifications: Array<{ dedupeKey: string; recipientPersonId: string; kind: string; payload: Record<string, unknown> }>;
  /** The transition the notice made, at `state.version`. */
  transition?: Change['transition'];
}

const STATE_COLUMNS = `o.id, o.period_key, o.status, o.due_at, o.owner_person_ids, o.owner_unit_ids, o.escalation_level, o.generation,
  COALESCE(o.armed_at, o.opened_at) AS armed_at, o.last_sequence, o.workflow_id, o.action_id, o.plan_id, o.quota_target, o.quota_starts_at,
  CASE WHEN o.quota_target IS NULL THEN 0 ELSE (SELECT count(*)::int FROM quota_entry q WHERE q.occurrence_id = o.id) END AS quota_count,
  ARRAY(SELECT n.kind || ':' || n.step FROM occurrence_notice n WHERE n.occurrence_id = o.id AND n.generation = o.generation ORDER BY 1) AS fired`;

interface StateRow {
  id: string;
  period_key: string;
  status: string;
  due_at: Date;
  owner_person_ids: string[];
  owner_unit_ids: string[];
  escalation_level: number;
  generation: number;
  armed_at: Date;
  last_sequence: number;
  workflow_id: string | null;
  action_id: string;
  plan_id: string;
  quota_target: number | null;
  quota_starts_at: Date | null;
  quota_count: number;
  fired: string[];
}

/** Raw SQL: one statement records a notice with its escalation, outbox rows and transition (CTEs, ON CONFLICT), under row locks of the occurrence and its action. */
export class OccurrenceStateRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * Records an occurrence as opened (owners copied from the action), or finds the one an earlier
   * attempt recorded: unique per action and period key.
   */
  async open(request: OpenRequest): Promise<OccurrenceState> {
    const inserted: Array<{ id: string }> = await this.db.query(
      `INSERT INTO occurrence (action_id, plan_id, period_key, period_start, period_end, due_at, original_due_at, status,
                               owner_person_ids, owner_unit_ids, opened_at, armed_at, last_sequence, workflow_id, quota_target, quota_starts_at)
       SELECT a.id, $2, $3, $4, $5, $6, $6, 'open', a.owner_person_ids, a.owner_unit_ids, $7, $7, 1, $8, $9, $10 FROM action a WHERE a.id = $1
       ON CONFLICT (action_id, period_key) DO NOTHING RETURNING id`,
      [
        request.actionId,
        request.planId,
        request.periodKey,
        request.periodStart,
        request.periodEnd,
        request.dueInstant,
        request.openedAt,
        request.workflowId,
        request.quota?.target ?? null,
        request.quota?.periodStartsAt ?? null,
      ],
    );
    if (inserted.length) {
      await this.db.query(`INSERT INTO occurrence_event (occurrence_id, sequence, kind, status, at, data) VALUES ($1, 1, 'opened', 'open', $2, $3)`, [
        inserted[0].id,
        request.openedAt,
        { dueInstant: request.dueInstant },
      ]);
    }
    const [row] = await this.db.query(`SELECT ${STATE_COLUMNS} FROM occurrence o WHERE o.action_id = $1 AND o.period_key = $2`, [request.actionId, request.periodKey]);
    return toState(row);
  }

  /**
   * An action's occurrences, locked for update, and the action locked against a concurrent pause
   * or withdrawal, in one round trip (what a notice needs before it may be sent).
   */
  async lockForNotices(actionId: string, ids: string[]): Promise<{ action?: ActionFacts; occurrences: OccurrenceState[]; statusReports: Set<string> }> {
    const rows: Array<StateRow & { kind: string; action_status: string; action_title: string; plan_title: string; plan_archived: boolean }> = await this.db.query(
      `SELECT ${STATE_COLUMNS}, o.kind, a.status AS action_status, a.title AS action_title, p.title AS plan_title, p.archived_at IS NOT NULL AS plan_archived
         FROM occurrence o JOIN action a ON a.id = o.action_id JOIN plan p ON p.id = a.plan_id
        WHERE o.id = ANY($2::uuid[]) AND o.action_id = $1 ORDER BY o.id FOR UPDATE OF o FOR SHARE OF a FOR KEY SHARE OF p`,
      [actionId, ids],
    );
    if (rows.length === 0) return { action: await new ActionRepository(this.db).lock(actionId, 'share'), occurrences: [], statusReports: new Set() };
    const [first] = rows;
    return {
      action: { actionId, planId: first.plan_id, status: first.action_status, planArchived: first.plan_archived, title: first.action_title, planTitle: first.plan_title },
      occurrences: rows.map(toState),
      statusReports: new Set(rows.filter((r) => r.kind === 'status-report').map((r) => r.id)),
    };
  }

  /** The occurrences, locked for update until the transaction ends (in id order: no deadlocks). */
  async lock(ids: string[]): Promise<Array<OccurrenceState & { workflowId: string | null; actionId: string; planId: string }>> {
    const rows: StateRow[] = await this.db.query(`SELECT ${STATE_COLUMNS} FROM occurrence o WHERE o.id = ANY($1::uuid[]) ORDER BY o.id FOR UPDATE OF o`, [ids]);
    return rows.map((row) => ({ ...toState(row), workflowId: row.workflow_id, actionId: row.action_id, planId: row.plan_id }));
  }

  /**
   * Cancels what is still open of a withdrawn action (the domain's cancel, recorded like any
   * change). Occurrences of the engine's first version are left to their own workflows.
   */
  async cancelUnresolvedOf(actionId: string, cancellation: { reason: string; byPersonId?: string; at: string }): Promise<void> {
    const rows: StateRow[] = await this.db.query(
      `SELECT ${STATE_COLUMNS} FROM occurrence o
        WHERE o.action_id = $1 AND o.status IN ('open', 'overdue', 'escalated') AND o.workflow_id IS NOT NULL ORDER BY o.id FOR UPDATE OF o`,
      [actionId],
    );
    for (const state of rows.map(toState)) {
      const change = decide(state, { kind: 'cancel', reason: cancellation.reason, byPersonId: cancellation.byPersonId }, cancellation.at);
      if (change.transition) await this.save({ state: change.state, transition: change.transition });
    }
  }

  /** A round's status reports not yet resolved, with the action each belongs to (what its workflow follows). */
  async unresolvedOfRound(roundId: string): Promise<Array<OccurrenceState & { actionId: string }>> {
    const rows: StateRow[] = await this.db.query(
      `SELECT ${STATE_COLUMNS} FROM occurrence o WHERE o.round_id = $1 AND o.status IN ('open', 'overdue', 'escalated') ORDER BY o.id`,
      [roundId],
    );
    return rows.map((row) => ({ ...toState(row), actionId: row.action_id }));
  }

  /** The round is closed: the status reports still missing are cancelled, i.e. not reported. */
  async cancelUnresolvedOfRound(roundId: string, cancellation: { reason: string; byPersonId?: string; at: string }): Promise<number> {
    const rows: StateRow[] = await this.db.query(
      `SELECT ${STATE_COLUMNS} FROM occurrence o WHERE o.round_id = $1 AND o.status IN ('open', 'overdue', 'escalated') ORDER BY o.id FOR UPDATE OF o`,
      [roundId],
    );
    for (const state of rows.map(toState)) {
      const change = decide(state, { kind: 'cancel', reason: cancellation.reason, byPersonId: cancellation.byPersonId }, cancellation.at);
      if (change.transition) await this.save({ state: change.state, transition: change.transition });
    }
    return rows.length;
  }

  /** Writes a person's change (or a cancellation): its transition at the new version, and the row. */
  async save(change: Required<Change>): Promise<void> {
    const { state, transition } = change;
    const inserted = await this.db.query(
      `INSERT INTO occurrence_event (occurrence_id, sequence, kind, status, at, actor_person_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (occurrence_id, sequence) DO NOTHING RETURNING id`,
      [state.id, state.version, transition.kind, state.status, transition.at, transition.actorPersonId ?? null, transition.data],
    );
    if (inserted.length === 0) return;
    const completion = transition.kind === 'completed' ? state.completion : undefined;
    // A status report sent back is no longer completed: its completion goes with the return.
    if (transition.kind === 'returned') {
      await this.db.query(
        `UPDATE occurrence SET completed_at = NULL, completed_by = NULL, completed_on_behalf_of = NULL, completed_on_time = NULL, completion_note = NULL, evidence_url = NULL WHERE id = $1`,
        [state.id],
      );
    }
    await this.db.query(
      `UPDATE occurrence SET status = $2, due_at = $3, owner_person_ids = $4, owner_unit_ids = $5, escalation_level = $6,
              generation = $7, armed_at = $8, last_sequence = $9, updated_at = now(),
              completed_at = COALESCE($10, completed_at), completed_by = COALESCE($11, completed_by),
              completed_on_behalf_of = COALESCE($12, completed_on_behalf_of), completed_on_time = COALESCE($13, completed_on_time),
              completion_note = COALESCE($14, completion_note), evidence_url = COALESCE($15, evidence_url),
              skip_reason = COALESCE($16, skip_reason)
        WHERE id = $1 AND last_sequence < $9`,
      [
        state.id,
        state.status,
        state.dueInstant,
        state.owners.personIds,
        state.owners.unitIds,
        state.escalationStep,
        state.generation,
        state.armedAt,
        state.version,
        completion?.at ?? null,
        completion?.byPersonId ?? null,
        completion?.onBehalfOfPersonId ?? null,
        completion?.onTime ?? null,
        completion?.note ?? null,
        completion?.evidenceUrl ?? null,
        transition.kind === 'skipped' ? state.skip?.reason ?? null : null,
      ],
    );
  }

  /** Arms the notices of the action's open occurrences again (a new policy or new owners). */
  async rearmOpenOf(actionId: string, at: string, owners?: { personIds: string[]; unitIds: string[] }): Promise<void> {
    await this.db.query(
      `UPDATE occurrence SET armed_at = $2, owner_person_ids = COALESCE($3, owner_person_ids), owner_unit_ids = COALESCE($4, owner_unit_ids), updated_at = now()
        WHERE action_id = $1 AND status IN ('open', 'overdue', 'escalated') AND workflow_id IS NOT NULL`,
      [actionId, at, owners?.personIds ?? null, owners?.unitIds ?? null],
    );
  }

  /**
   * Records notices in one statement: the notice (unique by occurrence, generation, kind and
   * step), the escalation, the outbox rows (unique dedupe keys), the transition, and the
   * occurrence's new state. One round trip, because at a period end thousands of these run at once.
   */
  async recordNotices(notices: NoticeRecord[], context: { actionId: string; planId: string }): Promise<void> {
    if (notices.length === 0) return;
    const last = new Map(notices.map((n) => [n.state.id, n.state])); // each occurrence's final state
    await this.db.query(
      `WITH notice AS (
         INSERT INTO occurrence_notice (occurrence_id, generation, kind, step, fired_at, recipient_person_ids)
         SELECT x.occurrence_id, x.generation, x.kind, x.step, x.fired_at, x.recipient_person_ids
           FROM jsonb_to_recordset($1::jsonb) AS x(occurrence_id uuid, generation int, kind text, step int, fired_at timestamptz, recipient_person_ids uuid[])
         ON CONFLICT DO NOTHING),
       escalation_ AS (
         INSERT INTO escalation (occurrence_id, generation, step, target_person_id, target_unit_id, escalated_at)
         SELECT x.occurrence_id, x.generation, x.step, x.target_person_id, x.target_unit_id, x.escalated_at
           FROM jsonb_to_recordset($2::jsonb) AS x(occurrence_id uuid, generation int, step int, target_person_id uuid, target_unit_id uuid, escalated_at timestamptz)
         ON CONFLICT (occurrence_id, generation, step) DO NOTHING),
       outbox AS (
         INSERT INTO notification (dedupe_key, recipient_person_id, kind, plan_id, action_id, occurrence_id, payload, created_at)
         SELECT x.dedupe_key, x.recipient_person_id, x.kind, $6::uuid, $7::uuid, x.occurrence_id, x.payload, x.created_at
           FROM jsonb_to_recordset($3::jsonb) AS x(dedupe_key text, recipient_person_id uuid, kind text, occurrence_id uuid, payload jsonb, created_at timestamptz)
         ON CONFLICT (dedupe_key) DO NOTHING),
       event AS (
         INSERT INTO occurrence_event (occurrence_id, sequence, kind, status, at, data)
         SELECT x.occurrence_id, x.sequence, x.kind, x.status, x.at, x.data
           FROM jsonb_to_recordset($4::jsonb) AS x(occurrence_id uuid, sequence int, kind text, status text, at timestamptz, data jsonb)
         ON CONFLICT (occurrence_id, sequence) DO NOTHING)
       UPDATE occurrence o SET status = x.status, escalation_level = x.escalation_level, last_sequence = x.last_sequence, updated_at = now()
         FROM jsonb_to_recordset($5::jsonb) AS x(id uuid, status text, escalation_level int, last_sequence int)
        WHERE o.id = x.id AND o.last_sequence <= x.last_sequence`,
      [
        JSON.stringify(notices.map((n) => ({ occurrence_id: n.state.id, generation: n.generation, kind: n.kind, step: n.step, fired_at: n.firedAt, recipient_person_ids: n.recipientPersonIds }))),
        JSON.stringify(
          notices.filter((n) => n.escalation).map((n) => ({
            occurrence_id: n.state.id,
            generation: n.generation,
            step: n.escalation!.step,
            target_person_id: n.escalation!.targetPersonId,
            target_unit_id: n.escalation!.targetUnitId,
            escalated_at: n.firedAt,
          })),
        ),
        JSON.stringify(
          notices.flatMap((n) => n.notifications.map((m) => ({ dedupe_key: m.dedupeKey, recipient_person_id: m.recipientPersonId, kind: m.kind, occurrence_id: n.state.id, payload: m.payload, created_at: n.firedAt }))),
        ),
        JSON.stringify(
          notices.filter((n) => n.transition).map((n) => ({ occurrence_id: n.state.id, sequence: n.state.version, kind: n.transition!.kind, status: n.state.status, at: n.transition!.at, data: n.transition!.data })),
        ),
        JSON.stringify([...last.values()].map((s) => ({ id: s.id, status: s.status, escalation_level: s.escalationStep, last_sequence: s.version }))),
        context.planId,
        context.actionId,
      ],
    );
  }
}

function toState(row: StateRow): OccurrenceState {
  if (!isOccurrenceStatus(row.status)) throw new Error(`occurrence ${row.id} has an unknown status "${row.status}"`);
  return {
    id: row.id,
    periodKey: row.period_key,
    status: row.status as OccurrenceStatus,
    dueInstant: new Date(row.due_at).toISOString(),
    owners: { personIds: row.owner_person_ids, unitIds: row.owner_unit_ids },
    escalationStep: row.escalation_level,
    generation: row.generation,
    armedAt: new Date(row.armed_at).toISOString(),
    fired: row.fired,
    version: row.last_sequence,
    ...(row.quota_target !== null && row.quota_starts_at !== null
      ? { quota: { target: row.quota_target, count: row.quota_count, periodStartsAt: new Date(row.quota_starts_at).toISOString() } }
      : {}),
  };
}
