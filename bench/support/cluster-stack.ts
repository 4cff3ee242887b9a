import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startCluster } from '../../scripts/cluster/cluster';
import { BENCH_ENV, type BenchStack } from './embedded-stack';

/**
 * The production topology of `npm run cluster` (scripts/cluster): the real Temporal server on its
 * own PostgreSQL, the API and W workers as processes, run from the build as production runs them,
 * on a fresh directory removed afterwards.
 */
export async function startClusterStack(root: string, workers: number): Promise<BenchStack> {
  const dir = await mkdtemp(path.join(tmpdir(), 'bevaka-bench-cluster-'));
  const admin = { email: 'bench-admin@bevaka.local', password: `bench-${randomBytes(12).toString('hex')}` };
  const cluster = await startCluster({
    root,
    dir,
    workers,
    fromBuild: true,
    env: { BEVAKA_ADMIN_EMAIL: admin.email, BEVAKA_ADMIN_PASSWORD: admin.password, ...BENCH_ENV },
    log: (line) => console.log(`[cluster] ${line}`),
  });
  return {
    baseUrl: cluster.baseUrl,
    databaseUrl: cluster.databaseUrl,
    admin,
    pids: () => [cluster.temporal.pid, cluster.postgres?.supervisor.pid, cluster.api.pid, ...cluster.workers.map((w) => w.pid)].filter((pid): pid is number => pid !== undefined),
    stop: async () => {
      await cluster.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
