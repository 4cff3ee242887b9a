import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './support/free-port';
import { ENV, requiredEnv } from './support/services';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { inSeconds, waitFor } from './support/wait-for';

// `npm start`'s launcher (apps/embedded/main.ts) runs the worker and the API as supervised child
// processes: a worker killed with SIGKILL is started again, the API keeps answering, and follow-up
// goes on. Against the suites' Temporal and a database of its own, so that only the launcher and
// its two children are started here.
describe('npm start supervises the worker and the API', () => {
  const root = path.resolve(__dirname, '..');
  const admin = { email: 'admin@supervision.test', password: 'ett-långt-lösenord' };
  let database: TestDatabase;
  let launcher: ChildProcess;
  let output = '';
  let baseUrl: string;
  let exited: Promise<number | null>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    launcher = spawn(process.execPath, ['--require', '@swc-node/register', path.join(root, 'apps', 'embedded', 'main.ts')], {
      cwd: root,
      env: {
        ...process.env,
        PORT: String(port),
        DATABASE_URL: database.url,
        TEMPORAL_ADDRESS: requiredEnv(ENV.temporalAddress),
        TEMPORAL_TASK_QUEUE: `supervision-${randomBytes(4).toString('hex')}`,
        BEVAKA_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'bevaka-supervision-')),
        BEVAKA_ADMIN_EMAIL: admin.email,
        BEVAKA_ADMIN_PASSWORD: admin.password,
        // As in every test stack: no reporting round opens before its period ends, whatever the day.
        BEVAKA_ROUND_OPENS_BEFORE: 'P0D',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) => launcher.once('exit', (code) => resolve(code)));
    await printed('[bevaka] press Ctrl-C to stop');
  });

  /** Resolves once the launcher has printed `text`; fails if it exits first. */
  const printed = (text: string) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (!output.includes(text)) return;
        launcher.stdout!.off('data', check);
        resolve();
      };
      launcher.stdout!.on('data', check);
      void exited.then((code) => reject(new Error(`the launcher exited (${code}) before printing "${text}":\n${output}`)));
      check();
    });

  afterAll(async () => {
    if (launcher?.exitCode === null) launcher.kill('SIGKILL');
    await database?.drop();
  });

  const health = async () => (await fetch(`${baseUrl}/health`).catch(() => undefined))?.status;
  const childPid = (name: 'worker' | 'api') => {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)], { encoding: 'utf8' }).split('\n');
    const line = lines.find((l) => l.includes(`${name}-process`));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
  };

  it('runs the worker and the API as two child processes', async () => {
    expect(childPid('worker')).toEqual(expect.any(Number));
    expect(childPid('api')).toEqual(expect.any(Number));
    expect(await health()).toBe(200);
  });

  it('starts a worker killed with SIGKILL again; the API answers throughout', async () => {
    const api = childPid('api');
    const killed = childPid('worker')!;
    process.kill(killed, 'SIGKILL');
    expect(await health()).toBe(200); // the API did not go with it
    await printed('[bevaka] worker is running again');
    expect(output).toContain('[bevaka] worker stopped (signal SIGKILL); restarting in 1 s');
    expect(childPid('worker')).not.toBe(killed);
    expect(childPid('api')).toBe(api);
    expect(await health()).toBe(200);
  });

  it('follow-up goes on with the restarted worker: a new action opens its occurrence', async () => {
    const post = async (url: string, body: object, token?: string): Promise<Record<string, string>> => {
      const response = await fetch(`${baseUrl}${url}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
      return (await response.json()) as Record<string, string>;
    };
    const { token } = await post('/api/auth/login', admin);
    const plan = await post('/api/plans', { title: 'Efter omstarten', startDate: '2026-01-01' }, token);
    const action = await post(`/api/plans/${plan.id}/actions`, { title: 'Möte', schedule: { due: [inSeconds(3600)] }, policy: {} }, token);
    const occurrences = await waitFor(
      async () => ((await (await fetch(`${baseUrl}/api/occurrences?actionId=${action.id}`, { headers: { Authorization: `Bearer ${token}` } })).json()) as { items: unknown[] }).items,
      { what: 'the occurrence opened by the restarted worker' },
    );
    expect(occurrences).toHaveLength(1);
  });

  it('Ctrl-C (SIGINT) stops the API and then the worker, and exits 0', async () => {
    const children = [childPid('api')!, childPid('worker')!];
    launcher.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toMatch(/\[bevaka\] SIGINT: stopping\.\.\.\n(.|\n)*\[bevaka\] stopped\n/);
    const alive = children.filter((pid) => {
      try {
        process.kill(pid, 0);
        return true;
      } catch {
        return false;
      }
    });
    expect(alive).toEqual([]);
  });
});
