import { ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from '../../test/support/free-port';

/** What the benchmark needs of a running Bevaka, whichever topology runs it. */
export interface BenchStack {
  baseUrl: string;
  databaseUrl: string;
  admin: { email: string; password: string };
  /** The roots of the process trees that are measured. */
  pids(): number[];
  stop(): Promise<void>;
}

/**
 * What every benchmarked stack runs with besides its defaults. No reporting round opens during a
 * run: near a half-year's end (from December 1 or June 1, the default `P30D`) the plan's round
 * would open a status-report task for each of the N actions in the middle of the storm — another
 * workload than the period end measured, and one that depends on the day the bench runs.
 */
export const BENCH_ENV = { LOG_LEVEL: 'warn', BEVAKA_ROUND_OPENS_BEFORE: 'P0D' };

/**
 * `npm start`, as its users run it: the compiled launcher (dist/apps/embedded/main.js) on a fresh
 * data directory, with its Temporal dev server (SQLite file), embedded PostgreSQL and Bevaka's own
 * processes. The benchmark measures this, not a set-up of its own.
 */
export interface EmbeddedStack extends BenchStack {
  temporalAddress: string;
  /** The launcher's pid: the root of the process tree that is measured. */
  pid: number;
  dataDir: string;
}

export async function startEmbeddedStack(root: string, env: Record<string, string> = {}, nodeArgs: string[] = []): Promise<EmbeddedStack> {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'bevaka-bench-'));
  await chmod(dataDir, 0o711); // the embedded cluster may run as `postgres` (when we are root)
  const [port, pgPort, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort(), await freePort()];
  const admin = { email: 'bench-admin@bevaka.local', password: `bench-${randomBytes(12).toString('hex')}` };
  const child = spawn(process.execPath, [...nodeArgs, path.join(root, 'dist', 'apps', 'embedded', 'main.js')], {
    cwd: root,
    env: {
      ...process.env,
      ...env,
      PORT: String(port),
      BEVAKA_DATA_DIR: dataDir,
      BEVAKA_PG_PORT: String(pgPort),
      BEVAKA_TEMPORAL_PORT: String(temporalPort),
      BEVAKA_TEMPORAL_UI_PORT: String(uiPort),
      BEVAKA_ADMIN_EMAIL: admin.email,
      BEVAKA_ADMIN_PASSWORD: admin.password,
      BEVAKA_PUBLIC_URL: `http://localhost:${port}`,
      ...BENCH_ENV,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  await ready(child, output);
  const password = (await readFile(path.join(dataDir, 'postgres', 'password'), 'utf8')).trim();
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    databaseUrl: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/bevaka`,
    temporalAddress: `127.0.0.1:${temporalPort}`,
    admin,
    pid: child.pid!,
    dataDir,
    pids: () => [child.pid!],
    stop: () => stop(child),
  };
}

function ready(child: ChildProcess, output: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      if (output.join('').includes('ready in')) {
        clearInterval(timer);
        resolve();
      }
    }, 200);
    child.once('exit', (code) => {
      clearInterval(timer);
      reject(new Error(`npm start's launcher exited with ${code} before it was ready:\n${output.join('')}`));
    });
  });
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  await exited;
  clearTimeout(timer);
}
