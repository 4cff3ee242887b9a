import { EntityManager } from 'typeorm';

/** What the engine needs to know of an action when it acts on it. */
export interface ActionFacts {
  actionId: string;
  planId: string;
  status: string;
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
    const [row] = await this.db.query(
      `SELECT a.id, a.plan_id, a.status, a.title, p.title AS plan_title FROM action a JOIN plan p ON p.id = a.plan_id
        WHERE a.id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'SHARE'} OF a`,
      [actionId],
    );
    return row && { actionId: row.id, planId: row.plan_id, status: row.status, title: row.title, planTitle: row.plan_title };
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
      `SELECT a.id, a.plan_id, a.status, a.schedule, coalesce(a.policy, p.policy) AS policy, p.timezone
         FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = $1`,
      [actionId],
    );
    return row && { id: row.id, planId: row.plan_id, status: row.status, schedule: row.schedule, policy: row.policy, timezone: row.timezone };
  }

  /** The workflow runs: an action committed as 'starting' is now 'active'. */
  async markStarted(actionId: string): Promise<void> {
    await this.db.query(`UPDATE action SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'starting'`, [actionId]);
  }
}
