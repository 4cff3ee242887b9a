import { EntityManager } from 'typeorm';
import { NotificationRepository, OutboxEntry } from './notification.repository';
import { OrgChartRepository } from './org-chart.repository';
import { PersonRepository } from './person.repository';
import { Delivery, preferenceKindOf } from './notification-preference.repository';

export interface PendingNotice {
  id: string;
  kind: string;
  recipientPersonId: string;
  /** The plan the notice is about: a digest is one mail per plan. */
  planId: string | null;
  createdAt: string;
  delivery: Delivery;
  /** A deactivated recipient gets no mail (the notice stays in the app's list). */
  recipientActive: boolean;
}

export interface OccurrenceEventForNotice {
  eventId: string;
  kind: 'postponed' | 'completed';
  at: string;
  actorPersonId: string | null;
  actorName: string | null;
  data: Record<string, unknown>;
  occurrenceId: string;
  actionId: string;
  planId: string;
  periodKey: string;
  dueAt: string;
  ownerPersonIds: string[];
  ownerUnitIds: string[];
  actionTitle: string;
  planTitle: string;
  planCreatedBy: string | null;
}

/**
 * Turns what happened into mail to send: routes new outbox rows by each recipient's preference,
 * and turns postponements and completions recorded by the engine into outbox rows of their own.
 * Callers run each method inside one transaction.
 * Raw SQL: a batch of unrouted notices is locked FOR UPDATE OF n SKIP LOCKED and routed together, and an engine event is taken once with ON CONFLICT DO NOTHING.
 */
export class OutboxRoutingRepository {
  constructor(private readonly db: EntityManager) {}

  /** Locks a batch of unrouted rows (skipping rows another worker routes) with their preference. */
  async lockPending(limit: number): Promise<PendingNotice[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT n.id, n.kind, n.recipient_person_id, n.plan_id, n.created_at, (p.deactivated_at IS NULL) AS recipient_active
         FROM notification n JOIN person p ON p.id = n.recipient_person_id
        WHERE n.mail_state = 'pending' ORDER BY n.created_at LIMIT $1 FOR UPDATE OF n SKIP LOCKED`,
      [limit],
    );
    if (!rows.length) return [];
    const prefs: Array<{ person_id: string; kind: string; delivery: Delivery }> = await this.db.query(
      `SELECT person_id, kind, delivery FROM notification_preference WHERE person_id = ANY($1::uuid[])`,
      [[...new Set(rows.map((r) => r.recipient_person_id as string))]],
    );
    const pref = new Map(prefs.map((p) => [`${p.person_id}:${p.kind}`, p.delivery]));
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      recipientPersonId: r.recipient_person_id as string,
      planId: (r.plan_id as string) ?? null,
      createdAt: new Date(r.created_at as string).toISOString(),
      delivery: pref.get(`${r.recipient_person_id}:${preferenceKindOf(r.kind as string)}`) ?? 'immediate',
      recipientActive: r.recipient_active !== false,
    }));
  }

  /** Routes a batch in one statement: after a period end the batches are full. */
  async route(routes: Array<{ id: string; state: 'queued' | 'off' | 'in-app'; dueAt?: string; digestKey?: string }>): Promise<void> {
    if (!routes.length) return;
    await this.db.query(
      `UPDATE notification n SET mail_state = x.state, mail_due_at = COALESCE(x.due_at, now()), digest_key = x.digest_key
         FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, state text, due_at timestamptz, digest_key text)
        WHERE n.id = x.id`,
      [JSON.stringify(routes.map((r) => ({ id: r.id, state: r.state, due_at: r.dueAt ?? null, digest_key: r.digestKey ?? null })))],
    );
  }

  /** Postponements and completions not yet turned into notices, oldest first. */
  async newOccurrenceEvents(limit: number): Promise<OccurrenceEventForNotice[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT e.id, e.kind, e.at, e.actor_person_id, actor.name AS actor_name, e.data, o.id AS occurrence_id, o.action_id, o.plan_id,
              o.period_key, o.due_at, o.owner_person_ids, o.owner_unit_ids, a.title AS action_title, p.title AS plan_title, p.created_by
         FROM occurrence_event e
         JOIN occurrence o ON o.id = e.occurrence_id
         JOIN action a ON a.id = o.action_id
         JOIN plan p ON p.id = o.plan_id
         LEFT JOIN person actor ON actor.id = e.actor_person_id
        WHERE e.kind IN ('postponed', 'completed')
          AND NOT EXISTS (SELECT 1 FROM notification_source_event s WHERE s.event_id = e.id)
        ORDER BY e.id LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      eventId: String(r.id),
      kind: r.kind as 'postponed' | 'completed',
      at: new Date(r.at as string).toISOString(),
      actorPersonId: (r.actor_person_id as string) ?? null,
      actorName: (r.actor_name as string) ?? null,
      data: (r.data as Record<string, unknown>) ?? {},
      occurrenceId: r.occurrence_id as string,
      actionId: r.action_id as string,
      planId: r.plan_id as string,
      periodKey: r.period_key as string,
      dueAt: new Date(r.due_at as string).toISOString(),
      ownerPersonIds: r.owner_person_ids as string[],
      ownerUnitIds: r.owner_unit_ids as string[],
      actionTitle: r.action_title as string,
      planTitle: r.plan_title as string,
      planCreatedBy: (r.created_by as string) ?? null,
    }));
  }

  /** Marks the event as turned into notices; false when another worker did it first. */
  async claimEvent(eventId: string): Promise<boolean> {
    const rows = await this.db.query(`INSERT INTO notification_source_event (event_id) VALUES ($1) ON CONFLICT DO NOTHING RETURNING event_id`, [eventId]);
    return rows.length > 0;
  }

  /** The plan's coordinator (its creator, if a coordinator), else every coordinator. */
  async coordinatorsOf(planCreatedBy: string | null): Promise<string[]> {
    if (planCreatedBy) {
      const [row] = await this.db.query(`SELECT id FROM person WHERE id = $1 AND 'coordinator' = ANY(roles) AND deactivated_at IS NULL`, [planCreatedBy]);
      if (row) return [row.id];
    }
    return this.activeAmong(await new OrgChartRepository(this.db).coordinators());
  }

  /** Deactivated people get no notices: recipients are filtered through this. */
  activeAmong(personIds: string[]): Promise<string[]> {
    return new PersonRepository(this.db).activeAmong(personIds);
  }

  async ownersOf(personIds: string[], unitIds: string[]): Promise<string[]> {
    return [...new Set([...personIds, ...(await new OrgChartRepository(this.db).headsOfUnits(unitIds))])];
  }

  enqueue(entries: OutboxEntry[]): Promise<number> {
    return new NotificationRepository(this.db).enqueue(entries);
  }
}
