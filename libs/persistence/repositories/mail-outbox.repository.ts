import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { UnsubscribeTokenRepository } from './unsubscribe-token.repository';

/** One outbox row as the mail sender needs it, with its recipient. */
export interface OutboxMailRow {
  id: string;
  dedupeKey: string;
  kind: string;
  digestKey: string | null;
  planId: string | null;
  actionId: string | null;
  occurrenceId: string | null;
  payload: Record<string, unknown>;
  createdAt: string;
  attempt: number;
  messageId: string | null;
  /**
   * The Message-ID of the first mail this person got about the same occurrence, when this is not
   * that one: mail clients thread the later notices under it (In-Reply-To, References).
   */
  threadRoot: string | null;
  /** What the reader needs to act from the mail alone, read when it is claimed; null for notices of no occurrence. */
  context: NoticeContext | null;
  /** The reader, with the token of their one-click unsubscribe URL (List-Unsubscribe). */
  recipient: { id: string; name: string; email: string; locale: 'sv' | 'en'; unsubscribeToken: string };
}

/** The occurrence behind a notice as it stands when the mail is written. */
export interface NoticeContext {
  area: string | null;
  /** The occurrence's owners, by name. */
  owners: string[];
  /** The units that own it, or that its owners belong to. */
  units: string[];
  /** The latest note or reason on the occurrence (a postponement's reason, an acknowledgement's note). */
  latestNote: string | null;
  /** Who the escalation ladder reached, step by step (steps from 1), in its latest round. */
  escalations: Array<{ step: number; name: string }>;
}

/** One mail to send: a single notice, or a digest of several for one person. */
export interface MailClaim {
  claimId: string;
  rows: OutboxMailRow[];
}

/**
 * The mail side of the notification outbox. Each method is one short committed transaction, so
 * that what the database says about a mail is always what the sender knew at that moment
 * (the states are described in MailSender, which implements the exactly-once rules).
 * Raw SQL: claims, digests and lease recovery are set-based UPDATEs with FOR UPDATE SKIP LOCKED subqueries; row-at-a-time would break the exactly-once rules.
 */
export class MailOutboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Claims the earliest due mail (a single row, or every due row of its digest) with a lease, and
   * opens an attempt for each row. Concurrent senders skip rows another one holds.
   */
  async claimNext(leaseMs: number, messageIdFor: (rows: OutboxMailRow[]) => string): Promise<MailClaim | undefined> {
    return this.dataSource.transaction(async (db) => {
      const [first] = await db.query(
        `SELECT n.id, n.digest_key FROM notification n JOIN person p ON p.id = n.recipient_person_id
          WHERE n.mail_state = 'queued' AND n.mail_due_at <= now() AND p.deactivated_at IS NULL
          ORDER BY n.mail_due_at, n.created_at LIMIT 1 FOR UPDATE OF n SKIP LOCKED`,
      );
      if (!first) return undefined;
      const ids = first.digest_key ? await digestRows(db, first.digest_key) : [first.id];
      const claimId = randomUUID();
      const [raw]: [Array<Record<string, unknown>>, number] = await db.query(
        `UPDATE notification n SET mail_state = 'claimed', claim_id = $2, lease_until = now() + ($3 || ' milliseconds')::interval,
                attempts = n.attempts + 1
           FROM person p
          WHERE n.id = ANY($1::uuid[]) AND p.id = n.recipient_person_id
          RETURNING n.id, n.dedupe_key, n.kind, n.digest_key, n.plan_id, n.action_id, n.occurrence_id, n.payload, n.created_at,
                    n.attempts, n.message_id, p.id AS person_id, p.name, p.email, p.locale`,
        [ids, claimId, String(leaseMs)],
      );
      const rows = raw.map(toRow).sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
      if (rows.length === 1 && !rows[0].digestKey && rows[0].occurrenceId) rows[0].threadRoot = await threadRootOf(db, rows[0]);
      await attachContext(db, rows);
      const token = await new UnsubscribeTokenRepository(db).tokenFor(rows[0].recipient.id);
      for (const row of rows) row.recipient.unsubscribeToken = token;
      const messageId = rows.length === 1 && rows[0].messageId ? rows[0].messageId : messageIdFor(rows);
      await db.query(`UPDATE notification SET message_id = $2 WHERE id = ANY($1::uuid[])`, [ids, messageId]);
      for (const row of rows) {
        row.messageId = messageId;
        await db.query(`INSERT INTO notification_attempt (notification_id, attempt, claim_id) VALUES ($1, $2, $3)`, [row.id, row.attempt, claimId]);
      }
      return { claimId, rows };
    });
  }

  /**
   * Mail waiting for someone who has been deactivated since it was queued is not sent: it is
   * marked off (the notice stays in the app's list, for the history). Returns how many.
   */
  async dropForDeactivated(): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE notification n SET mail_state = 'off', last_error = 'recipient deactivated'
         FROM person p WHERE p.id = n.recipient_person_id AND p.deactivated_at IS NOT NULL AND n.mail_state = 'queued'`,
    );
    return count;
  }

  /** The point of no return: true if the claim still holds and SMTP may now be talked to. */
  async markTransmitting(claimId: string, leaseMs: number): Promise<boolean> {
    const [, count] = await this.dataSource.query(
      `UPDATE notification SET mail_state = 'transmitting', lease_until = now() + ($2 || ' milliseconds')::interval
        WHERE claim_id = $1 AND mail_state = 'claimed' AND lease_until > now()`,
      [claimId, String(leaseMs)],
    );
    return count > 0;
  }

  async recordSent(claimId: string): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await db.query(
        `UPDATE notification SET mail_state = 'sent', sent_at = now(), lease_until = NULL, last_error = NULL
          WHERE claim_id = $1 AND mail_state IN ('transmitting', 'presumed-sent')`,
        [claimId],
      );
      await db.query(`UPDATE notification_attempt SET finished_at = now(), outcome = 'sent', error = NULL WHERE claim_id = $1`, [claimId]);
    });
  }

  /** A refused or failed attempt: retry after `retryInMs`, or give up when it is undefined. */
  async recordFailure(claimId: string, error: string, retryInMs: number | undefined): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await db.query(
        `UPDATE notification SET
           mail_state = CASE WHEN $3::bigint IS NULL THEN 'failed' ELSE 'queued' END,
           mail_due_at = CASE WHEN $3::bigint IS NULL THEN mail_due_at ELSE now() + ($3 || ' milliseconds')::interval END,
           claim_id = NULL, lease_until = NULL, last_error = $2
         WHERE claim_id = $1 AND mail_state IN ('claimed', 'transmitting')`,
        [claimId, error, retryInMs === undefined ? null : String(Math.round(retryInMs))],
      );
      await db.query(`UPDATE notification_attempt SET finished_at = now(), outcome = 'failed', error = $2 WHERE claim_id = $1 AND outcome IS NULL`, [claimId, error]);
    });
  }

  /**
   * Claims whose sender vanished (its lease ran out). Not yet transmitting: nothing left this
   * machine, so the mail is queued again. Transmitting: the outcome is unknown and the mail is
   * presumed sent, never sent again (see MailSender).
   */
  async recoverExpired(): Promise<{ requeued: number; presumedSent: number }> {
    return this.dataSource.transaction(async (db) => {
      // TypeORM returns [rows, count] for an UPDATE on PostgreSQL.
      const [abandoned]: [Array<{ claim_id: string }>, number] = await db.query(
        `WITH expired AS (SELECT id, claim_id FROM notification WHERE mail_state = 'claimed' AND lease_until <= now() FOR UPDATE SKIP LOCKED)
         UPDATE notification n SET mail_state = 'queued', mail_due_at = now(), claim_id = NULL, lease_until = NULL
           FROM expired e WHERE n.id = e.id RETURNING e.claim_id`,
      );
      await db.query(
        `UPDATE notification_attempt SET finished_at = now(), outcome = 'abandoned', error = 'sender stopped before SMTP'
          WHERE claim_id = ANY($1::uuid[]) AND outcome IS NULL`,
        [abandoned.map((r) => r.claim_id)],
      );
      const [unknown]: [Array<{ claim_id: string }>, number] = await db.query(
        `UPDATE notification SET mail_state = 'presumed-sent', lease_until = NULL, last_error = 'sender stopped while transmitting'
          WHERE mail_state = 'transmitting' AND lease_until <= now() RETURNING claim_id`,
      );
      await db.query(
        `UPDATE notification_attempt SET finished_at = now(), outcome = 'unknown', error = 'sender stopped while transmitting'
          WHERE claim_id = ANY($1::uuid[]) AND outcome IS NULL`,
        [unknown.map((r) => r.claim_id)],
      );
      return { requeued: abandoned.length, presumedSent: unknown.length };
    });
  }
}

/**
 * The due rows of one digest mail (one reader, one plan, one window), locked. Its first claim
 * records the digest's key, which is unique: a later claim of the same key is either a retry of
 * that mail (its rows already carry the Message-ID fixed at the first claim) or a notice that
 * reached the outbox after the mail went out. Such a notice is taken out of the digest and mailed
 * on its own, so no window ever gets a second digest mail and no notice waits a day for the next.
 */
async function digestRows(db: EntityManager, digestKey: string): Promise<string[]> {
  const rows: Array<{ id: string; message_id: string | null; recipient_person_id: string }> = await db.query(
    `SELECT id, message_id, recipient_person_id FROM notification
      WHERE digest_key = $1 AND mail_state = 'queued' AND mail_due_at <= now() ORDER BY created_at FOR UPDATE`,
    [digestKey],
  );
  if (!rows.length) return [];
  const opened = await db.query(
    `INSERT INTO notification_digest (digest_key, recipient_person_id) VALUES ($1, $2) ON CONFLICT (digest_key) DO NOTHING RETURNING digest_key`,
    [digestKey, rows[0].recipient_person_id],
  );
  if (opened.length) return rows.map((r) => r.id);
  const retry = rows.filter((r) => r.message_id !== null).map((r) => r.id);
  const late = rows.filter((r) => r.message_id === null).map((r) => r.id);
  if (late.length) await db.query(`UPDATE notification SET digest_key = NULL WHERE id = ANY($1::uuid[])`, [late]);
  return retry.length ? retry : late.slice(0, 1);
}

async function attachContext(db: EntityManager, rows: OutboxMailRow[]): Promise<void> {
  const ids = [...new Set(rows.map((r) => r.occurrenceId).filter((id): id is string => id !== null))];
  if (ids.length === 0) return;
  const facts: Array<{ id: string; area: string | null; owners: string[]; units: string[]; latest_note: string | null }> = await db.query(
    `SELECT o.id, ar.title AS area,
            ARRAY(SELECT p.name FROM person p WHERE p.id = ANY(o.owner_person_ids) ORDER BY p.name) AS owners,
            ARRAY(SELECT u.name FROM unit u
                   WHERE u.id = ANY(o.owner_unit_ids) OR u.id IN (SELECT p.unit_id FROM person p WHERE p.id = ANY(o.owner_person_ids))
                   ORDER BY u.name) AS units,
            (SELECT coalesce(e.data->>'note', e.data->>'reason') FROM occurrence_event e
              WHERE e.occurrence_id = o.id AND coalesce(e.data->>'note', e.data->>'reason') <> ''
              ORDER BY e.sequence DESC LIMIT 1) AS latest_note
       FROM occurrence o JOIN action a ON a.id = o.action_id LEFT JOIN area ar ON ar.id = a.area_id
      WHERE o.id = ANY($1::uuid[])`,
    [ids],
  );
  // The latest round of the ladder only: a new due date starts it again (a new generation).
  const steps: Array<{ occurrence_id: string; step: number; name: string | null }> = await db.query(
    `SELECT e.occurrence_id, e.step + 1 AS step, coalesce(p.name, u.name) AS name
       FROM escalation e LEFT JOIN person p ON p.id = e.target_person_id LEFT JOIN unit u ON u.id = e.target_unit_id
      WHERE e.occurrence_id = ANY($1::uuid[])
        AND e.generation = (SELECT max(generation) FROM escalation l WHERE l.occurrence_id = e.occurrence_id)
      ORDER BY e.step`,
    [ids],
  );
  for (const row of rows) {
    const f = facts.find((x) => x.id === row.occurrenceId);
    if (!f) continue;
    const escalations = steps.filter((s) => s.occurrence_id === f.id && s.name).map((s) => ({ step: s.step, name: s.name as string }));
    row.context = { area: f.area, owners: f.owners, units: f.units, latestNote: f.latest_note, escalations };
  }
}

/** The first notice mailed to this person about this occurrence (a digest is no thread's start). */
async function threadRootOf(db: EntityManager, row: OutboxMailRow): Promise<string | null> {
  const [first] = await db.query(
    `SELECT message_id FROM notification
      WHERE occurrence_id = $1 AND recipient_person_id = $2 AND id <> $3 AND digest_key IS NULL AND message_id IS NOT NULL
        AND mail_state IN ('transmitting', 'presumed-sent', 'sent')
      ORDER BY created_at, id LIMIT 1`,
    [row.occurrenceId, row.recipient.id, row.id],
  );
  return first?.message_id ?? null;
}

function toRow(r: Record<string, unknown>): OutboxMailRow {
  return {
    id: r.id as string,
    dedupeKey: r.dedupe_key as string,
    kind: r.kind as string,
    digestKey: (r.digest_key as string) ?? null,
    planId: (r.plan_id as string) ?? null,
    actionId: (r.action_id as string) ?? null,
    occurrenceId: (r.occurrence_id as string) ?? null,
    payload: (r.payload as Record<string, unknown>) ?? {},
    createdAt: new Date(r.created_at as string).toISOString(),
    attempt: r.attempts as number,
    messageId: (r.message_id as string) ?? null,
    threadRoot: null,
    context: null,
    recipient: { id: r.person_id as string, name: r.name as string, email: r.email as string, locale: r.locale === 'en' ? 'en' : 'sv', unsubscribeToken: '' },
  };
}
