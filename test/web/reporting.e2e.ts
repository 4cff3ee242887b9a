import mammoth from 'mammoth';
import { AddressInfo } from 'node:net';
import { Browser } from 'playwright-core';
import { periodWords } from '../../libs/domain/reporting/period-words';
import { PLAN_REPORTING_WORKFLOW, planReportingWorkflowId, PlanReportingInput } from '../../workflows/contracts/engine';
import { ApiOrg, buildOrganisation, PASSWORD } from '../api/api-fixtures';
import type { ApiClient } from '../support/api-client';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { checked, launchChromium, logIn, pageRecordingCsp, PHONE, shown, textOf } from './browser';


const MEETING = 'Informationsmöte om kommande upphandlingar';
const VISITS = 'Regelbundna företagsbesök';
const SURVEY = 'Enkät till företagen';

/**
 * A reporting round in the browser, on the real stack: the owner writes a status report on a
 * phone, the coordinator follows the round, sends a report back (the owner reads why and
 * completes it), writes the summaries, approves and records the board's handling; the plan page
 * then shows each action's assessment and the round in its history.
 */
describe('the reporting round in a browser', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let browser: Browser;
  let baseUrl: string;
  let planId: string;
  let periodLabel: string;
  let periodEndsAt: string;
  const cspViolations: string[] = [];
  const email = (name: string) => `${name}.round@kommun.se`;

  const newPage = (options: Parameters<Browser['newPage']>[0] = {}) => pageRecordingCsp(browser, cspViolations, options);
  /** The status report of one action that a person owes, as the API lists their tasks. */
  const statusReportOf = async (person: ApiClient, actionTitle: string) =>
    waitFor(async () => ((await person.get('/api/me/tasks')).body as Array<{ id: string; kind: string; actionTitle: string }>).find((t) => t.kind === 'status-report' && t.actionTitle === actionTitle), {
      what: `the status report of "${actionTitle}" among the tasks`,
    });

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    org = await buildOrganisation(stack.api!, 'round');
    // A quiet policy: the round's reports are followed, but nothing is reminded or escalated meanwhile.
    const plan = (await org.cora.post('/api/plans', { title: 'Ett bättre näringslivsklimat', startDate: '2026-01-01', policy: { remindBefore: [], escalateAfter: [], timing: 'exact' } })).body;
    planId = plan.id;
    await org.cora.post(`/api/plans/${planId}/actions`, { title: MEETING, area: 'Inköp och upphandling', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(2)] } });
    await org.cora.post(`/api/plans/${planId}/actions`, { title: VISITS, area: 'Öppet klimat', ownerPersonIds: [org.ids.ulla], schedule: { text: 'Löpande' } });
    await org.cora.post(`/api/plans/${planId}/actions`, { title: SURVEY, area: 'Öppet klimat', ownerPersonIds: [org.ids.otto], schedule: { text: 'en gång per år', when: '2027' } });

    // The plan's own reporting workflow follows half-years; it is replaced by one whose period
    // ended a few seconds from now, as test/engine/reporting-round.int.ts runs it: the round opens
    // at once, its reports are due at the period's end, and it never freezes during the suite.
    await waitFor(async () => (await org.cora.get(`/api/plans/${planId}`)).body.followUp, { until: (f) => f === 'applied', what: "the plan's reporting workflow started" });
    await stack.client.workflow.getHandle(planReportingWorkflowId(planId)).terminate('replaced by a seconds-long period for the test');
    periodEndsAt = inSeconds(5);
    const input: PlanReportingInput = {
      planId,
      timezone: 'Europe/Stockholm',
      cadence: { periods: [{ key: 'T1', startsAt: inSeconds(-60), endsAt: periodEndsAt }] },
      statusRequestBefore: 'PT1S',
      round: { opensBefore: 'PT10M', deadlineBefore: 'P0D', freezeAfter: 'PT30M', returnFor: 'PT30M' },
    };
    await stack.client.workflow.start(PLAN_REPORTING_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: planReportingWorkflowId(planId), args: [input] });
    await statusReportOf(org.olle, MEETING);
    periodLabel = (await org.cora.get(`/api/plans/${planId}/rounds/T1`)).body.periodLabel;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('the owner finds the status report in "Mina uppgifter" on a phone, writes it and submits it', async () => {
    const page = await newPage({ viewport: PHONE });
    await logIn(page, baseUrl, email('olle'), PASSWORD);
    await page.waitForURL(/\/uppgifter$/);
    const report = page.getByRole('region', { name: `Lägesrapport: ${MEETING}` });
    expect(await textOf(report.getByText(/^Lägesrapport för /))).toBe(`Lägesrapport för ${periodLabel}`);
    await shown(report.getByText(/^Lämna senast /));
    // A status report is written, not marked done or given a new date; the action's task still is.
    expect(await report.getByRole('button').count()).toBe(0);
    await shown(page.locator(`[aria-label="${MEETING}"]`).getByRole('button', { name: 'Markera som klar' }));
    await checked(page, '40-status-report-in-my-tasks-phone');

    await report.getByRole('link', { name: 'Lämna lägesrapport' }).click();
    await page.waitForURL(/\/lagesrapporter\/[0-9a-f-]+$/);
    const id = new URL(page.url()).pathname.split('/').pop()!;
    await shown(page.getByRole('heading', { name: `Lägesrapport: ${MEETING}` }));
    // The action's task of the period is shown with the report.
    await shown(page.getByRole('heading', { name: 'Åtgärdens tillfällen under perioden' }));
    expect(await page.getByRole('listitem').filter({ hasText: /^Senast / }).count()).toBe(1);

    await page.getByRole('radio', { name: 'Enligt plan' }).check();
    await page.getByRole('textbox', { name: 'Kommentar' }).fill('Två möten är inbokade; det första hölls i mars.');
    await page.getByRole('textbox', { name: 'Länk 1' }).fill('kommun.se/protokoll/12');
    await page.getByRole('button', { name: 'Lägg till länk' }).click();
    await page.getByRole('textbox', { name: 'Länk 2' }).fill('https://kommun.se/inbjudan');
    await page.getByRole('button', { name: 'Skicka in lägesrapporten' }).click();
    await shown(page.getByText('Skriv en hel adress som börjar med http:// eller https://'));
    await page.getByRole('textbox', { name: 'Länk 1' }).fill('https://kommun.se/protokoll/12');
    await page.getByRole('button', { name: 'Ta bort länk 2' }).click();
    expect(await page.getByRole('textbox', { name: 'Länk 2' }).count()).toBe(0);
    // Usable at a phone's width: nothing to scroll sideways.
    const sideways = await page.evaluate(() => {
      // Runs in the page: `globalThis` is its window there.
      const window = globalThis as unknown as { innerWidth: number; document: { documentElement: { scrollWidth: number } } };
      return window.document.documentElement.scrollWidth - window.innerWidth;
    });
    expect(sideways).toBeLessThanOrEqual(0);
    await checked(page, '41-status-report-form-phone');

    await page.getByRole('button', { name: 'Skicka in lägesrapporten' }).click();
    expect(await textOf(page.getByRole('status'))).toContain('Tack! Lägesrapporten är inlämnad.');
    await shown(page.getByText(/^Inlämnad .* av Olle$/)); // the report as submitted, read only
    await shown(page.getByText('Enligt plan', { exact: true }));
    expect((await org.olle.get(`/api/occurrences/${id}/status-report`)).body).toMatchObject({
      state: 'submitted',
      assessment: 'on-track',
      comment: 'Två möten är inbokade; det första hölls i mars.',
      links: ['https://kommun.se/protokoll/12'],
    });
    await checked(page, '42-status-report-submitted-phone');

    await page.getByRole('link', { name: 'Till Mina uppgifter' }).click();
    await page.getByRole('region', { name: `Lägesrapport: ${MEETING}` }).waitFor({ state: 'detached' });
    await shown(page.locator(`[aria-label="${MEETING}"]`)); // the task is still there
    await page.close();
  }, 60_000);

  it('the coordinator follows the round and sends a report back; the owner reads why and completes it', async () => {
    await org.ulla.post(`/api/occurrences/${(await statusReportOf(org.ulla, VISITS)).id}/status-report`, { assessment: 'at-risk', comment: 'Färre besök än planerat.' }).expect(200);
    const page = await newPage();
    await logIn(page, baseUrl, email('cora'), PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    await page.getByRole('link', { name: 'Planer', exact: true }).click();
    await page.getByRole('link', { name: 'Ett bättre näringslivsklimat' }).click();
    await page.getByRole('link', { name: `Följ upp ${periodLabel}` }).click();
    await page.waitForURL(/\/planer\/[0-9a-f-]+\/rapportering\/T1$/);
    await shown(page.getByRole('heading', { name: `Återrapportering för ${periodLabel}` }));

    await shown(page.getByText('2 av 3 lägesrapporter inlämnade, 1 saknas, 0 skickade tillbaka.'));
    const counts = async (table: string, row: string) => page.getByRole('table', { name: table }).getByRole('row', { name: new RegExp(`^${row}`) }).getByRole('cell').allTextContents();
    // Inlämnade, saknas, skickade tillbaka, ej rapporterade, totalt.
    expect(await counts('Per arbetsområde', 'Öppet klimat')).toEqual(['1', '1', '0', '0', '2']);
    expect(await counts('Per ansvarig enhet', 'Kultur')).toEqual(['0', '1', '0', '0', '1']);
    const meeting = page.getByRole('row').filter({ has: page.getByRole('link', { name: MEETING }) });
    await shown(meeting.getByText('Enligt plan', { exact: true }));
    await shown(meeting.getByText('Inlämnad', { exact: true }));
    await checked(page, '43-round-coordinator');

    await meeting.getByRole('button', { name: `Skicka tillbaka: ${MEETING}` }).click();
    const dialog = page.getByRole('dialog', { name: `Skicka tillbaka ”${MEETING}”` });
    await dialog.getByRole('textbox', { name: 'Vad ska kompletteras?' }).fill('Hur många företag kom till mötet i mars?');
    await checked(page, '44-round-send-back');
    await dialog.getByRole('button', { name: 'Skicka tillbaka' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await shown(meeting.getByText('Skickad tillbaka', { exact: true }));

    // The owner finds it among his tasks again, with the note where he sees it first.
    const phone = await newPage({ viewport: PHONE });
    await logIn(phone, baseUrl, email('olle'), PASSWORD);
    const returned = phone.getByRole('region', { name: `Lägesrapport: ${MEETING}` });
    await shown(returned.getByText('Hur många företag kom till mötet i mars?'));
    await checked(phone, '45-status-report-returned-phone');
    await returned.getByRole('link', { name: 'Lämna lägesrapport' }).click();
    await shown(phone.getByText('Hur många företag kom till mötet i mars?'));
    // It starts from what was submitted.
    expect(await phone.getByRole('textbox', { name: 'Kommentar' }).inputValue()).toBe('Två möten är inbokade; det första hölls i mars.');
    expect(await phone.getByRole('radio', { name: 'Enligt plan' }).isChecked()).toBe(true);
    await phone.getByRole('radio', { name: 'Genomförd' }).check();
    await phone.getByRole('textbox', { name: 'Kommentar' }).fill('Båda mötena hölls, i mars med 40 företag och i oktober med 35.');
    await phone.getByRole('button', { name: 'Skicka in lägesrapporten' }).click();
    expect(await textOf(phone.getByRole('status'))).toContain('Tack! Lägesrapporten är inlämnad.');
    await shown(phone.getByText('Genomförd', { exact: true }));
    await phone.close();

    await page.reload();
    await shown(meeting.getByText('Genomförd', { exact: true }));
    await shown(meeting.getByText('Inlämnad', { exact: true }));
    await page.close();
  }, 60_000);

  it('the coordinator writes the summaries, approves once the period has ended, records the board decision; the plan page shows assessments and rounds', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, email('cora'), PASSWORD);
    await page.waitForURL(/\/oversikt$/);
    await page.goto(`${baseUrl}/planer/${planId}/rapportering/T1`);
    const summaries = page.getByRole('form', { name: 'Sammanfattningar till kommunstyrelsen' });
    await summaries.getByRole('textbox', { name: 'Sammanfattning för hela planen' }).fill('Planen följs i stort; företagsbesöken släpar.');
    await summaries.getByRole('textbox', { name: 'Sammanfattning: Öppet klimat' }).fill('Besöken behöver fler resurser.');
    await summaries.getByRole('button', { name: 'Spara sammanfattningarna' }).click();
    expect(await textOf(summaries.getByRole('status'))).toContain('Sparat.');
    expect((await org.cora.get(`/api/plans/${planId}/rounds/T1`)).body).toMatchObject({
      summary: 'Planen följs i stort; företagsbesöken släpar.',
      areaSummaries: [{ area: 'Öppet klimat', text: 'Besöken behöver fler resurser.' }],
    });

    await waitFor(async () => Date.now(), { until: (now) => now >= Date.parse(periodEndsAt), what: 'the end of the period' });
    await page.getByRole('button', { name: 'Godkänn', exact: true }).click();
    const confirm = page.getByRole('dialog', { name: `Godkänn återrapporteringen för ${periodLabel}` });
    await shown(confirm.getByText('1 lägesrapport saknas och markeras som ej rapporterad.'));
    await checked(page, '46-round-approve-confirm');
    await confirm.getByRole('button', { name: 'Godkänn och frys rapporten' }).click();
    await confirm.waitFor({ state: 'hidden' });
    await shown(page.getByText(/^Godkänd .* av Cora\. Rapporten till kommunstyrelsen är fryst\.$/));
    await shown(page.getByRole('row').filter({ has: page.getByRole('link', { name: SURVEY }) }).getByText('Ej rapporterad', { exact: true }));
    expect(await page.getByRole('button', { name: /^Skicka tillbaka/ }).count()).toBe(0); // read only now
    expect(await page.getByRole('textbox', { name: 'Sammanfattning för hela planen' }).count()).toBe(0);

    const decision = page.getByRole('form', { name: 'Kommunstyrelsens behandling' });
    expect(await decision.getByRole('textbox', { name: 'Organ' }).inputValue()).toBe('KS');
    await decision.getByLabel('Datum').fill('2026-09-15');
    await decision.getByRole('textbox', { name: 'Paragraf' }).fill('123');
    await decision.getByRole('button', { name: 'Spara behandlingen' }).click();
    expect(await textOf(decision.getByRole('status'))).toContain('Behandlingen är sparad.');
    await shown(decision.getByText('Behandlad: KS 2026-09-15 § 123'));

    // The frozen report, read here or downloaded.
    await page.getByRole('button', { name: `Visa: ${periodLabel}` }).click();
    const report = page.frameLocator(`iframe[title="Rapport för ${periodLabel}"]`);
    await shown(report.getByText('Ett bättre näringslivsklimat').first());
    await page.keyboard.press('Escape');
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: `PDF: ${periodLabel}` }).click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    const word = page.waitForEvent('download');
    await page.getByRole('button', { name: `Word: ${periodLabel}` }).click();
    const officersReport = await word;
    expect(officersReport.suggestedFilename()).toMatch(/\.docx$/);
    const wordText = (await mammoth.extractRawText({ path: (await officersReport.path())! })).value;
    expect(wordText).toContain('Förslag till beslut');
    expect(wordText).toContain('KS 2026-09-15 § 123');
    await checked(page, '47-round-approved');

    // The plan page: each action's latest assessment in words, and the round with the board's decision.
    await page.getByRole('link', { name: 'Till planen Ett bättre näringslivsklimat' }).click();
    await page.waitForURL(new RegExp(`/planer/${planId}$`));
    const action = (title: string) => page.getByRole('row').filter({ has: page.getByRole('link', { name: title, exact: true }) });
    await shown(action(MEETING).getByText('Genomförd', { exact: true }));
    await shown(action(VISITS).getByText('Risk för avvikelse', { exact: true }));
    await shown(action(SURVEY).getByText('Ingen bedömning än', { exact: true }));
    const round = page.getByRole('table', { name: 'Återrapportering' }).getByRole('row').filter({ has: page.getByRole('link', { name: `Följ upp ${periodLabel}` }) });
    await shown(round.getByText('Godkänd', { exact: true }));
    await shown(round.getByText('2 av 3 inlämnade'));
    await shown(round.getByText('KS 2026-09-15 § 123'));
    await checked(page, '48-plan-page-assessments-and-rounds');

    // In English, assessments and periods are English too (the API's periodLabel is the board's Swedish).
    const { body } = await org.cora.get(`/api/plans/${planId}/rounds/T1`);
    const englishPeriod = periodWords({ startsAt: body.periodStartsAt, endsAt: body.periodEndsAt }, body.timezone, 'en');
    expect(englishPeriod).not.toBe(periodLabel);
    await page.getByRole('button', { name: 'English' }).click();
    await shown(action(VISITS).getByText('At risk of deviation', { exact: true }));
    await shown(page.getByRole('table', { name: 'Reporting rounds' }).getByRole('link', { name: `Follow up ${englishPeriod}` }));
    await page.close();
  }, 60_000);

  it('no page broke its content security policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
