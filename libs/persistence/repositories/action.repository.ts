import { EntityManager } from 'typeorm';
import type { NoticePolicy } from '../../domain/escalation/policy';
import type { ScheduleSpec } from '../../domain/schedule/types';
import type { Place } from '../../domain/minutes/types';

/** What the engine needs to know of an action when it acts on it. */
export interface ActionFacts {
  actionId: string;
  planId: string;
  /** The action's own status; the engine follows `followedStatus(status, planArchived)`. */
  status: string;
  planArchived: boolean;
  title: string;
  planTitle: string;
}

export interface ActionStartRow {
  id: string;
  planId: string;
  status: string;
  schedule: object;
  /** The action's own policy, else the plan's; null: the default of the organisation. */
  policy: object | null;
  timezone: string;
  planArchived: boolean;
}

/** An action as people see it: with its area's title and its plan's start and timezone. */
export interface ActionViewRow {
  id: string;
  plan_id: string;
  area_id: string | null;
  area: string | null;
  title: string;
  when_text: string | null;
  status: string;
  schedule: ScheduleSpec;
  schedule_input: object;
  policy: NoticePolicy | null;
  owner_unit_ids: string[];
  owner_person_ids: string[];
  timezone: string;
  start_date: string;
  /** The meeting and paragraph the action came from, when it was read out of minutes. */
  source: ActionSourceView | null;
}

export interface ActionSourceView {
  meetingId: string;
  meetingTitle: string;
  meetingDate: string | null;
  place: Place;
  sentence: string;
}

const ACTION_VIEW = `SELECT a.id, a.plan_id, a.area_id, ar.title AS area, a.title, a.when_text, a.status, a.schedule, a.schedule_input, a.policy,
                            a.owner_unit_ids, a.owner_person_ids, p.timezone, to_char(p.start_date, 'YYYY-MM-DD') AS start_date,
                            CASE WHEN m.id IS NULL THEN NULL ELSE json_build_object('meetingId', m.id, 'meetingTitle', m.title, 'meetingDate', to_char(m.held_on, 'YYYY-MM-DD'),
                                                                                    'place', a.source_place, 'sentence', a.source_sentence) END AS source
                       FROM action a JOIN plan p ON p.id = a.plan_id LEFT JOIN area ar ON ar.id = a.area_id LEFT JOIN meeting m ON m.id = a.source_meeting_id`;

/** The fields of an action a coordinator sets. */
export interface ActionFields {
  areaId: string | null;
  title: string;
  whenText: string | null;
  scheduleInput: object;
  schedule: ScheduleSpec;
  policy: NoticePolicy | null;
  ownerUnitIds: string[];
  ownerPersonIds: string[];
}

/** Where an action read out of minutes came from: set when it is created, never changed. */
export interface ActionSource {
  meetingId: string;
  place: Place;
  sentence: string;
}

/**
 * Actions as the follow-up engine and its commands see them: their status (locked while it is
 * changed, or while a notice depends on it) and the row a workflow is started from.
 * Raw SQL: the action select joins plan, area and meeting once for every reader, and its lock takes the action FOR UPDATE/SHARE OF a with the plan FOR KEY SHARE OF p in one statement.
 */
export class ActionRepository {
  constructor(private readonly db: EntityManager) {}

  /**
   * The action, locked until the transaction ends: `update` to change its status (pause, resume,
   * withdraw), `share` while something depends on its status (opening an occurrence, a notice).
   */
  async lock(actionId: string, mode: 'update' | 'share'): Promise<ActionFacts | undefined> {
    // The plan is locked with it (key share, as any row referring to it would): an archive or a
    // restore (FOR UPDATE of the plan) waits for what depends on its state, and vice versa.
    const [row] = await this.db.query(
      `SELECT a.id, a.plan_id, a.status, a.title, p.title AS plan_title, p.archived_at IS NOT NULL AS plan_archived
         FROM action a JOIN plan p ON p.id = a.plan_id
        WHERE a.id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'} OF a FOR KEY SHARE OF p`,
      [actionId],
    );
    return row && { actionId: row.id, planId: row.plan_id, status: row.status, planArchived: row.plan_archived, title: row.title, planTitle: row.plan_title };
  }

  async setStatus(actionId: string, status: string): Promise<void> {
    await this.db.query('UPDATE action SET status = $2, updated_at = now() WHERE id = $1', [actionId, status]);
  }

  /** The action's workflow has ended on a withdrawal (the API usually recorded it first). */
  async markWithdrawn(actionId: string, at: string): Promise<void> {
    await this.db.query(`UPDATE action SET status = 'withdrawn', updated_at = $2 WHERE id = $1 AND status <> 'withdrawn'`, [actionId, at]);
  }

  /** The row a workflow is started from, as it is when the start is carried out. */
  async startRow(actionId: string): Promise<ActionStartRow | undefined> {
    const [row] = await this.db.query(
      `SELECT a.id, a.plan_id, a.status, a.schedule, coalesce(a.policy, p.policy) AS policy, p.timezone, p.archived_at IS NOT NULL AS plan_archived
         FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = $1`,
      [actionId],
    );
    return row && { id: row.id, planId: row.plan_id, status: row.status, schedule: row.schedule, policy: row.policy, timezone: row.timezone, planArchived: row.plan_archived };
  }

  async view(actionId: string): Promise<ActionViewRow | undefined> {
    const [row]: ActionViewRow[] = await this.db.query(`${ACTION_VIEW} WHERE a.id = $1`, [actionId]);
    return row;
  }

  /** The plan's actions in the plan's order. */
  viewsOfPlan(planId: string): Promise<ActionViewRow[]> {
    return this.db.query(`${ACTION_VIEW} WHERE a.plan_id = $1 ORDER BY a.position, a.created_at`, [planId]);
  }

  async exists(actionId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM action WHERE id = $1', [actionId])).length > 0;
  }

  /** A new action; `starting` when its workflow is to start, `draft` when it has no readable schedule. */
  async insert(planId: string, fields: ActionFields, status: 'starting' | 'draft', position = 0, source?: ActionSource): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO action (plan_id, area_id, title, when_text, schedule_input, schedule, policy, owner_unit_ids, owner_person_ids, status, position, source_meeting_id, source_place, source_sentence)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id`,
      [planId, fields.areaId, fields.title, fields.whenText, fields.scheduleInput, fields.schedule, fields.policy, fields.ownerUnitIds, fields.ownerPersonIds, status, position, source?.meetingId ?? null, source?.place ?? null, source?.sentence ?? null],
    );
    return row.id;
  }

  /** Its fields as given; a draft becomes `starting` (its workflow is to start). */
  async update(actionId: string, fields: ActionFields): Promise<void> {
    await this.db.query(
      `UPDATE action SET area_id = $2, title = $3, when_text = $4, schedule_input = $5, schedule = $6, policy = $7, owner_unit_ids = $8, owner_person_ids = $9,
                         status = CASE WHEN status = 'draft' THEN 'starting' ELSE status END, updated_at = now()
        WHERE id = $1`,
      [actionId, fields.areaId, fields.title, fields.whenText, fields.scheduleInput, fields.schedule, fields.policy, fields.ownerUnitIds, fields.ownerPersonIds],
    );
  }

  /** The plan's actions as a change of the plan revises them (libs/domain/plan/revision). */
  async revisableOf(planId: string): Promise<Array<{ id: string; title: string; status: string; scheduleInput: { text?: string; when?: string }; schedule: ScheduleSpec; ownPolicy: NoticePolicy | null }>> {
    const rows: Array<{ id: string; title: string; status: string; schedule_input: { text?: string; when?: string }; schedule: ScheduleSpec; policy: NoticePolicy | null }> = await this.db.query(
      'SELECT id, title, status, schedule_input, schedule, policy FROM action WHERE plan_id = $1 ORDER BY id',
      [planId],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, status: r.status, scheduleInput: r.schedule_input, schedule: r.schedule, ownPolicy: r.policy }));
  }

  /** The ids of the plan's actions in one of the statuses. */
  async idsOf(planId: string, statuses: readonly string[]): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query('SELECT id FROM action WHERE plan_id = $1 AND status = ANY($2::text[]) ORDER BY id', [planId, statuses]);
    return rows.map((r) => r.id);
  }

  async setSchedule(actionId: string, schedule: ScheduleSpec): Promise<void> {
    await this.db.query('UPDATE action SET schedule = $2, updated_at = now() WHERE id = $1', [actionId, schedule]);
  }

  /** The first version's workflows record the status they reached themselves, at their moment. */
  async setStatusAt(actionId: string, status: string, at: string): Promise<void> {
    await this.db.query('UPDATE action SET status = $2, updated_at = $3 WHERE id = $1', [actionId, status, at]);
  }

  async titles(actionId: string): Promise<{ actionTitle: string; planTitle: string } | undefined> {
    const [row] = await this.db.query('SELECT a.title AS action_title, p.title AS plan_title FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = $1', [actionId]);
    return row && { actionTitle: row.action_title, planTitle: row.plan_title };
  }

  /** The continuous actions of a plan that is followed up (not archived), running: those asked for a status line. */
  async continuousRunningOf(planId: string): Promise<Array<{ id: string; title: string; ownerPersonIds: string[]; ownerUnitIds: string[] }>> {
    const rows: Array<{ id: string; title: string; owner_person_ids: string[]; owner_unit_ids: string[] }> = await this.db.query(
      `SELECT a.id, a.title, a.owner_person_ids, a.owner_unit_ids FROM action a JOIN plan p ON p.id = a.plan_id
        WHERE a.plan_id = $1 AND a.status = 'active' AND a.schedule->>'kind' = 'continuous' AND p.archived_at IS NULL`,
      [planId],
    );
    return rows.map((r) => ({ id: r.id, title: r.title, ownerPersonIds: r.owner_person_ids, ownerUnitIds: r.owner_unit_ids }));
  }

  /** The workflow runs: an action committed as 'starting' is now 'active'. */
  async markStarted(actionId: string): Promise<void> {
    await this.db.query(`UPDATE action SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'starting'`, [actionId]);
  }
}
