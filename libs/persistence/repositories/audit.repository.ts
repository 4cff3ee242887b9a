import { EntityManager } from 'typeorm';
import { AuditLogEntity } from '../entities/audit-log.entity';
import { PersonEntity } from '../entities/person.entity';

export interface AuditEntry {
  actorPersonId: string | null;
  /**
   * 'login': a sign-in attempt for an e-mail address that belongs to nobody (entityId: the address).
   * 'organisation': an import of the whole chart (entityId: 'chart'), beside the entries per unit and person.
   */
  entity: 'organisation' | 'unit' | 'person' | 'substitute' | 'plan' | 'area' | 'action' | 'occurrence' | 'escalation' | 'login' | 'reporting-round' | 'meeting' | 'open-question';
  entityId: string;
  planId?: string | null;
  action: string;
  before?: unknown;
  after?: unknown;
}

/**
 * The append-only audit log (a trigger refuses UPDATE and DELETE). Write it in the change's transaction.
 * Entity (AuditLogEntity, read only: the query builder with the actor's name); raw SQL: append, a
 * plain INSERT that stores before/after as given, because the log is never loaded and saved back.
 */
export class AuditRepository {
  constructor(private readonly db: EntityManager) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_person_id, entity, entity_id, plan_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.actorPersonId, entry.entity, entry.entityId, entry.planId ?? null, entry.action, json(entry.before), json(entry.after)],
    );
  }

  async forPlan(planId: string, limit = 500): Promise<AuditRow[]> {
    return this.select().where('a.plan_id = :planId', { planId }).orderBy('a.id', 'DESC').limit(limit).getRawMany();
  }

  async forEntity(entity: string, entityId: string, limit = 500): Promise<AuditRow[]> {
    return this.select().where('a.entity = :entity AND a.entity_id = :entityId', { entity, entityId }).orderBy('a.id', 'DESC').limit(limit).getRawMany();
  }

  /** Newest first, with the actor's name (NULL once the person is gone: the log has no foreign key). */
  private select() {
    return this.db
      .getRepository(AuditLogEntity)
      .createQueryBuilder('a')
      .leftJoin(PersonEntity, 'p', 'p.id = a.actor_person_id')
      .select(['a.id AS id', 'a.at AS at', 'a.actor_person_id AS "actorPersonId"', 'p.name AS "actorName"', 'a.entity AS entity', 'a.entity_id AS "entityId"'])
      .addSelect(['a.action AS action', 'a.before AS before', 'a.after AS after']);
  }
}

export interface AuditRow {
  id: string;
  at: Date;
  actorPersonId: string | null;
  actorName: string | null;
  entity: string;
  entityId: string;
  action: string;
  before: unknown;
  after: unknown;
}

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
