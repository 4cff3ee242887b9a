import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Reporting rounds (issue 13): per plan and period a round in which every action's owners owe a
 * status report — an occurrence of kind 'status-report', so that it is reminded and escalated like
 * any task — with an assessment and a comment; the coordinator's summaries per area and overall,
 * the approval, and the board's handling of the report.
 */
export class ReportingRounds1764000008000 implements MigrationInterface {
  name = 'ReportingRounds1764000008000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE reporting_round (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        period_key text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        opened_at timestamptz NOT NULL,
        deadline timestamptz NOT NULL,
        freezes_at timestamptz NOT NULL,
        return_for text NOT NULL,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'approved', 'frozen')),
        summary text,
        approved_by uuid REFERENCES person(id) ON DELETE SET NULL,
        approved_at timestamptz,
        frozen_at timestamptz,
        board_body text,
        board_date date,
        board_paragraph text,
        board_recorded_by uuid REFERENCES person(id) ON DELETE SET NULL,
        board_recorded_at timestamptz,
        UNIQUE (plan_id, period_key),
        CHECK ((status = 'open') = (frozen_at IS NULL)),
        CHECK ((status = 'approved') = (approved_at IS NOT NULL))
      )`);
    await q.query(`
      CREATE TABLE round_area_summary (
        round_id uuid NOT NULL REFERENCES reporting_round(id) ON DELETE CASCADE,
        area text NOT NULL,
        text text NOT NULL,
        updated_by uuid REFERENCES person(id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (round_id, area)
      )`);
    await q.query(`ALTER TABLE occurrence ADD COLUMN kind text NOT NULL DEFAULT 'task' CHECK (kind IN ('task', 'status-report'))`);
    await q.query(`ALTER TABLE occurrence ADD COLUMN round_id uuid REFERENCES reporting_round(id) ON DELETE CASCADE`);
    await q.query(`ALTER TABLE occurrence ADD CONSTRAINT occurrence_round_kind CHECK ((kind = 'status-report') = (round_id IS NOT NULL))`);
    await q.query(`CREATE INDEX occurrence_round_idx ON occurrence(round_id) WHERE round_id IS NOT NULL`);
    await q.query(`
      CREATE TABLE status_report (
        occurrence_id uuid PRIMARY KEY REFERENCES occurrence(id) ON DELETE CASCADE,
        assessment text CHECK (assessment IN ('completed', 'on-track', 'at-risk', 'deviation', 'not-started')),
        comment text,
        links text[] NOT NULL DEFAULT '{}',
        submitted_by uuid REFERENCES person(id) ON DELETE SET NULL,
        submitted_on_behalf_of uuid REFERENCES person(id) ON DELETE SET NULL,
        submitted_at timestamptz,
        returned_note text,
        returned_by uuid REFERENCES person(id) ON DELETE SET NULL,
        returned_at timestamptz
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE status_report');
    await q.query('ALTER TABLE occurrence DROP CONSTRAINT occurrence_round_kind');
    await q.query('DELETE FROM occurrence WHERE round_id IS NOT NULL');
    await q.query('ALTER TABLE occurrence DROP COLUMN round_id, DROP COLUMN kind');
    await q.query('DROP TABLE round_area_summary');
    await q.query('DROP TABLE reporting_round');
  }
}
