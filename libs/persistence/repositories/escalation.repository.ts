import { EntityManager } from 'typeorm';

/** Escalations as people act on them (the engine writes them with the notice: occurrence-state.repository). */
export class EscalationRepository {
  constructor(private readonly db: EntityManager) {}

  /** Marks it acknowledged by the person; false when it was acknowledged already (the first stands). */
  async acknowledge(escalationId: string, personId: string): Promise<boolean> {
    const rows: Array<{ id: string }> = await this.db.query(
      'WITH acknowledged AS (UPDATE escalation SET acknowledged_at = now(), acknowledged_by = $2 WHERE id = $1 AND acknowledged_at IS NULL RETURNING id) SELECT id FROM acknowledged',
      [escalationId, personId],
    );
    return rows.length > 0;
  }
}
