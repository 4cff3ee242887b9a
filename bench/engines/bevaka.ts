import type { Pool } from 'pg';
import { Api, pool } from '../support/api';

export interface Armed {
  actionIds: string[];
  /** When the last occurrence was armed (ms since the epoch). */
  armedAt: number;
  stop?: () => Promise<void>;
}

/**
 * Bevaka's arming: N actions created through the API as a coordinator creates them (row, then its
 * workflow); each workflow opens its occurrence at once (an explicit instant) and sets the timer
 * for its first notice in the same workflow task, so an occurrence recorded as opened is armed.
 */
export async function armBevaka(options: { admin: Api; db: Pool; planId: string; ownerId: string; n: number; dueInstant: string; policy: object }): Promise<Armed> {
  const { admin, db, planId, ownerId, n, dueInstant, policy } = options;
  const actionIds: string[] = [];
  await pool(
    Array.from({ length: n }, (_, i) => i),
    32,
    async (i) => {
      const action = await admin.must<{ id: string }>('POST', `/api/plans/${planId}/actions`, { title: `Åtgärd ${i + 1}`, schedule: { due: [dueInstant] }, ownerPersonIds: [ownerId], policy });
      actionIds.push(action.id);
    },
  );
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n, max(opened_at) AS last FROM occurrence WHERE action_id = ANY($1::uuid[])', [actionIds]);
    if (rows[0].n >= n) return { actionIds, armedAt: new Date(rows[0].last).getTime() };
    if (Date.now() > Date.parse(dueInstant)) return { actionIds, armedAt: Date.now() };
    await new Promise((r) => setTimeout(r, 250));
  }
}
