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
 * activity never queues a notice twice. E-mail delivery and the in-app list both read it.
 */
export class NotificationRepository {
  constructor(private readonly db: EntityManager) {}

  /** Queues the entries; returns how many were new. */
  async enqueue(entries: OutboxEntry[]): Promise<number> {
    let created = 0;
    for (const e of entries) {
      const rows = await this.db.query(
        `INSERT INTO notification (dedupe_key, recipient_person_id, kind, plan_id, action_id, occurrence_id, payload)
         VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (dedupe_key) DO NOTHING RETURNING id`,
        [e.dedupeKey, e.recipientPersonId, e.kind, e.planId ?? null, e.actionId ?? null, e.occurrenceId ?? null, e.payload],
      );
      created += rows.length;
    }
    return created;
  }
}
