import { actionWorkflowId } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation } from './api-fixtures';

type Occurrence = { id: string; status: string; due: string };

// POST /api/actions/:id/pause and /resume: the read model, the audit log and the running workflow.
describe('pausing and resuming an action', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'pause');
    planId = (await org.cora.post('/api/plans', { title: 'Paus', startDate: '2026-01-01' })).body.id;
  });
  afterAll(() => stack?.close());

  const occurrencesOf = async (actionId: string) => (await org.cora.get(`/api/occurrences?actionId=${actionId}`)).body.items as Occurrence[];
  const workflowState = (actionId: string) => stack.client.workflow.getHandle(actionWorkflowId(actionId)).query<{ status: string; openOccurrences: string[] }>('state');
  const noticesOf = async (actionId: string) => ((await stack.dataSource.query('SELECT kind FROM notification WHERE action_id = $1', [actionId])) as Array<{ kind: string }>).map((n) => n.kind);
  const auditOf = async (actionId: string) => ((await org.cora.get(`/api/actions/${actionId}/audit`)).body as Array<{ action: string; after: { reason?: string } }>).map((a) => [a.action, a.after?.reason]);

  it('a paused action opens nothing and sends nothing until it is resumed; both are audited with their reasons', async () => {
    // Two instants on different days: the second opens when the first falls due, unless paused.
    const schedule = { due: [inSeconds(3), inSeconds(3 * 86_400)] };
    const action = (await org.cora.post(`/api/plans/${planId}/actions`, { title: 'Två möten', ownerPersonIds: [org.ids.olle], schedule, policy: {} })).body;
    await waitFor(() => occurrencesOf(action.id), { what: 'the first occurrence' });

    const paused = await org.cora.post(`/api/actions/${action.id}/pause`, { reason: 'Budgeten är inte beslutad' });
    expect([paused.status, paused.body.status, paused.body.followUp]).toEqual([200, 'paused', 'applied']);
    expect((await workflowState(action.id)).status).toBe('paused');
    // Pausing again changes nothing and writes nothing.
    expect((await org.cora.post(`/api/actions/${action.id}/pause`, { reason: 'igen' })).body.status).toBe('paused');

    // The first is now past due; paused, the workflow has not opened the second.
    await waitFor(() => occurrencesOf(action.id), { until: (items) => Date.parse(items[0].due) < Date.now(), what: 'the first due instant passed' });
    expect((await workflowState(action.id)).openOccurrences).toHaveLength(1);
    expect(await occurrencesOf(action.id)).toHaveLength(1);
    expect(await noticesOf(action.id)).toEqual([]); // its overdue notice waits too

    const resumed = await org.cora.post(`/api/actions/${action.id}/resume`, {});
    expect([resumed.status, resumed.body.status, resumed.body.followUp]).toEqual([200, 'active', 'applied']);
    await waitFor(() => occurrencesOf(action.id), { until: (items) => items.length === 2, what: 'the second occurrence, once resumed' });
    await waitFor(() => noticesOf(action.id), { until: (kinds) => kinds.includes('overdue'), what: "the first occurrence's overdue notice, once resumed" });
    expect((await workflowState(action.id)).status).toBe('active'); // no longer paused: both have opened and are followed
    expect((await org.cora.post(`/api/actions/${action.id}/resume`, { reason: 'igen' })).body.status).toBe('active');
    expect(await auditOf(action.id)).toEqual([
      ['resumed', undefined],
      ['paused', 'Budgeten är inte beslutad'],
      ['created', undefined],
    ]);
  });

  it('a draft or a withdrawn action cannot be paused or resumed (409); a pause needs a reason (400)', async () => {
    const plan = (await org.cora.post('/api/plans', { title: 'Utkast', startDate: '2026-01-01' })).body;
    const imported = await org.cora.post(`/api/plans/${plan.id}/import`, { text: 'AKTIVITET;NÄR;ANSVAR\nSamtal med företagen;när andan faller på;Kultur' });
    const [draft] = imported.body.drafts;
    for (const change of ['pause', 'resume']) {
      const refused = await org.cora.post(`/api/actions/${draft.id}/${change}`, { reason: 'Prov' });
      expect([refused.status, refused.body.error.code]).toEqual([409, 'INVALID_TRANSITION']);
    }
    const action = (await org.cora.post(`/api/plans/${planId}/actions`, { title: 'Tas bort', schedule: { text: 'årligen', when: '2030' } })).body;
    const missing = await org.cora.post(`/api/actions/${action.id}/pause`, {});
    expect([missing.status, missing.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);
    expect((await org.cora.delete(`/api/actions/${action.id}`)).status).toBe(204);
    for (const change of ['pause', 'resume']) expect((await org.cora.post(`/api/actions/${action.id}/${change}`, { reason: 'Prov' })).status).toBe(409);
    expect((await org.cora.post('/api/actions/00000000-0000-4000-8000-000000000000/pause', { reason: 'Prov' })).status).toBe(404);
    expect(await auditOf(action.id)).toEqual([
      ['withdrawn', 'Borttagen ur planen'],
      ['created', undefined],
    ]);
  });
});
