import { EntityManager } from 'typeorm';
import { type OccurrenceKind, UNRESOLVED_STATUSES } from '../../domain/occurrence/status';
import { peopleStoodInFor } from './substitution.sql';

/** Read side of occurrences for the API: rows shaped for responses, filters, paging, permissions. */
export interface OccurrenceView {
  id: string;
  actionId: string;
  actionTitle: string;
  planId: string;
  /** A task of the action's schedule, or its status report in a reporting round. */
  kind: OccurrenceKind;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  due: string;
  originalDue: string;
  status: string;
  ownerPersonIds: string[];
  ownerUnitIds: string[];
  escalationLevel: number;
  completion: { at: string; byPersonId: string; byName: string | null; onBehalfOfPersonId: string | null; onTime: boolean; note: string | null; evidenceUrl: string | null } | null;
  skipReason: string | null;
  /** A quota's period: its target, the times logged so far, and its first instant. */
  quota: { target: number; count: number; periodStartsAt: string } | null;
  timezone: string;
  /** The workflow that follows it: its action's, or (NULL) the engine's first version's own. */
  workflowId: string | null;
}

const SELECT = `SELECT o.*, a.title AS action_title, pl.timezone, cp.name AS completed_by_name,
                       CASE WHEN o.quota_target IS NULL THEN 0 ELSE (SELECT count(*)::int FROM quota_entry q WHERE q.occurrence_id = o.id) END AS quota_count,
                       to_char(o.period_start, 'YYYY-MM-DD') AS period_start_text, to_char(o.period_end, 'YYYY-MM-DD') AS period_end_text
                  FROM occurrence o JOIN action a ON a.id = o.action_id JOIN plan pl ON pl.id = o.plan_id
                  LEFT JOIN person cp ON cp.id = o.completed_by`;


export interface OpenOccurrenceSummary {
  id: string;
  due: string;
  status: string;
  quota: { target: number; count: number; periodStartsAt: string } | null;
}

export interface OccurrenceFilter {
  status?: string;
  actionId?: string;
  planId?: string;
  ownerPersonId?: string;
}

/** Raw SQL: filters, paging, counts and the substitute rule over joins of occurrence, action, plan and person; set-based reads shaped for responses. */
export class OccurrenceReadRepository {
  constructor(private readonly db: EntityManager) {}

  /** Per action of the plan: its unresolved occurrences (by due date, quotas with their progress) and how many were completed. */
  async summaryOfPlan(planId: string): Promise<{ open: Map<string, OpenOccurrenceSummary[]>; completed: Map<string, number> }> {
    const rows: Array<{ action_id: string; id: string; due_at: Date; status: string; quota_target: number | null; quota_starts_at: Date | null; quota_count: number }> = await this.db.query(
      `SELECT o.action_id, o.id, o.due_at, o.status, o.quota_target, o.quota_starts_at,
              CASE WHEN o.quota_target IS NULL THEN 0 ELSE (SELECT count(*)::int FROM quota_entry q WHERE q.occurrence_id = o.id) END AS quota_count
         FROM occurrence o WHERE o.plan_id = $1 AND o.kind = 'task' AND o.status = ANY($2::text[]) ORDER BY o.due_at`,
      [planId, UNRESOLVED_STATUSES],
    );
    const counts: Array<{ action_id: string; n: number }> = await this.db.query(
      `SELECT action_id, count(*)::int AS n FROM occurrence WHERE plan_id = $1 AND kind = 'task' AND status = 'completed' GROUP BY action_id`,
      [planId],
    );
    const open = new Map<string, OpenOccurrenceSummary[]>();
    for (const r of rows) {
      const quota = r.quota_target ? { target: r.quota_target, count: r.quota_count, periodStartsAt: new Date(r.quota_starts_at!).toISOString() } : null;
      open.set(r.action_id, [...(open.get(r.action_id) ?? []), { id: r.id, due: new Date(r.due_at).toISOString(), status: r.status, quota }]);
    }
    return { open, completed: new Map(counts.map((c) => [c.action_id, c.n])) };
  }

  async byId(id: string): Promise<OccurrenceView | undefined> {
    const [row] = await this.db.query(`${SELECT} WHERE o.id = $1`, [id]);
    return row && view(row);
  }

  async page(filter: OccurrenceFilter, page: number, pageSize: number): Promise<{ items: OccurrenceView[]; total: number }> {
    const where = `WHERE ($1::text IS NULL OR o.status = $1) AND ($2::uuid IS NULL OR o.action_id = $2)
                     AND ($3::uuid IS NULL OR o.plan_id = $3) AND ($4::uuid IS NULL OR $4 = ANY(o.owner_person_ids))`;
    const args = [filter.status ?? null, filter.actionId ?? null, filter.planId ?? null, filter.ownerPersonId ?? null];
    const [{ total }] = await this.db.query(`SELECT count(*)::int AS total FROM occurrence o ${where}`, args);
    const rows = await this.db.query(`${SELECT} ${where} ORDER BY o.due_at, o.id LIMIT $5 OFFSET $6`, [...args, pageSize, (page - 1) * pageSize]);
    return { items: rows.map(view), total };
  }

  /** The action's tasks due in a span (the occurrences shown beside its status report). */
  async tasksOfActionDue(actionId: string, from: string, until: string): Promise<OccurrenceView[]> {
    const rows = await this.db.query(`${SELECT} WHERE o.action_id = $1 AND o.kind = 'task' AND o.due_at >= $2 AND o.due_at < $3 ORDER BY o.due_at`, [actionId, from, until]);
    return rows.map(view);
  }

  /** Open occurrences the person owns, heads an owner unit of, or substitutes for an owner of today. */
  async tasksOf(personId: string, today: string): Promise<OccurrenceView[]> {
    const rows = await this.db.query(
      `${SELECT}
        WHERE o.status = ANY($3::text[]) AND (
              o.owner_person_ids && (ARRAY[$1::uuid] || ARRAY${peopleStoodInFor('$1', '$2')})
           OR o.owner_unit_ids && ARRAY(SELECT id FROM unit WHERE head_person_id = $1))
        ORDER BY o.due_at`,
      [personId, today, UNRESOLVED_STATUSES],
    );
    return rows.map(view);
  }

  /** May this person act on the occurrence as its owner, or as a target of its escalation? */
  async relation(occurrenceId: string, personId: string, today: string): Promise<{ owner: boolean; escalationTarget: boolean }> {
    const [row] = await this.db.query(
      `WITH acting AS (SELECT $2::uuid AS id UNION ${peopleStoodInFor('$2', '$3')})
       SELECT
         EXISTS (SELECT 1 FROM occurrence o WHERE o.id = $1 AND (o.owner_person_ids && ARRAY(SELECT id FROM acting)
                 OR o.owner_unit_ids && ARRAY(SELECT u.id FROM unit u WHERE u.head_person_id IN (SELECT id FROM acting)))) AS owner,
         EXISTS (SELECT 1 FROM escalation e WHERE e.occurrence_id = $1 AND e.target_person_id IN (SELECT id FROM acting)) AS escalation_target`,
      [occurrenceId, personId, today],
    );
    return { owner: row.owner, escalationTarget: row.escalation_target };
  }

  async escalationsTo(personId: string, today: string): Promise<EscalationRow[]> {
    return this.db.query(
      `${ESCALATION} WHERE e.target_person_id = $1
           OR e.target_person_id IN ${peopleStoodInFor('$1', '$2')}
        ORDER BY e.escalated_at DESC`,
      [personId, today],
    );
  }

  /** The occurrence's life: its transitions and the notices it sent, oldest first. */
  async history(occurrenceId: string): Promise<Array<{ at: Date; type: 'transition' | 'notice'; kind: string; person: string | null; data: unknown }>> {
    // A notice and the transition it makes share their moment: the opening comes first, then who
    // was told, then what it changed.
    return this.db.query(
      `SELECT at, type, kind, person, data FROM (
         SELECT e.at, 'transition' AS type, e.kind, p.name AS person, e.data FROM occurrence_event e LEFT JOIN person p ON p.id = e.actor_person_id WHERE e.occurrence_id = $1
         UNION ALL
         SELECT n.created_at, 'notice', n.kind, p.name, '{}'::jsonb FROM notification n JOIN person p ON p.id = n.recipient_person_id
          WHERE n.occurrence_id = $1 AND n.dedupe_key NOT LIKE 'event:%'
       ) h
       ORDER BY at, CASE WHEN type = 'transition' AND kind = 'opened' THEN 0 WHEN type = 'notice' THEN 1 ELSE 2 END`,
      [occurrenceId],
    );
  }

  /** Is `personId` the target of this escalation, or the target's substitute today? */
  async isEscalationTarget(escalationId: string, personId: string, today: string): Promise<boolean> {
    const [row] = await this.db.query(
      `SELECT 1 FROM escalation e WHERE e.id = $1 AND (e.target_person_id = $2 OR e.target_person_id IN
         ${peopleStoodInFor('$2', '$3')})`,
      [escalationId, personId, today],
    );
    return Boolean(row);
  }

  async escalation(id: string): Promise<EscalationRow | undefined> {
    const [row] = await this.db.query(`${ESCALATION} WHERE e.id = $1`, [id]);
    return row;
  }
}

export interface EscalationRow {
  id: string;
  step: number;
  escalated_at: Date;
  acknowledged_at: Date | null;
  occurrence_id: string;
  owner_names: string[];
}

const ESCALATION = `SELECT e.id, e.step, e.escalated_at, e.acknowledged_at, e.occurrence_id,
                           ARRAY(SELECT name FROM person WHERE id = ANY(o.owner_person_ids) ORDER BY name) AS owner_names
                      FROM escalation e JOIN occurrence o ON o.id = e.occurrence_id`;

function view(row: Record<string, never>): OccurrenceView {
  const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);
  return {
    id: row.id,
    actionId: row.action_id,
    actionTitle: row.action_title,
    planId: row.plan_id,
    kind: row.kind,
    periodKey: row.period_key,
    periodStart: row.period_start_text,
    periodEnd: row.period_end_text,
    due: iso(row.due_at)!,
    originalDue: iso(row.original_due_at)!,
    status: row.status,
    ownerPersonIds: row.owner_person_ids,
    ownerUnitIds: row.owner_unit_ids,
    escalationLevel: row.escalation_level,
    completion: row.completed_at
      ? {
          at: iso(row.completed_at)!,
          byPersonId: row.completed_by,
          byName: row.completed_by_name,
          onBehalfOfPersonId: row.completed_on_behalf_of,
          onTime: row.completed_on_time,
          note: row.completion_note,
          evidenceUrl: row.evidence_url,
        }
      : null,
    skipReason: row.skip_reason,
    quota: row.quota_target ? { target: row.quota_target, count: row.quota_count, periodStartsAt: iso(row.quota_starts_at)! } : null,
    timezone: row.timezone,
    workflowId: row.workflow_id,
  };
}
