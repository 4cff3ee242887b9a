import type { Server } from 'node:http';
import { freePort } from './free-port';

/** A person at the test provider: the account id is what one types on its login page. */
export interface ProviderUser {
  email: string;
  name: string;
  groups: string[];
}

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  users: Map<string, ProviderUser>;
  close(): Promise<void>;
}

/**
 * A real OpenID provider (panva's oidc-provider, certified) in the test process, on a free
 * loopback port: one confidential client with PKCE required, and the users the test puts in
 * `users`. Its login page is the package's development interaction (any password is taken);
 * consent is given at once, as an organisation's provider does for its own applications.
 * E-mail, name and groups come from the userinfo endpoint, as many providers hand them out.
 */
export async function startTestProvider(redirectUri: string | (() => string)): Promise<TestProvider> {
  const { default: Provider } = await import('oidc-provider');
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const users = new Map<string, ProviderUser>();
  const clientId = 'bevaka';
  const clientSecret = 'test-client-secret-of-bevaka';
  const redirect = typeof redirectUri === 'string' ? redirectUri : redirectUri();
  const provider = new Provider(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [redirect], grant_types: ['authorization_code'], response_types: ['code'] }],
    pkce: { required: () => true },
    claims: { openid: ['sub'], email: ['email'], profile: ['name', 'groups'] },
    cookies: { keys: ['test-provider-cookie-key'] },
    findAccount: (_ctx, id) => {
      const user = users.get(id);
      return user ? { accountId: id, claims: () => ({ sub: id, email: user.email, name: user.name, groups: user.groups }) } : undefined;
    },
    loadExistingGrant: async (ctx) => {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client!.clientId, accountId: ctx.oidc.session!.accountId! });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  const server: Server = provider.listen(port);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  return {
    issuer,
    clientId,
    clientSecret,
    users,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** A little cookie jar for driving the provider over HTTP as a browser would. */
class Jar {
  private readonly cookies = new Map<string, string>();
  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const split = pair.indexOf('=');
      this.cookies.set(pair.slice(0, split), pair.slice(split + 1));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

/**
 * Signs in at the provider as a browser would, from its authorization URL to the redirect back
 * to Bevaka: the login page's form, then the provider's redirects. Gives the redirect back.
 */
export async function signInAtProvider(authorizationUrl: string, accountId: string): Promise<URL> {
  const jar = new Jar();
  let url = new URL(authorizationUrl);
  for (let hop = 0; hop < 10; hop++) {
    const response = await fetch(url, { redirect: 'manual', headers: { cookie: jar.header() } });
    jar.take(response);
    if (response.status === 200) {
      // The login page: its form posts back to the interaction.
      const html = await response.text();
      const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
      if (!action) throw new Error(`no login form at ${url}: ${html.slice(0, 300)}`);
      const posted = await fetch(new URL(action, url), {
        method: 'POST',
        redirect: 'manual',
        headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ prompt: 'login', login: accountId, password: 'vilket-som-helst' }),
      });
      jar.take(posted);
      url = new URL(posted.headers.get('location')!, url);
      continue;
    }
    const location = response.headers.get('location');
    if (!location) throw new Error(`the provider answered ${response.status} at ${url}: ${await response.text()}`);
    const next = new URL(location, url);
    if (next.origin !== url.origin) return next;
    url = next;
  }
  throw new Error('the provider redirected too often');
}
