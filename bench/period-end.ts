/**
 * The period end: N occurrences that all fall due at one instant, each escalating at once
 * (`escalateAfter: ['PT0S']`), on the stack `npm start` runs (its launcher, on a fresh data dir),
 * against a baseline that does the same escalation work with pg-boss on the same PostgreSQL.
 *
 *   npm run bench -- [N=1000] [--engine bevaka|pg-boss|both] [--policy exact|working-days]
 *                    [--owners 50] [--completions 20] [--margin seconds] [--pgboss-workers 4] [--pgboss-batch 50]
 *                    [--cluster [--workers 1,2]]
 *
 * With --cluster, Bevaka also runs on the production topology (scripts/cluster: the real Temporal
 * server on PostgreSQL, the API and W worker processes), once per worker count, after the same
 * run on the embedded stack, so that all of them print side by side.
 *
 * For each engine it prints: how long arming took (every occurrence open, its notice armed); the
 * delay from the due instant to each escalation being recorded (p50/p95/p99/max); how many were
 * recorded; the latency of `POST /api/occurrences/:id/complete` from concurrent owners during the
 * storm (p50/p99); and the peak memory (PSS) of each process group and their sum. Figures are
 * printed, never asserted. Run it alone: it shares the machine's cores with nothing else.
 */
import { cpus } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DateTime } from 'luxon';
import { Pool } from 'pg';
import { isWorkingDay } from '../libs/domain/calendar';
import { armBevaka } from './engines/bevaka';
import { armPgBoss } from './engines/pg-boss';
import { Api, percentile } from './support/api';
import { readClusterSettings } from '../scripts/cluster/cluster-settings';
import { startClusterStack } from './support/cluster-stack';
import { BenchStack, EmbeddedStack, startEmbeddedStack } from './support/embedded-stack';
import { MemorySampler } from './support/memory';
import { runOwners } from './support/owners';
import { seedOrganisation } from './support/organisation';
import { Figures, printSideBySide } from './support/report';

const ROOT = path.resolve(__dirname, '..');
const TIMEZONE = 'Europe/Stockholm';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    engine: { type: 'string', default: 'both' },
    policy: { type: 'string', default: 'exact' },
    owners: { type: 'string', default: '50' },
    completions: { type: 'string', default: '20' },
    margin: { type: 'string' },
    'pgboss-workers': { type: 'string', default: '4' },
    'pgboss-batch': { type: 'string', default: '50' },
    deadline: { type: 'string', default: '600' },
    cluster: { type: 'boolean', default: false },
    workers: { type: 'string' },
  },
});

export interface BenchOptions {
  n: number;
  policy: 'exact' | 'working-days';
  owners: number;
  completionsPerOwner: number;
  /** Seconds from the start of arming to the due instant. */
  marginSeconds: number;
  pgBossWorkers: number;
  pgBossBatch: number;
  /** Seconds after the due instant to stop waiting for escalations. */
  deadlineSeconds: number;
}

async function main(): Promise<void> {
  const n = Number(positionals[0] ?? 1000);
  const options: BenchOptions = {
    n,
    policy: values.policy === 'working-days' ? 'working-days' : 'exact',
    owners: Number(values.owners),
    completionsPerOwner: Number(values.completions),
    // Arming runs at a few hundred occurrences a second here; the due instant must fall after it.
    marginSeconds: values.margin ? Number(values.margin) : Math.round(45 + n * 0.012),
    pgBossWorkers: Number(values['pgboss-workers']),
    pgBossBatch: Number(values['pgboss-batch']),
    deadlineSeconds: Number(values.deadline),
  };
  const engines = values.engine === 'both' ? (['bevaka', 'pg-boss'] as const) : [values.engine as 'bevaka' | 'pg-boss'];
  const setups: Setup[] = engines.map((engine) => ({ engine, label: engine, start: () => startEmbeddedStack(ROOT) }));
  if (values.cluster) {
    const workerCounts = values.workers ? values.workers.split(',').map(Number) : [readClusterSettings(ROOT).workers];
    if (workerCounts.some((w) => !Number.isInteger(w) || w < 1)) throw new Error('--workers takes whole numbers of at least 1, e.g. 1,2');
    for (const workers of workerCounts) setups.push({ engine: 'bevaka', label: `cluster ×${workers}`, start: () => startClusterStack(ROOT, workers) });
  }
  console.log(`period-end benchmark: N=${n}, policy ${options.policy}, ${options.owners} owners completing during the storm, ${cpus().length} cores`);
  const results: Figures[] = [];
  for (const setup of setups) results.push(await run(setup, options));
  printSideBySide(results);
}

/** One column of the table: an engine on a topology. */
interface Setup {
  engine: 'bevaka' | 'pg-boss';
  label: string;
  start(): Promise<BenchStack>;
}

async function run(setup: Setup, options: BenchOptions): Promise<Figures> {
  const { engine } = setup;
  console.log(`\n[${setup.label}] starting the stack...`);
  const stack = await setup.start();
  const extraPids: number[] = [];
  const memory = new MemorySampler(() => [...stack.pids(), ...extraPids]);
  memory.start();
  const db = new Pool({ connectionString: stack.databaseUrl, max: 4 });
  try {
    const admin = await Api.login(stack.baseUrl, stack.admin.email, stack.admin.password);
    const org = await seedOrganisation(admin, options.owners);
    const plan = await admin.must<{ id: string }>('POST', '/api/plans', { title: 'Periodslut', startDate: DateTime.now().setZone(TIMEZONE).toISODate() });
    const completions = await org.completionOccurrences(admin, db, plan.id, options.completionsPerOwner);

    const armingStarted = Date.now();
    const dueInstant = storm(armingStarted, options);
    const policy = noticePolicy(dueInstant, options.policy);
    console.log(`[${engine}] arming ${options.n} occurrences; due instant ${dueInstant} (${options.marginSeconds} s after arming starts)`);
    const armed =
      engine === 'bevaka'
        ? await armBevaka({ admin, db, planId: plan.id, ownerId: org.stormOwner, n: options.n, dueInstant, policy })
        : await armPgBoss({ stack: stack as EmbeddedStack /* pg-boss runs on the embedded stack only */, db, planId: plan.id, ownerId: org.stormOwner, n: options.n, dueInstant, policy, workers: options.pgBossWorkers, batchSize: options.pgBossBatch, onProcess: (pid) => extraPids.push(pid) });
    const armingSeconds = (armed.armedAt - armingStarted) / 1000;
    const slack = (Date.parse(dueInstant) - armed.armedAt) / 1000;
    console.log(`[${engine}] armed in ${armingSeconds.toFixed(1)} s; ${slack.toFixed(1)} s before the due instant`);
    if (slack < 1) throw new Error(`arming ran past the due instant: rerun with --margin larger than ${Math.ceil(armingSeconds + 15)}`);

    await sleepUntil(Date.parse(dueInstant));
    await memory.markCpu();
    const deadline = Date.parse(dueInstant) + options.deadlineSeconds * 1000;
    let stormOver = false;
    const owners = runOwners(org.owners, completions, () => stormOver || Date.now() > deadline);
    const delays = await escalationDelays(db, plan.id, armed.actionIds, dueInstant, deadline);
    stormOver = true;
    const cpuSeconds = await memory.cpuSince();
    const completeMs = await owners;
    await armed.stop?.();
    const sorted = [...delays].sort((a, b) => a - b);
    const completeSorted = completeMs.latencies.sort((a, b) => a - b);
    return {
      engine,
      label: setup.label,
      n: options.n,
      armingSeconds,
      recorded: delays.length,
      delayMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: percentile(sorted, 100) },
      complete: { count: completeSorted.length, failed: completeMs.failed, p50: percentile(completeSorted, 50), p99: percentile(completeSorted, 99) },
      memoryMb: memory.stop(),
      rssMb: memory.rss(),
      stormCpuSeconds: cpuSeconds,
    };
  } finally {
    memory.stop();
    await db.end();
    await stack.stop();
  }
}

/** The due instant: after the margin, on a whole minute (a working-days policy sends at hh:mm). */
function storm(armingStarted: number, options: BenchOptions): string {
  const at = DateTime.fromMillis(armingStarted + options.marginSeconds * 1000).setZone(TIMEZONE);
  const minute = at.second === 0 && at.millisecond === 0 ? at : at.plus({ minutes: 1 }).startOf('minute');
  if (options.policy === 'working-days' && !isWorkingDay(minute.toISODate() as string, 'SE')) {
    throw new Error(`${minute.toISODate()} is not a working day in Sweden: with --policy working-days the storm can only fall on one`);
  }
  return minute.toUTC().toISO() as string;
}

/**
 * Overdue notice and first escalation at the due instant. With working days, every notice goes
 * through the Swedish working-day calendar like the default policy's, at the storm's minute.
 */
function noticePolicy(dueInstant: string, policy: BenchOptions['policy']) {
  const base = { remindBefore: [] as string[], escalateAfter: ['PT0S'] };
  if (policy === 'exact') return { ...base, timing: 'exact' as const };
  return { ...base, timing: 'working-days' as const, noticeTime: DateTime.fromISO(dueInstant).setZone(TIMEZONE).toFormat('HH:mm') };
}

/**
 * Waits until every storm occurrence has its escalation recorded (or the deadline); their delays.
 * The delays are read from the rows (`recorded_at`), so the poll only says when to stop: once a
 * second, by plan, so that the bench's own queries cost the storm little.
 */
async function escalationDelays(db: Pool, planId: string, actionIds: string[], dueInstant: string, deadline: number): Promise<number[]> {
  for (;;) {
    const { rows } = await db.query('SELECT count(*)::int AS n FROM escalation e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.plan_id = $1', [planId]);
    if (rows[0].n >= actionIds.length || Date.now() > deadline) break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  const { rows } = await db.query(
    `SELECT extract(epoch FROM e.recorded_at - $2::timestamptz) * 1000 AS ms FROM escalation e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.action_id = ANY($1::uuid[])`,
    [actionIds, dueInstant],
  );
  return rows.map((r: { ms: string }) => Number(r.ms));
}

async function sleepUntil(at: number): Promise<void> {
  const ms = at - Date.now();
  if (ms > 0) await new Promise((r) => setTimeout(r, ms));
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
