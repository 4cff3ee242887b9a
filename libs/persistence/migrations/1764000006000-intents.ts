import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Side effects on Temporal that must never be lost or doubled, and requests that must never be
 * carried out twice:
 * - temporal_intent: an outbox of Temporal commands (start a workflow, signal it, send it an
 *   update), written in the same transaction as the row change they follow from, and carried out
 *   in id order per workflow by the API at once and by its reconciler until done;
 * - idempotency_key: the first answer to a request that carried an Idempotency-Key header.
 * Rows committed before this migration whose workflow may not have started get their intents here.
 */
export class Intents1764000006000 implements MigrationInterface {
  name = 'Intents1764000006000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE temporal_intent (
        id bigserial PRIMARY KEY,
        kind text NOT NULL,
        workflow_id text NOT NULL,
        subject_id uuid NOT NULL,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        attempted_at timestamptz,
        attempts int NOT NULL DEFAULT 0,
        claimed_until timestamptz,
        done_at timestamptz,
        outcome text,
        last_error text,
        CHECK ((done_at IS NULL) = (outcome IS NULL)),
        CHECK (outcome IN ('applied', 'rejected', 'moot'))
      )`);
    await q.query('CREATE INDEX temporal_intent_pending_idx ON temporal_intent(workflow_id, id) WHERE done_at IS NULL');
    await q.query('CREATE INDEX temporal_intent_pending_subject_idx ON temporal_intent(subject_id) WHERE done_at IS NULL');
    await q.query('CREATE INDEX temporal_intent_done_idx ON temporal_intent(done_at) WHERE done_at IS NOT NULL');
    await q.query(`
      CREATE TABLE idempotency_key (
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        key text NOT NULL,
        method text NOT NULL,
        path text NOT NULL,
        request_hash text NOT NULL,
        response_status int,
        response_body json,
        completed boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        PRIMARY KEY (person_id, key)
      )`);
    await q.query('CREATE INDEX idempotency_key_expiry_idx ON idempotency_key(expires_at)');
    // Before intents, a reconciler started the workflows of actions left in 'starting' and, at
    // boot, of every plan; from now on pending intents say what is left to do.
    await q.query(`
      INSERT INTO temporal_intent (kind, workflow_id, subject_id, payload)
      SELECT 'start-plan-reporting', 'plan-reporting:' || id, id, '{}' FROM plan ORDER BY created_at`);
    await q.query(`
      INSERT INTO temporal_intent (kind, workflow_id, subject_id, payload)
      SELECT 'start-action', 'action:' || id, id, jsonb_build_object('followFrom', to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))
        FROM action WHERE status = 'starting' ORDER BY created_at`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE idempotency_key');
    await q.query('DROP TABLE temporal_intent');
  }
}
