/**
 * Bevaka on the production topology, on this machine (scripts/cluster/cluster.ts):
 *
 *   npm run cluster -- [--workers 2] [--dir .cluster] [--postgres-url postgres://postgres@127.0.0.1:5432]
 *   npm run cluster -- stop [--dir .cluster]
 *
 * The first form starts PostgreSQL (its own under the directory, or the server given), the
 * Temporal server on it, the API and the workers, prints where they are and runs until Ctrl-C or
 * `stop`, which stops everything in order. Data stays in the directory for the next start.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { projectRoot } from '../libs/config/project-root';
import { startCluster } from './cluster/cluster';

const root = projectRoot();
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    workers: { type: 'string' },
    dir: { type: 'string', default: '.cluster' },
    'postgres-url': { type: 'string' },
    port: { type: 'string', default: process.env.PORT ?? '3000' },
  },
});
const dir = path.resolve(root, values.dir!);
const pidFile = path.join(dir, 'cluster.pid');
const say = (line: string) => process.stdout.write(`[cluster] ${line}\n`);

async function start(): Promise<void> {
  const workers = values.workers === undefined ? undefined : Number(values.workers);
  if (workers !== undefined && (!Number.isInteger(workers) || workers < 1)) throw new Error('--workers must be a whole number of at least 1');
  const cluster = await startCluster({ root, dir, workers, port: Number(values.port), postgresUrl: values['postgres-url'], log: say });
  // The API creates the first admin on its first start and says so in its log, once.
  const firstAdmin = (await readFile(path.join(dir, 'logs', 'api.log'), 'utf8')).split('\n').filter((line) => /First admin|Password \(shown once/.test(line));
  for (const line of firstAdmin) say(line.trim());
  await writeFile(pidFile, `${process.pid}\n`);
  say(`web app and API  ${cluster.baseUrl}`);
  say(`Temporal         ${cluster.temporalAddress} (namespace ${cluster.namespace})`);
  say(`logs             ${path.join(dir, 'logs')}`);
  say('Ctrl-C or `npm run cluster -- stop` stops it');
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    say(`${signal}: stopping...`);
    await cluster.stop();
    await rm(pidFile, { force: true });
    say('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

async function stop(): Promise<void> {
  const pid = Number((await readFile(pidFile, 'utf8').catch(() => '')).trim());
  if (!pid) throw new Error(`no cluster runs from ${dir} (no ${pidFile})`);
  process.kill(pid, 'SIGTERM');
  while (isAlive(pid)) await new Promise((r) => setTimeout(r, 200));
  say('stopped');
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const command = positionals[0] ?? 'start';
(command === 'stop' ? stop() : command === 'start' ? start() : Promise.reject(new Error(`unknown command ${command}: start or stop`))).catch((error) => {
  process.stderr.write(`[cluster] ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
