import { DateTime } from 'luxon';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { ApiOrg, buildOrganisation } from './api-fixtures';

describe('substitutes', () => {
  let stack: TestStack;
  let org: ApiOrg;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'subs');
  });
  afterAll(() => stack?.close());

  it("a substitute sees and completes the absent owner's task inside the window only", async () => {
    const today = DateTime.now().setZone('Europe/Stockholm');
    const window = { substitutePersonId: org.ids.otto, startsOn: today.minus({ days: 1 }).toISODate(), endsOn: today.plus({ days: 1 }).toISODate() };
    const created = await org.cora.post(`/api/people/${org.ids.olle}/substitutes`, window);
    expect(created.status).toBe(201);
    const invalid = await org.cora.post(`/api/people/${org.ids.olle}/substitutes`, { ...window, startsOn: window.endsOn, endsOn: window.startsOn });
    expect([invalid.status, invalid.body.error.code]).toEqual([400, 'VALIDATION_FAILED']);

    const plan = (await org.cora.post('/api/plans', { title: 'Semesterplan', startDate: '2026-01-01' })).body;
    const action = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Rapport', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(3600)] }, policy: {} })).body;
    const [task] = await waitFor(async () => (await org.otto.get('/api/me/tasks')).body, { what: "the substitute's task" });
    expect(task.actionId).toBe(action.id);
    const done = await org.otto.post(`/api/occurrences/${task.id}/complete`, { note: 'Klart under Olles semester' });
    expect(done.body).toMatchObject({ status: 'completed', completion: { byPersonId: org.ids.otto, onBehalfOfPersonId: org.ids.olle } });

    // Once the window is gone, so is the right to act for Olle.
    expect((await org.cora.delete(`/api/people/${org.ids.olle}/substitutes/${created.body.id}`)).status).toBe(204);
    const second = (await org.cora.post(`/api/plans/${plan.id}/actions`, { title: 'Rapport 2', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(3600)] }, policy: {} })).body;
    const [occurrence] = await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${second.id}`)).body.items, { what: 'the second occurrence' });
    expect((await org.otto.get('/api/me/tasks')).body).toEqual([]);
    expect((await org.otto.post(`/api/occurrences/${occurrence.id}/complete`, {})).status).toBe(403);
  });
});
