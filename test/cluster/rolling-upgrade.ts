import type { Connection } from '@temporalio/client';
import { Client } from '@temporalio/client';
import type { temporal } from '@temporalio/proto';
import { DateTime } from 'luxon';
import type { Pool } from 'pg';
import { armBevaka } from '../../bench/engines/bevaka';
import type { Api } from '../../bench/support/api';
import type { BenchOrganisation } from '../../bench/support/organisation';
import type { RunningCluster } from '../../scripts/cluster/cluster';
import { actionHistory, escalated } from '../support/storm-with-faults';
import { waitFor } from '../support/wait-for';

type History = temporal.api.history.v1.IHistory;

export interface UpgradeOutcome {
  actionIds: string[];
  /** Each action's history as the old release left it: its first escalation sent, waiting. */
  before: Array<{ workflowId: string; history: History }>;
  /** The workers of the old release (stopped) and of the next (running). */
  oldPids: number[];
  newPids: number[];
}

const ESCALATE_AT_ONCE = { remindBefore: [], escalateAfter: ['PT0S'], timing: 'exact' };
const THEN_THE_KOMMUNCHEF = { remindBefore: [], escalateAfter: ['PT0S', 'PT1S'], timing: 'exact' };

/**
 * A rolling upgrade as an operator does it: n actions are followed up by workflows on the old
 * release (each has sent its first escalation), then one worker of the next release is started
 * per old worker and, once it polls, the old one is stopped (SIGTERM: it finishes what it is
 * doing). Afterwards the coordinator adds a step to the actions' ladder, which the running
 * workflows carry out on the next release's code only.
 */
export async function rollingUpgrade(options: { cluster: RunningCluster; api: Api; db: Pool; org: BenchOrganisation; temporal: Connection; n: number; nextBundle: string }): Promise<UpgradeOutcome> {
  const { cluster, api, db, org, n } = options;
  const client = new Client({ connection: options.temporal, namespace: cluster.namespace });
  const plan = await api.must<{ id: string }>('POST', '/api/plans', { title: 'Uppgradering under drift', startDate: DateTime.now().setZone('Europe/Stockholm').toISODate() });
  const dueInstant = new Date(Date.now() + 15_000 + n * 30).toISOString();
  const { actionIds } = await armBevaka({ admin: api, db, planId: plan.id, ownerId: org.stormOwner, n, dueInstant, policy: ESCALATE_AT_ONCE });
  // Bounded by the due instant: the escalations follow it within seconds.
  const untilDue = Date.parse(dueInstant) - Date.now();
  await waitFor(() => escalated(db, actionIds), { until: (count) => count >= n, timeoutMs: untilDue + 120_000, intervalMs: 500, what: `${n} first escalations on the old release` });
  // An escalation is in the database before the workflow task that ran it is in the history.
  const before = await Promise.all(
    actionIds.map((id) => waitFor(() => actionHistory(client, id), { until: ({ history }) => localActivities(history) >= 2, what: `the workflow of ${id} to record its first notices` })),
  );

  const old = cluster.workers.filter((worker) => worker.pid !== undefined);
  const oldPids = old.map((worker) => worker.pid!);
  const newPids: number[] = [];
  for (const worker of old) {
    const next = await cluster.addWorker({ bundle: options.nextBundle });
    newPids.push(next.pid!);
    await waitFor(() => pollerPids(options.temporal, cluster.namespace), { until: (pids) => pids.has(next.pid!), timeoutMs: 60_000, what: `worker ${next.pid} of the next release to poll` });
    await worker.stop();
  }

  for (const id of actionIds) await api.must('PATCH', `/api/actions/${id}`, { policy: THEN_THE_KOMMUNCHEF });
  await waitFor(() => escalated(db, actionIds), { until: (count) => count >= 2 * n, timeoutMs: 120_000, intervalMs: 500, what: `${n} second escalations on the next release` });
  return { actionIds, before, oldPids, newPids };
}

/** Local activities a history records (opening the occurrence, each round of notices). */
function localActivities(history: History): number {
  return (history.events ?? []).filter((e) => e.markerRecordedEventAttributes?.markerName === 'core_local_activity').length;
}

/** The processes polling the workflow task queue. */
export async function pollerPids(temporal: Connection, namespace: string): Promise<Set<number>> {
  const { pollers } = await temporal.workflowService.describeTaskQueue({ namespace, taskQueue: { name: 'bevaka' }, taskQueueType: 1 });
  return new Set((pollers ?? []).map((p) => pidOf(p.identity)));
}

/** A worker's process, from its identity ("pid@host", the SDK's default). */
export function pidOf(identity: string | null | undefined): number {
  return Number(identity?.split('@')[0]);
}
