import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Plans can be archived: their actions keep their own status but send and open nothing while the
 * plan is archived (the engine reads the plan's state with the action's), and the plan stays
 * readable with its reports until it is restored.
 */
export class PlanArchive1764000007000 implements MigrationInterface {
  name = 'PlanArchive1764000007000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE plan ADD COLUMN archived_at timestamptz, ADD COLUMN archive_reason text');
    await q.query('ALTER TABLE plan ADD CONSTRAINT plan_archive_reason CHECK (archived_at IS NOT NULL OR archive_reason IS NULL)');
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE plan DROP CONSTRAINT plan_archive_reason, DROP COLUMN archive_reason, DROP COLUMN archived_at');
  }
}
