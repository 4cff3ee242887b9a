import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { startTemporalDevServer } from '../libs/temporal/dev-server';
import { freePort } from './support/free-port';
import { ENV, requiredEnv } from './support/services';
import { startTestStack, TestStack } from './support/test-stack';
import { withDatabase } from './support/test-database';

describe('GET /health', () => {
  it('answers ok only when PostgreSQL and Temporal both answer', async () => {
    const stack = await startTestStack({ api: true, worker: false });
    try {
      const response = await request(stack.api!.getHttpServer()).get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok', db: 'ok', temporal: 'ok' });
    } finally {
      await stack.close();
    }
  });

  it('answers 503 naming temporal when the Temporal server is gone', async () => {
    const temporal = await startTemporalDevServer({
      cliPath: requiredEnv(ENV.temporalCli),
      port: await freePort(),
      logFile: path.join(tmpdir(), 'bevaka-health-temporal.log'),
    });
    let stack: TestStack | undefined;
    try {
      stack = await startTestStack({ api: true, worker: false, env: { TEMPORAL_ADDRESS: temporal.address } });
      await temporal.stop();
      const response = await request(stack.api!.getHttpServer()).get('/health');
      expect(response.status).toBe(503);
      expect(response.body.status).toBe('error');
      expect(response.body.db).toBe('ok');
      expect(response.body.temporal).toMatch(/^unavailable: /);
    } finally {
      await temporal.stop();
      await stack?.close();
    }
  });

  it('answers 503 naming db when PostgreSQL refuses the connection', async () => {
    const stack = await startTestStack({ api: true, worker: false });
    const admin = new Client({ connectionString: withDatabase(requiredEnv(ENV.postgresServerUrl), 'postgres') });
    await admin.connect();
    try {
      // Cut the app off its database: no new connections, existing ones terminated.
      await admin.query(`ALTER DATABASE ${stack.database.name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [stack.database.name]);
      const response = await request(stack.api!.getHttpServer()).get('/health');
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ status: 'error', temporal: 'ok' });
      expect(response.body.db).toMatch(/^unavailable: /);
    } finally {
      await admin.query(`ALTER DATABASE ${stack.database.name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await stack.close();
    }
  });
});
