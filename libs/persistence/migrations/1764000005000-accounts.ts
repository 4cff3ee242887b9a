import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deactivated people: kept (their history, audit entries and ownership stay readable), but they
 * cannot sign in and get no notices. NULL means active.
 */
export class Accounts1764000005000 implements MigrationInterface {
  name = 'Accounts1764000005000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE person ADD COLUMN deactivated_at timestamptz');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE person DROP COLUMN deactivated_at');
  }
}
