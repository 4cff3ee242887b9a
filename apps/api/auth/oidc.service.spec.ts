import { Logger } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { loadConfig } from '../../../libs/config/config';
import { OidcService, safeReturnTo } from './oidc.service';

describe('OidcService without a database', () => {
  beforeAll(() => Logger.overrideLogger(false)); // this file's own Logger (jest's module registry is per file)
  it('sends the browser back to the login page when the provider cannot be reached, or is not configured', async () => {
    const unreachable = loadConfig({ BEVAKA_OIDC_ISSUER: 'http://127.0.0.1:9/nobody', BEVAKA_OIDC_CLIENT_ID: 'c', LOG_LEVEL: 'silent' });
    const service = new OidcService({} as DataSource, unreachable);
    await expect(service.begin('/uppgifter')).resolves.toEqual({ location: '/#oidc-fel=unavailable', cookies: [] });
    await expect(new OidcService({} as DataSource, loadConfig({})).begin(undefined)).resolves.toEqual({ location: '/#oidc-fel=off', cookies: [] });
  });

  it('refuses a callback without its flow cookie before it asks the provider anything', async () => {
    const service = new OidcService({} as DataSource, loadConfig({ BEVAKA_OIDC_ISSUER: 'http://127.0.0.1:9', BEVAKA_OIDC_CLIENT_ID: 'c' }));
    const redirect = await service.finish(new URLSearchParams({ code: 'x', state: 'y' }), undefined, '127.0.0.1');
    expect(redirect.location).toBe('/#oidc-fel=expired');
    expect(redirect.cookies).toEqual([{ name: 'bevaka_oidc', value: '', maxAge: 0 }]);
  });

  it('returns only to paths of Bevaka itself', () => {
    expect(safeReturnTo('/planer/1?flik=2')).toBe('/planer/1?flik=2');
    for (const elsewhere of [undefined, '', 'https://evil.example', '//evil.example', '/\\\\evil.example', 'planer', '/a\r\nSet-Cookie: x', '/a#b']) expect(safeReturnTo(elsewhere)).toBe('/');
  });
});
