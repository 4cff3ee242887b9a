import { EntityManager } from 'typeorm';
import type { NoticePolicy } from '../../domain/escalation/policy';

/** A plan as it is stored; dates as `YYYY-MM-DD`, instants as ISO 8601. */
export interface PlanRow {
  id: string;
  title: string;
  startDate: string;
  timezone: string;
  reportingCadence: string;
  policy: NoticePolicy | null;
  archivedAt: string | null;
  archiveReason: string | null;
}

export type PlanFields = Pick<PlanRow, 'title' | 'startDate' | 'timezone' | 'reportingCadence' | 'policy'>;

const COLUMNS = `id, title, to_char(start_date, 'YYYY-MM-DD') AS start_date, timezone, reporting_cadence, policy, archived_at, archive_reason`;

interface Row {
  id: string;
  title: string;
  start_date: string;
  timezone: string;
  reporting_cadence: string;
  policy: NoticePolicy | null;
  archived_at: Date | null;
  archive_reason: string | null;
}

/** Plans: their facts, their default policy, and whether they are archived. */
export class PlanRepository {
  constructor(private readonly db: EntityManager) {}

  async create(fields: PlanFields & { createdBy: string }): Promise<PlanRow> {
    const [row]: Row[] = await this.db.query(
      `INSERT INTO plan (title, start_date, timezone, reporting_cadence, policy, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING ${COLUMNS}`,
      [fields.title, fields.startDate, fields.timezone, fields.reportingCadence, fields.policy, fields.createdBy],
    );
    return toPlan(row);
  }

  async find(id: string): Promise<PlanRow | undefined> {
    const [row]: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM plan WHERE id = $1`, [id]);
    return row && toPlan(row);
  }

  /**
   * The plan, locked until the transaction ends: `update` to change it (an edit, archiving),
   * `key-share` while a change in it depends on it being open (a new action, an import). Key
   * share is what every row referring to the plan takes anyway; it only waits for an `update`.
   */
  async lock(id: string, mode: 'update' | 'key-share' = 'update'): Promise<PlanRow | undefined> {
    const [row]: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM plan WHERE id = $1 FOR ${mode === 'update' ? 'UPDATE' : 'KEY SHARE'}`, [id]);
    return row && toPlan(row);
  }

  /** Newest first. */
  async list(): Promise<PlanRow[]> {
    const rows: Row[] = await this.db.query(`SELECT ${COLUMNS} FROM plan ORDER BY created_at DESC`);
    return rows.map(toPlan);
  }

  // (TypeORM answers an UPDATE … RETURNING with [rows, count]: the plan is read back instead.)
  async update(id: string, fields: PlanFields): Promise<PlanRow> {
    await this.db.query('UPDATE plan SET title = $2, start_date = $3, timezone = $4, reporting_cadence = $5, policy = $6 WHERE id = $1', [
      id,
      fields.title,
      fields.startDate,
      fields.timezone,
      fields.reportingCadence,
      fields.policy,
    ]);
    return (await this.find(id))!;
  }

  /** Archived at that instant with a reason, or (null) restored. */
  async setArchived(id: string, archived: { at: string; reason: string } | null): Promise<PlanRow> {
    await this.db.query('UPDATE plan SET archived_at = $2, archive_reason = $3 WHERE id = $1', [id, archived?.at ?? null, archived?.reason ?? null]);
    return (await this.find(id))!;
  }

  async reporting(planId: string): Promise<{ id: string; timezone: string; reportingCadence: string } | undefined> {
    const plan = await this.find(planId);
    return plan && { id: plan.id, timezone: plan.timezone, reportingCadence: plan.reportingCadence };
  }
}

function toPlan(row: Row): PlanRow {
  return {
    id: row.id,
    title: row.title,
    startDate: row.start_date,
    timezone: row.timezone,
    reportingCadence: row.reporting_cadence,
    policy: row.policy,
    archivedAt: row.archived_at ? new Date(row.archived_at).toISOString() : null,
    archiveReason: row.archive_reason,
  };
}
