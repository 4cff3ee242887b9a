import { DateTime } from 'luxon';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { ApiOrg, buildOrganisation, PASSWORD } from '../api/api-fixtures';
import type { ApiClient } from '../support/api-client';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { checked, launchChromium, logIn, pageRecordingCsp, PHONE, shown, textOf } from './browser';

const TIMEZONE = 'Europe/Stockholm'; // the plan's, by default

/** Three times in a period of three days: on pace from the start, reached by the third time. */
const MEETINGS = 'Företagsträffar';
/** 360 times in half an hour: one is expected after 5 seconds, so it is behind pace for the rest of the suite. */
const CONTACTS = 'Företagskontakter i kundtjänst';
/** Twice in a period of two seconds: missed at once, and escalated to the unit head. */
const BREAKFASTS = 'Näringslivsfrukostar';

interface PlanAction {
  id: string;
  title: string;
  state: string;
}

/**
 * Quotas ("minst tre gånger per kvartal") in the browser, on the real stack: the owner logs times
 * from Mina uppgifter on a phone until the target is reached, the action page lists them, the unit
 * head catches up with a missed target from the inbox, the coordinator sees an action behind pace
 * among what needs attention, and the import wizard words a quota as the plan says it.
 */
describe('quotas in a browser', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let browser: Browser;
  let baseUrl: string;
  let planId: string;
  const ids: Record<string, string> = {};
  const cspViolations: string[] = [];
  const email = (name: string) => `${name}.quota@kommun.se`;

  const newPage = (options: Parameters<Browser['newPage']>[0] = {}) => pageRecordingCsp(browser, cspViolations, options);
  const planActions = async () => ((await org.cora.get(`/api/plans/${planId}`)).body.areas as Array<{ actions: PlanAction[] }>).flatMap((a) => a.actions);
  /** The person's open task of one action, as the API lists it. */
  const taskOf = (person: ApiClient, title: string) =>
    waitFor(async () => ((await person.get('/api/me/tasks')).body as Array<{ id: string; actionTitle: string; quota: { periodStartsAt: string } }>).find((t) => t.actionTitle === title), {
      what: `the period of "${title}" among the tasks`,
    });

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    org = await buildOrganisation(stack.api!, 'quota');
    planId = (await org.cora.post('/api/plans', { title: 'Ett bättre näringslivsklimat', startDate: '2026-01-01' })).body.id;
    const action = async (title: string, owner: string, schedule: object, policy?: object) => {
      const created = await org.cora.post(`/api/plans/${planId}/actions`, { title, area: 'Öppet klimat', ownerPersonIds: [owner], schedule, policy });
      expect(created.body).toMatchObject({ schedule: { kind: 'quota' } });
      ids[title] = created.body.id;
    };
    await action(MEETINGS, org.ids.olle, { due: [inSeconds(3 * 86_400)], target: 3 });
    await action(CONTACTS, org.ids.otto, { due: [inSeconds(1800)], target: 360 });
    await action(BREAKFASTS, org.ids.olle, { due: [inSeconds(2)], target: 2 }, { escalateAfter: ['PT1S'] });
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('the owner logs times from Mina uppgifter on a phone, refused a date before the period in words, until the target is reached', async () => {
    const period = await taskOf(org.olle, MEETINGS);
    const page = await newPage({ viewport: PHONE });
    await logIn(page, baseUrl, email('olle'), PASSWORD);
    await page.waitForURL(/\/uppgifter$/);
    const task = page.locator(`[aria-label="${MEETINGS}"]`);
    await shown(task.getByText('0 av 3 hittills · i fas'));
    // A quota is logged time by time: neither completed in one go nor given a new date.
    expect(await task.getByRole('button', { name: 'Markera som klar' }).count()).toBe(0);
    expect(await task.getByRole('button', { name: 'Be om nytt datum' }).count()).toBe(0);
    await checked(page, '50-quota-my-tasks-phone');

    const before = DateTime.now().setZone(TIMEZONE).toISODate();
    await task.getByRole('button', { name: 'Logga ett tillfälle' }).click();
    const dialog = page.getByRole('dialog', { name: MEETINGS });
    const date = dialog.getByLabel('Datum då det hände');
    // Today in the plan's timezone, once the plan is read (until then the browser's own, which
    // differs around midnight: the browser runs in UTC here, the plan in Stockholm).
    const today = await waitFor(() => date.inputValue(), { until: (value) => [before, DateTime.now().setZone(TIMEZONE).toISODate()].includes(value), what: "today in the plan's timezone in the date field" });

    // The day before the period began: the API refuses it, and the form says why in words.
    await date.fill(DateTime.fromISO(period.quota.periodStartsAt).setZone(TIMEZONE).minus({ days: 1 }).toISODate()!);
    await dialog.getByRole('button', { name: 'Logga ett tillfälle' }).click();
    expect(await textOf(dialog.getByRole('alert'))).toMatch(/^Datumet ligger utanför perioden \d{4}-\d\d-\d\d – \d{4}-\d\d-\d\d\. Välj ett datum i perioden\.$/);

    await date.fill(today);
    await dialog.getByLabel('Kommentar').fill('Företagsfrukost med 14 deltagare');
    await dialog.getByLabel('Länk till underlag').fill('https://kommun.se/naringsliv/frukost');
    await checked(page, '51-quota-log-dialog-phone');
    await dialog.getByRole('button', { name: 'Logga ett tillfälle' }).click();
    expect(await textOf(page.getByRole('status'))).toBe('Tillfället är loggat: 1 av 3 hittills · i fas.');
    await shown(task.getByText('1 av 3 hittills · i fas'));
    await checked(page, '52-quota-logged-phone');

    // The second and third times, the same day without a note: each its own time. The third
    // reaches the target, which completes the period: it leaves the open tasks.
    for (const count of [2, 3]) {
      await task.getByRole('button', { name: 'Logga ett tillfälle' }).click();
      await dialog.getByRole('button', { name: 'Logga ett tillfälle' }).click();
      await dialog.waitFor({ state: 'hidden' });
      if (count === 2) await shown(task.getByText('2 av 3 hittills · i fas'));
    }
    expect(await textOf(page.getByRole('status'))).toBe('Målet är nått med 3 av 3: uppgiften är klar.');
    await task.waitFor({ state: 'detached' });
    const [occurrence] = (await org.olle.get(`/api/occurrences?actionId=${ids[MEETINGS]}`)).body.items;
    expect(occurrence).toMatchObject({ status: 'completed', quota: { count: 3, target: 3, pace: 'reached' } });
    await page.close();
  }, 90_000);

  it("the action page words the schedule and lists the period's logged times", async () => {
    await waitFor(async () => (await org.olle.get(`/api/occurrences?actionId=${ids[MEETINGS]}`)).body.items[0]?.quota?.count, { until: (n) => n >= 1, what: 'a time logged' });
    const page = await newPage();
    await logIn(page, baseUrl, email('olle'), PASSWORD);
    await page.waitForURL(/\/uppgifter$/);
    await page.goto(`${baseUrl}/atgarder/${ids[MEETINGS]}`);
    await shown(page.getByRole('heading', { name: MEETINGS, level: 1 }));
    await shown(page.getByText(/^minst 3 gånger per period/));
    const times = page.getByRole('list', { name: 'Loggade tillfällen' });
    await shown(times.getByText(/Företagsfrukost med 14 deltagare \(loggat av Olle\)/));
    await shown(times.getByRole('link', { name: 'Underlag' }));
    await checked(page, '53-quota-action-page');
    await page.close();
  }, 60_000);

  it('the unit head catches up with a missed target from the inbox: a time logged, no new date offered', async () => {
    await waitFor(async () => (await org.ulla.get('/api/escalations?to=me')).body as Array<{ occurrence: { actionTitle: string } }>, {
      until: (inbox) => inbox.some((e) => e.occurrence.actionTitle === BREAKFASTS),
      what: `the escalation of "${BREAKFASTS}" to Ulla`,
    });
    const page = await newPage({ viewport: PHONE });
    await logIn(page, baseUrl, email('ulla'), PASSWORD);
    await page.waitForURL(/\/uppgifter$/);
    await page.getByRole('link', { name: 'Eskaleringar', exact: true }).click();
    const card = page.locator(`[aria-label="${BREAKFASTS}"]`);
    await shown(card.getByText('0 av 2 hittills · målet missat'));
    expect(await card.getByRole('button', { name: 'Sätt nytt datum' }).count()).toBe(0);
    await checked(page, '54-quota-escalation-inbox');
    await card.getByRole('button', { name: 'Logga ett tillfälle' }).click();
    const dialog = page.getByRole('dialog', { name: BREAKFASTS });
    await dialog.getByLabel('Kommentar').fill('Frukosten hölls, protokollet kom sent');
    await dialog.getByRole('button', { name: 'Logga ett tillfälle' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shown(card.getByText('1 av 2 hittills · målet missat'));
    await page.close();
  }, 60_000);

  it('the coordinator sees the action behind pace counted and listed as needing attention, in words, on the overview and the plan page', async () => {
    await waitFor(planActions, {
      until: (actions) => actions.find((a) => a.title === CONTACTS)?.state === 'behindPace' && actions.find((a) => a.title === BREAKFASTS)?.state !== 'behindPace',
      what: `"${CONTACTS}" behind pace, "${BREAKFASTS}" past its period`,
    });
    const page = await newPage();
    await logIn(page, baseUrl, email('cora'), PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: CONTACTS, exact: true }) });
    await shown(row.getByText('Efter i takt', { exact: true }));
    await shown(row.getByText('0 av 360 hittills · efter i takt'));
    expect(await textOf(page.locator('[aria-label="Efter i takt"]'))).toMatch(/^1Efter i takt$/);
    await checked(page, '55-quota-overview-behind-pace');

    await page.goto(`${baseUrl}/planer/${planId}`);
    const planRow = page.getByRole('row').filter({ has: page.getByRole('link', { name: CONTACTS, exact: true }) });
    await shown(planRow.getByText('minst 360 gånger per period'));
    await shown(planRow.getByText('Efter i takt', { exact: true }));
    await shown(planRow.getByText('0 av 360 hittills · efter i takt'));
    await checked(page, '56-quota-plan-page');
    await page.close();
  }, 60_000);

  it('the import wizard words a quota row as the plan says it', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, email('cora'), PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    await page.getByRole('link', { name: 'Importera', exact: true }).click();
    await page.getByPlaceholder('Välj plan').click();
    await page.getByRole('option', { name: 'Ett bättre näringslivsklimat' }).click();
    const csv = 'Område;Aktivitet;När;Ansvar\nNäringsliv;Företagsträffar minst tre gånger per kvartal;2027;Samhällsbyggnad\nNäringsliv;Informationsmöten två gånger per år;2027;Samhällsbyggnad\n';
    await page.locator('input[type="file"]').setInputFiles({ name: 'kvoter.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.getByRole('button', { name: 'Visa hur filen förstås' }).click();
    const quota = page.getByRole('row').filter({ hasText: 'Företagsträffar minst tre gånger per kvartal' });
    await shown(quota.getByText('Mål per period · minst 3 gånger per kvartal'));
    await shown(page.getByRole('row').filter({ hasText: 'Informationsmöten två gånger per år' }).getByText('Återkommande · två gånger per år'));
    await checked(page, '57-quota-import-preview');
    await page.close();
  }, 60_000);

  it('met the content security policy on every page', () => {
    expect(cspViolations).toEqual([]);
  });
});
