import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from './embedded-postgres';
import { startTemporalDevServer } from '../../libs/temporal/dev-server';
import { findOrBuildTemporalCli } from '../../libs/temporal/temporal-cli';
import { bundleWorkflows } from '../../libs/temporal/worker-factory';
import { freePort } from './free-port';
import { ENV } from './services';

/**
 * Starts the real services once for all integration suites: a Temporal dev server (in memory,
 * headless) unless TEMPORAL_ADDRESS is given, and PostgreSQL (embedded, in a temp dir) unless
 * DATABASE_URL is given. Each suite then makes its own database and task queue.
 */
export default async function globalSetup(): Promise<void> {
  const root = path.resolve(__dirname, '..', '..');
  const work = await mkdtemp(path.join(tmpdir(), 'bevaka-test-'));
  await chmod(work, 0o711); // the embedded cluster may run as `postgres` (when we are root)
  const stops: Array<() => Promise<void>> = [];
  (globalThis as Record<string, unknown>).__bevakaStops = stops;

  const cliPath = await findOrBuildTemporalCli({ projectRoot: root });
  if (!cliPath) throw new Error('No temporal CLI and no Go to build it: set TEMPORAL_CLI_PATH or TEMPORAL_ADDRESS');
  process.env[ENV.temporalCli] = cliPath;

  if (process.env.TEMPORAL_ADDRESS) {
    process.env[ENV.temporalAddress] = process.env.TEMPORAL_ADDRESS;
  } else {
    const server = await startTemporalDevServer({ cliPath, port: await freePort(), logFile: path.join(work, 'temporal.log') });
    stops.push(server.stop);
    process.env[ENV.temporalAddress] = server.address;
  }

  if (process.env.DATABASE_URL) {
    process.env[ENV.postgresServerUrl] = process.env.DATABASE_URL;
  } else {
    const postgres = await startEmbeddedPostgres({ dir: path.join(work, 'postgres'), port: await freePort(), database: 'postgres' });
    stops.push(postgres.stop);
    process.env[ENV.postgresServerUrl] = postgres.url;
  }

  // One workflow bundle for every worker of every suite: bundling takes seconds each time.
  const bundleFile = path.join(work, 'workflow-bundle.js');
  await writeFile(bundleFile, (await bundleWorkflows()).code);
  process.env[ENV.workflowBundle] = bundleFile;
}
