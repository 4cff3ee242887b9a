import { ChildProcess, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Connection } from '@temporalio/client';

/**
 * Runs the `temporal server start-dev` process: the embedded Temporal of `npm start` (SQLite file
 * under the data dir, UI on its own port) and of the test suites (in memory, headless).
 */
export interface DevServerOptions {
  cliPath: string;
  port: number;
  /** Omit for a headless server (tests). */
  uiPort?: number;
  /** Omit for an in-memory server whose workflows vanish when it stops (tests). */
  dbFile?: string;
  namespace?: string;
  /** Dynamic configuration values (`--dynamic-config-value KEY=JSON`), on top of DEV_SERVER_DYNAMIC_CONFIG. */
  dynamicConfig?: Record<string, unknown>;
  /** Server output goes here; it is noisy and not for the console. */
  logFile?: string;
  readyTimeoutMs?: number;
}

export interface RunningDevServer {
  address: string;
  uiUrl?: string;
  pid: number;
  stop(): Promise<void>;
}

/**
 * The dev server serves one worker on one machine: one partition per task queue spares it
 * forwarding tasks and polls between partitions (the default, 4, is for many workers).
 */
export const DEV_SERVER_DYNAMIC_CONFIG: Record<string, unknown> = {
  'matching.numTaskqueueReadPartitions': 1,
  'matching.numTaskqueueWritePartitions': 1,
};

/**
 * How to run the dev server: its command line, and where it answers. Makes the directory of its
 * SQLite file. `npm start` hands this to its supervisor; the test suites run it themselves
 * (startTemporalDevServer).
 */
export async function devServerCommand(options: DevServerOptions): Promise<{ command: string; args: string[]; address: string; uiUrl?: string }> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-format', 'json'];
  if (options.uiPort) args.push('--ui-port', String(options.uiPort));
  else args.push('--headless');
  if (options.dbFile) {
    await mkdir(path.dirname(options.dbFile), { recursive: true });
    args.push('--db-filename', options.dbFile);
    // SQLite's default rollback journal syncs the disk several times per transaction, and the
    // dev server writes every workflow task through its one connection: with write-ahead logging
    // and NORMAL sync a commit is an append (durable across a crash of the process; the last
    // commits before a power cut may be lost, which the idempotent activities absorb).
    for (const pragma of ['journal_mode=wal', 'synchronous=normal']) args.push('--sqlite-pragma', pragma);
  }
  if (options.namespace && options.namespace !== 'default') args.push('--namespace', options.namespace);
  for (const [key, value] of Object.entries({ ...DEV_SERVER_DYNAMIC_CONFIG, ...options.dynamicConfig })) args.push('--dynamic-config-value', `${key}=${JSON.stringify(value)}`);
  return {
    command: options.cliPath,
    args,
    address: `127.0.0.1:${options.port}`,
    uiUrl: options.uiPort ? `http://localhost:${options.uiPort}` : undefined,
  };
}

export async function startTemporalDevServer(options: DevServerOptions): Promise<RunningDevServer> {
  const { command, args, address, uiUrl } = await devServerCommand(options);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  if (options.logFile) {
    await mkdir(path.dirname(options.logFile), { recursive: true });
    const log = createWriteStream(options.logFile, { flags: 'a' });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
  } else {
    child.stdout?.resume();
    child.stderr?.resume();
  }
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));

  try {
    await waitUntilServing(address, exited, options.readyTimeoutMs ?? 60_000);
  } catch (error) {
    await stopChild(child, exited);
    throw error;
  }
  return {
    address,
    uiUrl,
    pid: child.pid!,
    stop: () => stopChild(child, exited),
  };
}

async function waitUntilServing(address: string, exited: Promise<number | null>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  while (Date.now() < deadline) {
    if (exitCode !== undefined) throw new Error(`temporal dev server exited with code ${exitCode} before serving`);
    if (await isServing(address)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`temporal dev server did not answer on ${address} within ${timeoutMs} ms`);
}

export async function isServing(address: string): Promise<boolean> {
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address, connectTimeout: 1_000 });
    await connection.workflowService.getSystemInfo({});
    return true;
  } catch {
    return false;
  } finally {
    await connection?.close().catch(() => undefined);
  }
}

async function stopChild(child: ChildProcess, exited: Promise<number | null>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
