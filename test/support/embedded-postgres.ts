import { supervisedPostgres } from '../../apps/embedded/embedded-servers';
import { EmbeddedPostgresOptions } from '../../libs/persistence/embedded-postgres';
import { NEVER_RESTART } from '../../libs/supervision/supervisor';

/**
 * The embedded PostgreSQL of the suites, run as `npm start` runs it but not restarted: a suite
 * that stops it means to. In the terminal's process group, so that a Ctrl-C of jest stops it too.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<{ url: string; stop: () => Promise<void> }> {
  const postgres = await supervisedPostgres(options, { policy: NEVER_RESTART, hooks: { log: () => undefined, gaveUp: () => undefined }, detached: false });
  await postgres.supervisor.start();
  await postgres.ensureDatabase();
  return { url: postgres.url, stop: () => postgres.supervisor.stop() };
}
