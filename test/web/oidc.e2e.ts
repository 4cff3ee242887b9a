import { Browser } from 'playwright-core';
import { PersonRepository } from '../../libs/persistence/repositories/person.repository';
import { freePort } from '../support/free-port';
import { startTestProvider, TestProvider } from '../support/oidc-provider';
import { startTestStack, TestStack } from '../support/test-stack';
import { accessibilityViolations, launchChromium, screenshot, shown } from './browser';

/** Waits for the element to be shown (playwright-core has no assertion library; jest asserts). */

// Signing in through the organisation's provider in a real Chromium: Bevaka's login page, the
// provider's own login page (oidc-provider in this process), and back into Bevaka's first screen
// for the role the provider's groups give. Password sign-in is off, so the button stands alone.
describe('sign-in with the organisation’s provider in a browser', () => {
  let provider: TestProvider;
  let stack: TestStack;
  let browser: Browser;
  let baseUrl: string;

  beforeAll(async () => {
    // Bevaka's address must be known before it starts: the provider holds its redirect URI.
    const port = await freePort();
    baseUrl = `http://127.0.0.1:${port}`;
    provider = await startTestProvider(`${baseUrl}/api/auth/oidc/callback`);
    stack = await startTestStack({
      api: true,
      worker: false,
      env: {
        BEVAKA_PUBLIC_URL: baseUrl,
        BEVAKA_OIDC_ISSUER: provider.issuer,
        BEVAKA_OIDC_CLIENT_ID: provider.clientId,
        BEVAKA_OIDC_CLIENT_SECRET: provider.clientSecret,
        BEVAKA_OIDC_ROLE_MAP: 'bevaka-samordnare=coordinator',
        BEVAKA_OIDC_DISPLAY_NAME: 'Kommunens konto',
        BEVAKA_PASSWORD_LOGIN: 'false',
      },
    });
    await stack.api!.listen(port, '127.0.0.1');
    await new PersonRepository(stack.dataSource.manager).insert({ name: 'Cora Samordnare', email: 'cora.oidcweb@kommun.se', unitId: null, roles: [], passwordHash: null });
    provider.users.set('cora', { email: 'cora.oidcweb@kommun.se', name: 'Cora Samordnare', groups: ['bevaka-samordnare'] });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
    await provider?.close();
  });

  it('offers only the provider when password sign-in is off', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await shown(page.getByRole('link', { name: 'Logga in med Kommunens konto' }));
    expect(await page.getByLabel('Lösenord').count()).toBe(0);
    await screenshot(page, 'oidc-01-login');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it('signs in on the provider’s page and lands on the coordinator’s first screen', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Logga in med Kommunens konto' }).click();
    // The provider's own login page.
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByPlaceholder('Enter any login').fill('cora');
    await page.getByPlaceholder('and password').fill('vilket-som-helst');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.waitForURL(`${baseUrl}/oversikt`);
    await shown(page.getByRole('link', { name: 'Översikt' }));
    expect(await page.evaluate(() => (globalThis as unknown as { sessionStorage: { getItem(key: string): string | null } }).sessionStorage.getItem('bevaka.token'))).toMatch(/^[\w-]{40,}$/);
    await screenshot(page, 'oidc-02-landed');
    await page.close();
  });

  it('comes back to the login page with a Swedish reason when the person cancels at the provider', async () => {
    const page = await browser.newPage();
    await page.goto(baseUrl);
    await page.getByRole('link', { name: 'Logga in med Kommunens konto' }).click();
    await page.waitForURL((url) => url.origin === provider.issuer);
    await page.getByRole('link', { name: '[ Cancel ]' }).click();
    await shown(page.getByRole('alert'));
    expect(await page.getByRole('alert').textContent()).toBe('Inloggningen avbröts eller nekades hos inloggningstjänsten.');
    expect(new URL(page.url()).hash).toBe(''); // the reason is not left in the address
    await screenshot(page, 'oidc-03-cancelled');
    await page.close();
  });
});
