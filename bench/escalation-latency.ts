/**
 * Benchmark: N actions whose occurrences all fall due at the same instant, each with one
 * escalation step at the due instant (`escalateAfter: ['PT0S']`). Prints the time to start the N
 * action workflows and the delay from the due instant to each escalation being recorded in
 * PostgreSQL (p50, p95, p99, max), with worker and server memory.
 *
 *   npm run bench -- [N=1000] [--workers W=1]
 *
 * Uses TEMPORAL_ADDRESS / DATABASE_URL when set; otherwise starts its own dev server and embedded
 * PostgreSQL in a temporary directory. Figures are printed, never asserted.
 */
import { chmod, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { WorkerModule } from '../apps/worker/worker.module';
import { loadConfig } from '../libs/config/config';
import { scheduleFromInstants } from '../libs/domain/schedule';
import { dataSourceOptions, runMigrations } from '../libs/persistence/data-source';
import { ensureDatabase, startEmbeddedPostgres } from '../libs/persistence/embedded-postgres';
import { connectClient } from '../libs/temporal/connection';
import { startTemporalDevServer } from '../libs/temporal/dev-server';
import { findOrBuildTemporalCli } from '../libs/temporal/temporal-cli';
import { bundleWorkflows } from '../libs/temporal/worker-factory';
import { ACTION_WORKFLOW, ActionInput, actionWorkflowId } from '../workflows/contracts/engine';
import { freePort } from '../test/support/free-port';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { workers: { type: 'string', default: '1' } } });
const N = Number(positionals[0] ?? 1000);
const WORKERS = Number(values.workers);
const START_CONCURRENCY = 100;

async function main(): Promise<void> {
  const work = await mkdtemp(path.join(tmpdir(), 'bevaka-bench-'));
  await chmod(work, 0o711); // the embedded cluster may run as `postgres` (when we are root)
  const stops: Array<() => Promise<void>> = [];
  try {
    const services = await services_(work, stops);
    const config = loadConfig({ DATABASE_URL: services.databaseUrl, TEMPORAL_ADDRESS: services.temporalAddress, TEMPORAL_TASK_QUEUE: `bench-${Date.now()}`, LOG_LEVEL: 'silent' });
    await runMigrations(config.database.url!);
    const db = await new DataSource(dataSourceOptions(config.database.url!)).initialize();
    stops.unshift(() => db.destroy());
    const { owner, planId } = await seed(db);
    const actionIds = await insertActions(db, planId, N);

    const bundleFile = path.join(work, 'bundle.js');
    await writeFile(bundleFile, (await bundleWorkflows()).code);
    const workers: INestApplicationContext[] = [];
    for (let i = 0; i < WORKERS; i++) {
      workers.push(await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { codePath: bundleFile }), { logger: ['error'] }));
    }
    stops.unshift(async () => void (await Promise.all(workers.map((w) => w.close()))));

    const client = await connectClient(config.temporal);
    stops.unshift(() => client.connection.close());
    // The due instant lies far enough ahead for every workflow to be started and waiting.
    const due = new Date(Date.now() + 20_000 + N * 6).toISOString();
    const schedule = scheduleFromInstants({ due: [due] });
    const startedAt = Date.now();
    await pool(actionIds, START_CONCURRENCY, (actionId) => {
      const input: ActionInput = {
        actionId,
        planId,
        schedule,
        timezone: 'Europe/Stockholm',
        policy: { remindBefore: [], escalateAfter: ['PT0S'], timing: 'exact', calendar: 'SE' },
        owners: { personIds: [owner], unitIds: [] },
      };
      return client.workflow.start(ACTION_WORKFLOW, { taskQueue: config.temporal.taskQueue, workflowId: actionWorkflowId(actionId), args: [input] });
    });
    const startSeconds = (Date.now() - startedAt) / 1000;
    const slack = (Date.parse(due) - Date.now()) / 1000;
    console.log(`started ${N} action workflows in ${startSeconds.toFixed(1)} s (${(N / startSeconds).toFixed(0)}/s); due instant in ${slack.toFixed(1)} s`);
    if (slack < 0) console.log('WARNING: the due instant passed before all workflows started; delays include start-up');

    let peakWorkerRss = 0;
    const timer = setInterval(() => (peakWorkerRss = Math.max(peakWorkerRss, process.memoryUsage().rss)), 500);
    const deadline = Date.parse(due) + 10 * 60_000;
    for (;;) {
      const [{ count }] = await db.query('SELECT count(*)::int AS count FROM escalation');
      if (count >= N || Date.now() > deadline) break;
      await new Promise((r) => setTimeout(r, 500));
    }
    clearInterval(timer);
    const delays: number[] = (await db.query(`SELECT extract(epoch FROM recorded_at - $1::timestamptz) * 1000 AS ms FROM escalation ORDER BY 1`, [due])).map((r: { ms: string }) => Number(r.ms));
    const serverRss = await Promise.all(services.pids.map(async ({ name, pid }) => `${name} ${await rssMb(pid)} MB`));
    console.log(`escalations recorded: ${delays.length}/${N}`);
    console.log(`delay from due instant to escalation recorded (ms): p50 ${pct(delays, 50)}  p95 ${pct(delays, 95)}  p99 ${pct(delays, 99)}  max ${pct(delays, 100)}`);
    console.log(`memory: bench+worker process peak RSS ${(peakWorkerRss / 2 ** 20).toFixed(0)} MB; ${serverRss.join('; ') || 'servers external'}`);
    console.log(`workers: ${WORKERS}; cores: ${cpus().length}`);
  } finally {
    for (const stop of stops) await stop().catch((e) => console.error('while stopping:', e));
  }
}

async function services_(work: string, stops: Array<() => Promise<void>>) {
  const pids: Array<{ name: string; pid: number }> = [];
  let temporalAddress = process.env.TEMPORAL_ADDRESS;
  if (!temporalAddress) {
    const cliPath = await findOrBuildTemporalCli({ projectRoot: path.resolve(__dirname, '..') });
    if (!cliPath) throw new Error('no temporal CLI: set TEMPORAL_ADDRESS or install Go');
    const server = await startTemporalDevServer({ cliPath, port: await freePort(), logFile: path.join(work, 'temporal.log') });
    stops.push(server.stop);
    pids.push({ name: 'temporal dev server', pid: server.pid });
    temporalAddress = server.address;
  }
  let databaseUrl = process.env.DATABASE_URL;
  if (databaseUrl) {
    const url = new URL(databaseUrl);
    const name = `bevaka_bench_${Date.now()}`;
    await ensureDatabase(databaseUrl, name);
    url.pathname = `/${name}`;
    databaseUrl = url.toString();
  } else {
    const postgres = await startEmbeddedPostgres({ dir: path.join(work, 'postgres'), port: await freePort(), database: 'bench' });
    stops.push(postgres.stop);
    databaseUrl = postgres.url;
  }
  return { temporalAddress, databaseUrl, pids };
}

async function seed(db: DataSource) {
  const [{ id: head }] = await db.query(`INSERT INTO person (name, email, roles) VALUES ('Chef', 'chef@bench', '{executive}') RETURNING id`);
  const [{ id: unit }] = await db.query(`INSERT INTO unit (name, head_person_id) VALUES ('Kommunledning', $1) RETURNING id`, [head]);
  const [{ id: owner }] = await db.query(`INSERT INTO person (name, email, unit_id, roles) VALUES ('Ägare', 'agare@bench', $1, '{owner}') RETURNING id`, [unit]);
  const [{ id: planId }] = await db.query(`INSERT INTO plan (title, start_date) VALUES ('Bench', current_date) RETURNING id`);
  return { owner: owner as string, planId: planId as string };
}

async function insertActions(db: DataSource, planId: string, n: number): Promise<string[]> {
  const rows = await db.query(
    `INSERT INTO action (plan_id, title, schedule_input, schedule) SELECT $1, 'Åtgärd ' || g, '{}', '{}' FROM generate_series(1, $2) g RETURNING id`,
    [planId, n],
  );
  return rows.map((r: { id: string }) => r.id);
}

async function pool<T>(items: T[], concurrency: number, run: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < items.length) await run(items[next++]);
  }));
}

function pct(sorted: number[], p: number): string {
  if (sorted.length === 0) return '-';
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)].toFixed(0);
}

async function rssMb(pid: number): Promise<string> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    return (Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024).toFixed(0);
  } catch {
    return '?';
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
