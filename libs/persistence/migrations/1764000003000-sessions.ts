import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bearer sessions: only a SHA-256 of the token is stored, so a database leak yields no tokens. */
export class Sessions1764000003000 implements MigrationInterface {
  name = 'Sessions1764000003000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE session (
        token_hash text PRIMARY KEY,
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL,
        revoked_at timestamptz
      )`);
    await q.query('CREATE INDEX session_person_idx ON session(person_id)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE session');
  }
}
