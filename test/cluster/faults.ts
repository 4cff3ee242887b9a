import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { armBevaka } from '../../bench/engines/bevaka';
import type { Api } from '../../bench/support/api';
import type { BenchOrganisation } from '../../bench/support/organisation';
import type { RunningCluster } from '../../scripts/cluster/cluster';
import { waitFor } from '../support/wait-for';

export interface StormOutcome {
  stormActionIds: string[];
  /** Occurrences whose completion the API acknowledged (2xx) while the faults happened. */
  acknowledged: string[];
  /** Escalations recorded when each fault struck: the worker, the server, PostgreSQL. */
  escalatedAtFaults: number[];
}

/**
 * A period end on the cluster with faults in it: N occurrences of one owner fall due at one
 * instant and escalate at once, owners complete other tasks through the API all the while, and
 * as the storm runs a worker, then the Temporal server, then PostgreSQL are killed with SIGKILL.
 * Each is brought back by the cluster's supervision after a pause (as an orchestrator restarts a
 * container), on the same data.
 * Returns when every storm occurrence has its escalation recorded.
 */
export async function faultsDuringStorm(options: { cluster: RunningCluster; api: Api; db: Pool; org: BenchOrganisation; n: number; log: string[] }): Promise<StormOutcome> {
  const { cluster, api, db, org, n, log } = options;
  const plan = await api.must<{ id: string }>('POST', '/api/plans', { title: 'Periodslut i klustret', startDate: DateTime.now().setZone('Europe/Stockholm').toISODate() });
  const completions = await org.completionOccurrences(api, db, plan.id, 30);
  // Arming takes about as long as the API takes N actions; the storm starts after it.
  const dueInstant = new Date(Date.now() + 60_000 + n * 30).toISOString();
  const armed = await armBevaka({ admin: api, db, planId: plan.id, ownerId: org.stormOwner, n, dueInstant, policy: { remindBefore: [], escalateAfter: ['PT0S'], timing: 'exact' } });
  await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(dueInstant) - Date.now())));

  let over = false;
  const owners = completeAll(org, completions, () => over);
  const restartedSince = async (name: string, before: number) =>
    waitFor(async () => log.slice(before).some((line) => line.startsWith(`${name} is running again`)), { timeoutMs: 120_000, what: `${name} running again` });

  // A worker, in the middle of the storm's first escalations.
  await waitFor(() => escalated(db, armed.actionIds), { until: (count) => count > 0, timeoutMs: 120_000, what: 'the first escalations' });
  const escalatedAtFaults: number[] = [];
  const strike = async (pid: number) => {
    escalatedAtFaults.push(await escalated(db, armed.actionIds));
    process.kill(pid, 'SIGKILL');
  };
  let mark = log.length;
  await strike(cluster.workers[0].pid!);
  await restartedSince('worker-1', mark);
  // The Temporal server: every worker and the API lose it until the supervisor has it back.
  mark = log.length;
  await strike(cluster.temporal.pid!);
  await restartedSince('temporal-server', mark);
  // PostgreSQL: Bevaka's tables and Temporal's, at once.
  mark = log.length;
  await strike(await cluster.postgres!.pid());
  await restartedSince('PostgreSQL', mark);

  await waitFor(() => escalated(db, armed.actionIds), { until: (count) => count >= n, timeoutMs: 600_000, intervalMs: 1_000, what: `${n} escalations` });
  over = true;
  return { stormActionIds: armed.actionIds, acknowledged: await owners, escalatedAtFaults };
}

/** Escalations recorded so far; a poll that meets PostgreSQL down counts as none yet. */
async function escalated(db: Pool, actionIds: string[]): Promise<number> {
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
