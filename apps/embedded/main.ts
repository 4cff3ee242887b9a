import path from 'node:path';
import { mkdir, appendFile, rm } from 'node:fs/promises';
import { BevakaConfig, loadConfig } from '../../libs/config/config';
import { projectRoot } from '../../libs/config/project-root';
import { runMigrations } from '../../libs/persistence/data-source';
import { DEFAULT_RESTART_POLICY, readyMessage, Supervisor } from '../../libs/supervision/supervisor';
import { embeddedTemporal } from '../../libs/temporal/embedded-temporal';
import { supervisedPostgres, supervisedTemporal } from './embedded-servers';

/**
 * `npm start`: Bevaka on one machine with embedded defaults. Starts what is not configured
 * (Temporal dev server, PostgreSQL) as supervised child processes, applies migrations, then runs
 * the worker and the API as two more: a crash of any of them (a request that takes the API down,
 * a server killed) restarts it after a pause while the others keep running, and the worker and
 * the API reconnect to a restarted server by themselves; one that keeps crashing stops
 * everything with a message and a non-zero exit. Everything it started is stopped on Ctrl-C /
 * SIGTERM, in order; all data stays under the data dir.
 */
type Stop = () => Promise<void>;
/** What to stop on exit, newest first. */
const stops: Stop[] = [];

async function main(): Promise<void> {
  const started = Date.now();
  const config = loadConfig();
  const dataDir = path.resolve(config.dataDir);
  await mkdir(path.join(dataDir, 'logs'), { recursive: true });
  installSignalHandlers();
  const say = (line: string) => process.stdout.write(`[bevaka] ${line}\n`);

  const resolved: BevakaConfig = { ...config, database: { ...config.database }, temporal: { ...config.temporal } };
  const supervision = (logName: string) => {
    const logFile = path.join(dataDir, 'logs', logName);
    // Why a server cannot start is in its own output, not in ours.
    return { policy: DEFAULT_RESTART_POLICY, hooks: { log: say, gaveUp: (reason: string) => gaveUp(`${reason} (its log: ${logFile})`) }, logFile, detached: true };
  };
  let temporalUi: string | undefined;
  if (!config.temporal.address) {
    say(`starting Temporal dev server on 127.0.0.1:${config.temporal.embeddedPort} (data: ${path.join(dataDir, 'temporal')})`);
    const temporal = await embeddedTemporal({
      projectRoot: projectRoot(),
      dataDir,
      port: config.temporal.embeddedPort,
      uiPort: config.temporal.embeddedUiPort,
      namespace: config.temporal.namespace,
      log: say,
    });
    if ('running' in temporal) {
      stops.unshift(temporal.running.stop);
    } else {
      const server = supervisedTemporal(temporal, supervision('temporal.log'));
      stops.unshift(() => server.stop()); // before it starts: a Ctrl-C during its start stops it too
      await server.start();
    }
    resolved.temporal.address = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  if (!config.database.url) {
    say(`starting embedded PostgreSQL on 127.0.0.1:${config.database.embeddedPort} (data: ${path.join(dataDir, 'postgres')})`);
    const logFile = path.join(dataDir, 'logs', 'postgres.log');
    const postgres = await supervisedPostgres(
      { dir: path.join(dataDir, 'postgres'), port: config.database.embeddedPort, database: 'bevaka', log: (line) => void appendFile(logFile, `${line}\n`).catch(() => undefined) },
      supervision('postgres.log'),
    );
    stops.unshift(() => postgres.supervisor.stop());
    await postgres.supervisor.start();
    await postgres.ensureDatabase();
    resolved.database.url = postgres.url;
  }

  const applied = await runMigrations(resolved.database.url!);
  if (applied.length) say(`migrations applied: ${applied.join(', ')}`);

  const env = { ...process.env, DATABASE_URL: resolved.database.url, TEMPORAL_ADDRESS: resolved.temporal.address };
  // The workflow bundle of this run, made by the first worker and reused by restarted ones.
  const run = path.join(dataDir, 'run');
  await rm(run, { recursive: true, force: true });
  await mkdir(run, { recursive: true });
  stops.unshift(() => rm(run, { recursive: true, force: true }));
  const worker = supervised('worker', [path.join(run, 'workflow-bundle.js')], env, say);
  const api = supervised('api', [], env, say);
  // Stopped API first, then the worker; registered before they start, so that a Ctrl-C during
  // their start stops them too. They start side by side: neither waits for the other.
  stops.unshift(() => worker.stop());
  stops.unshift(() => api.stop());
  await Promise.all([worker.start(), api.start()]);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  say(`ready in ${seconds} s`);
  say(`  web app and API   http://localhost:${resolved.port}`);
  say(`  API docs          http://localhost:${resolved.port}/api/docs`);
  say(`  health            http://localhost:${resolved.port}/health`);
  if (temporalUi) say(`  Temporal UI       ${temporalUi}`);
  say(`  data              ${dataDir}`);
  say('press Ctrl-C to stop');
}

let stopping = false;

/** A process that keeps stopping (a server, the worker, the API): nothing runs half. */
function gaveUp(reason: string): void {
  void shutdown(reason, 1);
}

async function shutdown(reason: string, exitCode: number): Promise<void> {
  if (stopping) {
    process.stdout.write('[bevaka] forced exit\n');
    process.exit(1);
  }
  stopping = true;
  process.stdout.write(`[bevaka] ${reason}: stopping...\n`);
  for (const stop of stops) {
    await stop().catch((error) => process.stderr.write(`[bevaka] while stopping: ${error}\n`));
  }
  process.stdout.write('[bevaka] stopped\n');
  process.exit(exitCode);
}

/**
 * A child of this launcher, from the file next to this one (./worker-process, ./api-process), in
 * its own process group so that a Ctrl-C reaches only the launcher. From the TypeScript sources
 * (tests) the child compiles as it loads, like its parent.
 */
function supervised(name: 'worker' | 'api', args: string[], env: NodeJS.ProcessEnv, say: (line: string) => void): Supervisor {
  const script = path.join(__dirname, `${name}-process${path.extname(__filename)}`);
  const loader = path.extname(__filename) === '.ts' ? ['--require', '@swc-node/register'] : [];
  return new Supervisor(
    {
      name,
      command: process.execPath,
      args: [...loader, script, ...args],
      options: { env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'], detached: true },
      ready: readyMessage,
      stopTimeoutMs: 30_000,
    },
    DEFAULT_RESTART_POLICY,
    { log: say, gaveUp },
  );
}

function installSignalHandlers(): void {
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
}

main().catch((error) => {
  process.stderr.write(`[bevaka] failed to start: ${error instanceof Error ? error.stack : error}\n`);
  void shutdown('start failed', 1);
});
