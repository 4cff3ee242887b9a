import request from 'supertest';
import { hashPassword, HASHING } from '../../apps/api/auth/password';
import { FAILED_LOGINS_PER_ADDRESS, LOGIN_ATTEMPTS_PER_MINUTE } from '../../apps/api/auth/login-limiter';
import { clientWithToken, loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';

describe('authentication', () => {
  let stack: TestStack;
  const http = () => request(stack.api!.getHttpServer());
  // The stack trusts a proxy on loopback, so each test can act as clients of its own addresses
  // (X-Forwarded-For) and the per-address limits of one test do not reach the next.
  const from = (address: string) => ({
    login: (email: string, password: string) => http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password }),
  });
  const auditOf = (action: string): Promise<Array<{ entity: string; entity_id: string; actor_person_id: string | null; after: Record<string, unknown> }>> =>
    stack.dataSource.query('SELECT entity, entity_id, actor_person_id, after FROM audit_log WHERE action = $1 ORDER BY id', [action]);
  const personId = async (email: string) => (await stack.dataSource.query('SELECT id FROM person WHERE email = $1', [email]))[0].id as string;

  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false, env: { BEVAKA_TRUST_PROXY: 'loopback' } });
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

  it('limits login attempts per address and e-mail, and writes the lockout to the audit log once', async () => {
    const email = 'victim@kommun.se';
    const client = from('198.51.100.1');
    await stack.dataSource.query(`INSERT INTO person (name, email, roles, password_hash) VALUES ('Vera', $1, '{owner}', $2)`, [email, await hashPassword('rätt lösenord')]);
    const statuses: number[] = [];
    for (let i = 0; i < LOGIN_ATTEMPTS_PER_MINUTE + 1; i++) statuses.push((await client.login(email, 'gissning')).status);
    expect(statuses).toEqual([...Array(LOGIN_ATTEMPTS_PER_MINUTE).fill(401), 429]);
    const blocked = await client.login(email, 'rätt lösenord');
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('TOO_MANY_REQUESTS');
    // Another user from the same address is not locked out, nor the same user from elsewhere.
    expect((await client.login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
    expect((await from('198.51.100.2').login(email, 'rätt lösenord')).status).toBe(200);
    const lockouts = (await auditOf('login locked out')).filter((a) => a.after.address === '198.51.100.1');
    expect(lockouts).toEqual([{ entity: 'person', entity_id: await personId(email), actor_person_id: null, after: { scope: 'address+e-mail', address: '198.51.100.1' } }]);
  });

  it('limits failed logins per address across all e-mails (password spraying), without counting successes', async () => {
    const client = from('198.51.100.7');
    for (let i = 1; i < FAILED_LOGINS_PER_ADDRESS; i++) expect((await client.login(`guess${i}@kommun.se`, 'Sommar2024!')).status).toBe(401);
    // A success in between is no failure: had it counted, the next attempt would already be refused.
    expect((await client.login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
    expect((await client.login('guess-last@kommun.se', 'Sommar2024!')).status).toBe(401);
    const refused = await client.login(TEST_ADMIN.email, TEST_ADMIN.password);
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: 'TOO_MANY_REQUESTS', message: expect.stringMatching(/^Too many sign-in attempts; try again in \d+ minute/) });
    expect((await from('198.51.100.9').login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
    const lockouts = (await auditOf('login locked out')).filter((a) => a.after.address === '198.51.100.7');
    expect(lockouts).toEqual([{ entity: 'person', entity_id: await personId(TEST_ADMIN.email), actor_person_id: null, after: { scope: 'address', address: '198.51.100.7' } }]);
  });

  it('writes sign-ins and failures to the audit log, with the client address and never the password', async () => {
    const client = from('192.0.2.44');
    await client.login(TEST_ADMIN.email, 'ett fel lösenord');
    await client.login('okand@kommun.se', 'ett fel lösenord');
    expect((await client.login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
    const admin = await personId(TEST_ADMIN.email);
    const ours = (rows: Awaited<ReturnType<typeof auditOf>>) => rows.filter((a) => a.after.address === '192.0.2.44');
    expect(ours(await auditOf('login failed'))).toEqual([
      { entity: 'person', entity_id: admin, actor_person_id: null, after: { reason: 'wrong password', address: '192.0.2.44' } },
      { entity: 'login', entity_id: 'okand@kommun.se', actor_person_id: null, after: { reason: 'unknown e-mail', address: '192.0.2.44' } },
    ]);
    expect(ours(await auditOf('login'))).toEqual([{ entity: 'person', entity_id: admin, actor_person_id: admin, after: { address: '192.0.2.44' } }]);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM audit_log WHERE after::text LIKE '%fel lösenord%'`);
    expect(count).toBe(0);
  });

  it('a flood of logins from many addresses hashes two at a time, refuses the overflow with 503 BUSY, and the server keeps answering', async () => {
    let mostAtOnce = 0;
    const sampler = setInterval(() => (mostAtOnce = Math.max(mostAtOnce, HASHING.load.running)), 2);
    try {
      const flood = Array.from({ length: 80 }, (_, i) => from(`203.0.113.${i}`).login(`flood${i}@kommun.se`, 'a wrong password'));
      const health = await http().get('/health');
      const responses = await Promise.all(flood);
      expect(health.status).toBe(200);
      const byStatus = responses.reduce<Record<number, number>>((counts, r) => ({ ...counts, [r.status]: (counts[r.status] ?? 0) + 1 }), {});
      expect(Object.keys(byStatus).sort()).toEqual(['401', '503']);
      expect(responses.find((r) => r.status === 503)!.body).toEqual({ error: { code: 'BUSY', message: 'Too many sign-ins at once; try again in a moment', details: [] } });
      expect(mostAtOnce).toBeLessThanOrEqual(2);
      expect(HASHING.load).toEqual({ running: 0, waiting: 0 });
    } finally {
      clearInterval(sampler);
    }
    // Refused for load, not for a wrong password: the addresses are not charged a failure.
    expect((await from('203.0.113.79').login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
  });
});
