import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { startTestStack, TestStack } from '../support/test-stack';
import { buildOrganisation, PASSWORD } from '../api/api-fixtures';
import { checked, launchChromium, logIn, pageRecordingCsp, shown } from './browser';

// Aviseringar says what the reader gets by mail before asking how: the digest's window, that
// escalations always arrive, and the one-click stop every mail carries — in Swedish and English,
// above the per-kind choices, which stay as they are.
describe('the notification settings explain what comes by mail', () => {
  let stack: TestStack;
  let browser: Browser;
  let baseUrl: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    await buildOrganisation(stack.api!, 'settings');
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('explains the digest, escalations and the one-click stop, in Swedish and in English', async () => {
    const page = await pageRecordingCsp(browser, cspViolations);
    await logIn(page, baseUrl, 'olle.settings@kommun.se', PASSWORD);
    await page.waitForURL(/\/uppgifter$/);
    await page.goto(`${baseUrl}/aviseringar`);

    const explained = page.getByRole('list', { name: 'Så kommer e-posten' });
    await shown(explained.getByText('Daglig sammanfattning: notiserna om en plan som väntar till samma morgon kommer i ett mejl per plan kl. 08:00 nästa arbetsdag, i stället för ett mejl per notis.', { exact: true }));
    await shown(explained.getByText('Eskaleringar till dig går inte att stänga av, bara att få i sammanfattningen.', { exact: true }));
    await shown(explained.getByText(/^Varje mejl länkar hit, och med e-postprogrammets ”Avsluta prenumeration” stoppar du e-posten med ett klick utan att logga in/));
    expect(await explained.getByRole('listitem').count()).toBe(3);
    // The choices per kind are still there, each as it was.
    expect(await page.getByRole('combobox', { name: 'Påminnelse', exact: true }).inputValue()).toBe('Direkt');
    expect(await page.getByRole('combobox', { name: 'Eskaleringar till mig', exact: true }).inputValue()).toBe('Direkt');
    expect(await page.getByRole('combobox').count()).toBe(8); // seven kinds and the language
    await checked(page, '36-notification-settings-explained');

    await page.getByRole('button', { name: 'English' }).click();
    const inEnglish = page.getByRole('list', { name: 'How e-mail comes' });
    await shown(inEnglish.getByText('Daily digest: the notices about one plan that wait for the same morning come in one e-mail per plan at 08:00 on the next working day, instead of one e-mail per notice.', { exact: true }));
    await shown(inEnglish.getByText('Escalations to you cannot be turned off, only moved to the digest.', { exact: true }));
    await shown(inEnglish.getByText(/^Every e-mail links here, and your mail program’s “Unsubscribe” stops the e-mail in one click without logging in/));
    await shown(page.getByRole('combobox', { name: 'Escalations to me', exact: true }));
    await page.close();
  }, 120_000);

  it('no page broke its content security policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
