import { execFileSync } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Worker } from '@temporalio/worker';
import { Pool } from 'pg';
import { Api } from '../../bench/support/api';
import { seedOrganisation } from '../../bench/support/organisation';
import { readClusterSettings } from '../../scripts/cluster/cluster-settings';
import { RunningCluster, startCluster } from '../../scripts/cluster/cluster';
import { TEMPORAL_SERVER_VERSION } from '../../scripts/cluster/temporal-server-build';
import { actionWorkflowId } from '../../workflows/contracts/engine';
import { ENV, requiredEnv } from '../support/services';
import { waitFor } from '../support/wait-for';
import { faultsDuringStorm } from './faults';

// Bevaka on the production topology (scripts/cluster): the real Temporal server on PostgreSQL with
// several history shards, the API and two workers as processes of their own. First what the
// topology is, then a period-end storm during which a worker, the Temporal server and PostgreSQL
// are each killed with SIGKILL and come back; nothing may be lost or done twice.
describe('the cluster mode: the real Temporal server on PostgreSQL, two workers', () => {
  const root = path.resolve(__dirname, '..', '..');
  const settings = readClusterSettings(root);
  const admin = { email: 'admin@cluster.test', password: 'ett-långt-klusterlösenord' };
  const log: string[] = [];
  let cluster: RunningCluster;
  let api: Api;
  let db: Pool;
  let temporal: Connection;

  beforeAll(async () => {
    cluster = await startCluster({
      root,
      dir: await mkdtemp(path.join(tmpdir(), 'bevaka-cluster-')),
      log: (line) => log.push(line),
      env: { BEVAKA_ADMIN_EMAIL: admin.email, BEVAKA_ADMIN_PASSWORD: admin.password, BEVAKA_ROUND_OPENS_BEFORE: 'P0D', LOG_LEVEL: 'warn' },
    });
    api = await Api.login(cluster.baseUrl, admin.email, admin.password);
    db = new Pool({ connectionString: cluster.databaseUrl, max: 4 });
    // PostgreSQL is killed on purpose below: an idle client of ours losing it is expected, and the
    // pool replaces it (the error would otherwise be unhandled and fail the suite).
    db.on('error', () => undefined);
    temporal = await Connection.connect({ address: cluster.temporalAddress });
  }, 300_000);

  afterAll(async () => {
    await temporal?.close();
    await db?.end();
    await cluster?.stop();
  }, 120_000);

  it('runs the server release the dev server embeds', () => {
    const version = execFileSync(requiredEnv(ENV.temporalCli), ['--version'], { encoding: 'utf8' });
    expect(version).toContain(`Server ${TEMPORAL_SERVER_VERSION.slice(1)}`);
  });

  it('keeps workflows and visibility in PostgreSQL, with the shards of deploy/temporal-cluster.env', async () => {
    const info = await temporal.workflowService.getClusterInfo({});
    expect(info.persistenceStore).toBe('postgres12');
    expect(info.visibilityStore).toContain('postgres12');
    expect(info.historyShardCount).toBe(settings.historyShards);
    expect(settings.historyShards).toBeGreaterThan(1);
    expect(cluster.workers).toHaveLength(settings.workers);
    expect(new Set(cluster.workers.map((w) => w.pid)).size).toBe(settings.workers);
  });

  it('polls with every worker process: both take workflow tasks of the task queue', async () => {
    const pollers = await waitFor(
      async () => (await temporal.workflowService.describeTaskQueue({ namespace: cluster.namespace, taskQueue: { name: 'bevaka' }, taskQueueType: 1 })).pollers ?? [],
      { until: (p) => new Set(p.map((x) => x.identity)).size >= settings.workers, timeoutMs: 60_000, what: 'a poller per worker' },
    );
    const pids = pollers.map((p) => Number(p.identity?.split('@')[0]));
    expect(new Set(pids)).toEqual(new Set(cluster.workers.map((w) => w.pid)));
  });

  it('survives a worker, the Temporal server and PostgreSQL killed during a storm of 1,000: each escalation and notice once, no completion lost, every history replays', async () => {
    const org = await seedOrganisation(api, 10);
    const outcome = await faultsDuringStorm({ cluster, api, db, org, n: 1000, log });
    // The storm was under way when the first fault struck, not over.
    expect(outcome.escalatedAtFaults[0]).toBeLessThan(1000);
    console.log(`escalations recorded when the worker, the server and PostgreSQL were killed: ${outcome.escalatedAtFaults.join(', ')} of 1000; completions acknowledged: ${outcome.acknowledged.length}`);

    // Every storm occurrence escalated exactly once (the unique key forbids twice: count them all).
    const { rows: escalations } = await db.query(
      `SELECT o.id, count(e.id)::int AS n FROM occurrence o LEFT JOIN escalation e ON e.occurrence_id = o.id WHERE o.action_id = ANY($1::uuid[]) GROUP BY o.id`,
      [outcome.stormActionIds],
    );
    expect(escalations).toHaveLength(1000);
    expect(escalations.filter((r) => r.n !== 1)).toEqual([]);
    // Every occurrence has the same notices in the outbox as every other: none missing, none twice.
    const { rows: notices } = await db.query(
      `SELECT n.occurrence_id, n.kind, n.recipient_person_id, count(*)::int AS n FROM notification n JOIN occurrence o ON o.id = n.occurrence_id
        WHERE o.action_id = ANY($1::uuid[]) GROUP BY 1, 2, 3`,
      [outcome.stormActionIds],
    );
    expect(notices.filter((r) => r.n !== 1)).toEqual([]);
    const perOccurrence = new Map<string, number>();
    for (const r of notices) perOccurrence.set(r.occurrence_id, (perOccurrence.get(r.occurrence_id) ?? 0) + 1);
    expect(perOccurrence.size).toBe(1000);
    expect(new Set(perOccurrence.values()).size).toBe(1);
    // Every completion the API acknowledged during the faults is recorded.
    expect(outcome.acknowledged.length).toBeGreaterThan(0);
    const { rows: completed } = await db.query(`SELECT id FROM occurrence WHERE id = ANY($1::uuid[]) AND status = 'completed'`, [outcome.acknowledged]);
    expect(completed.map((r) => r.id).sort()).toEqual([...outcome.acknowledged].sort());
    // The faults happened, and each part came back by itself (the worker, the server) or was started again.
    expect(log.join('\n')).toMatch(/worker-1 is running again/);
    expect(log.join('\n')).toMatch(/temporal-server is running again/);

    // Each storm action's history, with the crashes in it, replays on today's workflow code.
    const client = new Client({ connection: temporal, namespace: cluster.namespace });
    let replayed = 0;
    for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: requiredEnv(ENV.workflowBundle) } }, histories(client, outcome.stormActionIds))) {
      expect(result.error).toBeUndefined();
      replayed++;
    }
    expect(replayed).toBe(1000);
  }, 900_000);
});

/** One history at a time, fetched as the replay asks for it. */
async function* histories(client: Client, actionIds: string[]) {
  for (const id of actionIds) {
    const workflowId = actionWorkflowId(id);
    yield { workflowId, history: await client.workflow.getHandle(workflowId).fetchHistory() };
  }
}
