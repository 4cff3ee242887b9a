import request from 'supertest';
import { PersonRepository } from '../../libs/persistence/repositories/person.repository';
import { clientWithToken } from '../support/api-client';
import { signInAtProvider, startTestProvider, TestProvider } from '../support/oidc-provider';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';

// Bevaka's redirect URI as the provider knows it; the test carries the redirect back to the
// in-process API itself, so nothing listens there.
const REDIRECT_URI = 'http://127.0.0.1:9/api/auth/oidc/callback';

/** Cookies of an answer, by name (value only). */
function cookiesOf(response: request.Response): Map<string, string> {
  const lines = ([] as string[]).concat(response.headers['set-cookie'] ?? []);
  return new Map(lines.map((line) => line.split(';')[0]).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
}

describe('sign-in with the organisation’s OpenID provider', () => {
  let provider: TestProvider;
  let stack: TestStack;
  const http = () => request(stack.api!.getHttpServer());
  const people = () => new PersonRepository(stack.dataSource.manager);

  beforeAll(async () => {
    provider = await startTestProvider(REDIRECT_URI);
    stack = await startTestStack({
      api: true,
      worker: false,
      env: {
        BEVAKA_OIDC_ISSUER: provider.issuer,
        BEVAKA_OIDC_CLIENT_ID: provider.clientId,
        BEVAKA_OIDC_CLIENT_SECRET: provider.clientSecret,
        BEVAKA_OIDC_REDIRECT_URI: REDIRECT_URI,
        BEVAKA_OIDC_ROLE_MAP: 'bevaka-samordnare=coordinator,bevaka-admin=admin',
        BEVAKA_OIDC_DISPLAY_NAME: 'Kommunens konto',
        BEVAKA_PASSWORD_LOGIN: 'false',
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await provider?.close();
  });

  /** Begins at Bevaka, signs in at the provider as `accountId`, and hands the provider's answer back to Bevaka. */
  async function signIn(accountId: string, options: { returnTo?: string } = {}) {
    const begun = await http().get('/api/auth/oidc/login').query(options.returnTo ? { returnTo: options.returnTo } : {});
    expect(begun.status).toBe(302);
    const flow = cookiesOf(begun).get('bevaka_oidc')!;
    const back = await signInAtProvider(begun.headers.location, accountId);
    expect(back.origin + back.pathname).toBe(REDIRECT_URI);
    const callback = await http().get(back.pathname + back.search).set('Cookie', `bevaka_oidc=${flow}`);
    return { begun, back, flow, callback };
  }

  async function takeOver(callback: request.Response) {
    const cookie = cookiesOf(callback).get('bevaka_oidc_session');
    return http().post('/api/auth/oidc/session').set('Cookie', `bevaka_oidc_session=${cookie}`);
  }

  it('tells the login page the ways to sign in', async () => {
    const response = await http().get('/api/auth/providers');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ password: false, oidc: { name: 'Kommunens konto' } });
  });

  it('sends the browser to the provider with state, nonce and PKCE (S256)', async () => {
    const begun = await http().get('/api/auth/oidc/login');
    const url = new URL(begun.headers.location);
    expect(url.origin).toBe(provider.issuer);
    for (const parameter of ['state', 'nonce', 'code_challenge']) expect(url.searchParams.get(parameter)).toMatch(/^[\w-]{20,}$/);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT_URI);
    expect(begun.headers['set-cookie'][0]).toMatch(/^bevaka_oidc=.+; Max-Age=600; Path=\/api\/auth\/oidc; Expires=.+; HttpOnly; SameSite=Lax$/);
  });

  it('signs a known person in by e-mail, with the session a password sign-in gives, and lands where they were going', async () => {
    const id = (await people().insert({ name: 'Olle Ägare', email: 'olle.oidc@kommun.se', unitId: null, roles: ['owner'], passwordHash: null }))!;
    provider.users.set('olle', { email: 'Olle.OIDC@kommun.se', name: 'Olle Ägare', groups: [] });
    const { callback } = await signIn('olle', { returnTo: '/uppgifter' });
    expect(callback.status).toBe(302);
    expect(callback.headers.location).toBe('/uppgifter#oidc');
    const session = await takeOver(callback);
    expect(session.status).toBe(200);
    expect(session.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String) });
    const me = await clientWithToken(stack.api!, session.body.token).get('/api/me');
    expect(me.body).toMatchObject({ id, email: 'olle.oidc@kommun.se', roles: ['owner'] });
    // The handed-over cookie is deleted, and the session is not in any URL.
    expect(cookiesOf(session).get('bevaka_oidc_session')).toBe('');
    expect(callback.headers.location).not.toContain(session.body.token);
    const audit = await stack.dataSource.query(`SELECT after FROM audit_log WHERE action = 'login' AND entity_id = $1`, [id]);
    expect(audit).toEqual([{ after: expect.objectContaining({ via: provider.issuer }) }]);
  });

  it('gives and takes the mapped roles with the groups at each sign-in, and keeps the roles the map does not name', async () => {
    const id = (await people().insert({ name: 'Cora', email: 'cora.oidc@kommun.se', unitId: null, roles: ['executive'], passwordHash: null }))!;
    provider.users.set('cora', { email: 'cora.oidc@kommun.se', name: 'Cora', groups: ['bevaka-samordnare', 'annan-grupp'] });
    const first = await takeOver((await signIn('cora')).callback);
    expect((await clientWithToken(stack.api!, first.body.token).get('/api/me')).body.roles.sort()).toEqual(['coordinator', 'executive']);

    provider.users.set('cora', { email: 'cora.oidc@kommun.se', name: 'Cora', groups: ['bevaka-admin'] });
    const second = await takeOver((await signIn('cora')).callback);
    expect((await clientWithToken(stack.api!, second.body.token).get('/api/me')).body.roles.sort()).toEqual(['admin', 'executive']);
    // The session with the old roles ended.
    expect((await clientWithToken(stack.api!, first.body.token).get('/api/me')).status).toBe(401);
    expect((await people().byId(id))!.roles.sort()).toEqual(['admin', 'executive']);
  });

  it('refuses a person deactivated in Bevaka, and one Bevaka does not know', async () => {
    const id = (await people().insert({ name: 'Vera', email: 'vera.oidc@kommun.se', unitId: null, roles: ['viewer'], passwordHash: null }))!;
    await people().setDeactivated(id, true);
    provider.users.set('vera', { email: 'vera.oidc@kommun.se', name: 'Vera', groups: ['bevaka-admin'] });
    const refused = (await signIn('vera')).callback;
    expect(refused.status).toBe(302);
    expect(refused.headers.location).toBe('/#oidc-fel=deactivated');
    expect(cookiesOf(refused).has('bevaka_oidc_session')).toBe(false);
    expect((await people().byId(id))!.roles).toEqual(['viewer']); // the groups changed nothing

    provider.users.set('okand', { email: 'okand.oidc@kommun.se', name: 'Okänd', groups: [] });
    expect((await signIn('okand')).callback.headers.location).toBe('/#oidc-fel=unknown-person');
    expect(await people().byEmail('okand.oidc@kommun.se')).toBeUndefined();
  });

  it("records the provider's id at the first sign-in and matches by it from then on: a new address still finds the person, another account with their address does not", async () => {
    const id = (await people().insert({ name: 'Siv', email: 'siv.oidc@kommun.se', unitId: null, roles: ['owner'], passwordHash: null }))!;
    provider.users.set('siv-1', { email: 'siv.oidc@kommun.se', name: 'Siv', groups: [] });
    expect((await takeOver((await signIn('siv-1')).callback)).status).toBe(200);
    expect(await people().subjectOf(id)).toBe('siv-1');

    provider.users.set('siv-1', { email: 'siv.gift@kommun.se', name: 'Siv', groups: [] });
    const renamed = await takeOver((await signIn('siv-1')).callback);
    expect((await clientWithToken(stack.api!, renamed.body.token).get('/api/me')).body.id).toBe(id);

    provider.users.set('siv-2', { email: 'siv.oidc@kommun.se', name: 'Siv två', groups: [] });
    const other = (await signIn('siv-2')).callback;
    expect(other.headers.location).toBe('/#oidc-fel=other-account');
    expect(cookiesOf(other).has('bevaka_oidc_session')).toBe(false);
  });

  it('refuses an answer whose state is not the one this browser began with, or without the flow cookie', async () => {
    provider.users.set('olle', { email: 'olle.oidc@kommun.se', name: 'Olle Ägare', groups: [] });
    const first = await http().get('/api/auth/oidc/login');
    const otherFlow = cookiesOf(first).get('bevaka_oidc')!;
    const { back } = await (async () => {
      const begun = await http().get('/api/auth/oidc/login');
      return { back: await signInAtProvider(begun.headers.location, 'olle') };
    })();
    // The code and state of one sign-in with the cookie of another (a login CSRF).
    const crossed = await http().get(back.pathname + back.search).set('Cookie', `bevaka_oidc=${otherFlow}`);
    expect(crossed.headers.location).toBe('/#oidc-fel=state');
    expect(cookiesOf(crossed).has('bevaka_oidc_session')).toBe(false);
    const noCookie = await http().get(back.pathname + back.search);
    expect(noCookie.headers.location).toBe('/#oidc-fel=expired');
    // A cookie altered by the browser.
    const [body, mac] = otherFlow.split('.');
    const altered = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(body, 'base64url').toString()), returnTo: '/konto' })).toString('base64url');
    expect((await http().get(back.pathname + back.search).set('Cookie', `bevaka_oidc=${altered}.${mac}`)).headers.location).toBe('/#oidc-fel=expired');
  });

  it('turns an error from the provider into a clear reason for the login page, never a stack', async () => {
    const begun = await http().get('/api/auth/oidc/login');
    const state = new URL(begun.headers.location).searchParams.get('state')!;
    const flow = cookiesOf(begun).get('bevaka_oidc')!;
    const denied = await http()
      .get('/api/auth/oidc/callback')
      .query({ error: 'access_denied', error_description: 'End-User aborted interaction', state, iss: provider.issuer })
      .set('Cookie', `bevaka_oidc=${flow}`);
    expect(denied.status).toBe(302);
    expect(denied.headers.location).toBe('/#oidc-fel=denied');
    const other = await http().get('/api/auth/oidc/callback').query({ error: 'server_error', state }).set('Cookie', `bevaka_oidc=${flow}`);
    expect(other.headers.location).toBe('/#oidc-fel=provider');
    // A made-up code: the token endpoint refuses it.
    const forged = await http().get('/api/auth/oidc/callback').query({ code: 'made-up', state, iss: provider.issuer }).set('Cookie', `bevaka_oidc=${flow}`);
    expect(forged.headers.location).toBe('/#oidc-fel=provider');
    expect(forged.text).not.toMatch(/Error|at \w+ \(/);
  });

  it('does not take a session over without the callback’s cookie', async () => {
    const response = await http().post('/api/auth/oidc/session').set('Cookie', 'bevaka_oidc_session=made.up');
    expect(response.status).toBe(404);
    expect(response.body.error.code).toBe('NOT_FOUND');
  });

  it('refuses password sign-in when it is turned off, even for the first admin', async () => {
    const response = await http().post('/api/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe('PASSWORD_LOGIN_OFF');
  });
});

describe('sign-in with the provider where people are created at their first sign-in', () => {
  let provider: TestProvider;
  let stack: TestStack;
  const http = () => request(stack.api!.getHttpServer());

  beforeAll(async () => {
    provider = await startTestProvider(REDIRECT_URI);
    stack = await startTestStack({
      api: true,
      worker: false,
      env: {
        BEVAKA_OIDC_ISSUER: provider.issuer,
        BEVAKA_OIDC_CLIENT_ID: provider.clientId,
        BEVAKA_OIDC_CLIENT_SECRET: provider.clientSecret,
        BEVAKA_OIDC_REDIRECT_URI: REDIRECT_URI,
        BEVAKA_OIDC_ROLE_MAP: 'bevaka-samordnare=coordinator',
        BEVAKA_OIDC_CREATE_PEOPLE: 'true',
      },
    });
  });
  afterAll(async () => {
    await stack?.close();
    await provider?.close();
  });

  it('creates the person with their name and mapped roles, once, and password sign-in stays on', async () => {
    provider.users.set('nina', { email: 'nina.ny@kommun.se', name: 'Nina Ny', groups: ['bevaka-samordnare'] });
    const ids: string[] = [];
    for (let time = 0; time < 2; time++) {
      const begun = await http().get('/api/auth/oidc/login');
      const back = await signInAtProvider(begun.headers.location, 'nina');
      const callback = await http().get(back.pathname + back.search).set('Cookie', `bevaka_oidc=${cookiesOf(begun).get('bevaka_oidc')}`);
      expect(callback.headers.location).toBe('/#oidc');
      const session = await http().post('/api/auth/oidc/session').set('Cookie', `bevaka_oidc_session=${cookiesOf(callback).get('bevaka_oidc_session')}`);
      const me = (await clientWithToken(stack.api!, session.body.token).get('/api/me')).body;
      expect(me).toMatchObject({ name: 'Nina Ny', email: 'nina.ny@kommun.se', roles: ['coordinator'], unitId: null });
      ids.push(me.id);
    }
    expect(ids[1]).toBe(ids[0]);
    expect(await stack.dataSource.query(`SELECT action FROM audit_log WHERE entity_id = $1 AND action = 'created at first sign-in'`, [ids[0]])).toHaveLength(1);
    expect((await http().get('/api/auth/providers')).body).toEqual({ password: true, oidc: { name: 'kommunens konto' } });
    expect((await http().post('/api/auth/login').send({ email: TEST_ADMIN.email, password: TEST_ADMIN.password })).status).toBe(200);
  });
});
