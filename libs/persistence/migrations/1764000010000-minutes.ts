import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Minutes (issue 15): a meeting whose minutes were read into a plan, the open questions they
 * left (items of the balance list until assigned or closed with a reason), the meeting and
 * paragraph an action came from, and units' abbreviations ("SBB"), which minutes use for them.
 */
export class Minutes1764000010000 implements MigrationInterface {
  name = 'Minutes1764000010000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE unit ADD COLUMN abbreviation text CHECK (length(abbreviation) BETWEEN 1 AND 40)`);
    await q.query(`
      CREATE TABLE meeting (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        title text NOT NULL,
        held_on date,
        next_meeting_on date,
        filename text,
        -- The same minutes read twice into one plan would create every action twice.
        text_sha256 text NOT NULL,
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        UNIQUE (plan_id, text_sha256)
      )`);
    await q.query(`
      CREATE TABLE open_question (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        meeting_id uuid NOT NULL REFERENCES meeting(id) ON DELETE CASCADE,
        question text NOT NULL,
        sentence text NOT NULL,
        place jsonb NOT NULL,
        -- Its order among the meeting's findings: one transaction gives them all the same created_at.
        position int NOT NULL DEFAULT 0,
        due_on date,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'assigned', 'closed')),
        action_id uuid REFERENCES action(id) ON DELETE SET NULL,
        closed_reason text,
        resolved_by uuid REFERENCES person(id) ON DELETE SET NULL,
        resolved_at timestamptz,
        created_at timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT open_question_closed_has_reason CHECK ((status = 'closed') = (closed_reason IS NOT NULL))
      )`);
    await q.query(`CREATE INDEX open_question_plan_idx ON open_question(plan_id, status)`);
    await q.query(`ALTER TABLE action ADD COLUMN source_meeting_id uuid REFERENCES meeting(id) ON DELETE SET NULL`);
    await q.query(`ALTER TABLE action ADD COLUMN source_place jsonb`);
    await q.query(`ALTER TABLE action ADD COLUMN source_sentence text`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE action DROP COLUMN source_sentence`);
    await q.query(`ALTER TABLE action DROP COLUMN source_place`);
    await q.query(`ALTER TABLE action DROP COLUMN source_meeting_id`);
    await q.query(`DROP TABLE open_question`);
    await q.query(`DROP TABLE meeting`);
    await q.query(`ALTER TABLE unit DROP COLUMN abbreviation`);
  }
}
