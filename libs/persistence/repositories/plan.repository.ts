import { EntityManager } from 'typeorm';

/** Plans as the engine starts their reporting workflow from them. */
export class PlanRepository {
  constructor(private readonly db: EntityManager) {}

  async reporting(planId: string): Promise<{ id: string; timezone: string; reportingCadence: string } | undefined> {
    const [row] = await this.db.query('SELECT id, timezone, reporting_cadence FROM plan WHERE id = $1', [planId]);
    return row && { id: row.id, timezone: row.timezone, reportingCadence: row.reporting_cadence };
  }
}
