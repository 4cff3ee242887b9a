import path from 'node:path';
import { startTemporalDevServer, RunningDevServer } from './dev-server';
import { findOrBuildTemporalCli } from './temporal-cli';

export interface EmbeddedTemporalOptions {
  projectRoot: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  log: (line: string) => void;
}

/**
 * The embedded Temporal of `npm start`: the dev server with its SQLite file under the data dir,
 * so workflows and their timers survive a restart. When no CLI can be found or built (no Go), the
 * SDK downloads one itself — which needs internet.
 */
export async function startEmbeddedTemporal(options: EmbeddedTemporalOptions): Promise<RunningDevServer> {
  const dbFile = path.join(options.dataDir, 'temporal', 'temporal.db');
  const cliPath = await findOrBuildTemporalCli({ projectRoot: options.projectRoot, log: options.log });
  if (cliPath) {
    return startTemporalDevServer({
      cliPath,
      port: options.port,
      uiPort: options.uiPort,
      dbFile,
      namespace: options.namespace,
      logFile: path.join(options.dataDir, 'logs', 'temporal.log'),
    });
  }
  options.log('No temporal CLI and no Go found: letting the Temporal SDK download the dev server (needs internet)...');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'cached-download' }, ip: '127.0.0.1', port: options.port, ui: true, uiPort: options.uiPort, dbFilename: dbFile, namespace: options.namespace },
  });
  return {
    address: env.address,
    uiUrl: `http://localhost:${options.uiPort}`,
    pid: -1,
    stop: () => env.teardown(),
  };
}
