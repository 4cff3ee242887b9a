import path from 'node:path';
import { mkdir, appendFile } from 'node:fs/promises';
import { NestFactory } from '@nestjs/core';
import { BevakaConfig, loadConfig } from '../../libs/config/config';
import { projectRoot } from '../../libs/config/project-root';
import { runMigrations } from '../../libs/persistence/data-source';
import { startEmbeddedPostgres } from '../../libs/persistence/embedded-postgres';
import { startEmbeddedTemporal } from '../../libs/temporal/embedded-temporal';
import { createApiApp } from '../api/create-api-app';
import { WorkerModule } from '../worker/worker.module';

/**
 * `npm start`: Bevaka on one machine with embedded defaults. Starts what is not configured
 * (Temporal dev server, PostgreSQL), applies migrations, then runs API and worker in this one
 * process. Everything it started is stopped on Ctrl-C / SIGTERM; all data stays under the data dir.
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
  let temporalUi: string | undefined;
  if (!config.temporal.address) {
    say(`starting Temporal dev server on 127.0.0.1:${config.temporal.embeddedPort} (data: ${path.join(dataDir, 'temporal')})`);
    const temporal = await startEmbeddedTemporal({
      projectRoot: projectRoot(),
      dataDir,
      port: config.temporal.embeddedPort,
      uiPort: config.temporal.embeddedUiPort,
      namespace: config.temporal.namespace,
      log: say,
    });
    stops.unshift(temporal.stop);
    resolved.temporal.address = temporal.address;
    temporalUi = temporal.uiUrl;
  }
  if (!config.database.url) {
    say(`starting embedded PostgreSQL on 127.0.0.1:${config.database.embeddedPort} (data: ${path.join(dataDir, 'postgres')})`);
    const logFile = path.join(dataDir, 'logs', 'postgres.log');
    const postgres = await startEmbeddedPostgres({
      dir: path.join(dataDir, 'postgres'),
      port: config.database.embeddedPort,
      database: 'bevaka',
      log: (line) => void appendFile(logFile, `${line}\n`).catch(() => undefined),
    });
    stops.unshift(postgres.stop);
    resolved.database.url = postgres.url;
  }

  const applied = await runMigrations(resolved.database.url!);
  if (applied.length) say(`migrations applied: ${applied.join(', ')}`);

  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(resolved), { logger: ['error', 'warn'] });
  stops.unshift(() => worker.close());
  const api = await createApiApp(resolved);
  await api.listen(resolved.port);
  stops.unshift(() => api.close());

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

function installSignalHandlers(): void {
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
}

main().catch((error) => {
  process.stderr.write(`[bevaka] failed to start: ${error instanceof Error ? error.stack : error}\n`);
  void shutdown('start failed', 1);
});
