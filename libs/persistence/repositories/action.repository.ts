import { EntityManager } from 'typeorm';
import type { NoticePolicy } from '../../domain/escalation/policy';
import type { ScheduleSpec } from '../../domain/schedule/types';

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

/**
 * Actions as the follow-up engine and its commands see them: their status (locked while it is
 * changed, or while a notice depends on it) and the row a workflow is started from.
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

  /** The workflow runs: an action committed as 'starting' is now 'active'. */
  async markStarted(actionId: string): Promise<void> {
    await this.db.query(`UPDATE action SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'starting'`, [actionId]);
  }
}
