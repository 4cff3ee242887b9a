import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 19: one digest mail per plan and reader, and the one-click unsubscribe of RFC 8058.
 *
 * `notification_digest` is the digest mail's unique key (reader + plan + window, spelled in the
 * outbox's digest_key): the first claim of a digest inserts it, so a notice that reaches the
 * outbox after its window's digest went out can be told apart from a retry of that digest, and
 * a second digest mail for the same window is never written.
 *
 * `notification_unsubscribe_token` holds each reader's one-click unsubscribe token: random, made
 * when the first mail to them is written, and kept in clear because every later mail carries it
 * (see UnsubscribeTokenRepository for why a stored token rather than an HMAC).
 */
export class PlanDigests1764000012000 implements MigrationInterface {
  name = 'PlanDigests1764000012000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE notification_digest (
        digest_key text PRIMARY KEY,
        recipient_person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        claimed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notification_unsubscribe_token (
        person_id uuid PRIMARY KEY REFERENCES person(id) ON DELETE CASCADE,
        token text NOT NULL UNIQUE CHECK (length(token) BETWEEN 32 AND 128),
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE notification_unsubscribe_token`);
    await q.query(`DROP TABLE notification_digest`);
  }
}
