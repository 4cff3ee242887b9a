import { inSeconds, waitFor } from '../support/wait-for';
import { startTestStack, TestStack } from '../support/test-stack';
import { ApiOrg, buildOrganisation } from './api-fixtures';

// PRODUCT.md's acceptance scenarios through the public HTTP API, on the real engine.
describe('acceptance: an action through reminders, escalations and completion', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'acc');
    const plan = await org.cora.post('/api/plans', { title: 'Handlingsplan för näringslivsklimatet', startDate: '2026-01-01' });
    expect(plan.status).toBe(201);
    planId = plan.body.id;
  });
  afterAll(() => stack?.close());

  const occurrencesOf = async (actionId: string) => (await org.cora.get(`/api/occurrences?actionId=${actionId}`)).body.items;

  it('reminds the owner, escalates to the unit head and the kommunchef; the owner completes it late', async () => {
    const created = await org.cora.post(`/api/plans/${planId}/actions`, {
      title: 'Informationsmöte om kommande upphandlingar',
      area: 'Inköp och upphandling',
      ownerPersonIds: [org.ids.olle],
      schedule: { due: [inSeconds(4)] },
      policy: { remindBefore: ['PT2S'], escalateAfter: ['PT3S', 'PT6S'] },
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ status: 'active', area: 'Inköp och upphandling', schedule: { kind: 'once' } });
    const actionId = created.body.id;

    const [task] = await waitFor(async () => (await org.olle.get('/api/me/tasks')).body, { what: "Olle's task" });
    expect(task).toMatchObject({ actionId, status: 'open' });

    await waitFor(() => occurrencesOf(actionId), { until: (items) => items[0]?.escalationLevel === 2, timeoutMs: 30_000, what: 'the second escalation' });
    const toUlla = (await org.ulla.get('/api/escalations?to=me')).body;
    const toKim = (await org.kim.get('/api/escalations?to=me')).body;
    expect(toUlla.map((e: { step: number }) => e.step)).toEqual([0]);
    expect(toKim).toEqual([expect.objectContaining({ step: 1, owners: ['Olle'], occurrence: expect.objectContaining({ actionId, status: 'escalated' }) })]);
    expect(toKim[0].lateSeconds).toBeGreaterThanOrEqual(5);

    const ack = await org.kim.post(`/api/escalations/${toKim[0].id}/acknowledge`);
    expect(ack.status).toBe(200);
    expect(ack.body.acknowledgedAt).not.toBeNull();
    expect((await org.ulla.post(`/api/escalations/${toKim[0].id}/acknowledge`)).status).toBe(403);

    const done = await org.olle.post(`/api/occurrences/${task.id}/complete`, { note: 'Mötet hölls', evidenceUrl: 'https://kommun.se/protokoll/7' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'completed', completion: { byPersonId: org.ids.olle, byName: 'Olle', onTime: false, note: 'Mötet hölls', evidenceUrl: 'https://kommun.se/protokoll/7' } });
    expect(Date.parse(done.body.completion.at)).toBeGreaterThan(Date.parse(done.body.due));
    // A second completion is an idempotent success; the first one stands.
    const again = await org.olle.post(`/api/occurrences/${task.id}/complete`, { note: 'igen' });
    expect([again.status, again.body.completion.note]).toEqual([200, 'Mötet hölls']);
    expect((await org.olle.post(`/api/occurrences/${task.id}/skip`, { reason: 'för sent' })).status).toBe(403);
    expect((await org.cora.post(`/api/occurrences/${task.id}/skip`, { reason: 'för sent' })).status).toBe(409);
    expect((await org.olle.get('/api/me/tasks')).body).toEqual([]);

    const history = (await org.vera.get(`/api/occurrences/${task.id}/history`)).body as Array<{ type: string; kind: string; person: string | null }>;
    expect(history.map((h) => `${h.type}:${h.kind}:${h.person ?? ''}`)).toEqual([
      'transition:opened:',
      'notice:reminder:Olle',
      'notice:overdue:Olle',
      'transition:overdue:',
      'notice:escalation-1:Ulla',
      'transition:escalated:',
      'notice:escalation-2:Kim',
      'transition:escalated:',
      'transition:completed:Olle',
    ]);
  });

  it('the coordinator moves a due date and the running workflow honours it', async () => {
    const { body: action } = await org.cora.post(`/api/plans/${planId}/actions`, {
      title: 'Enkät till företagen',
      ownerPersonIds: [org.ids.olle],
      schedule: { due: [inSeconds(3600)] },
      policy: { escalateAfter: ['PT30S'] },
    });
    const [occurrence] = await waitFor(() => occurrencesOf(action.id), { what: 'the occurrence' });
    expect(occurrence.status).toBe('open');
    const moved = await org.cora.post(`/api/occurrences/${occurrence.id}/postpone`, { due: inSeconds(2), reason: 'Tidigarelagt' });
    expect(moved.status).toBe(200);
    await waitFor(() => occurrencesOf(action.id), { until: (items) => items[0].status === 'overdue', timeoutMs: 15_000, what: 'overdue at the new due time' });
    const past = await org.cora.post(`/api/occurrences/${occurrence.id}/postpone`, { due: '2020-01-01', reason: 'bakåt' });
    expect([past.status, past.body.error.code, past.body.error.message]).toEqual([409, 'INVALID_TRANSITION', 'The new due date must be in the future']);
  });

  it('editing an action revises its running workflow; deleting withdraws it', async () => {
    const { body: action } = await org.cora.post(`/api/plans/${planId}/actions`, {
      title: 'Internutbildning i upphandlingar',
      ownerPersonIds: [org.ids.olle],
      schedule: { text: 'Internutbildning vartannat år', when: '2030' },
    });
    expect(action.nextDue[0]).toBe('2030-12-31');
    const patched = await org.cora.patch(`/api/actions/${action.id}`, { schedule: { due: [inSeconds(2)] }, policy: { escalateAfter: [] } });
    expect(patched.status).toBe(200);
    const [occurrence] = await waitFor(() => occurrencesOf(action.id), { what: 'the revised occurrence' });
    expect(Date.parse(occurrence.due)).toBeLessThan(Date.now() + 10_000);

    expect((await org.cora.delete(`/api/actions/${action.id}`)).status).toBe(204);
    await waitFor(() => occurrencesOf(action.id), { until: (items) => items[0].status === 'cancelled', what: 'the occurrence cancelled' });
    expect((await org.cora.get(`/api/actions/${action.id}`)).body.status).toBe('withdrawn');
    const audit = (await org.cora.get(`/api/actions/${action.id}/audit`)).body;
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['withdrawn', 'updated', 'created']);
    expect(audit[0].actorName).toBe('Cora');
  });

  it("an action without a policy follows its plan's default policy", async () => {
    const plan = (await org.cora.post('/api/plans', { title: 'Snabbplan', startDate: '2026-01-01', policy: { escalateAfter: ['PT1S'] } })).body;
    expect(plan.policy).toMatchObject({ remindBefore: [], escalateAfter: ['PT1S'], timing: 'exact' });
    const action = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Utan egen policy', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(1)] } })).body;
    expect(action.policy).toBeNull();
    await waitFor(() => occurrencesOf(action.id), { until: (items) => items[0]?.status === 'escalated', what: "the plan policy's escalation" });
  });
});
