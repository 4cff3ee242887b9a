import { tmpdir } from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import request from 'supertest';
import { startTemporalDevServer } from '../libs/temporal/dev-server';
import { freePort } from './support/free-port';
import { ENV, requiredEnv } from './support/services';
import { loginAs } from './support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from './support/test-stack';
import { withDatabase } from './support/test-database';

describe('GET /health', () => {
  it('answers ok only when PostgreSQL and Temporal both answer: up or down to anyone, each part to admins', async () => {
    const stack = await startTestStack({ api: true, worker: false });
    try {
      const response = await request(stack.api!.getHttpServer()).get('/health');
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
      const admin = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
      expect((await admin.get('/health')).body).toEqual({ status: 'ok', db: 'ok', temporal: 'ok' });
      await admin.post('/api/people', { name: 'Olle', email: 'olle.health@kommun.se', roles: ['owner', 'coordinator', 'executive', 'viewer'], password: 'ett-långt-lösenord' });
      const olle = await loginAs(stack.api!, 'olle.health@kommun.se', 'ett-långt-lösenord');
      expect((await olle.get('/health')).body).toEqual({ status: 'ok' }); // every role but admin
      expect((await request(stack.api!.getHttpServer()).get('/health').set('Authorization', 'Bearer made-up')).body).toEqual({ status: 'ok' });
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
      const admin = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
      await temporal.stop();
      const response = await admin.get('/health');
      expect(response.status).toBe(503);
      expect(response.body.status).toBe('error');
      expect(response.body.db).toBe('ok');
      expect(response.body.temporal).toMatch(/^unavailable: /);
      const anyone = await request(stack.api!.getHttpServer()).get('/health');
      expect([anyone.status, anyone.body]).toEqual([503, { status: 'error' }]);
    } finally {
      await temporal.stop();
      await stack?.close();
    }
  });

  it('answers 503 when PostgreSQL refuses the connection', async () => {
    const stack = await startTestStack({ api: true, worker: false });
    const bevakaAdmin = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
    const admin = new Client({ connectionString: withDatabase(requiredEnv(ENV.postgresServerUrl), 'postgres') });
    await admin.connect();
    try {
      // Cut the app off its database: no new connections, existing ones terminated.
      await admin.query(`ALTER DATABASE ${stack.database.name} ALLOW_CONNECTIONS false`);
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [stack.database.name]);
      const response = await request(stack.api!.getHttpServer()).get('/health');
      expect(response.status).toBe(503);
      expect(response.body).toEqual({ status: 'error' });
      // With PostgreSQL gone no token can be checked: admins too see only the status (the log names the part).
      const asAdmin = await request(stack.api!.getHttpServer()).get('/health').set('Authorization', `Bearer ${bevakaAdmin.token}`);
      expect([asAdmin.status, asAdmin.body]).toEqual([503, { status: 'error' }]);
    } finally {
      await admin.query(`ALTER DATABASE ${stack.database.name} ALLOW_CONNECTIONS true`);
      await admin.end();
      await stack.close();
    }
  });
});
