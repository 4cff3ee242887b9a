import { AddressInfo } from 'node:net';
import path from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { actionWorkflowId } from '../../workflows/contracts/engine';
import { loginAs } from '../support/api-client';
import { startTestStack, TEST_ADMIN, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { checked, launchChromium, logIn, pageRecordingCsp, shown } from './browser';

const CORA_PASSWORD = 'Samordnaren följer upp 2027';

// A fresh installation, nothing seeded through the API: the first admin does the coordinator's
// whole job in the web app, from the organisation to archiving the plan.
describe("the coordinator's workbench in a browser, from an empty installation", () => {
  let stack: TestStack;
  let browser: Browser;
  let baseUrl: string;
  const cspViolations: string[] = [];

  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    await stack.api!.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(stack.api!.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  const newPage = () => pageRecordingCsp(browser, cspViolations);
  // A Mantine select opens on a click on its field; a multiple choice that is not searchable
  // keeps its input field out of sight (its pills are what shows), so that click is forced.
  const choose = async (page: Page, field: Locator, option: string, hiddenField = false) => {
    await field.click({ force: hiddenField });
    await page.getByRole('option', { name: option, exact: true }).click();
  };

  it('the first admin builds the organisation, creates a plan, adds and imports actions, pauses, withdraws, skips, archives and restores', async () => {
    const page = await newPage();
    await logIn(page, baseUrl, TEST_ADMIN.email, TEST_ADMIN.password);

    // The first screen says what to do next.
    const start = page.getByRole('region', { name: 'Kom igång' });
    await shown(start);
    await checked(page, '20-getting-started');
    await start.getByRole('link', { name: 'Bygg organisationen' }).click();

    // Two units, their heads, a coordinator and an owner.
    const unitForm = page.getByRole('form', { name: 'Ny enhet' });
    await unitForm.getByLabel('Enhet').fill('Kommunledning');
    await unitForm.getByRole('button', { name: 'Lägg till' }).click();
    await shown(page.getByRole('cell', { name: 'Kommunledning', exact: true }));
    await unitForm.getByLabel('Enhet').fill('Samhällsbyggnad');
    await choose(page, unitForm.getByLabel('Ingår i'), 'Kommunledning');
    await unitForm.getByRole('button', { name: 'Lägg till' }).click();
    await shown(page.getByRole('cell', { name: 'Samhällsbyggnad', exact: true }));
    const personForm = page.getByRole('form', { name: 'Ny person' });
    for (const [name, unit, role] of [
      ['Kim Kommunchef', 'Kommunledning', 'Chef'],
      ['Hanna Enhetschef', 'Samhällsbyggnad', 'Chef'],
      ['Cora Samordnare', 'Kommunledning', 'Samordnare'],
      ['Olle Ägare', 'Samhällsbyggnad', 'Ansvarig'],
    ]) {
      await personForm.getByLabel('Namn').fill(name);
      await personForm.getByLabel('E-postadress').fill(`${name.split(' ')[0].toLowerCase()}.bench@kommun.se`);
      await choose(page, personForm.getByLabel('Enhet'), unit);
      // A new person is an owner (Ansvarig) unless chosen otherwise; another role is added to it.
      if (role !== 'Ansvarig') {
        await choose(page, personForm.getByLabel('Roller'), role, true);
        await personForm.getByLabel('Namn').click(); // closes the role list
      }
      if (role === 'Samordnare') await personForm.getByLabel('Lösenord (minst 12 tecken)').fill(CORA_PASSWORD);
      await personForm.getByRole('button', { name: 'Lägg till' }).click();
      await shown(page.getByRole('cell', { name: `${name.split(' ')[0].toLowerCase()}.bench@kommun.se` }));
    }
    await choose(page, page.getByRole('combobox', { name: 'Chef för Kommunledning' }), 'Kim Kommunchef');
    await choose(page, page.getByRole('combobox', { name: 'Chef för Samhällsbyggnad' }), 'Hanna Enhetschef');
    const admin = await loginAs(stack.api!, TEST_ADMIN.email, TEST_ADMIN.password);
    await waitFor(async () => (await admin.get('/api/units')).body as Array<{ headPersonId: string | null }>, { until: (units) => units.length === 2 && units.every((u) => u.headPersonId), what: 'both heads saved' });
    expect((await admin.get('/api/people')).body.find((p: { email: string }) => p.email === 'olle.bench@kommun.se').roles).toEqual(['owner']);

    // More of the organisation from a file: previewed, a row that cannot be used named, nothing
    // saved until a corrected file is confirmed; the people the file leaves out are listed and
    // stay active, since the coordinator does not tick their deactivation.
    const chartImport = page.getByRole('region', { name: 'Importera organisationen' });
    const chartFile = (...rows: string[]) => ({ name: 'organisation.csv', mimeType: 'text/csv', buffer: Buffer.from(['Enhet;Ingår i;Namn;E-post;Roller;Chef', ...rows].join('\n')) });
    await chartImport.locator('input[type="file"]').setInputFiles(chartFile('Kultur;Kommunledning;Karin Kultur;karin.bench@kommun.se;chef;ja', 'Kultur;;Ivar Bibliotekarie;;;'));
    await chartImport.getByRole('button', { name: 'Visa vad som ändras' }).click();
    await shown(chartImport.getByText('Rad 3: Ivar Bibliotekarie har ingen e-postadress'));
    await checked(page, '33-organisation-import');
    expect(await chartImport.getByRole('button', { name: 'Genomför importen' }).isDisabled()).toBe(true);
    await chartImport.locator('input[type="file"]').setInputFiles(chartFile('Kultur;Kommunledning;Karin Kultur;karin.bench@kommun.se;chef;ja', 'Kultur;;Ivar Bibliotekarie;ivar.bench@kommun.se;;'));
    await chartImport.getByRole('button', { name: 'Visa vad som ändras' }).click();
    await shown(chartImport.getByText('Aktiva i Bevaka men saknas i filen'));
    expect(await chartImport.getByRole('checkbox', { name: /^Avaktivera \d+ personer som saknas i filen/ }).isChecked()).toBe(false);
    await chartImport.getByRole('button', { name: 'Genomför importen' }).click();
    await shown(chartImport.getByRole('status').filter({ hasText: 'Klart: 1 enhet och 2 personer lades till; ändrade: 0; avaktiverade: 0.' }));
    const kulturHead = page.getByRole('combobox', { name: 'Chef för Kultur' });
    await waitFor(() => kulturHead.inputValue(), { until: (value) => value === 'Karin Kultur', what: "Kultur's head on the page" });
    const kultur = (await admin.get('/api/units')).body.find((u: { name: string }) => u.name === 'Kultur');
    expect(kultur.headPersonId).toBe((await admin.get('/api/people')).body.find((p: { email: string }) => p.email === 'karin.bench@kommun.se').id);

    // A plan, through its form.
    await page.getByRole('link', { name: 'Planer', exact: true }).click();
    await page.getByRole('link', { name: 'Ny plan' }).click();
    const planForm = page.getByRole('form', { name: 'Skapa planen' });
    await planForm.getByLabel('Planens namn').fill('Ett bättre näringslivsklimat');
    await planForm.getByLabel('Gäller från').fill('2020-01-01');
    await checked(page, '21-new-plan');
    await planForm.getByRole('button', { name: 'Skapa planen' }).click();
    await shown(page.getByRole('heading', { name: 'Ett bättre näringslivsklimat', level: 1 }));
    const planId = new URL(page.url()).pathname.split('/').pop()!;
    await page.getByRole('toolbar', { name: 'Planens verktyg' }).getByRole('button', { name: 'Ändra planen' }).click();
    const editPlan = page.getByRole('dialog', { name: 'Ändra planen' });
    await choose(page, editPlan.getByLabel('Återrapportering till styrelsen'), 'kvartalsvis');
    await checked(page, '27-edit-plan');
    await editPlan.getByRole('button', { name: 'Spara' }).click();
    await editPlan.waitFor({ state: 'hidden' });
    await shown(page.getByText(/kvartalsvis/));
    expect((await admin.get(`/api/plans/${planId}`)).body.reportingCadence).toBe('quarterly');

    // An action by hand, its schedule typed in Swedish and read back as it is typed. The
    // half-year of today is running, so its occurrence is open at once.
    const today = new Date();
    const when = `Q${Math.floor(today.getUTCMonth() / 3) + 1} ${today.getUTCFullYear()}`;
    await page.getByRole('link', { name: 'Ny åtgärd' }).click();
    const actionForm = page.getByRole('form', { name: 'Ny åtgärd' });
    await actionForm.getByRole('textbox', { name: 'Åtgärd', exact: true }).fill('Informationsmöten till företagen om kommande upphandlingar');
    await actionForm.getByLabel('Arbetsområde').fill('Inköp och upphandling');
    await actionForm.getByLabel('Tidplan').fill('Informationsmöten två gånger per år');
    await actionForm.getByLabel('När').fill(when);
    const preview = page.getByRole('region', { name: 'Så förstås tidplanen' });
    await shown(preview.getByText('två gånger per år'));
    await shown(preview.getByText(/^Nästa slutdatum: \d+ (juni|december) \d{4}/));
    await choose(page, actionForm.getByLabel('Ansvar'), 'Olle Ägare');
    await actionForm.getByRole('textbox', { name: 'Åtgärd', exact: true }).click(); // closes the owner list
    await checked(page, '22-new-action-preview');
    await actionForm.getByRole('button', { name: 'Spara och börja följa upp' }).click();
    await shown(page.getByRole('heading', { name: 'Informationsmöten till företagen om kommande upphandlingar', level: 1 }));
    const meetingId = new URL(page.url()).pathname.split('/').pop()!;

    // A question nobody owns yet, saved as a draft: it stands on the balance list.
    await page.goto(`${baseUrl}/planer/${planId}/ny-atgard`);
    await page.getByRole('textbox', { name: 'Åtgärd', exact: true }).fill('Vem driver frågan om lokaler vidare?');
    await page.getByLabel('Tidplan').fill('när det passar');
    await shown(page.getByText(/kan sparas som utkast/));
    await page.getByRole('button', { name: 'Spara som utkast' }).click();
    await shown(page.getByRole('alert').filter({ hasText: 'Utkast' }));
    await checked(page, '28-draft-action');

    // The seed plan imported into it, from its page.
    await page.goto(`${baseUrl}/planer/${planId}`);
    await page.getByRole('link', { name: 'Importera åtgärder' }).click();
    await page.locator('input[type="file"]').setInputFiles(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'));
    await page.getByRole('button', { name: 'Visa hur filen förstås' }).click();
    await page.getByRole('button', { name: 'Importera 17 åtgärder' }).click();
    await shown(page.getByText(/^17 åtgärder skapade/));

    // Areas: renamed and put in order.
    await page.goto(`${baseUrl}/planer/${planId}`);
    const areas = page.getByRole('table', { name: 'Arbetsområden' });
    await shown(areas);
    const firstArea = (await areas.getByRole('row').nth(1).getByRole('cell').first().textContent())!;
    await areas.getByRole('button', { name: `Byt namn på ${firstArea}` }).click();
    await page.getByRole('form', { name: `Byt namn på ${firstArea}` }).getByLabel('Nytt namn').fill('Upphandling');
    await page.getByRole('form', { name: `Byt namn på ${firstArea}` }).getByRole('button', { name: 'Spara' }).click();
    await shown(areas.getByRole('cell', { name: 'Upphandling', exact: true }));
    await areas.getByRole('button', { name: 'Flytta ned Upphandling' }).click();
    await waitFor(async () => (await admin.get(`/api/plans/${planId}`)).body.areas as Array<{ title: string }>, { until: (list) => list[1]?.title === 'Upphandling', what: 'the renamed area second' });
    await checked(page, '23-plan-areas');

    // Skip the running occurrence, then pause the action, each with its reason.
    await page.goto(`${baseUrl}/atgarder/${meetingId}`);
    await page.getByRole('button', { name: /^Hoppa över: Senast/ }).click();
    const skipDialog = page.getByRole('dialog');
    await skipDialog.getByLabel('Skäl').fill('Mötet hölls tillsammans med regionen');
    await checked(page, '29-skip-dialog');
    await skipDialog.getByRole('button', { name: 'Hoppa över' }).click();
    await skipDialog.waitFor({ state: 'hidden' });
    await shown(page.getByText('Hoppades över', { exact: true }));
    await page.getByRole('toolbar', { name: 'Åtgärdens verktyg' }).getByRole('button', { name: 'Pausa' }).click();
    const pauseDialog = page.getByRole('dialog');
    await pauseDialog.getByLabel('Skäl').fill('Väntar på ny upphandlingspolicy');
    await checked(page, '24-pause-dialog');
    await pauseDialog.getByRole('button', { name: 'Pausa' }).click();
    await pauseDialog.waitFor({ state: 'hidden' });
    await shown(page.getByText('Inga nya tillfällen öppnas och ingenting skickas förrän åtgärden återupptas.'));
    await shown(page.getByText(/pausade åtgärden: Väntar på ny upphandlingspolicy/));
    await checked(page, '25-action-paused');
    expect((await stack.client.workflow.getHandle(actionWorkflowId(meetingId)).query<{ status: string }>('state')).status).toBe('paused');

    // The action moves to another area from its own page.
    const editAction = page.getByRole('form', { name: 'Ändra åtgärden' });
    await editAction.getByLabel('Arbetsområde').fill('Upphandling');
    await editAction.getByRole('button', { name: 'Spara' }).click();
    await shown(editAction.getByText('Ändringen gäller från och med nu.'));
    expect((await admin.get(`/api/actions/${meetingId}`)).body.area).toBe('Upphandling');

    // Withdraw an imported action, confirmed with a reason.
    const plan = (await admin.get(`/api/plans/${planId}`)).body as { areas: Array<{ actions: Array<{ id: string; title: string }> }> };
    const visits = plan.areas.flatMap((a) => a.actions).find((a) => /företagsbesök/i.test(a.title))!;
    await page.goto(`${baseUrl}/atgarder/${visits.id}`);
    await page.getByRole('toolbar', { name: 'Åtgärdens verktyg' }).getByRole('button', { name: 'Återkalla' }).click();
    const withdrawDialog = page.getByRole('dialog');
    await withdrawDialog.getByLabel('Skäl').fill('Ingår i det regionala programmet');
    await checked(page, '30-withdraw-dialog');
    await withdrawDialog.getByRole('button', { name: 'Återkalla' }).click();
    await shown(page.getByText('Åtgärden är återkallad och följs inte upp längre. Historiken finns kvar.'));
    await checked(page, '31-action-withdrawn');
    expect((await admin.get(`/api/actions/${visits.id}`)).body.status).toBe('withdrawn');

    // Archive the plan, then restore it.
    await page.goto(`${baseUrl}/planer/${planId}`);
    await page.getByRole('toolbar', { name: 'Planens verktyg' }).getByRole('button', { name: 'Arkivera' }).click();
    const archiveDialog = page.getByRole('dialog');
    await archiveDialog.getByLabel('Skäl').fill('Ersätts av planen för 2027–2030');
    await archiveDialog.getByRole('button', { name: 'Arkivera' }).click();
    await shown(page.getByText(/^Arkiverad /));
    await checked(page, '26-plan-archived');
    expect((await admin.get(`/api/plans/${planId}`)).body.archivedAt).toEqual(expect.any(String));
    await page.getByRole('toolbar', { name: 'Planens verktyg' }).getByRole('button', { name: 'Återställ' }).click();
    await checked(page, '32-restore-dialog');
    await page.getByRole('dialog').getByRole('button', { name: 'Återställ' }).click();
    await shown(page.getByRole('button', { name: 'Arkivera' }));
    expect((await admin.get(`/api/plans/${planId}`)).body.archivedAt).toBeNull();
    expect((await admin.get(`/api/actions/${meetingId}`)).body.status).toBe('paused'); // paused on its own: stays so

    // The plan says which of its actions is paused, in words.
    await shown(page.getByRole('row').filter({ hasText: 'Informationsmöten till företagen om kommande upphandlingar' }).getByText('Pausad', { exact: true }));
    // Everything of it is in the plan's change list with the reasons given, and the first steps are done.
    const changes = page.getByRole('listitem');
    for (const change of [
      'skapade planen',
      'ändrade planen',
      'lade till ”Informationsmöten',
      'importerade 17 åtgärder',
      'pausade ”Informationsmöten till företagen om kommande upphandlingar”: Väntar på ny upphandlingspolicy',
      '”: Ingår i det regionala programmet',
      'hoppade över ett tillfälle av ”Informationsmöten till företagen om kommande upphandlingar”: Mötet hölls tillsammans med regionen',
      'arkiverade planen: Ersätts av planen för 2027–2030',
      'återställde planen',
    ]) {
      await shown(changes.filter({ hasText: change }));
    }
    await shown(changes.filter({ hasText: 'återkallade ”' }));
    // Renamed, then moved: the area was changed twice.
    expect(await changes.filter({ hasText: 'ändrade arbetsområdet ”Upphandling”' }).count()).toBe(2);
    await page.getByRole('link', { name: 'Översikt', exact: true }).click();
    const balance = page.getByRole('table', { name: 'Balanslista: vem driver frågan?' });
    await shown(balance.getByRole('row').filter({ hasText: 'Vem driver frågan om lokaler vidare?' }));
    expect(await page.getByRole('region', { name: 'Kom igång' }).count()).toBe(0);
    await page.close();

    // The coordinator the admin created signs in herself and lands on the overview of it all.
    const cora = await newPage();
    await logIn(cora, baseUrl, 'cora.bench@kommun.se', CORA_PASSWORD);
    await cora.waitForURL(/\/oversikt$/);
    await shown(cora.getByRole('table', { name: 'Balanslista: vem driver frågan?' }).getByRole('row').filter({ hasText: 'Vem driver frågan om lokaler vidare?' }));
    await cora.close();
  }, 240_000);

  it('no page broke its content security policy', () => {
    expect(cspViolations).toEqual([]);
  });
});
