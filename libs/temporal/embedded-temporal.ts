import path from 'node:path';
import { devServerCommand, RunningDevServer } from './dev-server';
import { findOrBuildTemporalCli } from './temporal-cli';

export interface EmbeddedTemporalOptions {
  projectRoot: string;
  dataDir: string;
  port: number;
  uiPort: number;
  namespace: string;
  log: (line: string) => void;
}

/** The dev server to run (and supervise), or, without a CLI, one the SDK runs itself. */
export type EmbeddedTemporal =
  | { address: string; uiUrl?: string; command: string; args: string[]; logFile: string }
  | { address: string; uiUrl?: string; running: RunningDevServer };

/**
 * The embedded Temporal of `npm start`: the dev server with its SQLite file under the data dir,
 * so workflows and their timers survive a restart. When no CLI can be found or built (no Go), the
 * SDK downloads one itself — which needs internet, and which the SDK runs, so nobody restarts it.
 */
export async function embeddedTemporal(options: EmbeddedTemporalOptions): Promise<EmbeddedTemporal> {
  const dbFile = path.join(options.dataDir, 'temporal', 'temporal.db');
  const cliPath = await findOrBuildTemporalCli({ projectRoot: options.projectRoot, log: options.log });
  if (cliPath) {
    const server = await devServerCommand({ cliPath, port: options.port, uiPort: options.uiPort, dbFile, namespace: options.namespace });
    return { ...server, logFile: path.join(options.dataDir, 'logs', 'temporal.log') };
  }
  options.log('No temporal CLI and no Go found: letting the Temporal SDK download the dev server (needs internet; not restarted should it crash)...');
  const { TestWorkflowEnvironment } = await import('@temporalio/testing');
  const env = await TestWorkflowEnvironment.createLocal({
    server: { executable: { type: 'cached-download' }, ip: '127.0.0.1', port: options.port, ui: true, uiPort: options.uiPort, dbFilename: dbFile, namespace: options.namespace },
  });
  const uiUrl = `http://localhost:${options.uiPort}`;
  return { address: env.address, uiUrl, running: { address: env.address, uiUrl, pid: -1, stop: () => env.teardown() } };
}
