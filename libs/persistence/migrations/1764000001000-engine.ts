import { MigrationInterface, QueryRunner } from 'typeorm';

/** Plans, actions, occurrences and everything the follow-up engine records about them. */
export class Engine1764000001000 implements MigrationInterface {
  name = 'Engine1764000001000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE substitute (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        substitute_person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        starts_on date NOT NULL,
        ends_on date NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        CHECK (starts_on <= ends_on),
        CHECK (person_id <> substitute_person_id)
      )`);
    await q.query(`
      CREATE TABLE plan (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        title text NOT NULL,
        start_date date NOT NULL,
        timezone text NOT NULL DEFAULT 'Europe/Stockholm',
        reporting_cadence text NOT NULL DEFAULT 'half-yearly',
        policy jsonb,
        decision jsonb,
        created_by uuid REFERENCES person(id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE area (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        title text NOT NULL,
        position int NOT NULL DEFAULT 0,
        UNIQUE (plan_id, title)
      )`);
    await q.query(`
      CREATE TABLE action (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        area_id uuid REFERENCES area(id) ON DELETE SET NULL,
        title text NOT NULL,
        when_text text,
        schedule_input jsonb NOT NULL,
        schedule jsonb NOT NULL,
        policy jsonb,
        owner_unit_ids uuid[] NOT NULL DEFAULT '{}',
        owner_person_ids uuid[] NOT NULL DEFAULT '{}',
        status text NOT NULL DEFAULT 'active',
        position int NOT NULL DEFAULT 0,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX action_plan_idx ON action(plan_id)`);
    await q.query(`
      CREATE TABLE occurrence (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        period_key text NOT NULL,
        period_start date NOT NULL,
        period_end date NOT NULL,
        due_at timestamptz NOT NULL,
        original_due_at timestamptz NOT NULL,
        status text NOT NULL,
        owner_person_ids uuid[] NOT NULL DEFAULT '{}',
        owner_unit_ids uuid[] NOT NULL DEFAULT '{}',
        escalation_level int NOT NULL DEFAULT 0,
        completed_at timestamptz,
        completed_by uuid REFERENCES person(id) ON DELETE SET NULL,
        completed_on_behalf_of uuid REFERENCES person(id) ON DELETE SET NULL,
        completed_on_time boolean,
        completion_note text,
        evidence_url text,
        skip_reason text,
        opened_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        last_sequence int NOT NULL DEFAULT 0,
        UNIQUE (action_id, period_key)
      )`);
    await q.query(`CREATE INDEX occurrence_status_due_idx ON occurrence(status, due_at)`);
    await q.query(`CREATE INDEX occurrence_plan_due_idx ON occurrence(plan_id, due_at)`);
    await q.query(`CREATE INDEX occurrence_owner_idx ON occurrence USING gin(owner_person_ids)`);
    await q.query(`
      CREATE TABLE occurrence_event (
        id bigserial PRIMARY KEY,
        occurrence_id uuid NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
        sequence int NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        at timestamptz NOT NULL,
        actor_person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        data jsonb NOT NULL DEFAULT '{}',
        UNIQUE (occurrence_id, sequence)
      )`);
    await q.query(`
      CREATE TABLE escalation (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        occurrence_id uuid NOT NULL REFERENCES occurrence(id) ON DELETE CASCADE,
        generation int NOT NULL,
        step int NOT NULL,
        target_person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        target_unit_id uuid REFERENCES unit(id) ON DELETE SET NULL,
        escalated_at timestamptz NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        acknowledged_at timestamptz,
        acknowledged_by uuid REFERENCES person(id) ON DELETE SET NULL,
        UNIQUE (occurrence_id, generation, step)
      )`);
    await q.query(`CREATE INDEX escalation_target_idx ON escalation(target_person_id)`);
    await q.query(`
      CREATE TABLE notification (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        dedupe_key text NOT NULL UNIQUE,
        recipient_person_id uuid NOT NULL REFERENCES person(id) ON DELETE CASCADE,
        kind text NOT NULL,
        plan_id uuid REFERENCES plan(id) ON DELETE CASCADE,
        action_id uuid REFERENCES action(id) ON DELETE CASCADE,
        occurrence_id uuid REFERENCES occurrence(id) ON DELETE CASCADE,
        payload jsonb NOT NULL DEFAULT '{}',
        created_at timestamptz NOT NULL DEFAULT now(),
        read_at timestamptz,
        sent_at timestamptz,
        attempts int NOT NULL DEFAULT 0
      )`);
    await q.query(`CREATE INDEX notification_recipient_idx ON notification(recipient_person_id, created_at DESC)`);
    await q.query(`CREATE INDEX notification_unsent_idx ON notification(created_at) WHERE sent_at IS NULL`);
    await q.query(`
      CREATE TABLE action_status_update (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        action_id uuid NOT NULL REFERENCES action(id) ON DELETE CASCADE,
        period_key text NOT NULL,
        person_id uuid REFERENCES person(id) ON DELETE SET NULL,
        text text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX action_status_update_idx ON action_status_update(action_id, period_key)`);
    await q.query(`
      CREATE TABLE report_snapshot (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        plan_id uuid NOT NULL REFERENCES plan(id) ON DELETE CASCADE,
        period_key text NOT NULL,
        period_start timestamptz NOT NULL,
        period_end timestamptz NOT NULL,
        document jsonb NOT NULL,
        frozen_at timestamptz NOT NULL,
        UNIQUE (plan_id, period_key)
      )`);
    // Frozen means frozen: the database itself refuses to change a snapshot.
    await q.query(`
      CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$`);
    await q.query(`CREATE TRIGGER report_snapshot_frozen BEFORE UPDATE ON report_snapshot FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
    await q.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_person_id uuid,
        entity text NOT NULL,
        entity_id text NOT NULL,
        plan_id uuid,
        action text NOT NULL,
        before jsonb,
        after jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_entity_idx ON audit_log(entity, entity_id)`);
    await q.query(`CREATE INDEX audit_log_plan_idx ON audit_log(plan_id, at)`);
    await q.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_change()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'report_snapshot', 'action_status_update', 'notification', 'escalation', 'occurrence_event', 'occurrence', 'action', 'area', 'plan', 'substitute']) {
      await q.query(`DROP TABLE IF EXISTS ${table}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS refuse_change()`);
  }
}
