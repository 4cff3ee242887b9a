import { openSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import path from 'node:path';
import { Connection } from '@temporalio/client';
import { msToTs } from '@temporalio/common/lib/time';
import { freePort } from '../../test/support/free-port';
import { runMigrations } from '../../libs/persistence/data-source';
import { supervisedPostgres } from '../../apps/embedded/embedded-servers';
import { ensureDatabase, letPostgresPass } from '../../libs/persistence/embedded-postgres';
import { DEFAULT_RESTART_POLICY, readyMessage, Supervisor, SupervisorHooks } from '../../libs/supervision/supervisor';
import { isServing } from '../../libs/temporal/dev-server';
import { readClusterSettings } from './cluster-settings';
import { findOrBuildTemporalServer } from './temporal-server-build';
import { ServerDatabase, ServerPorts, temporalDynamicConfig, temporalServerConfig } from './temporal-server-config';
import { applyTemporalSchema } from './temporal-schema';

/**
 * The production topology on one machine, for tests and benchmarks: PostgreSQL (an existing server,
 * or one of its own under the cluster's directory), the real Temporal server on it (persistence and
 * visibility in PostgreSQL, several history shards, schema applied by Temporal's SQL tool), and
 * Bevaka's API and W workers as separate processes. Every process is restarted when it stops on
 * its own, as an orchestrator would (`restart: unless-stopped` in docker-compose.yml), so a fault
 * test kills one and watches the rest recover.
 */
export interface ClusterOptions {
  root: string;
  /** Data, configuration and logs of this cluster. */
  dir: string;
  workers?: number;
  /** An existing PostgreSQL server to use (a URL of a superuser, no database); else its own. */
  postgresUrl?: string;
  /** Environment for Bevaka's processes (admin account, SMTP, …). */
  env?: Record<string, string>;
  namespace?: string;
  /** The API's port (a free one when not given). */
  port?: number;
  /** Run Bevaka from dist/ (`npm run build`), as production does; else from the TypeScript sources. */
  fromBuild?: boolean;
  log: (line: string) => void;
}

export interface RunningCluster {
  baseUrl: string;
  /** Bevaka's database. */
  databaseUrl: string;
  temporalAddress: string;
  namespace: string;
  temporal: Supervisor;
  workers: Supervisor[];
  api: Supervisor;
  /** The cluster's own PostgreSQL (undefined on an existing server). */
  postgres?: OwnPostgres;
  /**
   * Starts one more worker. `bundle`: a workflow bundle file of its own (the next release's
   * workflow code, for a rolling upgrade); else the one the cluster's workers share.
   */
  addWorker(options?: { env?: Record<string, string>; bundle?: string }): Promise<Supervisor>;
  stop(): Promise<void>;
}

export interface OwnPostgres {
  supervisor: Supervisor;
  /** The postmaster's pid, from its lock file. */
  pid(): Promise<number>;
}

const DATABASES = { temporal: 'temporal', visibility: 'temporal_visibility', bevaka: 'bevaka' };

export async function startCluster(options: ClusterOptions): Promise<RunningCluster> {
  const settings = readClusterSettings(options.root);
  const namespace = options.namespace ?? 'default';
  const dir = path.resolve(options.dir);
  await mkdir(path.join(dir, 'logs'), { recursive: true });
  const stops: Array<() => Promise<void>> = [];
  const stop = async () => {
    for (const step of stops.splice(0).reverse()) await step().catch((error) => options.log(`while stopping: ${error}`));
  };
  try {
    const database = await startDatabase(options, dir, stops);
    const binaries = await findOrBuildTemporalServer(options.log);
    await applyTemporalSchema({ ...binaries, db: database.server, log: options.log });

    const ports = await serverPorts();
    const temporalAddress = `127.0.0.1:${ports.frontend}`;
    await writeServerConfig(dir, ports, database.server, settings.historyShards);
    const temporal = supervise(options, {
      name: 'temporal-server',
      command: binaries.server,
      args: ['--root', dir, '--config', 'config', '--env', 'cluster', '--allow-no-auth', 'start'],
      options: { stdio: ['ignore', logFile(dir, 'temporal'), logFile(dir, 'temporal')], detached: true },
      ready: () => until(() => isServing(temporalAddress), 'the Temporal server to serve'),
      readyTimeoutMs: 120_000,
    });
    await temporal.start();
    stops.push(() => temporal.stop());
    await ensureNamespace(temporalAddress, namespace, settings.namespaceRetention, options.log);

    const applied = await runMigrations(database.bevakaUrl);
    if (applied.length) options.log(`migrations applied: ${applied.join(', ')}`);
    const port = options.port ?? (await freePort());
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      BEVAKA_DATA_DIR: dir,
      BEVAKA_PUBLIC_URL: `http://localhost:${port}`,
      ...options.env,
      PORT: String(port),
      DATABASE_URL: database.bevakaUrl,
      TEMPORAL_ADDRESS: temporalAddress,
      TEMPORAL_NAMESPACE: namespace,
    };
    // Made by the first worker from the sources of this start: one left by an earlier start of the
    // same directory may be older code.
    const sharedBundle = path.join(dir, 'workflow-bundle.js');
    await rm(sharedBundle, { force: true });
    const workers: Supervisor[] = [];
    const addWorker = async ({ env: extra = {}, bundle = sharedBundle }: { env?: Record<string, string>; bundle?: string } = {}) => {
      const index = workers.length + 1;
      const worker = supervise(options, bevakaProcess(options, dir, `worker-${index}`, 'worker', [bundle], { ...env, ...extra }));
      workers.push(worker);
      stops.push(() => worker.stop());
      await worker.start();
      return worker;
    };
    // The first worker alone: from TypeScript sources it writes the bundle the others then load.
    await addWorker();
    for (let i = 1; i < (options.workers ?? settings.workers); i++) await addWorker();
    const api = supervise(options, bevakaProcess(options, dir, 'api', 'api', [], env));
    await api.start();
    stops.push(() => api.stop());
    options.log(`cluster ready: API http://127.0.0.1:${port}, Temporal ${temporalAddress} (${settings.historyShards} history shards), ${workers.length} workers`);
    return {
      baseUrl: `http://127.0.0.1:${port}`,
      databaseUrl: database.bevakaUrl,
      temporalAddress,
      namespace,
      temporal,
      workers,
      api,
      postgres: database.own,
      addWorker,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

interface ClusterDatabase {
  server: ServerDatabase;
  bevakaUrl: string;
  own?: OwnPostgres;
}

async function startDatabase(options: ClusterOptions, dir: string, stops: Array<() => Promise<void>>): Promise<ClusterDatabase> {
  if (options.postgresUrl) {
    const url = new URL(options.postgresUrl);
    const server = { host: url.hostname, port: Number(url.port || 5432), user: decodeURIComponent(url.username || 'postgres'), password: decodeURIComponent(url.password), database: DATABASES.temporal, visibilityDatabase: DATABASES.visibility };
    const base = `${url.protocol}//${url.username}${url.password ? `:${url.password}` : ''}@${url.host}`;
    await ensureDatabase(`${base}/postgres`, DATABASES.bevaka);
    return { server, bevakaUrl: `${base}/${DATABASES.bevaka}` };
  }
  await letPostgresPass(dir); // as root: to its own directory inside ours (a mkdtemp one is 0700)
  const postgres = await supervisedPostgres(
    // postgres/data: the layout of earlier starts. Temporal's pools and Bevaka's processes need more than 100 connections.
    { dir: path.join(dir, 'postgres'), clusterName: 'data', port: await freePort(), database: DATABASES.bevaka, maxConnections: 200 },
    { policy: DEFAULT_RESTART_POLICY, hooks: supervisionHooks(options), logFile: path.join(dir, 'logs', 'postgres.log'), detached: true },
  );
  await postgres.supervisor.start();
  stops.push(() => postgres.supervisor.stop());
  await postgres.ensureDatabase();
  // Bevaka over loopback TCP, as in production (npm start's url takes the socket).
  const { host, port, user, password } = postgres.superuser;
  return {
    server: { ...postgres.superuser, database: DATABASES.temporal, visibilityDatabase: DATABASES.visibility },
    bevakaUrl: `postgres://${user}:${encodeURIComponent(password)}@${host}:${port}/${DATABASES.bevaka}`,
    own: { supervisor: postgres.supervisor, pid: postgres.pid },
  };
}

/**
 * Loopback ports for the server's services. Temporal records each service's ports in its
 * cluster_membership table as a smallint, so they must lie below 32768 — under the range the
 * system hands out for port 0 (32768 and up on Linux): free ones are searched for there.
 */
async function serverPorts(): Promise<ServerPorts> {
  const taken = new Set<number>();
  const take = async () => {
    for (;;) {
      const port = 20_000 + Math.floor(Math.random() * 12_000);
      if (!taken.has(port) && (await isFree(port))) return taken.add(port), port;
    }
  };
  return {
    frontend: await take(),
    frontendHttp: await take(),
    history: await take(),
    matching: await take(),
    worker: await take(),
    membership: [await take(), await take(), await take(), await take()],
    metrics: await take(),
  };
}

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

async function writeServerConfig(dir: string, ports: ServerPorts, db: ServerDatabase, historyShards: number): Promise<void> {
  const configDir = path.join(dir, 'config');
  await mkdir(configDir, { recursive: true });
  const dynamicConfigFile = path.join(configDir, 'dynamic.yaml');
  await writeFile(dynamicConfigFile, JSON.stringify(temporalDynamicConfig()));
  // The password of the database is in it: readable by us only.
  await writeFile(path.join(configDir, 'cluster.yaml'), JSON.stringify(temporalServerConfig({ ports, db, historyShards, dynamicConfigFile }), null, 2), { mode: 0o600 });
}

/** Registers the namespace (with the shared retention) unless it exists; waits until it answers. */
async function ensureNamespace(address: string, namespace: string, retention: string, log: (line: string) => void): Promise<void> {
  const connection = await Connection.connect({ address });
  try {
    const service = connection.workflowService;
    const exists = await service.describeNamespace({ namespace }).then(
      () => true,
      () => false,
    );
    if (!exists) {
      await service.registerNamespace({ namespace, workflowExecutionRetentionPeriod: msToTs(goDurationSeconds(retention) * 1000) });
      log(`namespace ${namespace} registered (retention ${retention})`);
    }
    // A new namespace reaches every service's cache within its refresh interval (10 s).
    await until(() => service.listWorkflowExecutions({ namespace, pageSize: 1 }).then(() => true, () => false), `namespace ${namespace} to answer`);
  } finally {
    await connection.close();
  }
}

/** "720h", "30m", "90s": the forms the shared settings use. */
export function goDurationSeconds(value: string): number {
  const match = /^(\d+)(h|m|s)$/.exec(value);
  if (!match) throw new Error(`not a duration in hours, minutes or seconds: ${value}`);
  return Number(match[1]) * { h: 3600, m: 60, s: 1 }[match[2] as 'h' | 'm' | 's'];
}

/** A Bevaka child the way `npm start` runs it (apps/embedded/*-process), with its log in a file. */
function bevakaProcess(options: ClusterOptions, dir: string, name: string, kind: 'worker' | 'api', args: string[], env: NodeJS.ProcessEnv) {
  const compiled = options.fromBuild || path.extname(__filename) === '.js';
  const script = path.join(options.root, ...(compiled ? ['dist', 'apps', 'embedded', `${kind}-process.js`] : ['apps', 'embedded', `${kind}-process.ts`]));
  const log = logFile(dir, name);
  return {
    name,
    command: process.execPath,
    args: [...(compiled ? [] : ['--require', '@swc-node/register']), script, ...args],
    options: { env, stdio: ['ignore', log, log, 'ipc'] as Array<'ignore' | 'ipc' | number>, detached: true },
    ready: readyMessage,
    stopTimeoutMs: 30_000,
  };
}

function supervise(options: ClusterOptions, process: ConstructorParameters<typeof Supervisor>[0]): Supervisor {
  return new Supervisor(process, DEFAULT_RESTART_POLICY, supervisionHooks(options));
}

function supervisionHooks(options: ClusterOptions): SupervisorHooks {
  return { log: options.log, gaveUp: (reason) => options.log(`${reason}: the cluster is degraded until it is stopped`) };
}

function logFile(dir: string, name: string): number {
  return openSync(path.join(dir, 'logs', `${name}.log`), 'a');
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${what}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
