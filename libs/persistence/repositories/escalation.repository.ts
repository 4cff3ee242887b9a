import { EntityManager, IsNull } from 'typeorm';
import { EscalationEntity } from '../entities/escalation.entity';

/**
 * Escalations as people act on them (the engine writes them with the notice: occurrence-state.repository).
 * Entity only (EscalationEntity: a conditional update); no raw SQL.
 */
export class EscalationRepository {
  constructor(private readonly db: EntityManager) {}

  /** Marks it acknowledged by the person; false when it was acknowledged already (the first stands). */
  async acknowledge(escalationId: string, personId: string): Promise<boolean> {
    const result = await this.db
      .getRepository(EscalationEntity)
      .update({ id: escalationId, acknowledgedAt: IsNull() }, { acknowledgedAt: () => 'now()', acknowledgedBy: personId });
    return (result.affected ?? 0) > 0;
  }
}
