import { INestApplicationContext } from '@nestjs/common';
import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { startTestStack, startWorker, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation, PASSWORD } from '../api/api-fixtures';
import { SmtpPeer, startSmtpPeer } from '../notifications/support/smtp-peer';
import { accessibilityViolations, launchChromium, screenshot, shown, textOf } from './browser';


/** Signs in on the login page a signed-out link led to; the app then goes where the link pointed. */
async function signIn(page: Page, email: string): Promise<void> {
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
}

// A mail's action links, read from a real SMTP peer, followed in a real Chromium against the real
// stack (API, worker, Temporal, PostgreSQL): signed out, signed in, at the form for that very
// occurrence, acted on.
describe('action links in mail', () => {
  let stack: TestStack;
  let smtp: SmtpPeer;
  let worker: INestApplicationContext | undefined;
  let org: ApiOrg;
  let browser: Browser;
  let baseUrl: string;
  let planId: string;
  const email = (name: string) => `${name}.links@kommun.se`;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    stack = await startTestStack({ worker: false, api: true, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Bevaka <bevaka@kommun.se>' } });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    // The worker writes the mail: its links point at the API serving the web app here.
    worker = await startWorker({ ...stack.config, publicUrl: baseUrl });
    org = await buildOrganisation(stack.api!, 'links');
    planId = (await org.cora.post('/api/plans', { title: 'Ett bättre näringslivsklimat', startDate: '2026-01-01' })).body.id;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await stack?.close();
    await smtp?.close();
  });

  const addAction = async (title: string, escalateAfter: string[]) =>
    (await org.cora.post(`/api/plans/${planId}/actions`, { title, ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(1)] }, policy: { escalateAfter } })).body as { id: string };

  /** The mail with this subject to this person, once the SMTP peer has it. */
  const mailTo = (person: string, subject: string) =>
    waitFor(async () => smtp.received.find((m) => m.to === email(person) && m.subject === subject), { what: `"${subject}" to ${person}` });

  /** The URL a mail's text gives for a labelled link ("- Markera som klar: http://…"). */
  const linkIn = (text: string, label: string): string => {
    const match = new RegExp(`^- ${label}: (\\S+)$`, 'm').exec(text);
    if (!match) throw new Error(`No "${label}" link in:\n${text}`);
    return match[1];
  };

  it("the owner follows an overdue mail's 'Markera som klar' signed out, signs in and completes that very task", async () => {
    // Two overdue tasks for Olle: the link must open the form of the one its mail is about.
    await addAction('Informationsmöte om kommande upphandlingar', ['PT1H']);
    await addAction('Översyn av beloppsgränser', ['PT1H']);
    const mail = await mailTo('olle', 'Försenad: Informationsmöte om kommande upphandlingar');
    const link = linkIn(mail.text, 'Markera som klar');
    expect(link).toMatch(new RegExp(`^${baseUrl}/occurrences/[0-9a-f-]+\\?gora=klarmarkera$`));
    expect(mail.html).toContain(`<a href="${link}">Markera som klar</a>`);
    expect(linkIn(mail.text, 'Be om nytt datum')).toBe(link.replace('klarmarkera', 'be-om-nytt-datum'));
    const occurrenceId = new URL(link).pathname.split('/').pop()!;

    const page = await browser.newPage();
    await page.goto(link);
    await signIn(page, email('olle'));
    const dialog = page.getByRole('dialog', { name: 'Informationsmöte om kommande upphandlingar' });
    await shown(dialog);
    await screenshot(page, 'mail-link-01-complete-form');
    expect(await accessibilityViolations(page)).toEqual([]);
    await dialog.getByLabel('Kommentar').fill('Mötet hölls i stadshuset');
    await dialog.getByRole('button', { name: 'Markera som klar' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('Klarmarkerad');
    await dialog.waitFor({ state: 'hidden' });
    // The other task is still open, untouched.
    await shown(page.getByRole('heading', { name: 'Översyn av beloppsgränser' }));
    expect((await org.olle.get(`/api/occurrences/${occurrenceId}`)).body.status).toBe('completed');

    // The same link once more: there is nothing left to do, and the page says so.
    await page.goto(link);
    expect(await textOf(page.getByRole('alert'))).toContain('Uppgiften ”Informationsmöte om kommande upphandlingar” är redan klar.');
    await screenshot(page, 'mail-link-02-already-done');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.close();
  });

  it("the unit head follows an escalation mail's 'Sätt nytt datum' and 'Kvittera'; the owner cannot take them", async () => {
    const title = 'Regelbundna företagsbesök';
    await addAction(title, ['PT1S']);
    const mail = await mailTo('ulla', `Eskalering steg 1: ${title} är försenad`);
    const newDate = linkIn(mail.text, 'Sätt nytt datum');
    const acknowledge = linkIn(mail.text, 'Kvittera');
    expect(mail.text).not.toContain('Markera som klar');
    expect(linkIn(mail.text, 'Ge till någon annan')).toBe(newDate.replace('nytt-datum', 'ge-till-annan'));
    const occurrenceId = new URL(newDate).pathname.split('/').pop()!;

    const page = await browser.newPage();
    await page.goto(newDate);
    await signIn(page, email('ulla'));
    const dialog = page.getByRole('dialog', { name: title });
    await shown(dialog);
    await dialog.getByLabel('Nytt slutdatum').fill('2030-06-30');
    await dialog.getByLabel('Skäl').fill('Besöken flyttas till hösten');
    await screenshot(page, 'mail-link-03-new-date-form');
    await dialog.getByRole('button', { name: 'Spara' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect((await org.ulla.get(`/api/occurrences/${occurrenceId}`)).body.due).toMatch(/^2030-06-30/);

    // Signed in now: the acknowledge link opens its question at once.
    await page.goto(acknowledge);
    const question = page.getByRole('dialog', { name: title });
    await shown(question.getByText('Kvittera att du har sett eskaleringen och tar hand om den?'));
    expect(await accessibilityViolations(page)).toEqual([]);
    await question.getByRole('button', { name: 'Kvittera' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('Eskaleringen är kvitterad.');
    await shown(page.locator(`[aria-label="${title}"]`).getByText(/^Kvitterad /));
    await page.close();

    // Olle owns the task, but the escalation was not his: a clear word, no form.
    const olle = await browser.newPage();
    await olle.goto(acknowledge);
    await signIn(olle, email('olle'));
    expect(await textOf(olle.getByRole('alert'))).toContain('Uppgiften finns inte bland eskaleringarna till dig.');
    expect(await olle.getByRole('dialog').count()).toBe(0);
    await screenshot(olle, 'mail-link-04-not-yours');
    expect(await accessibilityViolations(olle)).toEqual([]);
    await olle.close();
  });
});
