import { EntityManager } from 'typeorm';

export interface OutboxEntry {
  dedupeKey: string;
  recipientPersonId: string;
  kind: string;
  planId?: string;
  actionId?: string;
  occurrenceId?: string;
  payload: Record<string, unknown>;
}

/**
 * The notification outbox: one row per notice and recipient, unique by dedupe key, so a retried
 * activity never queues a notice twice. E-mail delivery and the in-app list both read it. The
 * action's row is the arbiter of whether it is still followed: nothing is queued about an action
 * withdrawn in the database, even when its workflow has not heard of that yet (Temporal was down
 * and its timers fire as it comes back, before the withdrawal reaches the workflow).
 * Raw SQL: rows are queued with ON CONFLICT (dedupe_key) DO NOTHING, after a FOR SHARE read of the actions they are about.
 */
export class NotificationRepository {
  constructor(private readonly db: EntityManager) {}

  /** Queues the entries; returns how many were new. */
  async enqueue(entries: OutboxEntry[]): Promise<number> {
    const withdrawn = await this.withdrawnActions(entries);
    let created = 0;
    for (const e of entries) {
      if (e.actionId && withdrawn.has(e.actionId)) continue;
      const rows = await this.db.query(
        `INSERT INTO notification (dedupe_key, recipient_person_id, kind, plan_id, action_id, occurrence_id, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [e.dedupeKey, e.recipientPersonId, e.kind, e.planId ?? null, e.actionId ?? null, e.occurrenceId ?? null, e.payload],
      );
      created += rows.length;
    }
    return created;
  }

  /**
   * The entries' actions that are withdrawn. FOR SHARE: a withdrawal (which locks the row FOR
   * UPDATE) either commits first and is seen here, or waits until these notices are queued.
   */
  private async withdrawnActions(entries: OutboxEntry[]): Promise<Set<string>> {
    const ids = [...new Set(entries.map((e) => e.actionId).filter((id): id is string => Boolean(id)))];
    if (ids.length === 0) return new Set();
    const rows: Array<{ id: string; status: string }> = await this.db.query('SELECT id, status FROM action WHERE id = ANY($1::uuid[]) ORDER BY id FOR SHARE', [ids]);
    return new Set(rows.filter((r) => r.status === 'withdrawn').map((r) => r.id));
  }
}
