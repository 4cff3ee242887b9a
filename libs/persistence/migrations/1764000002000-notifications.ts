import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mail delivery from the notification outbox, people's notification preferences and language,
 * and calendar feeds. The outbox row itself carries its mail state (see MailSender for the
 * exactly-once rules that these columns implement).
 */
export class Notifications1764000002000 implements MigrationInterface {
  name = 'Notifications1764000002000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person ADD COLUMN locale text NOT NULL DEFAULT 'sv' CHECK (locale IN ('sv', 'en'))`);
    // pending: not yet routed by preference; queued: wait for mail_due_at; claimed: leased, SMTP not
    // yet talked to; transmitting: handed to SMTP, outcome unknown until recorded; then sent,
    // presumed-sent (sender died while transmitting), failed (gave up), off (preference) or
    // in-app (no SMTP configured when it was routed).
    await q.query(`
      ALTER TABLE notification
        ADD COLUMN mail_state text NOT NULL DEFAULT 'pending'
          CHECK (mail_state IN ('pending', 'queued', 'claimed', 'transmitting', 'sent', 'presumed-sent', 'failed', 'off', 'in-app')),
        ADD COLUMN mail_due_at timestamptz,
        ADD COLUMN lease_until timestamptz,
        ADD COLUMN claim_id uuid,
        ADD COLUMN digest_key text,
        ADD COLUMN message_id text,
        ADD COLUMN last_error text`);
    await q.query(`CREATE INDEX notification_mail_idx ON notification(mail_state, mail_due_at) WHERE mail_state IN ('pending', 'queued', 'claimed', 'transmitting')`);
    await q.query(`CREATE INDEX notification_unread_idx ON notification(recipient_person_id) WHERE read_at IS NULL`);
    await q.query(`
      CREATE TABLE notification_attempt (
        id bigserial PRIMARY KEY,
        notification_id uuid NOT NULL REFERENCES notification(id) ON DELETE CASCADE,
        attempt int NOT NULL,
        claim_id uuid NOT NULL,
        started_at timestamptz NOT NULL DEFAULT now(),
        finished_at timestamptz,
        outcome text CHECK (outcome IN ('sent', 'failed', 'abandoned', 'unknown')),
        error text,
        UNIQUE (notification_id, attempt)
      )`);
    // Occurrence events (postponed, completed) already turned into outbox rows: exact, not a cursor,
    // because bigserial ids can commit out of order.
    await q.query(`
      CREATE TABLE notification_source_event (
        event_id bigint PRIMARY KEY REFERENCES occurrence_event(id) ON DELETE CASCADE,
        processed_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE notification_preference (
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        kind text NOT NULL,
        delivery text NOT NULL CHECK (delivery IN ('immediate', 'digest', 'off')),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (person_id, kind),
        CHECK (kind <> 'escalation' OR delivery <> 'off')
      )`);
    await q.query(`
      CREATE TABLE calendar_feed (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        plan_id uuid REFERENCES plan(id) ON DELETE CASCADE,
        token_hash text NOT NULL UNIQUE,
        created_at timestamptz NOT NULL DEFAULT now(),
        revoked_at timestamptz
      )`);
    await q.query(`CREATE INDEX calendar_feed_person_idx ON calendar_feed(person_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE calendar_feed`);
    await q.query(`DROP TABLE notification_preference`);
    await q.query(`DROP TABLE notification_source_event`);
    await q.query(`DROP TABLE notification_attempt`);
    await q.query(`DROP INDEX notification_unread_idx`);
    await q.query(`DROP INDEX notification_mail_idx`);
    await q.query(`ALTER TABLE notification DROP COLUMN mail_state, DROP COLUMN mail_due_at, DROP COLUMN lease_until, DROP COLUMN claim_id,
                   DROP COLUMN digest_key, DROP COLUMN message_id, DROP COLUMN last_error`);
    await q.query(`ALTER TABLE person DROP COLUMN locale`);
  }
}
