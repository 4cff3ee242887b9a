import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { armBevaka } from '../../bench/engines/bevaka';
import type { Api } from '../../bench/support/api';
import type { BenchOrganisation } from '../../bench/support/organisation';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { actionWorkflowId } from '../../workflows/contracts/engine';
import { ENV, requiredEnv } from './services';
import { waitFor } from './wait-for';

export interface StormOutcome {
  stormActionIds: string[];
  /** Occurrences whose completion the API acknowledged (2xx) while the faults happened. */
  acknowledged: string[];
  /** Escalations recorded when each fault struck, in the order of the faults. */
  escalatedAtFaults: number[];
}

/** A process to kill; `name` is how its supervisor's log names it ("<name> is running again"). */
export interface Fault {
  name: string;
  pid(): Promise<number> | number;
}

/**
 * A period end with faults in it: N occurrences of one owner fall due at one instant and escalate
 * at once, owners complete other tasks through the API all the while, and as the storm runs each
 * fault's process is killed with SIGKILL in turn (a worker, the Temporal server, PostgreSQL). Each
 * must be brought back by the stack's own supervision (the cluster's, or `npm start`'s) after its
 * pause, on the same data; `log` is what the supervision has printed so far.
 * Returns when every storm occurrence has its escalation recorded.
 */
export async function faultsDuringStorm(options: { api: Api; db: Pool; org: BenchOrganisation; n: number; faults: Fault[]; log: () => string }): Promise<StormOutcome> {
  const { api, db, org, n, faults, log } = options;
  const plan = await api.must<{ id: string }>('POST', '/api/plans', { title: 'Periodslut med fel', startDate: DateTime.now().setZone('Europe/Stockholm').toISODate() });
  const completions = await org.completionOccurrences(api, db, plan.id, 30);
  // Arming takes about as long as the API takes N actions; the storm starts after it.
  const dueInstant = new Date(Date.now() + 60_000 + n * 30).toISOString();
  const armed = await armBevaka({ admin: api, db, planId: plan.id, ownerId: org.stormOwner, n, dueInstant, policy: { remindBefore: [], escalateAfter: ['PT0S'], timing: 'exact' } });
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(dueInstant) - Date.now())));

  let over = false;
  const owners = completeAll(org, completions, () => over);
  // Each fault in the middle of the storm's escalations, the first after the first of them.
  await waitFor(() => escalated(db, armed.actionIds), { until: (count) => count > 0, timeoutMs: 120_000, what: 'the first escalations' });
  const escalatedAtFaults: number[] = [];
  for (const fault of faults) {
    escalatedAtFaults.push(await escalated(db, armed.actionIds));
    const mark = log().length;
    process.kill(await fault.pid(), 'SIGKILL');
    await waitFor(async () => log().slice(mark).includes(`${fault.name} is running again`), { timeoutMs: 120_000, what: `${fault.name} running again` });
  }

  await waitFor(() => escalated(db, armed.actionIds), { until: (count) => count >= n, timeoutMs: 600_000, intervalMs: 1_000, what: `${n} escalations` });
  over = true;
  return { stormActionIds: armed.actionIds, acknowledged: await owners, escalatedAtFaults };
}

/**
 * What a storm with faults must leave: every occurrence escalated exactly once, the same notices
 * in the outbox for each (none missing, none twice), every completion the API acknowledged
 * recorded, and each action's history — crashes and all — replaying on today's workflow code.
 */
export async function expectNothingLostOrDoubled(options: { db: Pool; temporal: Connection; namespace?: string; outcome: StormOutcome; n: number }): Promise<void> {
  const { db, outcome, n } = options;
  // The unique key forbids a second escalation: count them all, a missing one shows as 0.
  const { rows: escalations } = await db.query(
    `SELECT o.id, count(e.id)::int AS n FROM occurrence o LEFT JOIN escalation e ON e.occurrence_id = o.id WHERE o.action_id = ANY($1::uuid[]) GROUP BY o.id`,
    [outcome.stormActionIds],
  );
  expect(escalations).toHaveLength(n);
  expect(escalations.filter((r) => r.n !== 1)).toEqual([]);
  const { rows: notices } = await db.query(
    `SELECT n.occurrence_id, n.kind, n.recipient_person_id, count(*)::int AS n FROM notification n JOIN occurrence o ON o.id = n.occurrence_id
      WHERE o.action_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
    [outcome.stormActionIds],
  );
  expect(notices.filter((r) => r.n !== 1)).toEqual([]);
  const perOccurrence = new Map<string, number>();
  for (const r of notices) perOccurrence.set(r.occurrence_id, (perOccurrence.get(r.occurrence_id) ?? 0) + 1);
  expect(perOccurrence.size).toBe(n);
  expect(new Set(perOccurrence.values()).size).toBe(1);
  expect(outcome.acknowledged.length).toBeGreaterThan(0);
  const { rows: completed } = await db.query(`SELECT id FROM occurrence WHERE id = ANY($1::uuid[]) AND status = 'completed'`, [outcome.acknowledged]);
  expect(completed.map((r) => r.id).sort()).toEqual([...outcome.acknowledged].sort());

  const client = new Client({ connection: options.temporal, namespace: options.namespace ?? 'default' });
  let replayed = 0;
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: requiredEnv(ENV.workflowBundle) } }, histories(client, outcome.stormActionIds))) {
    expect(result.error).toBeUndefined();
    replayed++;
  }
  expect(replayed).toBe(n);
}

/** One history at a time, fetched as the replay asks for it. */
async function* histories(client: Client, actionIds: string[]) {
  for (const id of actionIds) yield await actionHistory(client, id);
}

/** An action's workflow history, in the form the replayer takes. */
export async function actionHistory(client: Client, actionId: string) {
  const workflowId = actionWorkflowId(actionId);
  return { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
}

/** Escalations recorded so far; a poll that meets PostgreSQL down counts as none yet. */
export async function escalated(db: Pool, actionIds: string[]): Promise<number> {
  try {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM escalation e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.action_id = ANY($1::uuid[])', [actionIds]);
    return rows[0].n;
  } catch {
    return 0;
  }
}

/** Each owner completes their occurrences one by one until the storm is over; the acknowledged ones. */
async function completeAll(org: BenchOrganisation, occurrences: Map<string, string[]>, over: () => boolean): Promise<string[]> {
  const acknowledged: string[] = [];
  await Promise.all(
    org.owners.map(async (owner) => {
      for (const id of occurrences.get(owner.id) ?? []) {
        if (over()) return;
        const result = await owner.api.send('POST', `/api/occurrences/${id}/complete`, { note: 'Klart' }).catch(() => undefined);
        if (result && result.status < 300) acknowledged.push(id);
        await new Promise((r) => setTimeout(r, 500));
      }
    }),
  );
  return acknowledged;
}
