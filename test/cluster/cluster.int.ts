import { execFileSync } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal as proto } from '@temporalio/proto';
import { Worker } from '@temporalio/worker';
import { DeterminismViolationError } from '@temporalio/workflow';
import { Pool } from 'pg';
import { Api } from '../../bench/support/api';
import { seedOrganisation } from '../../bench/support/organisation';
import { readClusterSettings } from '../../scripts/cluster/cluster-settings';
import { RunningCluster, startCluster } from '../../scripts/cluster/cluster';
import { TEMPORAL_SERVER_VERSION } from '../../scripts/cluster/temporal-server-build';
import { bundleWorkflows } from '../../libs/temporal/worker-factory';
import { ENV, requiredEnv } from '../support/services';
import { waitFor } from '../support/wait-for';
import { actionHistory, expectNothingLostOrDoubled, faultsDuringStorm } from '../support/storm-with-faults';
import { GATHERING_MS, NEXT_RELEASE_PATCH } from './next-release/change';
import { pidOf, pollerPids, rollingUpgrade } from './rolling-upgrade';

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
  let dir: string;

  beforeAll(async () => {
    cluster = await startCluster({
      root,
      dir: (dir = await mkdtemp(path.join(tmpdir(), 'bevaka-cluster-'))),
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
    const pids = await waitFor(() => pollerPids(temporal, cluster.namespace), { until: (p) => p.size >= settings.workers, timeoutMs: 60_000, what: 'a poller per worker' });
    expect(pids).toEqual(new Set(cluster.workers.map((w) => w.pid)));
  });

  it('survives a worker, the Temporal server and PostgreSQL killed during a storm of 1,000: each escalation and notice once, no completion lost, every history replays', async () => {
    const org = await seedOrganisation(api, 10);
    const outcome = await faultsDuringStorm({
      api,
      db,
      org,
      n: 1000,
      log: () => log.join('\n'),
      faults: [
        { name: 'worker-1', pid: () => cluster.workers[0].pid! },
        { name: 'temporal-server', pid: () => cluster.temporal.pid! },
        { name: 'PostgreSQL', pid: () => cluster.postgres!.pid() },
      ],
    });
    // The storm was under way when the first fault struck, not over.
    expect(outcome.escalatedAtFaults[0]).toBeLessThan(1000);
    console.log(`escalations recorded when the worker, the server and PostgreSQL were killed: ${outcome.escalatedAtFaults.join(', ')} of 1000; completions acknowledged: ${outcome.acknowledged.length}`);
    await expectNothingLostOrDoubled({ db, temporal, namespace: cluster.namespace, outcome, n: 1000 });
  }, 900_000);

  it('upgrades its workers one by one to a release with a patched() change while workflows run: they carry on with the new code, and every history replays on it', async () => {
    // The next release's workflow code, as it ships and with its change left unguarded.
    const nextBundle = path.join(dir, 'next-release-bundle.js');
    const unguardedBundle = path.join(dir, 'next-release-unguarded-bundle.js');
    const nextRelease = (file: string) => path.join(__dirname, 'next-release', file);
    await writeFile(nextBundle, (await bundleWorkflows({ interceptorModules: [nextRelease('guarded.ts')] })).code);
    await writeFile(unguardedBundle, (await bundleWorkflows({ interceptorModules: [nextRelease('unguarded.ts')] })).code);

    const org = await seedOrganisation(api, 1);
    const n = 100;
    const outcome = await rollingUpgrade({ cluster, api, db, org, temporal, n, nextBundle });
    expect(outcome.oldPids).toHaveLength(settings.workers);
    for (const pid of outcome.oldPids) expect(() => process.kill(pid, 0)).toThrow(); // stopped for good

    // Both steps of the ladder, each once: the first sent by the old release, the second by the next.
    const { rows } = await db.query(
      `SELECT o.id, array_agg(e.step ORDER BY e.step) AS steps FROM occurrence o JOIN escalation e ON e.occurrence_id = o.id WHERE o.action_id = ANY($1::uuid[]) GROUP BY o.id`,
      [outcome.actionIds],
    );
    expect(rows).toHaveLength(n);
    expect(rows.filter((r) => r.steps.join() !== '0,1')).toEqual([]);

    // In each history: workflow tasks of old workers, then the patch marker and the new code's timer, from a new worker.
    const client = new Client({ connection: temporal, namespace: cluster.namespace });
    const after = await Promise.all(outcome.actionIds.map((id) => actionHistory(client, id)));
    for (const { history } of after) {
      const events = history.events ?? [];
      const marker = events.findIndex((e) => patchOf(e) === NEXT_RELEASE_PATCH);
      expect(marker).toBeGreaterThan(0);
      // The workflow task whose completion recorded the marker was the first on the new release.
      const firstNew = events.findIndex((e) => String(e.eventId) === String(events[marker].markerRecordedEventAttributes!.workflowTaskCompletedEventId));
      const completedBy = (range: proto.api.history.v1.IHistoryEvent[]) => range.flatMap((e) => (e.workflowTaskCompletedEventAttributes ? [pidOf(e.workflowTaskCompletedEventAttributes.identity)] : []));
      expect(completedBy(events.slice(0, firstNew)).filter((pid) => !outcome.oldPids.includes(pid))).toEqual([]);
      expect(completedBy(events.slice(firstNew)).filter((pid) => !outcome.newPids.includes(pid))).toEqual([]);
      expect(completedBy(events.slice(firstNew)).length).toBeGreaterThan(0);
      const timers = events.slice(firstNew).filter((e) => e.timerStartedEventAttributes).map((e) => Number(e.timerStartedEventAttributes!.startToFireTimeout?.seconds) * 1000);
      expect(timers).toContain(GATHERING_MS);
    }

    // The next release replays what the old one recorded and what both recorded together; the
    // same change without patched() would have broken every workflow that was running.
    expect(await replayErrors(nextBundle, outcome.before)).toEqual([]);
    expect(await replayErrors(nextBundle, after)).toEqual([]);
    const unguarded = await replayErrors(unguardedBundle, outcome.before);
    expect(unguarded).toHaveLength(n);
    expect(unguarded.every((error) => error instanceof DeterminismViolationError)).toBe(true);
  }, 600_000);
});

/** The patch id a history event records, when it is `patched()`'s marker. */
function patchOf(event: proto.api.history.v1.IHistoryEvent): string | undefined {
  const marker = event.markerRecordedEventAttributes;
  if (marker?.markerName !== 'core_patch') return undefined;
  const data = marker.details?.['patch-data']?.payloads?.[0];
  return data ? (defaultPayloadConverter.fromPayload(data) as { id?: string }).id : undefined;
}

async function replayErrors(bundle: string, histories: Array<{ workflowId: string; history: proto.api.history.v1.IHistory }>): Promise<unknown[]> {
  const errors: unknown[] = [];
  for await (const result of Worker.runReplayHistories({ workflowBundle: { codePath: bundle } }, histories)) if (result.error) errors.push(result.error);
  return errors;
}
