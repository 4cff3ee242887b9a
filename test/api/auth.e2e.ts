import request from 'supertest';
import { hashPassword } from '../../apps/api/auth/password';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../apps/api/auth/auth.controller';
import { clientWithToken, loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';

describe('authentication', () => {
  let stack: TestStack;
  const http = () => request(stack.api!.getHttpServer());
  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
  });
  afterAll(() => stack?.close());

  it('logs in with e-mail and password and knows who I am', async () => {
    const client = await loginAs(stack.api!, TEST_ADMIN.email.toUpperCase(), TEST_ADMIN.password);
    const me = await client.get('/api/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ email: TEST_ADMIN.email, roles: ['admin'] });
  });

  it('refuses a wrong password and an unknown address alike, with the error body', async () => {
    for (const body of [{ email: TEST_ADMIN.email, password: 'fel' }, { email: 'nobody@kommun.se', password: 'fel' }]) {
      const response = await http().post('/api/auth/login').send(body);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Wrong e-mail address or password', details: [] } });
    }
  });

  it('validates the login body', async () => {
    const response = await http().post('/api/auth/login').send({ email: 'not-an-address' });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION_FAILED');
    expect(response.body.error.details.map((d: { message: string }) => d.message).join(' ')).toMatch(/email/);
    expect(response.body.error.details.map((d: { message: string }) => d.message).join(' ')).toMatch(/password/);
  });

  it('needs a token on API routes, but not on /health', async () => {
    expect((await http().get('/api/me')).status).toBe(401);
    expect((await http().get('/api/me').set('Authorization', 'Bearer made-up')).status).toBe(401);
    expect((await http().get('/health')).status).toBe(200);
  });

  it('logout revokes the token; an expired session is refused', async () => {
    const client = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    expect((await client.get('/api/me')).status).toBe(401);

    const other = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
    await stack.dataSource.query(`UPDATE session SET expires_at = now() - interval '1 second'`);
    expect((await clientWithToken(stack.api!, other.token).get('/api/me')).status).toBe(401);
    const [{ count }] = await stack.dataSource.query('SELECT count(*)::int AS count FROM session WHERE token_hash = $1', [other.token]);
    expect(count).toBe(0); // only hashes are stored
  });

  it('limits login attempts per address and e-mail', async () => {
    const email = 'victim@kommun.se';
    await stack.dataSource.query(`INSERT INTO person (name, email, roles, password_hash) VALUES ('Vera', $1, '{owner}', $2)`, [email, await hashPassword('rätt lösenord')]);
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE + 1; i++) statuses.push((await http().post('/api/auth/login').send({ email, password: 'gissning' })).status);
    expect(statuses).toEqual([...Array(LOGIN_ATTEMPTS_PER_MINUTE).fill(401), 429]);
    const blocked = await http().post('/api/auth/login').send({ email, password: 'rätt lösenord' });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
    // Another user from the same address is not locked out.
    expect((await http().post('/api/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })).status).toBe(200);
  });
});
