import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmod, mkdtemp, readFile, rename } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { Pool } from 'pg';
import { Api } from '../bench/support/api';
import { seedOrganisation } from '../bench/support/organisation';
import { actionStateQuery, actionWorkflowId } from '../workflows/contracts/engine';
import { freePort } from './support/free-port';
import { ENV, requiredEnv } from './support/services';
import { expectNothingLostOrDoubled, faultsDuringStorm } from './support/storm-with-faults';
import { createTestDatabase, TestDatabase } from './support/test-database';
import { inSeconds, waitFor } from './support/wait-for';

const root = path.resolve(__dirname, '..');
const admin = { email: 'admin@supervision.test', password: 'ett-långt-lösenord' };

/** `npm start`'s launcher from the TypeScript sources, with what it prints. */
function launch(env: NodeJS.ProcessEnv) {
  const launcher = spawn(process.execPath, ['--require', '@swc-node/register', path.join(root, 'apps', 'embedded', 'main.ts')], {
    cwd: root,
    env: {
      ...process.env,
      BEVAKA_ADMIN_EMAIL: admin.email,
      BEVAKA_ADMIN_PASSWORD: admin.password,
      // As in every test stack: no reporting round opens before its period ends, whatever the day.
      BEVAKA_ROUND_OPENS_BEFORE: 'P0D',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  launcher.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  launcher.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => launcher.once('exit', (code) => resolve(code)));
  /** Resolves once the launcher has printed `text` (`times` times); fails if it exits first. */
  const printed = (text: string, times = 1) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (output.split(text).length - 1 < times) return;
        launcher.stdout!.off('data', check);
        resolve();
      };
      launcher.stdout!.on('data', check);
      void exited.then((code) => reject(new Error(`the launcher exited (${code}) before printing "${text}":\n${output}`)));
      check();
    });
  /** A child of the launcher whose command line contains `what`. */
  const childPid = (what: string) => {
    const lines = execFileSync('ps', ['-o', 'pid=,args=', '--ppid', String(launcher.pid)], { encoding: 'utf8' }).split('\n');
    const line = lines.find((l) => l.includes(what));
    return line ? Number(line.trim().split(/\s+/)[0]) : undefined;
  };
  return { launcher, exited, printed, childPid, output: () => output };
}

/** Bevaka's API at baseUrl, as the first admin. */
function api(baseUrl: string) {
  let token: string | undefined;
  const call = async (method: string, url: string, body?: object) => {
    const response = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { 'Content-Type': 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  return {
    health: async () => (await fetch(`${baseUrl}/health`).catch(() => undefined))?.status,
    login: async () => void (token = (await call('POST', '/api/auth/login', admin)).body.token as string),
    post: (url: string, body: object) => call('POST', url, body),
    get: (url: string) => call('GET', url),
    /** A plan with one action due in an hour, and the occurrence its workflow opened. */
    actionWithOccurrence: async (title: string) => {
      const plan = (await call('POST', '/api/plans', { title, startDate: '2026-01-01' })).body;
      const action = await call('POST', `/api/plans/${plan.id}/actions`, { title: 'Möte', schedule: { due: [inSeconds(3600)] }, policy: {} });
      expect(action.status).toBe(201);
      const [occurrence] = await waitFor(async () => (await call('GET', `/api/occurrences?actionId=${action.body.id}`)).body.items as Array<Record<string, string>>, {
        what: `the occurrence of "${title}"`,
      });
      return { actionId: action.body.id as string, occurrence };
    },
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

// `npm start`'s launcher (apps/embedded/main.ts) runs the worker and the API as supervised child
// processes: a worker killed with SIGKILL is started again, the API keeps answering, and follow-up
// goes on. Against the suites' Temporal and a database of its own, so that only the launcher and
// its two children are started here.
describe('npm start supervises the worker and the API', () => {
  let database: TestDatabase;
  let stack: ReturnType<typeof launch>;
  let bevaka: ReturnType<typeof api>;

  beforeAll(async () => {
    database = await createTestDatabase();
    const port = await freePort();
    bevaka = api(`http://127.0.0.1:${port}`);
    stack = launch({
      PORT: String(port),
      DATABASE_URL: database.url,
      TEMPORAL_ADDRESS: requiredEnv(ENV.temporalAddress),
      TEMPORAL_TASK_QUEUE: `supervision-${randomBytes(4).toString('hex')}`,
      BEVAKA_DATA_DIR: await mkdtemp(path.join(tmpdir(), 'bevaka-supervision-')),
    });
    await stack.printed('[bevaka] press Ctrl-C to stop');
  });

  afterAll(async () => {
    if (stack?.launcher.exitCode === null) stack.launcher.kill('SIGKILL');
    await database?.drop();
  });

  it('runs the worker and the API as two child processes', async () => {
    expect(stack.childPid('worker-process')).toEqual(expect.any(Number));
    expect(stack.childPid('api-process')).toEqual(expect.any(Number));
    expect(await bevaka.health()).toBe(200);
  });

  it('starts a worker killed with SIGKILL again; the API answers throughout', async () => {
    const apiPid = stack.childPid('api-process');
    const killed = stack.childPid('worker-process')!;
    process.kill(killed, 'SIGKILL');
    expect(await bevaka.health()).toBe(200); // the API did not go with it
    await stack.printed('[bevaka] worker is running again');
    expect(stack.output()).toContain('[bevaka] worker stopped (signal SIGKILL); restarting in 1 s');
    expect(stack.childPid('worker-process')).not.toBe(killed);
    expect(stack.childPid('api-process')).toBe(apiPid);
    expect(await bevaka.health()).toBe(200);
  });

  it('follow-up goes on with the restarted worker: a new action opens its occurrence', async () => {
    await bevaka.login();
    const { occurrence } = await bevaka.actionWithOccurrence('Efter omstarten');
    expect(occurrence.status).toEqual(expect.any(String));
  });

  it('Ctrl-C (SIGINT) stops the API and then the worker, and exits 0', async () => {
    const children = [stack.childPid('api-process')!, stack.childPid('worker-process')!];
    stack.launcher.kill('SIGINT');
    expect(await stack.exited).toBe(0);
    expect(stack.output()).toMatch(/\[bevaka\] SIGINT: stopping\.\.\.\n(.|\n)*\[bevaka\] stopped\n/);
    expect(children.filter(alive)).toEqual([]);
  });
});

// The same launcher on its embedded defaults, as a new user runs `npm start`: it starts the
// Temporal dev server and PostgreSQL itself, and starts each again when it is killed, on the same
// data, while the worker and the API reconnect by themselves. Killed here with SIGKILL, one after
// the other; afterwards the stack works as before the faults. Then the faults of the cluster test
// (test/cluster) during a period-end storm, with the same checks that nothing was lost or done
// twice. Then PostgreSQL cannot come back
// (its cluster is gone), and the launcher gives up with a message and exit code 1.
describe('npm start supervises its embedded Temporal dev server and PostgreSQL', () => {
  let stack: ReturnType<typeof launch>;
  let bevaka: ReturnType<typeof api>;
  let dataDir: string;
  let temporalAddress: string;
  let baseUrl: string;
  let pgPort: number;
  let before: Awaited<ReturnType<ReturnType<typeof api>['actionWithOccurrence']>>;
  const temporalServer = 'server start-dev';
  const postgres = '/bin/postgres -D';

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(tmpdir(), 'bevaka-embedded-faults-'));
    await chmod(dataDir, 0o711); // the embedded cluster runs as `postgres` when we are root
    const [port, temporalPort, uiPort] = [await freePort(), await freePort(), await freePort()];
    pgPort = await freePort();
    temporalAddress = `127.0.0.1:${temporalPort}`;
    baseUrl = `http://127.0.0.1:${port}`;
    bevaka = api(baseUrl);
    stack = launch({
      PORT: String(port),
      DATABASE_URL: '', // unset: embedded
      TEMPORAL_ADDRESS: '',
      TEMPORAL_CLI_PATH: requiredEnv(ENV.temporalCli),
      BEVAKA_PG_PORT: String(pgPort),
      BEVAKA_TEMPORAL_PORT: String(temporalPort),
      BEVAKA_TEMPORAL_UI_PORT: String(uiPort),
      BEVAKA_DATA_DIR: dataDir,
    });
    await stack.printed('[bevaka] press Ctrl-C to stop');
    await bevaka.login();
    before = await bevaka.actionWithOccurrence('Före felen');
  });

  afterAll(async () => {
    if (stack?.launcher.exitCode === null) stack.launcher.kill('SIGINT');
    await stack?.exited;
  });

  /** Kills a server with SIGKILL; resolves once the launcher has started it again and /health is ok. */
  const killAndAwaitRecovery = async (what: string, name: string) => {
    const killed = stack.childPid(what)!;
    const restartsBefore = stack.output().split(`[bevaka] ${name} is running again`).length - 1;
    process.kill(killed, 'SIGKILL');
    await stack.printed(`[bevaka] ${name} is running again`, restartsBefore + 1);
    await waitFor(bevaka.health, { until: (status) => status === 200, what: `/health ok after ${name} was restarted` });
    expect(stack.output()).toContain(`[bevaka] ${name} stopped (signal SIGKILL); restarting in`);
    expect(stack.childPid(what)).not.toBe(killed);
  };

  it('starts the dev server and then PostgreSQL again after each is killed; /health is ok again', async () => {
    expect(await bevaka.health()).toBe(200);
    const worker = stack.childPid('worker-process');
    await killAndAwaitRecovery(temporalServer, 'Temporal dev server');
    await killAndAwaitRecovery(postgres, 'PostgreSQL');
    // The worker and the API reconnected: neither was restarted.
    expect(stack.childPid('worker-process')).toBe(worker);
    expect(stack.output()).not.toContain('[bevaka] worker stopped');
    expect(stack.output()).not.toContain('[bevaka] api stopped');
  });

  it('afterwards the API writes, and a workflow started before the faults carries on', async () => {
    // A write, and a new workflow that opens its occurrence (the worker polls the restarted server).
    await bevaka.actionWithOccurrence('Efter felen');
    // The occurrence opened before the faults is completed, and its workflow hears of it.
    const done = await bevaka.post(`/api/occurrences/${before.occurrence.id}/complete`, { note: 'Klart trots omstarterna' });
    expect(done).toMatchObject({ status: 200, body: { status: 'completed' } });
    const connection = await Connection.connect({ address: temporalAddress });
    try {
      const workflow = new Client({ connection }).workflow.getHandle(actionWorkflowId(before.actionId));
      const state = await waitFor(() => workflow.query(actionStateQuery), {
        until: (s) => !s.openOccurrences.includes(before.occurrence.periodKey),
        what: 'the workflow started before the faults to hear of the completion',
      });
      expect(state.status).toBe('finished'); // its one due date is done
    } finally {
      await connection.close();
    }
  });

  it('during a period-end storm of 1,000 the worker, the dev server and PostgreSQL are killed in turn and started again: each escalation and notice once, no completion lost, every history replays', async () => {
    const password = (await readFile(path.join(dataDir, 'postgres', 'password'), 'utf8')).trim();
    const db = new Pool({ connectionString: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${pgPort}/bevaka`, max: 4 });
    db.on('error', () => undefined); // PostgreSQL is killed on purpose: the pool replaces a client that lost it
    try {
      const coordinator = await Api.login(baseUrl, admin.email, admin.password);
      const org = await seedOrganisation(coordinator, 10);
      const outcome = await faultsDuringStorm({
        api: coordinator,
        db,
        org,
        n: 1000,
        log: stack.output,
        faults: [
          { name: 'worker', pid: () => stack.childPid('worker-process')! },
          { name: 'Temporal dev server', pid: () => stack.childPid(temporalServer)! },
          { name: 'PostgreSQL', pid: () => stack.childPid(postgres)! },
        ],
      });
      expect(outcome.escalatedAtFaults[0]).toBeLessThan(1000);
      console.log(`escalations recorded when the worker, the dev server and PostgreSQL were killed: ${outcome.escalatedAtFaults.join(', ')} of 1000; completions acknowledged: ${outcome.acknowledged.length}`);
      const connection = await Connection.connect({ address: temporalAddress });
      try {
        await expectNothingLostOrDoubled({ db, temporal: connection, outcome, n: 1000 });
      } finally {
        await connection.close();
      }
    } finally {
      await db.end();
    }
  }, 900_000);

  // PostgreSQL restarts after 2, 4, 8 and 16 s (its first restart above counts within the window)
  // before the launcher gives up: the time is the restart policy's, not a wait for luck.
  it('gives up on a PostgreSQL that cannot come back: a clear message, everything stopped, exit code 1', async () => {
    const servers = [stack.childPid(temporalServer)!, stack.childPid('worker-process')!, stack.childPid('api-process')!];
    await rename(path.join(dataDir, 'postgres', 'cluster'), path.join(dataDir, 'postgres', 'cluster-lost'));
    process.kill(stack.childPid(postgres)!, 'SIGKILL');
    expect(await stack.exited).toBe(1);
    expect(stack.output()).toMatch(
      /\[bevaka\] PostgreSQL stopped 6 times within 300 s \(last: PostgreSQL stopped before it was ready \(exit code \d+\)\); giving up \(its log: .*postgres\.log\): stopping\.\.\.\n/,
    );
    expect(stack.output()).toContain('[bevaka] stopped\n');
    expect(servers.filter(alive)).toEqual([]);
  }, 120_000);
});
