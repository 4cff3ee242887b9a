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
    [{ BEVAKA_TIMEZONE: 'Mars/Olympus' }, 'BEVAKA_TIMEZONE'],
    [{ BEVAKA_CALENDAR: 'FI' }, 'BEVAKA_CALENDAR'],
    [{ BEVAKA_PUBLIC_URL: 'bevaka.kommun.se' }, 'BEVAKA_PUBLIC_URL'],
  ])('rejects %j naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(name);
  });
});
