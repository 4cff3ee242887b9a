import { spawn } from 'node:child_process';
import path from 'node:path';
import PgBoss from 'pg-boss';
import type { Pool } from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../libs/persistence/data-source';
import { OccurrenceStateRepository } from '../../libs/persistence/repositories/occurrence-state.repository';
import type { EmbeddedStack } from '../support/embedded-stack';
import { pool } from '../support/api';
import type { Armed } from './bevaka';

export const QUEUE = 'escalate';

/**
 * The baseline's arming: the same action rows, each occurrence opened by the same repository code
 * Bevaka's activity uses, then one pg-boss job per occurrence with `startAfter` = the due
 * instant. The jobs are worked by bench/engines/pg-boss-worker.ts in a process of its own, with
 * several `work()` handlers fetching in batches, as pg-boss's users tune it.
 */
export async function armPgBoss(options: {
  stack: EmbeddedStack;
  db: Pool;
  planId: string;
  ownerId: string;
  n: number;
  dueInstant: string;
  policy: object;
  workers: number;
  batchSize: number;
  onProcess: (pid: number) => void;
}): Promise<Armed> {
  const { stack, db, planId, ownerId, n, dueInstant } = options;
  const { rows } = await db.query(
    `INSERT INTO action (plan_id, title, schedule_input, schedule, policy, owner_person_ids, status)
     SELECT $1, 'Åtgärd ' || g, '{}', '{}', $3, ARRAY[$2::uuid], 'active' FROM generate_series(1, $4) g RETURNING id`,
    [planId, ownerId, options.policy, n],
  );
  const actionIds: string[] = rows.map((r: { id: string }) => r.id);
  const dataSource = await new DataSource(dataSourceOptions(stack.databaseUrl)).initialize();
  const jobs: PgBoss.JobInsert[] = [];
  try {
    await pool(actionIds, 8, async (actionId) => {
      const state = await dataSource.transaction((tx) =>
        new OccurrenceStateRepository(tx).open({ actionId, planId, workflowId: 'pg-boss', periodKey: dueInstant, periodStart: dueInstant.slice(0, 10), periodEnd: dueInstant.slice(0, 10), dueInstant, openedAt: new Date().toISOString() }),
      );
      jobs.push({ name: QUEUE, data: { actionId, planId, state }, startAfter: dueInstant });
    });
  } finally {
    await dataSource.destroy();
  }
  const boss = new PgBoss({ connectionString: stack.databaseUrl, schedule: false, supervise: false });
  await boss.start();
  await boss.createQueue(QUEUE);
  for (let i = 0; i < jobs.length; i += 1000) await boss.insert(jobs.slice(i, i + 1000));
  await boss.stop({ graceful: false });
  const worker = await startWorkers(stack.databaseUrl, options);
  options.onProcess(worker.pid);
  return { actionIds, armedAt: Date.now(), stop: worker.stop };
}

async function startWorkers(databaseUrl: string, options: { workers: number; batchSize: number; policy: object }): Promise<{ pid: number; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'pg-boss-worker.ts')], {
    cwd: path.resolve(__dirname, '..', '..'),
    env: { ...process.env, DATABASE_URL: databaseUrl, PGBOSS_WORKERS: String(options.workers), PGBOSS_BATCH: String(options.batchSize), PGBOSS_POLICY: JSON.stringify(options.policy), LOG_LEVEL: 'silent' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    void exited.then((code) => reject(new Error(`the pg-boss worker exited with ${code}`)));
  });
  return {
    pid: child.pid!,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
