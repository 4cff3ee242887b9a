import { ConfigError, loadConfig } from './config';

describe('loadConfig', () => {
  it('gives the embedded defaults of API.md for an empty environment', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.dataDir).toBe('./data');
    expect(config.timezone).toBe('Europe/Stockholm');
    expect(config.calendar).toBe('SE');
    expect(config.database.url).toBeUndefined();
    expect(config.temporal.address).toBeUndefined();
    expect(config.temporal.namespace).toBe('default');
    expect(config.publicUrl).toBe('http://localhost:3000');
  });

  it('takes the public URL of the web app without a trailing slash', () => {
    expect(loadConfig({ BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se/' }).publicUrl).toBe('https://bevaka.kommun.se');
    // Unset, the links point at the port this process listens on.
    expect(loadConfig({ PORT: '3017' }).publicUrl).toBe('http://localhost:3017');
    expect(loadConfig({ PORT: '3017', BEVAKA_PUBLIC_URL: ' ' }).publicUrl).toBe('http://localhost:3017');
  });

  it('trusts no proxy unless told, then a number of hops or the proxies by address', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ BEVAKA_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ BEVAKA_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ BEVAKA_TRUST_PROXY: 'loopback, 10.0.0.0/8, 2001:db8::1' }).trustProxy).toEqual(['loopback', '10.0.0.0/8', '2001:db8::1']);
  });

  it('takes a first admin password only when it passes the password policy', () => {
    expect(loadConfig({ BEVAKA_ADMIN_PASSWORD: 'ett långt lösenord' }).admin.password).toBe('ett långt lösenord');
    expect(() => loadConfig({ BEVAKA_ADMIN_PASSWORD: 'elva-tecken' })).toThrow(/BEVAKA_ADMIN_PASSWORD: the password must be at least 12/);
  });

  it('signs in with a provider only when an issuer is set, with the redirect URI under the public URL', () => {
    expect(loadConfig({}).oidc).toBeUndefined();
    expect(loadConfig({}).passwordLogin).toBe(true);
    const config = loadConfig({
      BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se/',
      BEVAKA_OIDC_ISSUER: 'https://login.microsoftonline.com/t/v2.0',
      BEVAKA_OIDC_CLIENT_ID: 'c',
      BEVAKA_OIDC_ROLE_MAP: ' bevaka-samordnare=coordinator , grupp=med=admin ',
      BEVAKA_OIDC_SCOPES: 'openid,email  profile',
      BEVAKA_PASSWORD_LOGIN: 'false',
    });
    expect(config.passwordLogin).toBe(false);
    expect(config.oidc).toMatchObject({
      redirectUri: 'https://bevaka.kommun.se/api/auth/oidc/callback',
      scopes: 'openid email profile',
      emailClaim: 'email',
      roleMap: [{ group: 'bevaka-samordnare', role: 'coordinator' }, { group: 'grupp=med', role: 'admin' }],
      displayName: 'kommunens konto',
      createPeople: false,
    });
  });

  it('refuses a provider configuration that cannot work, and password sign-in off without a provider', () => {
    const issuer = { BEVAKA_OIDC_ISSUER: 'https://idp.kommun.se', BEVAKA_OIDC_CLIENT_ID: 'c' };
    expect(() => loadConfig({ BEVAKA_PASSWORD_LOGIN: 'false' })).toThrow(/BEVAKA_PASSWORD_LOGIN: .*BEVAKA_OIDC_ISSUER/);
    expect(() => loadConfig({ BEVAKA_OIDC_ISSUER: 'https://idp.kommun.se' })).toThrow(/BEVAKA_OIDC_CLIENT_ID: required/);
    expect(() => loadConfig({ ...issuer, BEVAKA_OIDC_ROLE_MAP: 'g=boss' })).toThrow(/BEVAKA_OIDC_ROLE_MAP: "boss" is not a role/);
    expect(() => loadConfig({ ...issuer, BEVAKA_OIDC_ROLE_MAP: 'coordinator' })).toThrow(/BEVAKA_OIDC_ROLE_MAP: "coordinator" is not group=role/);
    expect(() => loadConfig({ ...issuer, BEVAKA_OIDC_SCOPES: 'email' })).toThrow(/BEVAKA_OIDC_SCOPES: must hold openid/);
  });

  it('treats blank optional values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '  ', TEMPORAL_ADDRESS: '' }).database.url).toBeUndefined();
  });

  it('takes an existing PostgreSQL and Temporal from the environment', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://u:p@db:5432/bevaka',
      TEMPORAL_ADDRESS: 'temporal:7233',
      TEMPORAL_API_KEY: 'k',
    });
    expect(config.database.url).toBe('postgres://u:p@db:5432/bevaka');
    expect(config.temporal.address).toBe('temporal:7233');
    expect(config.temporal.tls).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ DATABASE_URL: 'mysql://x/y' }, 'DATABASE_URL'],
    [{ BEVAKA_ADMIN_EMAIL: 'not-an-address' }, 'BEVAKA_ADMIN_EMAIL'],
    [{ BEVAKA_ADMIN_PASSWORD: 'short' }, 'BEVAKA_ADMIN_PASSWORD'],
    [{ BEVAKA_ADMIN_PASSWORD: 'password1234' }, 'BEVAKA_ADMIN_PASSWORD'],
    [{ BEVAKA_TRUST_PROXY: 'true' }, 'BEVAKA_TRUST_PROXY'],
    [{ BEVAKA_TRUST_PROXY: '0' }, 'BEVAKA_TRUST_PROXY'],
    [{ BEVAKA_TRUST_PROXY: '10.0.0.1, proxy.kommun.se' }, 'BEVAKA_TRUST_PROXY'],
    [{ BEVAKA_TRUST_PROXY: '10.0.0.0/33' }, 'BEVAKA_TRUST_PROXY'],
    [{ BEVAKA_TIMEZONE: 'Mars/Olympus' }, 'BEVAKA_TIMEZONE'],
    [{ BEVAKA_CALENDAR: 'FI' }, 'BEVAKA_CALENDAR'],
    [{ BEVAKA_PUBLIC_URL: 'bevaka.kommun.se' }, 'BEVAKA_PUBLIC_URL'],
    [{ BEVAKA_PUBLIC_URL: 'https://kommun.se/bevaka' }, 'BEVAKA_PUBLIC_URL'],
    [{ BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se/?x=1' }, 'BEVAKA_PUBLIC_URL'],
    [{ BEVAKA_PUBLIC_URL: 'ftp://bevaka.kommun.se' }, 'BEVAKA_PUBLIC_URL'],
  ])('rejects %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
