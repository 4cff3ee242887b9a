import { actionWorkflowId, planReportingWorkflowId } from '../../workflows/contracts/engine';
import { ReportRepository } from '../../libs/persistence/repositories/report.repository';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation } from './api-fixtures';

// The coordinator's workbench over HTTP: plans edited, archived and restored; areas renamed and
// put in order; a schedule read back before it is saved; drafts; withdrawal with a reason.
describe("the coordinator's workbench", () => {
  let stack: TestStack;
  let org: ApiOrg;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'bench');
  });
  afterAll(() => stack?.close());

  const newPlan = async (title: string, extra: object = {}) => (await org.cora.post('/api/plans', { title, startDate: '2026-01-01', ...extra })).body as { id: string };
  const workflowState = (actionId: string) => stack.client.workflow.getHandle(actionWorkflowId(actionId)).query<{ status: string }>('state');
  const auditOf = async (planId: string) => ((await org.cora.get(`/api/plans/${planId}/audit`)).body as Array<{ entity: string; action: string; after: Record<string, unknown> }>).map((a) => `${a.entity} ${a.action}`);
  const rows = async (sql: string, params: unknown[]) => (await stack.dataSource.query(sql, params)) as Array<Record<string, unknown>>;

  describe('a notice policy read back as who gets what when', () => {
    it("says the reminders and the ladder for the action's owners, in Swedish and English, from the plan default or a given policy, and writes nothing", async () => {
      const plan = await newPlan('Policy i ord', { policy: { remindBefore: ['P14D', 'P1D'], escalateAfter: ['P7D', 'P14D'], repeatEvery: 'P7D', timing: 'working-days' } });
      const before = await rows('SELECT count(*)::int AS n FROM audit_log', []);
      const owners = { ownerPersonIds: [org.ids.olle] };
      const byDefault = await org.cora.post(`/api/plans/${plan.id}/policy-preview`, owners);
      expect(byDefault.status).toBe(200);
      expect(byDefault.body).toMatchObject({
        remindBefore: ['P14D', 'P1D'],
        escalateAfter: ['P7D', 'P14D'],
        reminders: '14 dagar och 1 dag före: Olle',
        ladder: 'dag 7: enhetschefen Ulla, dag 14: kommunchefen Kim, sedan varje vecka till kommunchefen Kim',
      });
      expect(byDefault.body.steps).toEqual([
        { step: 0, after: 'P7D', afterDays: 7, when: 'dag 7', role: 'unit-head', to: [{ personId: org.ids.ulla, name: 'Ulla' }], words: 'dag 7: enhetschefen Ulla' },
        { step: 1, after: 'P14D', afterDays: 14, when: 'dag 14', role: 'kommunchef', to: [{ personId: org.ids.kim, name: 'Kim' }], words: 'dag 14: kommunchefen Kim' },
      ]);

      const given = await org.cora.post(`/api/plans/${plan.id}/policy-preview`, { ...owners, policy: { remindBefore: ['P1W'], escalateAfter: ['P3D'] }, language: 'en' });
      expect(given.body).toMatchObject({ reminders: '1 week before: Olle', ladder: 'day 3: the unit head Ulla', repeat: null });
      // Otto's unit (Kultur) has no head: the first step goes to the kommunchef.
      const otto = await org.cora.post(`/api/plans/${plan.id}/policy-preview`, { ownerPersonIds: [org.ids.otto] });
      expect(otto.body.ladder).toBe('dag 7: kommunchefen Kim, dag 14: kommunchefen Kim, sedan varje vecka till kommunchefen Kim');

      const bad = await org.cora.post(`/api/plans/${plan.id}/policy-preview`, { ...owners, policy: { remindBefore: ['14 dagar före'] } });
      expect(bad.status).toBe(400);
      expect(JSON.stringify(bad.body)).toContain('policy.remindBefore[0]');
      expect((await org.olle.post(`/api/plans/${plan.id}/policy-preview`, owners)).status).toBe(403);
      expect(await rows('SELECT count(*)::int AS n FROM audit_log', [])).toEqual(before);
    });
  });

  describe('a schedule read back as it is typed', () => {
    it('gives the kind, the next five due dates and the warnings, from the plan start, and writes nothing', async () => {
      const plan = await newPlan('Förhandsvisning');
      const before = await rows('SELECT count(*)::int AS n FROM action', []);
      const twice = await org.cora.post(`/api/plans/${plan.id}/schedule-preview`, { text: 'Informationsmöten två gånger per år', when: 'Q1 2020' });
      expect(twice.status).toBe(200);
      expect(twice.body).toMatchObject({ kind: 'recurring', rule: { type: 'perYear', perYear: 2 }, followable: true });
      expect(twice.body.nextDue).toHaveLength(5);
      expect(twice.body.nextDue.every((d: string) => /-(06-30|12-31)$/.test(d))).toBe(true);

      const vague = await org.cora.post(`/api/plans/${plan.id}/schedule-preview`, { text: 'inför budgetarbetet' });
      expect(vague.body).toMatchObject({ kind: 'unreadable', followable: false, nextDue: [] });
      expect(vague.body.warnings.length).toBeGreaterThan(0);
      expect((await org.cora.post(`/api/plans/${plan.id}/schedule-preview`, { text: 'Löpande' })).body).toMatchObject({ kind: 'continuous', followable: true });
      expect(await rows('SELECT count(*)::int AS n FROM action', [])).toEqual(before);
      expect((await org.olle.post(`/api/plans/${plan.id}/schedule-preview`, { text: 'årligen' })).status).toBe(403);
    });
  });

  describe('actions by hand', () => {
    it('an unreadable schedule is refused, unless saved as a draft: no workflow, on the balance list', async () => {
      const plan = await newPlan('Utkast för hand');
      const refused = await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Samtal', schedule: { text: 'när andan faller på' } });
      expect([refused.status, refused.body.error.code]).toEqual([422, 'SCHEDULE_UNREADABLE']);
      const draft = await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Samtal', schedule: { text: 'när andan faller på' }, draft: true });
      expect([draft.status, draft.body.status, draft.body.schedule.kind]).toEqual([201, 'draft', 'unreadable']);
      const noSchedule = await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Vem driver frågan vidare?', draft: true });
      expect([noSchedule.status, noSchedule.body.status]).toEqual([201, 'draft']);
      expect(await rows('SELECT count(*)::int AS n FROM temporal_intent WHERE subject_id = ANY($1::uuid[])', [[draft.body.id, noSchedule.body.id]])).toEqual([{ n: 0 }]);

      // Given a readable schedule later, the draft starts.
      const started = await org.cora.patch(`/api/actions/${draft.body.id}`, { schedule: { text: 'årligen', when: '2027' } });
      expect(started.body.status).toMatch(/starting|active/);
      await waitFor(() => workflowState(draft.body.id), { until: (s) => s.status === 'active', what: "the former draft's workflow" });
      // With draft: true and a readable schedule it is simply followed up.
      const readable = await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Enkät', schedule: { text: 'en gång per år', when: '2027' }, draft: true });
      expect(readable.body.status).toMatch(/starting|active/);
    });

    it('a withdrawal carries its reason into the audit log', async () => {
      const plan = await newPlan('Återkallas');
      const action = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Mässa', schedule: { text: 'årligen', when: '2027' } })).body;
      const withdrawn = await org.cora.post(`/api/actions/${action.id}/withdraw`, { reason: 'Mässan är inställd' });
      expect([withdrawn.status, withdrawn.body.status]).toEqual([200, 'withdrawn']);
      const audit = (await org.cora.get(`/api/actions/${action.id}/audit`)).body as Array<{ action: string; after: { reason?: string } }>;
      expect(audit[0]).toMatchObject({ action: 'withdrawn', after: { reason: 'Mässan är inställd' } });
      expect((await org.cora.post(`/api/actions/${action.id}/withdraw`, {})).status).toBe(400); // a reason is needed
    });
  });

  describe('areas', () => {
    it('are created, renamed (unique in the plan) and put in order; actions move between them', async () => {
      const plan = await newPlan('Områden');
      const a = (await org.cora.post(`/api/plans/${plan.id}/areas`, { title: 'Inköp' })).body;
      const b = (await org.cora.post(`/api/plans/${plan.id}/areas`, { title: '  Service  ' })).body;
      const c = (await org.cora.post(`/api/plans/${plan.id}/areas`, { title: 'Kompetens' })).body;
      expect([a.position, b.title, b.position, c.position]).toEqual([0, 'Service', 1, 2]);
      expect((await org.cora.post(`/api/plans/${plan.id}/areas`, { title: 'Inköp' })).body.id).toBe(a.id); // the same title is the same area

      const renamed = await org.cora.patch(`/api/plans/${plan.id}/areas/${a.id}`, { title: 'Inköp och upphandling' });
      expect([renamed.status, renamed.body.title]).toEqual([200, 'Inköp och upphandling']);
      const clash = await org.cora.patch(`/api/plans/${plan.id}/areas/${b.id}`, { title: 'Kompetens' });
      expect([clash.status, clash.body.error.code]).toEqual([409, 'CONFLICT']);
      expect((await org.cora.patch(`/api/plans/${plan.id}/areas/${b.id}`, { title: '   ' })).status).toBe(400);

      await org.cora.patch(`/api/plans/${plan.id}/areas/${c.id}`, { position: 0 });
      const action = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Företagsbesök', area: 'Service', schedule: { text: 'Löpande' } })).body;
      const order = async () => ((await org.cora.get(`/api/plans/${plan.id}`)).body.areas as Array<{ title: string; actions: Array<{ title: string }> }>).map((x) => [x.title, x.actions.map((y) => y.title)]);
      expect(await order()).toEqual([
        ['Kompetens', []],
        ['Inköp och upphandling', []],
        ['Service', ['Företagsbesök']],
      ]);
      await org.cora.patch(`/api/actions/${action.id}`, { area: 'Kompetens' });
      expect((await order())[0]).toEqual(['Kompetens', ['Företagsbesök']]);

      const other = await newPlan('Annan plan');
      expect((await org.cora.patch(`/api/plans/${other.id}/areas/${a.id}`, { title: 'X' })).status).toBe(404); // not that plan's area
      expect(await auditOf(plan.id)).toEqual(expect.arrayContaining(['area created', 'area updated']));
    });
  });

  describe('editing a plan', () => {
    it("reads schedules in words again from a new start; the new default policy reaches actions without their own; the cadence reaches the reporting workflow", async () => {
      const plan = await newPlan('Ändras', { reportingCadence: 'half-yearly' });
      const words = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Utbildning', schedule: { text: 'en gång', when: 'Q2' } })).body;
      const own = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Egen policy', schedule: { text: 'årligen', when: '2027' }, policy: { escalateAfter: ['P3D'] } })).body;
      expect(words.schedule.due).toBe('2026-06-30');

      const changed = await org.cora.patch(`/api/plans/${plan.id}`, { title: 'Ändrad', startDate: '2027-01-01', reportingCadence: 'quarterly', policy: { remindBefore: ['P7D'], escalateAfter: ['P10D'] } });
      expect([changed.status, changed.body.error]).toEqual([200, undefined]);
      expect(changed.body).toMatchObject({ title: 'Ändrad', startDate: '2027-01-01', reportingCadence: 'quarterly', policy: { remindBefore: ['P7D'], escalateAfter: ['P10D'] }, followUp: 'applied' });
      expect((await org.cora.get(`/api/actions/${words.id}`)).body.schedule.due).toBe('2027-06-30');
      // The revisions went to the workflows of the followed actions; an action's own policy stays.
      const revisions = new Map((await rows(`SELECT subject_id, payload FROM temporal_intent WHERE kind = 'revise-action' AND subject_id = ANY($1::uuid[])`, [[words.id, own.id]])).map((r) => [r.subject_id, r.payload as Record<string, unknown>]));
      expect(revisions.get(words.id)).toMatchObject({ schedule: { due: '2027-06-30' }, policy: { remindBefore: ['P7D'], escalateAfter: ['P10D'] } });
      expect(revisions.get(own.id)?.policy).toBeUndefined();
      expect((await org.cora.get(`/api/actions/${own.id}`)).body.policy).toMatchObject({ escalateAfter: ['P3D'] });
      const reporting = stack.client.workflow.getHandle(planReportingWorkflowId(plan.id));
      await waitFor(() => reporting.query<{ current?: { key: string } }>('state'), { until: (s) => /Q\d$/.test(s.current?.key ?? ''), what: 'the reporting workflow following quarters' });
      expect(await auditOf(plan.id)).toContain('plan updated');
    });

    it('an unknown timezone is refused and changes nothing', async () => {
      const plan = await newPlan('Krock', { timezone: 'Europe/Stockholm' });
      await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Utbildning', schedule: { text: 'en gång', when: 'Q2' } });
      const bad = await org.cora.patch(`/api/plans/${plan.id}`, { timezone: 'Mars/Olympus' });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
      expect((await org.cora.get(`/api/plans/${plan.id}`)).body.timezone).toBe('Europe/Stockholm');
    });
  });

  describe('archiving a plan', () => {
    it('stops all follow-up, refuses changes, keeps the plan readable, and a restore resumes what ran (not what was paused)', async () => {
      const plan = await newPlan('Arkiveras');
      const running = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Möte', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(4)] }, policy: { escalateAfter: ['PT1S'] } })).body;
      const pausedAlone = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Vilande', schedule: { text: 'årligen', when: '2027' } })).body;
      await waitFor(() => workflowState(running.id), { until: (s) => s.status === 'active', what: 'the running workflow' });
      await org.cora.post(`/api/actions/${pausedAlone.id}/pause`, { reason: 'Egen paus' });

      const archived = await org.cora.post(`/api/plans/${plan.id}/archive`, { reason: 'Ersatt av en ny plan' });
      expect([archived.status, archived.body.archiveReason, archived.body.followUp]).toEqual([200, 'Ersatt av en ny plan', 'applied']);
      expect(archived.body.archivedAt).toEqual(expect.any(String));
      expect((await workflowState(running.id)).status).toBe('paused');
      expect((await org.cora.post(`/api/plans/${plan.id}/archive`, { reason: 'igen' })).body.archiveReason).toBe('Ersatt av en ny plan'); // already archived

      // Nothing in it changes while archived.
      for (const [method, path, body] of [
        ['post', `/api/plans/${plan.id}/actions`, { title: 'Ny', schedule: { text: 'Löpande' } }],
        ['patch', `/api/plans/${plan.id}`, { title: 'Nytt namn' }],
        ['post', `/api/plans/${plan.id}/import`, { text: 'AKTIVITET;NÄR;ANSVAR\nMöte;Q1 2030;Kultur' }],
        ['post', `/api/plans/${plan.id}/areas`, { title: 'Nytt' }],
        ['patch', `/api/actions/${running.id}`, { title: 'Ändrad' }],
        ['post', `/api/actions/${pausedAlone.id}/resume`, {}],
        ['post', `/api/actions/${running.id}/withdraw`, { reason: 'Prov' }],
      ] as const) {
        const refused = await (method === 'post' ? org.cora.post(path, body) : org.cora.patch(path, body));
        expect([path, refused.status, refused.body.error?.code]).toEqual([path, 409, 'PLAN_ARCHIVED']);
      }

      // Its occurrence falls due while archived: no notice is sent, and the plan stays readable.
      await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${running.id}`)).body.items as Array<{ due: string }>, {
        until: (items) => items.length > 0 && Date.parse(items[0].due) + 3000 < Date.now(),
        what: 'the due instant and the escalation step passed',
      });
      expect(await rows('SELECT n.kind FROM occurrence_notice n JOIN occurrence o ON o.id = n.occurrence_id WHERE o.action_id = $1', [running.id])).toEqual([]);
      expect((await org.vera.get(`/api/plans/${plan.id}`)).status).toBe(200);
      expect((await org.cora.get('/api/plans')).body.find((p: { id: string }) => p.id === plan.id).archivedAt).toEqual(expect.any(String));
      // Its reports to the board stay readable, a frozen one as it was frozen.
      await new ReportRepository(stack.dataSource.manager).freeze({ planId: plan.id, key: '2026H1', startsAt: '2025-12-31T23:00:00.000Z', endsAt: '2026-06-30T22:00:00.000Z', frozenAt: '2026-07-01T00:00:01.000Z' });
      expect((await org.vera.get(`/api/plans/${plan.id}/reports`)).body.frozen.map((r: { key: string }) => r.key)).toEqual(['2026H1']);
      const report = await org.vera.get(`/api/plans/${plan.id}/reports/2026H1`);
      expect([report.status, report.body.plan.title, report.body.period.key]).toEqual([200, 'Arkiveras', '2026H1']);

      const restored = await org.cora.post(`/api/plans/${plan.id}/restore`, { reason: 'Gäller igen' });
      expect([restored.status, restored.body.archivedAt, restored.body.archiveReason]).toEqual([200, null, null]);
      expect((await workflowState(running.id)).status).toBe('active');
      expect((await workflowState(pausedAlone.id)).status).toBe('paused');
      expect((await org.cora.get(`/api/actions/${pausedAlone.id}`)).body.status).toBe('paused');
      await waitFor(() => rows('SELECT n.kind FROM occurrence_notice n JOIN occurrence o ON o.id = n.occurrence_id WHERE o.action_id = $1', [running.id]), {
        until: (notices) => notices.some((n) => n.kind === 'overdue'),
        what: 'the overdue notice, once restored',
      });
      expect(await auditOf(plan.id)).toEqual(expect.arrayContaining(['plan archived', 'plan restored']));
      expect((await org.olle.post(`/api/plans/${plan.id}/archive`, { reason: 'x' })).status).toBe(403);
    });
  });
});
