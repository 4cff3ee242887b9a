import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmod, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { startTemporalDevServer } from '../libs/temporal/dev-server';
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
    await new Client({ connection }).workflow.start('actionWorkflow', { taskQueue: 'nobody-polls', workflowId, args: [] });
    await connection.close();
    await server.stop();

    server = await startTemporalDevServer(options);
    connection = await Connection.connect({ address: server.address });
    try {
      const description = await new Client({ connection }).workflow.getHandle(workflowId).describe();
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await connection.close();
      await server.stop();
    }
  }, 60_000);

  it('embedded PostgreSQL keeps its rows', async () => {
    const probe = (mode: string, port: number) =>
      execFileSync(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'support', 'postgres-probe.ts'), path.join(dir, 'postgres'), String(port), mode], {
        cwd: path.resolve(__dirname, '..'),
        encoding: 'utf8',
      });
    probe('write', await freePort());
    expect(JSON.parse(probe('read', await freePort()))).toEqual([{ note: 'Vem driver frågan vidare?' }]);
  }, 60_000);
});
