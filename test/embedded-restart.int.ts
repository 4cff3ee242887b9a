import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client as TemporalClient, Connection } from '@temporalio/client';
import { Client } from 'pg';
import { startTemporalDevServer } from '../libs/temporal/dev-server';
import { startEmbeddedPostgres } from './support/embedded-postgres';
import { freePort } from './support/free-port';
import { ENV, requiredEnv } from './support/services';

// What `npm start` relies on: stopping and starting the embedded services again finds every
// workflow (the dev server's SQLite file) and every row (the PostgreSQL cluster) again.
describe('embedded services keep their data across a restart', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'bevaka-restart-'));
    await chmod(dir, 0o711);
  });

  it("the Temporal dev server keeps a running workflow", async () => {
    const options = { cliPath: requiredEnv(ENV.temporalCli), port: await freePort(), dbFile: path.join(dir, 'temporal.db') };
    const workflowId = `restart:${randomUUID()}`;
    let server = await startTemporalDevServer(options);
    let connection = await Connection.connect({ address: server.address });
    // No worker polls this queue: the workflow stays running, as a sleeping action would.
    await new TemporalClient({ connection }).workflow.start('actionWorkflow', { taskQueue: 'nobody-polls', workflowId, args: [] });
    await connection.close();
    await server.stop();

    server = await startTemporalDevServer(options);
    connection = await Connection.connect({ address: server.address });
    try {
      const description = await new TemporalClient({ connection }).workflow.getHandle(workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await connection.close();
      await server.stop();
    }
  }, 60_000);

  it('embedded PostgreSQL keeps its rows', async () => {
    const options = { dir: path.join(dir, 'postgres'), database: 'bevaka' };
    let postgres = await startEmbeddedPostgres({ ...options, port: await freePort() });
    let client = new Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(`CREATE TABLE kept (note text); INSERT INTO kept VALUES ('Vem driver frågan vidare?')`);
    await client.end();
    await postgres.stop();

    postgres = await startEmbeddedPostgres({ ...options, port: await freePort() });
    client = new Client({ connectionString: postgres.url });
    await client.connect();
    try {
      expect((await client.query('SELECT note FROM kept')).rows).toEqual([{ note: 'Vem driver frågan vidare?' }]);
    } finally {
      await client.end();
      await postgres.stop();
    }
  }, 60_000);
});
