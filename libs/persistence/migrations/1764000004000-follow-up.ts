import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The follow-up engine's second shape: the action's workflow holds its open occurrences, and the
 * occurrence row is the arbiter of each change (checked under a row lock). The row now records
 * which workflow follows it (NULL: a first-version `occurrence:<action>:<period>` workflow), its
 * generation and when its notices were armed; every notice sent is recorded once, by key.
 */
export class FollowUp1764000004000 implements MigrationInterface {
  name = 'FollowUp1764000004000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE occurrence ADD COLUMN workflow_id text`);
    await q.query(`ALTER TABLE occurrence ADD COLUMN generation int NOT NULL DEFAULT 0`);
    await q.query(`ALTER TABLE occurrence ADD COLUMN armed_at timestamptz`);
    await q.query(`UPDATE occurrence SET status = 'open' WHERE status = 'due'`); // never written, but once allowed
    await q.query(`ALTER TABLE occurrence ADD CONSTRAINT occurrence_status_check CHECK (status IN ('open', 'overdue', 'escalated', 'completed', 'skipped', 'cancelled'))`);
    await q.query(`
      CREATE TABLE occurrence_notice (
        occurrence_id uuid NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
        generation int NOT NULL,
        kind text NOT NULL,
        step int NOT NULL,
        fired_at timestamptz NOT NULL,
        recipient_person_ids uuid[] NOT NULL DEFAULT '{}',
        PRIMARY KEY (occurrence_id, generation, kind, step)
      )`);
    await q.query(`CREATE INDEX occurrence_action_open_idx ON occurrence(action_id) WHERE status IN ('open', 'overdue', 'escalated')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX occurrence_action_open_idx');
    await q.query('DROP TABLE occurrence_notice');
    await q.query('ALTER TABLE occurrence DROP CONSTRAINT occurrence_status_check');
    await q.query('ALTER TABLE occurrence DROP COLUMN armed_at, DROP COLUMN generation, DROP COLUMN workflow_id');
  }
}
