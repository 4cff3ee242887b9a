import { openSync } from 'node:fs';
import { SpawnOptions } from 'node:child_process';
import { EmbeddedPostgresOptions, EmbeddedPostgresServer, prepareEmbeddedPostgres } from '../../libs/persistence/embedded-postgres';
import { RestartPolicy, Supervisor, SupervisorHooks, whenServing } from '../../libs/supervision/supervisor';
import { isServing } from '../../libs/temporal/dev-server';

/**
 * The embedded servers of `npm start` (Temporal dev server, PostgreSQL) as supervised processes:
 * one killed is started again on the same data (the SQLite file, the cluster directory) and the
 * same port, and is ready again once it answers, not when it merely runs.
 */
export interface Supervision {
  policy: RestartPolicy;
  hooks: SupervisorHooks;
  /** Where the server's output goes; nowhere when unset. */
  logFile?: string;
  /**
   * A process group of its own, so that a Ctrl-C in the terminal reaches only the launcher, which
   * stops the API and the worker before the servers; a server stopped by the terminal's signal
   * would look like a crash and be started again.
   */
  detached: boolean;
}

export function supervisedTemporal(server: { command: string; args: string[]; address: string }, supervision: Supervision): Supervisor {
  return new Supervisor(
    {
      name: 'Temporal dev server',
      command: server.command,
      args: server.args,
      options: spawnOptions(supervision),
      ready: whenServing(() => isServing(server.address), 250),
      readyTimeoutMs: 60_000,
      stopTimeoutMs: 10_000,
    },
    supervision.policy,
    supervision.hooks,
  );
}

/**
 * Initialises the cluster when new; the caller starts it, then makes the database (ensureDatabase).
 * `npm start`, the suites and the cluster script (scripts/cluster) run their PostgreSQL so.
 */
export async function supervisedPostgres(options: EmbeddedPostgresOptions, supervision: Supervision): Promise<EmbeddedPostgresServer & { supervisor: Supervisor }> {
  const server = await prepareEmbeddedPostgres(options);
  const supervisor = new Supervisor(
    {
      name: 'PostgreSQL',
      command: server.command,
      args: server.args,
      options: { ...spawnOptions(supervision), ...server.spawnOptions },
      ready: whenServing(server.answers),
      // Fast shutdown: the API and the worker are stopped before it; nothing waits for their sessions.
      stopSignal: 'SIGINT',
      stopTimeoutMs: 30_000,
    },
    supervision.policy,
    supervision.hooks,
  );
  return { ...server, supervisor };
}

function spawnOptions(supervision: Supervision): SpawnOptions {
  // Opened once for every start of the server: restarts append to it. Closed when we exit.
  const log = supervision.logFile ? openSync(supervision.logFile, 'a') : 'ignore';
  return { stdio: ['ignore', log, log], detached: supervision.detached };
}
