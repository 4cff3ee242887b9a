import { EntityManager } from 'typeorm';

export interface InboxItem {
  id: string;
  kind: string;
  planId: string | null;
  actionId: string | null;
  occurrenceId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  readAt: string | null;
  mail: { state: string; sentAt: string | null };
}

/**
 * The in-app view of the notification outbox: one person's notices, read and unread.
 * Raw SQL: optional filters and keyset paging in one statement, and an idempotent mark-read (COALESCE) that says whether the notice was theirs.
 */
export class NotificationInboxRepository {
  constructor(private readonly db: EntityManager) {}

  async list(personId: string, options: { unreadOnly?: boolean; limit: number; before?: string }): Promise<InboxItem[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT id, kind, plan_id, action_id, occurrence_id, payload, created_at, read_at, mail_state, sent_at FROM notification
        WHERE recipient_person_id = $1 AND ($2::boolean IS NOT TRUE OR read_at IS NULL) AND ($3::timestamptz IS NULL OR created_at < $3)
        ORDER BY created_at DESC, id LIMIT $4`,
      [personId, options.unreadOnly ?? false, options.before ?? null, options.limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      kind: r.kind as string,
      planId: (r.plan_id as string) ?? null,
      actionId: (r.action_id as string) ?? null,
      occurrenceId: (r.occurrence_id as string) ?? null,
      payload: r.payload as Record<string, unknown>,
      createdAt: (r.created_at as Date).toISOString(),
      readAt: r.read_at ? (r.read_at as Date).toISOString() : null,
      mail: { state: r.mail_state as string, sentAt: r.sent_at ? (r.sent_at as Date).toISOString() : null },
    }));
  }

  async unreadCount(personId: string): Promise<number> {
    const [row] = await this.db.query('SELECT count(*)::int AS n FROM notification WHERE recipient_person_id = $1 AND read_at IS NULL', [personId]);
    return row.n;
  }

  /** Marks one notice read (idempotent: the first read time stands); false if it is not theirs. */
  async markRead(personId: string, id: string): Promise<boolean> {
    const [, count] = await this.db.query(
      `WITH target AS (SELECT id FROM notification WHERE id = $2 AND recipient_person_id = $1)
       UPDATE notification n SET read_at = COALESCE(n.read_at, now()) FROM target WHERE n.id = target.id RETURNING n.id`,
      [personId, id],
    );
    return count > 0;
  }

  async markAllRead(personId: string): Promise<number> {
    const [, count] = await this.db.query('UPDATE notification SET read_at = now() WHERE recipient_person_id = $1 AND read_at IS NULL', [personId]);
    return count;
  }
}
