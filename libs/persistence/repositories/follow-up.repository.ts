import { EntityManager } from 'typeorm';

export interface ActionStartRow {
  id: string;
  planId: string;
  status: string;
  schedule: object;
  /** The action's own policy, else the plan's; null: the default of the organisation. */
  policy: object | null;
  ownerPersonIds: string[];
  ownerUnitIds: string[];
  timezone: string;
}

/**
 * The rows follow-up is started from, and the action statuses that follow from carrying it out:
 * read when an intent is carried out, so a workflow starts with the row as it is by then.
 */
export class FollowUpRepository {
  constructor(private readonly db: EntityManager) {}

  /** The action's status, locked for the rest of the transaction (pause, resume, withdraw). */
  async lockAction(actionId: string): Promise<{ status: string; planId: string; title: string } | undefined> {
    const [row] = await this.db.query('SELECT status, plan_id, title FROM action WHERE id = $1 FOR UPDATE', [actionId]);
    return row && { status: row.status, planId: row.plan_id, title: row.title };
  }

  async setActionStatus(actionId: string, status: string): Promise<void> {
    await this.db.query('UPDATE action SET status = $2, updated_at = now() WHERE id = $1', [actionId, status]);
  }

  async actionStart(actionId: string): Promise<ActionStartRow | undefined> {
    const [row] = await this.db.query(
      `SELECT a.id, a.plan_id, a.status, a.schedule, coalesce(a.policy, p.policy) AS policy, a.owner_person_ids, a.owner_unit_ids, p.timezone
         FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = $1`,
      [actionId],
    );
    return (
      row && {
        id: row.id,
        planId: row.plan_id,
        status: row.status,
        schedule: row.schedule,
        policy: row.policy,
        ownerPersonIds: row.owner_person_ids,
        ownerUnitIds: row.owner_unit_ids,
        timezone: row.timezone,
      }
    );
  }

  /** The workflow runs: an action committed as 'starting' is now 'active'. */
  async markActionStarted(actionId: string): Promise<void> {
    await this.db.query(`UPDATE action SET status = 'active', updated_at = now() WHERE id = $1 AND status = 'starting'`, [actionId]);
  }

  async planReporting(planId: string): Promise<{ id: string; timezone: string; reportingCadence: string } | undefined> {
    const [row] = await this.db.query('SELECT id, timezone, reporting_cadence FROM plan WHERE id = $1', [planId]);
    return row && { id: row.id, timezone: row.timezone, reportingCadence: row.reporting_cadence };
  }
}
