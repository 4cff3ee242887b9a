import request from 'supertest';
import { createPerson, loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';
import { ApiOrg, buildOrganisation, PASSWORD } from './api-fixtures';

// Accounts (ASVS V2/V3): the admin's own powers, one's own password, deactivation, and sessions
// that end when what they were granted on changes.
describe('accounts', () => {
  let stack: TestStack;
  let org: ApiOrg;
  const http = () => request(stack.api!.getHttpServer());
  // Sign-ins from another client address (the stack trusts a proxy on loopback), where a test
  // checks more passwords of one account than the per-account limit allows from one address.
  const login = (email: string, password: string, address = '192.0.2.1') => http().post('/api/auth/login').set('X-Forwarded-For', address).send({ email, password });
  const auditOf = (personId: string): Promise<Array<{ action: string; actor_person_id: string | null; before: unknown; after: Record<string, unknown> | null }>> =>
    stack.dataSource.query('SELECT action, actor_person_id, before, after FROM audit_log WHERE entity = $1 AND entity_id = $2 ORDER BY id', ['person', personId]);
  let serial = 0;
  /** A new person with a password (set by the admin), signed in. */
  const newUser = async (roles: string[] = ['owner']) => {
    const email = `person${++serial}.accounts@kommun.se`;
    const { id } = await createPerson(org.admin, { name: `Person ${serial}`, email, roles, password: PASSWORD });
    return { id, email, name: `Person ${serial}`, client: await loginAs(stack.api!, email, PASSWORD) };
  };
  const errorOf = (response: request.Response) => ({ status: response.status, code: response.body?.error?.code });

  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false, env: { BEVAKA_TRUST_PROXY: 'loopback' } });
    org = await buildOrganisation(stack.api!, 'accounts');
  });
  afterAll(() => stack?.close());

  describe('what only an admin may do', () => {
    it('a coordinator cannot reset another person’s password, not even the admin’s, nor set one at creation', async () => {
      const adminId = (await org.admin.get('/api/me')).body.id;
      for (const id of [adminId, org.ids.olle, org.ids.cora]) {
        expect(errorOf(await org.cora.patch(`/api/people/${id}`, { password: 'ett nytt långt lösenord' }))).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      }
      const created = await org.cora.post('/api/people', { name: 'Nils', email: 'nils.accounts@kommun.se', roles: ['owner'], password: 'ett nytt långt lösenord' });
      expect(errorOf(created)).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      expect(created.body.error.details).toEqual([{ path: 'password', message: 'admin only' }]);
      expect((await login(TEST_ADMIN.email, 'ett nytt långt lösenord')).status).toBe(401);
      expect((await login(TEST_ADMIN.email, TEST_ADMIN.password)).status).toBe(200);
      // Without a password the coordinator creates people as before (nobody can sign in as them yet).
      expect((await org.cora.post('/api/people', { name: 'Nils', email: 'nils.accounts@kommun.se', roles: ['owner'] })).status).toBe(201);
    });

    it('a coordinator cannot grant admin — to someone new, someone else or themselves — nor remove it', async () => {
      const adminId = (await org.admin.get('/api/me')).body.id;
      expect(errorOf(await org.cora.post('/api/people', { name: 'Ada', email: 'ada.accounts@kommun.se', roles: ['admin'] }))).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      expect(errorOf(await org.cora.patch(`/api/people/${org.ids.olle}`, { roles: ['owner', 'admin'] }))).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      expect(errorOf(await org.cora.patch(`/api/people/${org.ids.cora}`, { roles: ['coordinator', 'admin'] }))).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      expect(errorOf(await org.cora.patch(`/api/people/${adminId}`, { roles: ['coordinator'] }))).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      expect((await org.cora.get('/api/me')).body.roles).toEqual(['coordinator']);
      // Other roles are the coordinator's to give.
      expect((await org.cora.patch(`/api/people/${org.ids.vera}`, { roles: ['viewer', 'owner'] })).body.roles).toEqual(['viewer', 'owner']);
    });

    it('an admin grants admin and resets a password: the person’s sessions end, and both are in the audit log', async () => {
      const petra = await newUser();
      const adminId = (await org.admin.get('/api/me')).body.id;
      const granted = await org.admin.patch(`/api/people/${petra.id}`, { roles: ['owner', 'admin'] });
      expect(granted.status).toBe(200);
      expect((await petra.client.get('/api/me')).status).toBe(401);
      const again = await loginAs(stack.api!, petra.email, PASSWORD);
      expect((await again.get('/api/me')).body.roles).toEqual(['owner', 'admin']);

      expect((await org.admin.patch(`/api/people/${petra.id}`, { password: 'ett helt annat lösenord' })).status).toBe(200);
      expect((await again.get('/api/me')).status).toBe(401);
      expect((await login(petra.email, PASSWORD)).status).toBe(401);
      expect((await login(petra.email, 'ett helt annat lösenord')).status).toBe(200);
      const audit = await auditOf(petra.id);
      expect(audit.map((a) => a.action)).toEqual(['created (password set)', 'login', 'updated', 'roles changed', 'login', 'updated', 'password reset', 'login failed', 'login']);
      expect(audit.find((a) => a.action === 'roles changed')).toMatchObject({ actor_person_id: adminId, before: { roles: ['owner'] }, after: { roles: ['owner', 'admin'], sessionsEnded: 1 } });
      expect(audit.find((a) => a.action === 'password reset')).toMatchObject({ actor_person_id: adminId, after: { sessionsEnded: 1 } });
      expect(JSON.stringify(audit)).not.toContain('scrypt');
    });

    it('an admin changing their own roles keeps the session they changed them from; the last admin stays one', async () => {
      const ada = await newUser(['admin']);
      const other = await loginAs(stack.api!, ada.email, PASSWORD);
      expect((await ada.client.patch(`/api/people/${ada.id}`, { roles: ['admin', 'coordinator'] })).status).toBe(200);
      expect((await ada.client.get('/api/me')).body.roles).toEqual(['admin', 'coordinator']);
      expect((await other.get('/api/me')).status).toBe(401);
      // While another admin is left, an admin may step down; the last one cannot.
      const adminId = (await org.admin.get('/api/me')).body.id;
      expect((await ada.client.patch(`/api/people/${ada.id}`, { roles: ['coordinator'] })).status).toBe(200);
      const others: Array<{ id: string }> = await stack.dataSource.query(`SELECT id FROM person WHERE 'admin' = ANY(roles) AND id <> $1`, [adminId]);
      for (const { id } of others) expect((await org.admin.patch(`/api/people/${id}`, { roles: ['owner'] })).status).toBe(200);
      expect(errorOf(await org.admin.patch(`/api/people/${adminId}`, { roles: ['coordinator'] }))).toEqual({ status: 409, code: 'LAST_ADMIN' });
      expect(errorOf(await org.admin.post(`/api/people/${adminId}/deactivate`))).toEqual({ status: 409, code: 'CONFLICT' });
      expect((await org.admin.get('/api/me')).body.roles).toEqual(['admin']);
    });

    it('passwords an admin sets pass the password policy', async () => {
      for (const password of ['kort', 'password1234', 'Sommar2024!!']) {
        const response = await org.admin.post('/api/people', { name: 'Svag', email: `svag${++serial}.accounts@kommun.se`, roles: ['owner'], password });
        expect(errorOf(response)).toEqual({ status: 422, code: 'WEAK_PASSWORD' });
        expect(response.body.error.details[0].path).toBe('password');
      }
      expect((await stack.dataSource.query(`SELECT count(*)::int AS n FROM person WHERE name = 'Svag'`))[0].n).toBe(0);
    });

    it('two requests creating the same e-mail address at once: one is created, the other gets 409', async () => {
      const body = { name: 'Dubbel', email: 'dubbel.accounts@kommun.se', roles: ['owner'] };
      const statuses = (await Promise.all([org.admin.post('/api/people', body), org.cora.post('/api/people', body)])).map((r) => r.status).sort();
      expect(statuses).toEqual([201, 409]);
    });
  });

  describe('my own password', () => {
    it('needs the current password and a good new one; then my other sessions end and this one goes on', async () => {
      const olle = await newUser();
      const phone = await loginAs(stack.api!, olle.email, PASSWORD);
      const wrong = await olle.client.post('/api/me/password', { currentPassword: 'inte mitt lösenord', newPassword: 'mitt nya långa lösenord' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.error).toEqual({ code: 'WRONG_CURRENT_PASSWORD', message: 'The current password is not right', details: [{ path: 'currentPassword', message: 'wrong' }] });
      const weak = await olle.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'qwerty123456' });
      expect(errorOf(weak)).toEqual({ status: 422, code: 'WEAK_PASSWORD' });
      expect(weak.body.error.details).toEqual([{ path: 'newPassword', message: 'is one of the most common passwords; choose another' }]);
      expect((await olle.client.post('/api/me/password', { currentPassword: PASSWORD })).status).toBe(400);
      expect((await phone.get('/api/me')).status).toBe(200); // nothing changed yet

      expect((await olle.client.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'mitt nya långa lösenord' })).status).toBe(204);
      expect((await olle.client.get('/api/me')).status).toBe(200);
      expect((await phone.get('/api/me')).status).toBe(401);
      expect((await login(olle.email, PASSWORD, '192.0.2.2')).status).toBe(401);
      expect((await login(olle.email, 'mitt nya långa lösenord', '192.0.2.2')).status).toBe(200);
      const audit = await auditOf(olle.id);
      expect(audit.find((a) => a.action === 'password change refused')).toMatchObject({ actor_person_id: olle.id, after: { reason: 'wrong current password' } });
      expect(audit.find((a) => a.action === 'password changed')).toMatchObject({ actor_person_id: olle.id, after: { sessionsEnded: 1 } });
    });

    it('guesses at the current password count against the sign-in limit', async () => {
      const guesser = await newUser();
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await guesser.client.post('/api/me/password', { currentPassword: `gissning ${i}`, newPassword: 'mitt nya långa lösenord' })).status);
      expect(statuses).toEqual([403, 403, 403, 403, 429, 429]); // the sign-in of newUser was the first attempt of the minute
    });
  });

  describe('deactivation', () => {
    it('a coordinator deactivates a person: sessions and calendar links end, no sign-in, kept in the chart; reactivation restores sign-in', async () => {
      const otto = await newUser();
      const feed = (await otto.client.post('/api/me/calendar-feeds', {})).body as { url: string };
      const feedPath = new URL(feed.url).pathname;
      expect((await http().get(feedPath)).status).toBe(200);

      const deactivated = await org.cora.post(`/api/people/${otto.id}/deactivate`);
      expect(deactivated.status).toBe(200);
      expect(deactivated.body).toMatchObject({ id: otto.id, deactivatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });
      expect((await org.cora.post(`/api/people/${otto.id}/deactivate`)).body.deactivatedAt).toBe(deactivated.body.deactivatedAt); // idempotent
      expect((await otto.client.get('/api/me')).status).toBe(401);
      const refused = await login(otto.email, PASSWORD);
      expect(refused.body).toEqual({ error: { code: 'UNAUTHENTICATED', message: 'Wrong e-mail address or password', details: [] } }); // reveals nothing
      expect((await http().get(feedPath)).status).toBe(404);
      const people = (await org.olle.get('/api/people')).body as Array<{ id: string; deactivatedAt: string | null }>;
      expect(people.find((p) => p.id === otto.id)?.deactivatedAt).toBe(deactivated.body.deactivatedAt);
      expect(people.find((p) => p.id === org.ids.olle)?.deactivatedAt).toBeNull();
      // A deactivated person is no one to make head of a unit, a substitute, or an owner in an import.
      const plan = (await org.cora.post('/api/plans', { title: 'Importplan', startDate: '2030-01-01' })).body;
      const preview = await org.cora.post(`/api/plans/${plan.id}/import?dryRun=true`, { text: `AKTIVITET;NÄR;ANSVAR\nMöte;Q1 2030;${otto.name}` });
      expect(preview.body.areas[0].actions[0].ownerMapping).toMatchObject({ personIds: [], unmatched: [otto.name] });
      expect(errorOf(await org.cora.patch(`/api/units/${org.ids.kultur}`, { headPersonId: otto.id }))).toEqual({ status: 422, code: 'UNPROCESSABLE' });
      expect(errorOf(await org.cora.post(`/api/people/${org.ids.olle}/substitutes`, { substitutePersonId: otto.id, startsOn: '2031-01-01', endsOn: '2031-01-31' }))).toEqual({ status: 422, code: 'UNPROCESSABLE' });

      expect((await org.cora.post(`/api/people/${otto.id}/reactivate`)).body.deactivatedAt).toBeNull();
      expect((await login(otto.email, PASSWORD)).status).toBe(200);
      expect((await http().get(feedPath)).status).toBe(200);
      const actions = (await auditOf(otto.id)).map((a) => a.action);
      expect(actions).toEqual(expect.arrayContaining(['deactivated', 'reactivated']));
      expect((await auditOf(otto.id)).filter((a) => a.action === 'login failed').map((a) => a.after?.reason)).toEqual(['deactivated']);
    });

    it('an admin is deactivated by admins only; nobody deactivates themselves', async () => {
      const ada = await newUser(['admin']);
      expect(errorOf(await org.cora.post(`/api/people/${ada.id}/deactivate`))).toEqual({ status: 403, code: 'ADMIN_ONLY' });
      expect(errorOf(await org.cora.post(`/api/people/${org.ids.cora}/deactivate`))).toEqual({ status: 409, code: 'CONFLICT' });
      expect(errorOf(await org.olle.post(`/api/people/${ada.id}/deactivate`))).toEqual({ status: 403, code: 'FORBIDDEN' });
      expect(errorOf(await org.cora.post('/api/people/00000000-0000-4000-8000-000000000000/deactivate'))).toEqual({ status: 404, code: 'NOT_FOUND' });
      expect((await org.admin.post(`/api/people/${ada.id}/deactivate`)).status).toBe(200);
      expect((await ada.client.get('/api/me')).status).toBe(401);
    });
  });
});
