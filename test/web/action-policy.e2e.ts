import { AddressInfo } from 'node:net';
import { Browser, Locator, Page } from 'playwright-core';
import { startTestStack, TestStack } from '../support/test-stack';
import { ApiOrg, buildOrganisation, PASSWORD } from '../api/api-fixtures';
import { waitFor } from '../support/wait-for';
import { checked, launchChromium, logIn, pageRecordingCsp, shown } from './browser';

const TITLE = 'Informationsmöten till företagen om kommande upphandlingar';
// Its own policy, with all that a form in words could lose: working days at 09:00 and a repeat.
const POLICY = { remindBefore: ['P14D'], escalateAfter: ['P7D', 'P14D'], repeatEvery: 'P7D', timing: 'working-days', noticeTime: '09:00' };

// Issue 19, point 6, on the action page: the coordinator edits an existing action's notice policy
// in words, sees the ladder with the names of the people it reaches, and what is saved is exactly
// what was changed (read back from the API and, in words, from the page after a reload).
describe("an action's notice policy in words, on its own page", () => {
  let stack: TestStack;
  let org: ApiOrg;
  let browser: Browser;
  let baseUrl: string;
  let actionId: string;
  let plansOwnId: string;
  let planId: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    org = await buildOrganisation(stack.api!, 'policy');
    const plan = (await org.cora.post('/api/plans', { title: 'Ett bättre näringslivsklimat', startDate: '2026-01-01' })).body;
    planId = plan.id;
    const created = await org.cora.post(`/api/plans/${plan.id}/actions`, {
      title: TITLE,
      area: 'Inköp och upphandling',
      ownerPersonIds: [org.ids.olle],
      schedule: { text: 'Informationsmöten två gånger per år', when: '2027' },
      policy: POLICY,
    });
    expect(created.status).toBe(201);
    actionId = created.body.id;
    // One that follows the plan's policy (the plan has none of its own: the default one).
    plansOwnId = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Enkät till företagen', ownerPersonIds: [org.ids.olle], schedule: { text: 'en gång per år', when: '2027' } })).body.id;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  /** The bodies of the PATCH requests the page sends for the action, as sent. */
  const patchesOf = (page: Page, id = actionId): Array<Record<string, unknown>> => {
    const bodies: Array<Record<string, unknown>> = [];
    page.on('request', (request) => {
      if (request.method() === 'PATCH' && request.url().endsWith(`/api/actions/${id}`)) bodies.push(request.postDataJSON());
    });
    return bodies;
  };

  it('shows the ladder with real names, saves a step changed in words, and keeps working days, notice time and repeat', async () => {
    const page = await pageRecordingCsp(browser, cspViolations);
    const patches = patchesOf(page);
    await logIn(page, baseUrl, 'cora.policy@kommun.se', PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    await page.goto(`${baseUrl}/atgarder/${actionId}`);
    const form = page.getByRole('form', { name: 'Ändra åtgärden' });

    // The policy in words, no ISO 8601 in sight, and who gets what when for Olle's action.
    expect(await form.getByLabel('Påminn före').inputValue()).toBe('14 dagar före');
    expect(await form.getByLabel('Eskalera efter').inputValue()).toBe('7 dagar efter, 14 dagar efter');
    expect(await form.getByLabel('Upprepa sedan').inputValue()).toBe('varje vecka');
    expect(await form.getByLabel('Bara på arbetsdagar (kl. 09:00)').isChecked()).toBe(true);
    expect(await form.textContent()).not.toMatch(/P\d+D/);
    const ladder = form.getByRole('list', { name: 'Vem får vad när' });
    await shown(ladder.getByText('dag 7: enhetschefen Ulla', { exact: true }));
    await shown(ladder.getByText('dag 14: kommunchefen Kim', { exact: true }));
    await shown(ladder.getByText('14 dagar före: Olle', { exact: true }));
    await checked(page, '34-action-policy-words');

    // The first step moves to day 3, typed in words; the ladder follows before anything is saved.
    await form.getByLabel('Eskalera efter').fill('3 dagar efter, 14 dagar efter');
    await shown(ladder.getByText('dag 3: enhetschefen Ulla', { exact: true }));
    await shown(form.getByText('Så blir det: Påminnelse 14 dagar före; eskalering 3 dagar och 14 dagar efter sista dagen; sedan nya besked varje vecka; besked kl. 09:00 på arbetsdagar.'));
    await form.getByRole('button', { name: 'Spara' }).click();
    await shown(form.getByRole('status').filter({ hasText: 'Ändringen gäller från och med nu.' }));
    // The policy went whole, in ISO 8601 as the words read ("varje vecka" is P1W, the same as
    // P7D), and nothing else that was not changed went with it.
    const saved = { remindBefore: ['P14D'], escalateAfter: ['P3D', 'P14D'], repeatEvery: 'P1W', timing: 'working-days', noticeTime: '09:00' };
    expect(patches).toEqual([{ policy: saved }]);
    expect((await org.cora.get(`/api/actions/${actionId}`)).body.policy).toEqual({ ...saved, calendar: 'SE' });

    // Another change (the title) leaves the policy and the schedule as they are: not sent at all.
    await form.getByRole('textbox', { name: 'Åtgärd', exact: true }).fill(`${TITLE} och leverantörer`);
    await form.getByRole('button', { name: 'Spara' }).click();
    await shown(page.getByRole('heading', { name: `${TITLE} och leverantörer`, level: 1 }));
    expect(patches[1]).toEqual({ title: `${TITLE} och leverantörer` });
    const after = (await org.cora.get(`/api/actions/${actionId}`)).body;
    expect(after.policy).toEqual({ ...saved, calendar: 'SE' });
    expect(after.scheduleInput).toEqual({ text: 'Informationsmöten två gånger per år', when: '2027' });

    // Read again from the server: the page says the policy in words, and the form has the new step.
    await page.reload();
    await shown(page.getByText('Påminnelse 14 dagar före; eskalering 3 dagar och 14 dagar efter sista dagen; sedan nya besked varje vecka; besked kl. 09:00 på arbetsdagar.', { exact: true }));
    expect(await form.getByLabel('Eskalera efter').inputValue()).toBe('3 dagar efter, 14 dagar efter');
    await shown(form.getByRole('list', { name: 'Vem får vad när' }).getByText('dag 3: enhetschefen Ulla', { exact: true }));
    await page.close();
  }, 120_000);

  it("an action on the plan's policy shows that ladder, and gets its own from it in words", async () => {
    const page = await pageRecordingCsp(browser, cspViolations);
    const patches = patchesOf(page, plansOwnId);
    await logIn(page, baseUrl, 'cora.policy@kommun.se', PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    await page.goto(`${baseUrl}/atgarder/${plansOwnId}`);
    const form = page.getByRole('form', { name: 'Ändra åtgärden' });
    await shown(form.getByText('Påminnelser och eskalering följer planens standard.'));
    await shown(form.getByRole('list', { name: 'Vem får vad när' }).getByText('dag 7: enhetschefen Ulla', { exact: true }));

    // Saving something else leaves it on the plan's policy.
    await form.getByLabel('Arbetsområde').fill('Öppet klimat');
    await form.getByRole('button', { name: 'Spara' }).click();
    await shown(form.getByRole('status').filter({ hasText: 'Ändringen gäller från och med nu.' }));
    expect(patches).toEqual([{ area: 'Öppet klimat' }]);
    expect((await org.cora.get(`/api/actions/${plansOwnId}`)).body.policy).toBeNull();

    // Its own starts as the plan's (the default policy), then one reminder a week before.
    await form.getByRole('button', { name: 'Ange egna' }).click();
    expect(await form.getByLabel('Påminn före').inputValue()).toBe('14 dagar före, 1 dag före');
    expect(await form.getByLabel('Bara på arbetsdagar (kl. 08:00)').isChecked()).toBe(true);
    await form.getByLabel('Påminn före').fill('1 vecka före');
    await shown(form.getByRole('list', { name: 'Vem får vad när' }).getByText('1 vecka före: Olle', { exact: true }));
    await form.getByRole('button', { name: 'Spara' }).click();
    await waitFor(async () => patches.length, { until: (n) => n === 2, what: 'the second save' });
    const own = { remindBefore: ['P1W'], escalateAfter: ['P7D', 'P14D'], repeatEvery: 'P1W', timing: 'working-days' };
    expect(patches[1]).toEqual({ policy: own });
    await waitFor(async () => (await org.cora.get(`/api/actions/${plansOwnId}`)).body.policy, { until: (policy) => policy !== null, what: 'its own policy saved' });
    expect((await org.cora.get(`/api/actions/${plansOwnId}`)).body.policy).toEqual({ ...own, calendar: 'SE' });
    await page.close();
  }, 120_000);

  it("on a plan without a policy of its own, a new action's own policy and the plan form start from the default ladder", async () => {
    expect((await org.cora.get(`/api/plans/${planId}`)).body.policy).toBeNull();
    const page = await pageRecordingCsp(browser, cspViolations);
    await logIn(page, baseUrl, 'cora.policy@kommun.se', PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    /** The fields hold the default policy (libs/domain's DEFAULT_POLICY) in words. */
    const holdsTheDefault = async (form: Locator) => {
      expect(await form.getByLabel('Påminn före').inputValue()).toBe('14 dagar före, 1 dag före');
      expect(await form.getByLabel('Eskalera efter').inputValue()).toBe('7 dagar efter, 14 dagar efter');
      expect(await form.getByLabel('Upprepa sedan').inputValue()).toBe('varje vecka');
      expect(await form.getByLabel('Bara på arbetsdagar (kl. 08:00)').isChecked()).toBe(true);
    };

    await page.goto(`${baseUrl}/planer/${planId}/ny-atgard`);
    const actionForm = page.getByRole('form', { name: 'Ny åtgärd' });
    await shown(actionForm.getByText('Påminnelser och eskalering följer planens standard.'));
    await actionForm.getByRole('button', { name: 'Ange egna' }).click();
    await shown(actionForm.getByLabel('Påminn före'));
    await holdsTheDefault(actionForm);
    await shown(actionForm.getByText('Så blir det: Påminnelse 14 dagar och 1 dag före; eskalering 7 dagar och 14 dagar efter sista dagen; sedan nya besked varje vecka; besked kl. 08:00 på arbetsdagar.'));

    await page.goto(`${baseUrl}/planer/${planId}`);
    await page.getByRole('toolbar', { name: 'Planens verktyg' }).getByRole('button', { name: 'Ändra planen' }).click();
    const planForm = page.getByRole('dialog', { name: 'Ändra planen' });
    await shown(planForm.getByLabel('Påminn före'));
    await holdsTheDefault(planForm);
    await checked(page, '35-plan-form-default-policy');
    // Saved untouched, the plan still follows the default: the fields only show it.
    await planForm.getByRole('button', { name: 'Spara' }).click();
    await planForm.waitFor({ state: 'hidden' });
    expect((await org.cora.get(`/api/plans/${planId}`)).body.policy).toBeNull();
    await page.close();
  }, 120_000);

  it('no page broke its content security policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
