import { AddressInfo } from 'node:net';
import { Browser, Page } from 'playwright-core';
import { ApiOrg, buildOrganisation, PASSWORD } from '../api/api-fixtures';
import { MINUTES } from '../support/minutes';
import { startTestStack, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { checked, DESKTOP, launchChromium, logIn, pageRecordingCsp, PHONE, shown, textOf } from './browser';


const OLLES = 'Olle följer upp företagsbesöken till nästa möte';
const DECISION = 'Det beslutades att upphandlingsplanen ska ses över';
const SBBS = 'SBB tar fram en ny rutin senast 15 december 2026';
const QUESTION = 'Vem driver frågan om lokalförsörjning vidare?';

/**
 * Minutes into a plan in the browser, on the real stack: the coordinator gives a unit its
 * abbreviation, pastes the minutes, previews every finding, drops one, gives the decision an
 * owner, creates the actions, reads on the action page where one came from, and handles the
 * open questions of the balance list (closed with a reason; assigned on a phone).
 */
describe('minutes into a plan in a browser', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let browser: Browser;
  let baseUrl: string;
  let planId: string;
  const cspViolations: string[] = [];
  const email = (name: string) => `${name}.minutes-web@kommun.se`;

  const newPage = (options: Parameters<Browser['newPage']>[0] = {}) => pageRecordingCsp(browser, cspViolations, options);
  // One signed-in page for the coordinator, shared by the tests: sign-ins per account are limited per minute.
  let signedIn: Page | undefined;
  const coordinator = async (viewport = DESKTOP) => {
    if (!signedIn) {
      signedIn = await newPage({ viewport });
      await logIn(signedIn, baseUrl, email('cora'), PASSWORD);
      await signedIn.waitForURL(/\/oversikt$/);
    }
    await signedIn.setViewportSize(viewport);
    return signedIn;
  };
  const finding = (page: Page, number: number, title: string) => page.getByRole('region', { name: `${number}. ${title}`, exact: true });
  const questionRow = (page: Page, question: string) => page.getByRole('table', { name: 'Balanslista: öppna frågor från möten' }).getByRole('row').filter({ has: page.getByRole('cell', { name: question, exact: true }) });

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    org = await buildOrganisation(stack.api!, 'minutes-web');
    planId = (await org.cora.post('/api/plans', { title: 'Näringslivsrådet', startDate: '2026-01-01' })).body.id;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await signedIn?.close();
    await browser?.close();
    await stack?.close();
  });

  it('the coordinator gives Samhällsbyggnad its abbreviation on the organisation page', async () => {
    const page = await coordinator();
    await page.getByRole('link', { name: 'Organisation', exact: true }).click();
    const field = page.getByRole('textbox', { name: 'Förkortning för Samhällsbyggnad' });
    await field.fill('SBB');
    await field.press('Enter');
    await shown(page.getByRole('row').filter({ has: field }).getByRole('status').getByText('Förkortningen är sparad.'));
    await checked(page, '59-minutes-unit-abbreviation');
    const units = (await org.cora.get('/api/units')).body as Array<{ id: string; abbreviation: string | null }>;
    expect(units.find((u) => u.id === org.ids.samhallsbyggnad)?.abbreviation).toBe('SBB');
  }, 60_000);

  it('pastes minutes, previews every finding, drops one, gives the decision an owner, and creates the actions and the open question', async () => {
    const page = await coordinator();
    await page.goto(`${baseUrl}/planer/${planId}`);
    await page.getByRole('toolbar', { name: 'Planens verktyg' }).getByRole('link', { name: 'Läs in protokoll' }).click();
    await page.waitForURL(/\/protokoll$/);
    await page.getByRole('textbox', { name: 'Protokollets text' }).fill(MINUTES);
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();

    // The meeting name is taken from the minutes, until the coordinator names it.
    const name = page.getByRole('textbox', { name: 'Mötets namn' });
    await shown(page.getByText('Bevaka hittade 4 saker att följa upp i protokollet.'));
    expect(await name.inputValue()).toBe('Möte 2026-11-10');
    await shown(page.getByText('Mötesdatum: 2026-11-10 · Nästa möte: 2027-01-12'));

    const olles = finding(page, 1, OLLES);
    await shown(olles.getByText('Uppdrag', { exact: true }));
    await shown(olles.getByText('§ 1 Företagsbesök', { exact: true }));
    expect(await textOf(olles.locator('mark'))).toBe('följer upp');
    await shown(olles.getByText('I organisationen: Olle', { exact: true }));
    expect(await olles.getByLabel('Slutdatum', { exact: true }).inputValue()).toBe('2027-01-12');
    await shown(olles.getByText('I protokollet: ”till nästa möte” Tomt: löpande uppföljning.'));

    const decision = finding(page, 2, DECISION);
    await shown(decision.getByText('Beslut utan ansvarig', { exact: true }));
    await shown(decision.getByText('Protokollet nämner ingen ansvarig.'));
    await shown(decision.getByText(/^Ingen ansvarig nämns: välj en/));
    expect(await decision.getByLabel('Slutdatum', { exact: true }).inputValue()).toBe('');

    const sbb = finding(page, 3, SBBS);
    await shown(sbb.getByText('I organisationen: Samhällsbyggnad', { exact: true }));
    await shown(sbb.getByText('§ 2 Upphandling', { exact: true }));

    const question = finding(page, 4, QUESTION);
    await shown(question.getByText('Öppen fråga', { exact: true }));
    await shown(question.getByText('§ 3 Lokaler', { exact: true }));
    await checked(page, '60-minutes-preview');

    // Drop the unit's finding; the decision gets Ulla and a shorter title.
    await sbb.getByRole('checkbox', { name: 'Ta med' }).uncheck();
    await shown(sbb.getByText('Tas inte med: inget skapas för den här.'));
    await decision.getByRole('textbox', { name: 'Åtgärdens namn' }).fill('Se över upphandlingsplanen');
    await decision.getByLabel('Ansvariga', { exact: true }).click();
    await page.getByRole('option', { name: 'Ulla', exact: true }).click();
    await page.keyboard.press('Escape');
    await decision.getByText(/^Ingen ansvarig nämns/).waitFor({ state: 'detached' }); // an owner is chosen now
    await name.fill('Samrådsmöte november');
    await shown(page.getByRole('heading', { name: 'Samrådsmöte november', level: 2 }));
    await shown(page.getByText('Skapar 2 åtgärder och lägger 1 öppen fråga på balanslistan.'));
    await checked(page, '61-minutes-choices');

    await page.getByRole('button', { name: 'Skapa åtgärder' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('Klart: 2 åtgärder skapades i området ”Samrådsmöte november” och 1 öppen fråga lades på balanslistan.');
    const created = page.getByRole('list', { name: 'Skapade åtgärder' });
    await shown(created.getByRole('link', { name: 'Se över upphandlingsplanen', exact: true }));
    await shown(page.getByRole('list', { name: 'På balanslistan' }).getByText(QUESTION, { exact: true }));
    await checked(page, '62-minutes-created');

    const actions = ((await org.cora.get(`/api/plans/${planId}`)).body.areas as Array<{ title: string; actions: Array<{ title: string; ownerPersonIds: string[] }> }>).find((a) => a.title === 'Samrådsmöte november')!.actions;
    expect(actions.map((a) => [a.title, a.ownerPersonIds])).toEqual([
      [OLLES, [org.ids.olle]],
      ['Se över upphandlingsplanen', [org.ids.ulla]],
    ]);

    // The action page says where it came from.
    await created.getByRole('link', { name: OLLES, exact: true }).click();
    await shown(page.getByRole('heading', { name: OLLES, level: 1 }));
    const source = page.getByRole('figure', { name: 'Ur protokollet' });
    expect(await textOf(source.locator('figcaption'))).toBe('Från mötet Samrådsmöte november 2026-11-10, § 1 Företagsbesök');
    expect(await textOf(source.locator('blockquote'))).toBe('Olle följer upp företagsbesöken till nästa möte.');
    await checked(page, '63-minutes-action-source');
  }, 90_000);

  it('the same minutes a second time, uploaded as a file, are refused in words, and nothing is created', async () => {
    const before = (await org.cora.get(`/api/plans/${planId}/meetings`)).body.length;
    const page = await coordinator();
    await page.goto(`${baseUrl}/planer/${planId}/protokoll`);
    await page.locator('input[type="file"]').setInputFiles({ name: 'protokoll.txt', mimeType: 'text/plain', buffer: Buffer.from(MINUTES) });
    expect(await page.getByRole('textbox', { name: 'Protokollets text' }).isDisabled()).toBe(true); // the file is read, not the text
    await page.getByRole('button', { name: 'Förhandsgranska' }).click();
    await shown(page.getByText('Bevaka hittade 4 saker att följa upp i protokollet.'));
    await page.getByRole('button', { name: 'Skapa åtgärder' }).click();
    expect(await textOf(page.getByRole('alert'))).toMatch(/^Protokollet är redan inläst i den här planen \(\d{4}-\d\d-\d\d, som ”Samrådsmöte november”\)\. Åtgärderna finns redan; läs inte in det igen\.$/);
    expect((await org.cora.get(`/api/plans/${planId}/meetings`)).body).toHaveLength(before);
  }, 60_000);

  it('the open question is closed from the balance list with a reason', async () => {
    const page = await coordinator();
    // The overview counts the plan's open questions and leads to its balance list.
    await page.goto(`${baseUrl}/oversikt`);
    const perPlan = page.getByRole('list', { name: 'Öppna frågor från möten' }).getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Näringslivsrådet', exact: true }) });
    expect(await textOf(perPlan)).toBe('Näringslivsrådet: 1 öppen fråga');
    await checked(page, '64-minutes-overview-open-questions');
    await perPlan.getByRole('link', { name: 'Näringslivsrådet', exact: true }).click();
    await page.waitForURL(/#balanslista$/);
    const row = questionRow(page, QUESTION);
    await shown(row.getByRole('cell', { name: 'Samrådsmöte november 2026-11-10, § 3 Lokaler', exact: true }));
    await checked(page, '65-minutes-balance-list');
    await row.getByRole('button', { name: `Stäng: ${QUESTION}` }).click();
    const dialog = page.getByRole('dialog', { name: `Stäng frågan: ${QUESTION}` });
    const confirm = dialog.getByRole('button', { name: 'Stäng frågan' });
    expect(await confirm.isDisabled()).toBe(true); // the reason is required
    await dialog.getByRole('textbox', { name: 'Skäl' }).fill('Besvarad i KS 2026-11-14 § 52');
    await confirm.click();
    await dialog.waitFor({ state: 'hidden' });
    await shown(row.getByText('Stängd: Besvarad i KS 2026-11-14 § 52', { exact: true }));
    expect(await row.getByRole('button', { name: `Tilldela: ${QUESTION}` }).count()).toBe(0);
    await shown(page.getByRole('listitem').filter({ hasText: `Cora · stängde den öppna frågan ”${QUESTION}”: Besvarad i KS 2026-11-14 § 52` }));
    await shown(page.getByRole('listitem').filter({ hasText: 'Cora · läste in protokollet från ”Samrådsmöte november” (2 åtgärder)' }));
    const questions = (await org.cora.get(`/api/plans/${planId}/open-questions`)).body as Array<{ question: string; status: string; closedReason: string }>;
    expect(questions.map((q) => [q.question, q.status, q.closedReason])).toEqual([[QUESTION, 'closed', 'Besvarad i KS 2026-11-14 § 52']]);
  }, 60_000);

  it('on a phone, an open question is assigned from the balance list and becomes an action of its meeting', async () => {
    const text = ['Styrgrupp 2026-10-01', '§ 4 Rekrytering', 'Vem driver frågan om kompetensförsörjning vidare?'].join('\n');
    const read = await org.cora.post(`/api/plans/${planId}/minutes`, { text });
    expect(read.status).toBe(200);
    const asked = 'Vem driver frågan om kompetensförsörjning vidare?';
    const page = await coordinator(PHONE);
    await page.goto(`${baseUrl}/planer/${planId}`);
    const row = questionRow(page, asked);
    await shown(row.getByRole('cell', { name: 'Möte 2026-10-01, § 4 Rekrytering', exact: true }));
    await row.getByRole('button', { name: `Tilldela: ${asked}` }).click();
    const dialog = page.getByRole('dialog', { name: `Tilldela: ${asked}` });
    await dialog.getByLabel('Ansvariga', { exact: true }).click();
    await page.getByRole('option', { name: 'Otto', exact: true }).click();
    await page.keyboard.press('Escape');
    await dialog.getByRole('textbox', { name: 'Åtgärdens namn' }).fill('Utred kompetensförsörjningen');
    await dialog.getByLabel('Slutdatum', { exact: true }).fill('2027-02-01');
    await checked(page, '66-minutes-assign-phone');
    await dialog.getByRole('button', { name: 'Tilldela', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });
    await row.getByRole('link', { name: 'Visa åtgärden' }).click();
    await shown(page.getByRole('heading', { name: 'Utred kompetensförsörjningen', level: 1 }));
    expect(await textOf(page.getByRole('figure', { name: 'Ur protokollet' }).locator('figcaption'))).toBe('Från mötet Möte 2026-10-01, § 4 Rekrytering');
    await checked(page, '67-minutes-assigned-action-phone');
    const actionId = page.url().split('/').pop()!;
    const action = await waitFor(async () => (await org.cora.get(`/api/actions/${actionId}`)).body, { until: (a) => a.status === 'active', what: 'the assigned action followed' });
    expect(action).toMatchObject({ ownerPersonIds: [org.ids.otto], schedule: { kind: 'once', rule: { type: 'once', due: '2027-02-01' } } });
  }, 60_000);

  it('met the content security policy on every page', () => {
    expect(cspViolations).toEqual([]);
  });
});
