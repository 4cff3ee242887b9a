import { MigrationInterface, QueryRunner } from 'typeorm';

export class Organisation1764000000000 implements MigrationInterface {
  name = 'Organisation1764000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE person (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        email text NOT NULL UNIQUE,
        unit_id uuid,
        roles text[] NOT NULL DEFAULT '{}',
        password_hash text,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT person_email_lower CHECK (email = lower(email))
      )`);
    await q.query(`
      CREATE TABLE unit (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name text NOT NULL,
        parent_id uuid REFERENCES unit(id) ON DELETE RESTRICT,
        head_person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`ALTER TABLE person ADD CONSTRAINT person_unit_fk FOREIGN KEY (unit_id) REFERENCES unit(id) ON DELETE SET NULL`);
    await q.query(`CREATE INDEX unit_parent_idx ON unit(parent_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE person DROP CONSTRAINT person_unit_fk`);
    await q.query(`DROP TABLE unit`);
    await q.query(`DROP TABLE person`);
  }
}
