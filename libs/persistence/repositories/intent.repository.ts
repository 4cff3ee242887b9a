import { EntityManager } from 'typeorm';

/** A Temporal command to carry out: what to do, to which workflow, for which row. */
export interface NewIntent {
  kind: string;
  workflowId: string;
  /** The row (action, plan, occurrence) whose change this carries to the engine. */
  subjectId: string;
  payload: object;
}

export interface IntentRow extends NewIntent {
  id: string;
  createdAt: Date;
  attempts: number;
}

export type IntentOutcome = 'applied' | 'rejected' | 'moot';

export interface IntentState {
  id: string;
  outcome: IntentOutcome | null;
  lastError: string | null;
}

/**
 * The outbox of Temporal commands (table temporal_intent). Intents are enqueued in the
 * transaction of the change they follow from. Whoever carries one out first claims the oldest
 * pending intent of its workflow for a lease, so that intents of one workflow run one at a time
 * and in order, by one process; a lease that runs out (the process died) frees the intent again.
 * Raw SQL: claiming the oldest pending intent of a workflow for a lease is one conditional UPDATE with a subquery (a race lost is no row), and the reconciler's reads are set-based.
 */
export class IntentRepository {
  constructor(private readonly db: EntityManager) {}

  async enqueue(intent: NewIntent): Promise<string> {
    const [row] = await this.db.query('INSERT INTO temporal_intent (kind, workflow_id, subject_id, payload) VALUES ($1, $2, $3, $4) RETURNING id', [
      intent.kind,
      intent.workflowId,
      intent.subjectId,
      JSON.stringify(intent.payload),
    ]);
    return row.id;
  }

  /** Claims the oldest pending intent of the workflow, unless someone else holds it. */
  async claimNext(workflowId: string, leaseSeconds: number): Promise<IntentRow | undefined> {
    const [rows] = await this.db.query(
      `UPDATE temporal_intent SET claimed_until = now() + make_interval(secs => $2), attempts = attempts + 1, attempted_at = now()
        WHERE id = (SELECT id FROM temporal_intent WHERE workflow_id = $1 AND done_at IS NULL ORDER BY id LIMIT 1)
          AND done_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
        RETURNING id, kind, workflow_id, subject_id, payload, created_at, attempts`,
      [workflowId, leaseSeconds],
    );
    const row = rows?.[0];
    return row && { id: row.id, kind: row.kind, workflowId: row.workflow_id, subjectId: row.subject_id, payload: row.payload, createdAt: row.created_at, attempts: row.attempts };
  }

  async finish(id: string, outcome: IntentOutcome, message?: string): Promise<void> {
    await this.db.query('UPDATE temporal_intent SET done_at = now(), outcome = $2, last_error = $3, claimed_until = NULL WHERE id = $1', [id, outcome, message ?? null]);
  }

  /** Frees a claimed intent after a failed attempt; it stays pending for the next one. */
  async release(id: string, error: string): Promise<void> {
    await this.db.query('UPDATE temporal_intent SET claimed_until = NULL, last_error = $2 WHERE id = $1', [id, error.slice(0, 2000)]);
  }

  /**
   * Workflows whose oldest pending intent nobody holds, oldest first. Intents younger than
   * `graceSeconds` and never attempted are left to the request that wrote them.
   */
  async workflowsToReconcile(limit: number, graceSeconds: number): Promise<string[]> {
    const rows: Array<{ workflow_id: string }> = await this.db.query(
      `SELECT t.workflow_id FROM temporal_intent t
        WHERE t.done_at IS NULL
          AND t.id = (SELECT min(id) FROM temporal_intent h WHERE h.workflow_id = t.workflow_id AND h.done_at IS NULL)
          AND (t.claimed_until IS NULL OR t.claimed_until < now())
          AND (t.attempted_at IS NOT NULL OR t.created_at < now() - make_interval(secs => $2))
        ORDER BY t.id LIMIT $1`,
      [limit, graceSeconds],
    );
    return rows.map((r) => r.workflow_id);
  }

  async states(ids: string[]): Promise<IntentState[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string; outcome: IntentOutcome | null; last_error: string | null }> = await this.db.query(
      'SELECT id, outcome, last_error FROM temporal_intent WHERE id = ANY($1::bigint[])',
      [ids],
    );
    return rows.map((r) => ({ id: r.id, outcome: r.outcome, lastError: r.last_error }));
  }

  /** Is someone else carrying out (holding a lease on) a pending intent of this workflow? */
  async heldByOthers(workflowId: string): Promise<boolean> {
    const [row] = await this.db.query('SELECT 1 FROM temporal_intent WHERE workflow_id = $1 AND done_at IS NULL AND claimed_until > now() LIMIT 1', [workflowId]);
    return Boolean(row);
  }

  /** Of these rows (actions, plans, occurrences), those with a change the engine has not yet carried out. */
  async pendingSubjects(subjectIds: string[]): Promise<Set<string>> {
    if (subjectIds.length === 0) return new Set();
    const rows: Array<{ subject_id: string }> = await this.db.query('SELECT DISTINCT subject_id FROM temporal_intent WHERE done_at IS NULL AND subject_id = ANY($1::uuid[])', [
      subjectIds,
    ]);
    return new Set(rows.map((r) => r.subject_id));
  }

  async pendingCount(): Promise<number> {
    const [row] = await this.db.query('SELECT count(*)::int AS n FROM temporal_intent WHERE done_at IS NULL');
    return row.n;
  }

  /** Done intents are kept a while for whoever investigates, then removed. */
  async pruneDone(olderThanDays: number): Promise<number> {
    const [, count] = await this.db.query('DELETE FROM temporal_intent WHERE done_at < now() - make_interval(days => $1)', [olderThanDays]);
    return count ?? 0;
  }
}
