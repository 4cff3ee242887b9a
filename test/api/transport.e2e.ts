import request from 'supertest';
import { startTestStack, TestStack } from '../support/test-stack';
import { LOGIN_ATTEMPTS_PER_MINUTE } from '../../apps/api/auth/login-limiter';

// Security headers on every kind of answer (web app, API, API docs, health, errors), and client
// addresses that only a trusted proxy may name.
describe('transport security', () => {
  let stack: TestStack;
  const http = () => request(stack.api!.getHttpServer());
  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
  });
  afterAll(() => stack?.close());

  it.each([
    ['the web app', '/', 'text/html'],
    ['a screen of the web app', '/uppgifter', 'text/html'],
    ['the API docs', '/api/docs/', 'text/html'],
    ['an API error', '/api/me', 'application/json'],
    ['the health check', '/health', 'application/json'],
  ])('%s carries a content security policy, nosniff, no framing and no X-Powered-By', async (_what, path, type) => {
    const response = await http().get(path).set('Accept', type);
    expect(response.headers['content-type']).toContain(type);
    const csp = Object.fromEntries((response.headers['content-security-policy'] as string).split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
    expect(csp).toMatchObject({
      'default-src': ["'self'"],
      'script-src': ["'self'"],
      'script-src-attr': ["'none'"],
      'object-src': ["'none'"],
      'frame-ancestors': ["'none'"],
      'base-uri': ["'self'"],
      'form-action': ["'self'"],
    });
    expect(csp['upgrade-insecure-requests']).toBeUndefined(); // served over http here
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-frame-options']).toBe('DENY');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('a client cannot choose its address with X-Forwarded-For when no proxy is trusted', async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= LOGIN_ATTEMPTS_PER_MINUTE; i++) {
      statuses.push((await http().post('/api/auth/login').set('X-Forwarded-For', `203.0.113.${i}`).send({ email: 'olle@kommun.se', password: 'gissning' })).status);
    }
    expect(statuses).toEqual([...Array(LOGIN_ATTEMPTS_PER_MINUTE).fill(401), 429]);
  });
});

describe('transport security behind https', () => {
  it('pins https (HSTS for this host) and upgrades insecure requests when BEVAKA_PUBLIC_URL is https', async () => {
    const stack = await startTestStack({ api: true, worker: false, env: { BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se' } });
    try {
      const response = await request(stack.api!.getHttpServer()).get('/');
      expect(response.headers['strict-transport-security']).toBe('max-age=31536000');
      expect(response.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    } finally {
      await stack.close();
    }
  });
});
