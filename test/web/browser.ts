import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { Browser, chromium, Locator, Page } from 'playwright-core';

export const SCREENSHOTS = path.resolve(__dirname, '..', '..', 'test-results', 'screenshots');

/** Debian's Chromium, headless, with the flags this closed network needs; never a downloaded browser. */
export async function launchChromium(): Promise<Browser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Pages ask for reduced motion, which the app honours: a dialog stands open at once, so a
  // screenshot or an accessibility check sees it as it is, never half faded in.
  const newPage = browser.newPage.bind(browser);
  browser.newPage = (options = {}) => newPage({ reducedMotion: 'reduce', ...options });
  return browser;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

export async function logIn(page: Page, baseUrl: string, email: string, password: string): Promise<void> {
  await page.goto(baseUrl);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

let axe: string | undefined;
const axeSource = () => (axe ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: string[] }>;
}

/** WCAG 2.1 A/AA violations of the serious and critical kind on the page, by axe-core. */
export async function accessibilityViolations(page: Page): Promise<string[]> {
  // Evaluated through the DevTools protocol: the app's CSP (script-src 'self') rightly refuses
  // an injected <script> tag, and the test must not weaken the policy it checks.
  await page.evaluate(axeSource());
  const violations = await page.evaluate(async () => {
    // Runs in the page: `globalThis` is its window there.
    const page = globalThis as unknown as { axe: { run(context: unknown, options: object): Promise<{ violations: AxeViolation[] }> }; document: unknown };
    const result = await page.axe.run(page.document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    return result.violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
}

/** Viewports the browser tests use: a phone, and an ordinary desktop window. */
export const PHONE = { width: 375, height: 812 };
export const DESKTOP = { width: 1280, height: 720 };

/** Waits until the element is visible (strict: a locator that matches two fails). */
export const shown = (locator: Locator) => locator.waitFor({ state: 'visible' });

/** The element's text, once it is visible. */
export const textOf = async (locator: Locator): Promise<string> => (await shown(locator), (await locator.textContent()) ?? '');

/** A new page whose Content Security Policy violations are collected in `violations` (the tests fail on any). */
export async function pageRecordingCsp(browser: Browser, violations: string[], options: Parameters<Browser['newPage']>[0] = {}): Promise<Page> {
  const page = await browser.newPage(options);
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  return page;
}

/** A screenshot of the screen as it stands, and no accessibility violation on it. */
export async function checked(page: Page, name: string): Promise<void> {
  await screenshot(page, name);
  expect(await accessibilityViolations(page)).toEqual([]);
}
