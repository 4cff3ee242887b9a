import { EntityManager } from 'typeorm';
import type { Owners } from '../../domain/occurrence/state';

/** What the engine's first version records when its occurrence workflow opens. */
export interface LegacyOpened {
  actionId: string;
  planId: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  dueInstant: string;
  owners: Owners;
  openedAt: string;
}

/** A transition as the engine's first version records it (its workflow numbers them). */
export interface LegacyTransition {
  actionId: string;
  periodKey: string;
  sequence: number;
  kind: string;
  status: string;
  at: string;
  dueInstant: string;
  actorPersonId?: string;
  owners?: Owners;
  data?: Record<string, unknown>;
}

/**
 * Occurrences as the engine's FIRST VERSION writes them (workflows/legacy; its running workflows
 * still do): see occurrence-state.repository.ts for the current engine. The read model of occurrences and their history. Writes are idempotent: an occurrence is unique
 * per (action, period key), a transition per (occurrence, sequence); a transition older than the
 * newest one recorded never overwrites the occurrence's current state.
 * Raw SQL: the first engine's writes are idempotent ON CONFLICT upserts guarded by the last sequence number.
 */
export class OccurrenceRepository {
  constructor(private readonly db: EntityManager) {}

  async recordOpened(input: LegacyOpened): Promise<void> {
    const [row] = await this.db.query(
      `INSERT INTO occurrence (action_id, plan_id, period_key, period_start, period_end, due_at, original_due_at, status,
                               owner_person_ids, owner_unit_ids, opened_at, last_sequence)
       VALUES ($1, $2, $3, $4, $5, $6, $6, 'open', $7, $8, $9, 1)
       ON CONFLICT (action_id, period_key) DO UPDATE SET action_id = EXCLUDED.action_id
       RETURNING id`,
      [input.actionId, input.planId, input.periodKey, input.periodStart, input.periodEnd, input.dueInstant, input.owners.personIds, input.owners.unitIds, input.openedAt],
    );
    await this.db.query(
      `INSERT INTO occurrence_event (occurrence_id, sequence, kind, status, at, data)
       VALUES ($1, 1, 'opened', 'open', $2, $3) ON CONFLICT (occurrence_id, sequence) DO NOTHING`,
      [row.id, input.openedAt, { dueInstant: input.dueInstant }],
    );
  }

  async idOf(actionId: string, periodKey: string): Promise<string> {
    const [row] = await this.db.query('SELECT id FROM occurrence WHERE action_id = $1 AND period_key = $2', [actionId, periodKey]);
    if (!row) throw new Error(`occurrence ${actionId}/${periodKey} was never recorded as opened`);
    return row.id;
  }

  async recordTransition(t: LegacyTransition): Promise<void> {
    const occurrenceId = await this.idOf(t.actionId, t.periodKey);
    const inserted = await this.db.query(
      `INSERT INTO occurrence_event (occurrence_id, sequence, kind, status, at, actor_person_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (occurrence_id, sequence) DO NOTHING RETURNING id`,
      [occurrenceId, t.sequence, t.kind, t.status, t.at, t.actorPersonId ?? null, t.data ?? {}],
    );
    if (inserted.length === 0) return; // recorded before: a retried activity
    const completion = t.kind === 'completed' ? (t.data as Record<string, unknown>) : undefined;
    await this.db.query(
      `UPDATE occurrence SET
         status = $3, due_at = $4,
         owner_person_ids = COALESCE($5, owner_person_ids), owner_unit_ids = COALESCE($6, owner_unit_ids),
         escalation_level = CASE WHEN $7::text = 'escalated' THEN escalation_level + 1 WHEN $7::text = 'postponed' THEN 0 ELSE escalation_level END,
         completed_at = COALESCE($8, completed_at), completed_by = COALESCE($9, completed_by),
         completed_on_behalf_of = COALESCE($10, completed_on_behalf_of), completed_on_time = COALESCE($11, completed_on_time),
         completion_note = COALESCE($12, completion_note), evidence_url = COALESCE($13, evidence_url),
         skip_reason = COALESCE($14, skip_reason),
         last_sequence = $2, updated_at = now()
       WHERE id = $1 AND last_sequence < $2`,
      [
        occurrenceId,
        t.sequence,
        t.status,
        t.dueInstant,
        t.owners?.personIds ?? null,
        t.owners?.unitIds ?? null,
        t.kind,
        completion ? completion.at : null,
        completion ? completion.byPersonId : null,
        completion?.onBehalfOfPersonId ?? null,
        completion ? completion.onTime : null,
        completion?.note ?? null,
        completion?.evidenceUrl ?? null,
        t.kind === 'skipped' ? (t.data?.reason as string) : null,
      ],
    );
  }

  async recordEscalation(input: { occurrenceId: string; generation: number; step: number; targetPersonId: string | null; targetUnitId: string | null; at: string }): Promise<void> {
    await this.db.query(
      `INSERT INTO escalation (occurrence_id, generation, step, target_person_id, target_unit_id, escalated_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (occurrence_id, generation, step) DO NOTHING`,
      [input.occurrenceId, input.generation, input.step, input.targetPersonId, input.targetUnitId, input.at],
    );
  }
}
