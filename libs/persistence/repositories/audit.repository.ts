import { EntityManager } from 'typeorm';

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

/** The append-only audit log (a trigger refuses UPDATE and DELETE). Write it in the change's transaction. */
export class AuditRepository {
  constructor(private readonly db: EntityManager) {}

  async append(entry: AuditEntry): Promise<void> {
    await this.db.query(
      `INSERT INTO audit_log (actor_person_id, entity, entity_id, plan_id, action, before, after) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [entry.actorPersonId, entry.entity, entry.entityId, entry.planId ?? null, entry.action, json(entry.before), json(entry.after)],
    );
  }

  async forPlan(planId: string, limit = 500): Promise<AuditRow[]> {
    return this.db.query(`${SELECT} WHERE a.plan_id = $1 ORDER BY a.id DESC LIMIT $2`, [planId, limit]);
  }

  async forEntity(entity: string, entityId: string, limit = 500): Promise<AuditRow[]> {
    return this.db.query(`${SELECT} WHERE a.entity = $1 AND a.entity_id = $2 ORDER BY a.id DESC LIMIT $3`, [entity, entityId, limit]);
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

const SELECT = `SELECT a.id, a.at, a.actor_person_id AS "actorPersonId", p.name AS "actorName", a.entity, a.entity_id AS "entityId",
                       a.action, a.before, a.after
                  FROM audit_log a LEFT JOIN person p ON p.id = a.actor_person_id`;

function json(value: unknown): string | null {
  return value === undefined || value === null ? null : JSON.stringify(value);
}
