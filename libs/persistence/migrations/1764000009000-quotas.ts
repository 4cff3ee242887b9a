import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Quotas (issue 14): an occurrence of a quota action ("minst sex gånger per år") is its period,
 * with a target and the instant the period starts (its end is the due instant); owners log each
 * time it happens as a quota entry, and the count of entries is its progress.
 */
export class Quotas1764000009000 implements MigrationInterface {
  name = 'Quotas1764000009000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE occurrence ADD COLUMN quota_target int CHECK (quota_target > 0)`);
    await q.query(`ALTER TABLE occurrence ADD COLUMN quota_starts_at timestamptz`);
    await q.query(`ALTER TABLE occurrence ADD CONSTRAINT occurrence_quota_whole CHECK ((quota_target IS NULL) = (quota_starts_at IS NULL))`);
    await q.query(`
      CREATE TABLE quota_entry (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurrence_id uuid NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
        happened_on date NOT NULL,
        note text,
        evidence_url text,
        logged_by uuid REFERENCES person(id) ON DELETE SET NULL,
        logged_on_behalf_of uuid REFERENCES person(id) ON DELETE SET NULL,
        logged_at timestamptz NOT NULL
      )`);
    await q.query(`CREATE INDEX quota_entry_occurrence_idx ON quota_entry(occurrence_id, happened_on)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE quota_entry`);
    await q.query(`ALTER TABLE occurrence DROP CONSTRAINT occurrence_quota_whole`);
    await q.query(`ALTER TABLE occurrence DROP COLUMN quota_starts_at`);
    await q.query(`ALTER TABLE occurrence DROP COLUMN quota_target`);
  }
}
