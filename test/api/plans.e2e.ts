import mammoth from 'mammoth';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { IntentReconciler } from '../../apps/api/engine/intent-reconciler';
import { ReportRepository } from '../../libs/persistence/repositories/report.repository';
import { actionWorkflowId, planReportingWorkflowId } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { ApiOrg, buildOrganisation } from './api-fixtures';
import { waitFor } from '../support/wait-for';

describe('plans and actions: validation, crash repair, import', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'plans');
    planId = (await org.cora.post('/api/plans', { title: 'Ett bättre näringslivsklimat i Övertorneå kommun', startDate: '2020-01-01' })).body.id;
  });
  afterAll(() => stack?.close());

  const count = async (table: string) => (await stack.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  it('creating a plan starts its reporting workflow', async () => {
    const description = await stack.client.workflow.getHandle(planReportingWorkflowId(planId)).describe();
    expect(description.status.name).toBe('RUNNING');
  });

  it.each([
    ['no title', { schedule: { text: 'två gånger per år' } }, 400, 'VALIDATION_FAILED'],
    ['an unreadable schedule', { title: 'X', schedule: { text: 'när andan faller på', when: 'vintern 2021' } }, 422, 'SCHEDULE_UNREADABLE'],
    ['a schedule of no known form', { title: 'X', schedule: {} }, 400, 'VALIDATION_FAILED'],
    ['a due date that is not ISO', { title: 'X', schedule: { due: ['imorgon'] } }, 400, 'VALIDATION_FAILED'],
    ['a policy that is not ISO 8601', { title: 'X', schedule: { text: 'årligen', when: '2030' }, policy: { remindBefore: ['två veckor'] } }, 400, 'VALIDATION_FAILED'],
    ['an owner that does not exist', { title: 'X', schedule: { text: 'årligen', when: '2030' }, ownerPersonIds: ['00000000-0000-4000-8000-000000000000'] }, 422, 'UNPROCESSABLE'],
    ['an unknown field', { title: 'X', schedule: { text: 'årligen' }, colour: 'red' }, 400, 'VALIDATION_FAILED'],
  ])('refuses %s with a clear error and writes nothing', async (_, body, status, code) => {
    const before = [await count('action'), await count('audit_log'), await count('area')];
    const response = await org.cora.post(`/api/plans/${planId}/actions`, body);
    expect([response.status, response.body.error?.code]).toEqual([status, code]);
    expect(response.body.error.message).toEqual(expect.any(String));
    expect(response.body.error.details.length).toBeGreaterThan(0);
    expect([await count('action'), await count('audit_log'), await count('area')]).toEqual(before);
  });

  it('an unknown plan or malformed id is a 404', async () => {
    expect((await org.cora.post('/api/plans/00000000-0000-4000-8000-000000000000/actions', { title: 'X', schedule: { text: 'årligen' } })).status).toBe(404);
    expect((await org.cora.get('/api/plans/not-a-uuid')).status).toBe(404);
  });

  it('starts the workflow of an action row that a crash left with its start still pending', async () => {
    // What a crash between the commit and the workflow start leaves behind: the row and its intent.
    const [{ id }] = await stack.dataSource.query(
      `INSERT INTO action (plan_id, title, schedule_input, schedule, status, updated_at)
       VALUES ($1, 'Halvt skapad', '{}', '{"kind":"continuous","rule":null,"warnings":[]}', 'starting', now() - interval '1 minute') RETURNING id`,
      [planId],
    );
    await stack.dataSource.query(
      `INSERT INTO temporal_intent (kind, workflow_id, subject_id, payload, created_at) VALUES ('start-action', $1, $2, '{}', now() - interval '1 minute')`,
      [actionWorkflowId(id), id],
    );
    expect((await org.cora.get(`/api/actions/${id}`)).body).toMatchObject({ status: 'starting', followUp: 'pending' });
    await stack.api!.get(IntentReconciler).reconcile(); // or the periodic pass, whichever comes first
    await waitFor(async () => (await org.cora.get(`/api/actions/${id}`)).body, { until: (a) => a.status === 'active' && a.followUp === 'applied', what: 'the action started' });
    expect((await stack.client.workflow.getHandle(actionWorkflowId(id)).describe()).status.name).toBe('RUNNING');
    const [intent] = await stack.dataSource.query('SELECT outcome, attempts FROM temporal_intent WHERE subject_id = $1', [id]);
    expect(intent).toEqual({ outcome: 'applied', attempts: 1 });
  });

  it('previews the Övertorneå plan without writing, then imports it', async () => {
    const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'), 'utf8');
    const plan = (await org.cora.post('/api/plans', { title: 'Övertorneå', startDate: '2020-01-01' })).body;
    await org.admin.post('/api/units', { name: 'Staben' });
    const before = await count('action');

    const preview = await org.cora.post(`/api/plans/${plan.id}/import?dryRun=true`, { text, filename: 'handlingsplan.txt' });
    expect(preview.status).toBe(200);
    expect(preview.body.areas.map((a: { actions: unknown[] }) => a.actions.length)).toEqual([5, 3, 6, 3]);
    const visits = preview.body.areas[0].actions.find((a: { title: string }) => /företagsbesök/.test(a.title));
    expect(visits.schedule.kind).toBe('continuous');
    const survey = preview.body.areas[0].actions.find((a: { title: string }) => /Enkätundersökningar/.test(a.title));
    expect(survey.owners).toEqual(['Staben']);
    expect(survey.ownerMapping).toEqual({ unitIds: [expect.any(String)], personIds: [], unmatched: [] }); // "Staben" is a unit here
    expect(preview.body.areas[0].actions[0].ownerMapping.unmatched).toContain('KD');
    expect(await count('action')).toBe(before);

    const committed = await org.cora.post(`/api/plans/${plan.id}/import`, { text, filename: 'handlingsplan.txt' });
    expect(committed.status).toBe(200);
    expect(committed.body.created).toBe(17);
    const detail = (await org.cora.get(`/api/plans/${plan.id}`)).body;
    expect(detail.areas.map((a: { actions: unknown[] }) => a.actions.length)).toEqual([5, 3, 6, 3]);
    expect(detail.areas.flatMap((a: { actions: Array<{ status: string }> }) => a.actions.map((x) => x.status)).every((s: string) => s === 'active' || s === 'draft')).toBe(true);
  });

  it('follows an imported plan from the day of the import: nothing that fell due in earlier years opens or escalates', async () => {
    const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'), 'utf8');
    const plan = (await org.cora.post('/api/plans', { title: 'Antagen 2020, bevakad från i dag', startDate: '2020-01-01' })).body;
    const importedAt = Date.now();
    expect((await org.cora.post(`/api/plans/${plan.id}/import`, { text, filename: 'handlingsplan.txt' })).status).toBe(200);
    // The monthly Facebook row has an occurrence due at the end of this month: it opens at once.
    const opened = await waitFor(async () => (await org.cora.get(`/api/occurrences?planId=${plan.id}&pageSize=200`)).body.items as Array<{ due: string; status: string }>, {
      until: (items) => items.length > 0,
      what: 'the occurrences of this period',
    });
    await new Promise((r) => setTimeout(r, 2000)); // time for any past occurrence to open, were it to
    const all = (await org.cora.get(`/api/occurrences?planId=${plan.id}&pageSize=200`)).body.items as Array<{ id: string; due: string; status: string }>;
    expect(all.length).toBeGreaterThanOrEqual(opened.length);
    expect(all.filter((o) => Date.parse(o.due) < importedAt)).toEqual([]);
    expect(all.every((o) => o.status === 'open')).toBe(true);
    // The plan itself tells each action's unresolved occurrences, for the state at a glance.
    const detail = (await org.cora.get(`/api/plans/${plan.id}`)).body as { areas: Array<{ actions: Array<{ openOccurrences: Array<{ id: string; due: string; status: string }>; completedCount: number }> }> };
    const summaries = detail.areas.flatMap((a) => a.actions);
    expect(summaries.flatMap((a) => a.openOccurrences).map((o) => o.id).sort()).toEqual(all.map((o) => o.id).sort());
    expect(summaries.every((a) => a.completedCount === 0)).toBe(true);
    const [{ n }] = await stack.dataSource.query('SELECT count(*)::int AS n FROM escalation e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.plan_id = $1', [plan.id]);
    expect(n).toBe(0);
  });

  it('serves a frozen board report as JSON, HTML, PDF and XLSX; 404 before it is frozen', async () => {
    expect((await org.vera.get(`/api/plans/${planId}/reports/2026H1`)).status).toBe(404);
    await new ReportRepository(stack.dataSource.manager).freeze({ planId, key: '2026H1', startsAt: '2025-12-31T23:00:00.000Z', endsAt: '2026-06-30T22:00:00.000Z', frozenAt: new Date().toISOString() });
    const json = await org.vera.get(`/api/plans/${planId}/reports/2026H1`);
    expect(json.status).toBe(200);
    expect(json.body).toMatchObject({ plan: { id: planId }, period: { key: '2026H1' } });
    const html = await org.vera.get(`/api/plans/${planId}/reports/2026H1`).set('Accept', 'text/html');
    expect([html.status, html.headers['content-type']]).toEqual([200, 'text/html; charset=utf-8']);
    expect(html.text).toContain('Övertorneå');
    const binary = (format: string) => org.vera.get(`/api/plans/${planId}/reports/2026H1?format=${format}`).buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
    const pdf = await binary('pdf');
    expect(pdf.headers['content-disposition']).toMatch(/attachment; filename=".*2026H1\.pdf"/);
    expect((pdf.body as Buffer).subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await binary('xlsx');
    expect((xlsx.body as Buffer).subarray(0, 2).toString()).toBe('PK'); // a zip container
    const docx = await binary('docx');
    expect([docx.headers['content-type'], docx.headers['content-disposition']]).toEqual(['application/vnd.openxmlformats-officedocument.wordprocessingml.document', expect.stringMatching(/attachment; filename=".*2026H1\.docx"/)]);
    expect((await mammoth.extractRawText({ buffer: docx.body as Buffer })).value).toContain('Förslag till beslut');
    expect((await org.vera.get(`/api/plans/${planId}/reports/2026H1?format=doc`)).status).toBe(400);
  });

  it('drafts the report of a period still running, marked as a draft; a frozen period answers with its frozen report', async () => {
    const current = (await org.vera.get(`/api/plans/${planId}/reports`)).body.current.key as string;
    const snapshots = await count('report_snapshot');
    expect((await org.cora.get(`/api/plans/${planId}/reports/${current}`)).status).toBe(404);
    const draft = await org.cora.get(`/api/plans/${planId}/reports/${current}?draft=true`);
    expect(draft.status).toBe(200);
    expect(draft.body).toMatchObject({ draft: true, plan: { id: planId }, period: { key: current } });
    expect(Date.now() - Date.parse(draft.body.frozenAt)).toBeLessThan(60_000);
    const html = await org.cora.get(`/api/plans/${planId}/reports/${current}?draft=true&format=html`);
    expect(html.text).toContain('Utkast: perioden pågår');
    const frozen = await org.cora.get(`/api/plans/${planId}/reports/2026H1?draft=true`);
    expect(frozen.body.draft).toBeUndefined();
    expect(frozen.body.period.key).toBe('2026H1');
    const wrong = await org.cora.get(`/api/plans/${planId}/reports/2026H3?draft=true`);
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await org.cora.get(`/api/plans/${planId}/reports/${current}?draft=maybe`)).status).toBe(400);
    expect(await count('report_snapshot')).toBe(snapshots); // a draft is never stored
  });

  it('lists the frozen reports of a plan, newest first, with the period being followed now', async () => {
    await new ReportRepository(stack.dataSource.manager).freeze({ planId, key: '2025H2', startsAt: '2025-06-30T22:00:00.000Z', endsAt: '2025-12-31T23:00:00.000Z', frozenAt: '2026-01-01T00:00:05.000Z' });
    const listed = await org.vera.get(`/api/plans/${planId}/reports`);
    expect(listed.status).toBe(200);
    expect(listed.body.frozen.map((r: { key: string }) => r.key)).toEqual(['2026H1', '2025H2']);
    expect(listed.body.frozen[1]).toEqual({ key: '2025H2', startsAt: '2025-06-30T22:00:00.000Z', endsAt: '2025-12-31T23:00:00.000Z', frozenAt: '2026-01-01T00:00:05.000Z' });
    const year = new Date().getUTCFullYear();
    expect(listed.body.current.key).toMatch(new RegExp(`^${year}H[12]$|^${year + 1}H1$`));
    expect(Date.parse(listed.body.current.endsAt)).toBeGreaterThan(Date.now());
    expect((await org.vera.get('/api/plans/00000000-0000-4000-8000-000000000000/reports')).status).toBe(404);
  });

  it("applies the coordinator's corrections to rows, in the preview and in the commit", async () => {
    const text = readFileSync(path.join(__dirname, '..', 'fixtures', 'overtornea-plan.txt'), 'utf8');
    const plan = (await org.cora.post('/api/plans', { title: 'Rättad import', startDate: '2020-01-01' })).body;
    const corrections = [{ area: 1, row: 0, text: 'två gånger per år', when: '2021', ownerUnitIds: [org.ids.kultur] }];
    const preview = await org.cora.post(`/api/plans/${plan.id}/import?dryRun=true`, { text, corrections });
    expect(preview.status).toBe(200);
    const row = preview.body.areas[1].actions[0];
    expect(row).toMatchObject({ when: '2021', schedule: { kind: 'recurring', due: ['2021-06-30', '2021-12-31', '2022-06-30', '2022-12-31'] }, ownerMapping: { unitIds: [org.ids.kultur], unmatched: [] } });

    // The same through a file upload, where the corrections travel as a JSON form field.
    const uploaded = await org.cora
      .post(`/api/plans/${plan.id}/import?dryRun=true`)
      .attach('file', Buffer.from(text), 'handlingsplan.txt')
      .field('corrections', JSON.stringify(corrections));
    expect(uploaded.status).toBe(200);
    expect(uploaded.body.areas[1].actions[0]).toMatchObject({ when: '2021', ownerMapping: { unitIds: [org.ids.kultur] } });

    const wrong = await org.cora.post(`/api/plans/${plan.id}/import?dryRun=true`, { text, corrections: [{ area: 9, row: 0, text: 'årligen' }] });
    expect([wrong.status, wrong.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const committed = await org.cora.post(`/api/plans/${plan.id}/import`, { text, corrections });
    expect(committed.status).toBe(200);
    const action = (await org.cora.get(`/api/plans/${plan.id}`)).body.areas[1].actions[0];
    expect(action).toMatchObject({ when: '2021', ownerUnitIds: [org.ids.kultur], schedule: { kind: 'recurring' } });
  });

  it('refuses an import without a document, and an empty one', async () => {
    const missing = await org.cora.post(`/api/plans/${planId}/import?dryRun=true`, {});
    expect([missing.status, missing.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    const empty = await org.cora.post(`/api/plans/${planId}/import?dryRun=true`, { text: '   ' });
    expect(empty.status).toBeGreaterThanOrEqual(400);
    expect(empty.status).toBeLessThan(500);
  });
});
