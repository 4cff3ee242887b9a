import { inSeconds, waitFor } from '../support/wait-for';
import { startTestStack, TestStack } from '../support/test-stack';
import { ApiOrg, buildOrganisation } from './api-fixtures';

// Issue 16, point 4: escalations read the organisation chart when a step fires, so a chart
// re-imported between two steps sends the second step to the head the new file names. Real API,
// worker and Temporal; the test waits for states, never for times.
describe('escalations follow a re-imported organisation chart', () => {
  let stack: TestStack;
  let org: ApiOrg;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await buildOrganisation(stack.api!, 'chart');
  });
  afterAll(() => stack?.close());

  const chart = (kommunledningHead: string) =>
    [
      'Enhet;Ingår i;Namn;E-post;Roller;Chef',
      `Kommunledning;;Kim;kim.chart@kommun.se;chef;${kommunledningHead === 'kim' ? 'ja' : ''}`,
      `Kommunledning;;Nora Kommunchef;nora.chart@kommun.se;chef;${kommunledningHead === 'nora' ? 'ja' : ''}`,
      'Kommunledning;;Cora;cora.chart@kommun.se;samordnare;',
      'Samhällsbyggnad;Kommunledning;Ulla;ulla.chart@kommun.se;;ja',
      'Samhällsbyggnad;;Olle;olle.chart@kommun.se;;',
    ].join('\n');

  it('sends the second escalation step to the unit head named by an import made after the first step', async () => {
    // Nora joins through the chart first; Kim still heads Kommunledning.
    const first = await org.cora.post('/api/organisation/import', { text: chart('kim') });
    expect([first.status, first.body.applied.people.created, first.body.units.changed]).toEqual([200, 1, []]);
    const plan = (await org.cora.post('/api/plans', { title: 'Plan med ny kommunchef', startDate: '2026-01-01' })).body;
    const action = await org.cora.post(`/api/plans/${plan.id}/actions`, {
      title: 'Rapportera till kommunledningen',
      area: 'Ledning',
      ownerPersonIds: [org.ids.olle],
      schedule: { due: [inSeconds(2)] },
      policy: { escalateAfter: ['PT1S', 'PT8S'] },
    });
    expect(action.status).toBe(201);
    const occurrence = async () => (await org.cora.get(`/api/occurrences?actionId=${action.body.id}`)).body.items[0];

    await waitFor(occurrence, { until: (o) => o?.escalationLevel === 1, what: 'the first escalation step (to Ulla)' });
    const reimport = await org.cora.post('/api/organisation/import', { text: chart('nora') });
    expect(reimport.body.units.changed).toEqual([expect.objectContaining({ name: 'Kommunledning', changes: [{ field: 'head', from: 'Kim', to: 'Nora Kommunchef' }] })]);
    // The import must land between the steps for the test to mean anything.
    expect((await occurrence()).escalationLevel).toBe(1);

    const escalated = await waitFor(occurrence, { until: (o) => o?.escalationLevel === 2, what: 'the second escalation step' });
    const history = (await org.cora.get(`/api/occurrences/${escalated.id}/history`)).body as Array<{ type: string; kind: string; person: string | null }>;
    expect(history.filter((h) => h.kind.startsWith('escalation')).map((h) => `${h.kind}:${h.person}`)).toEqual(['escalation-1:Ulla', 'escalation-2:Nora Kommunchef']);
    expect((await org.kim.get('/api/escalations?to=me')).body).toEqual([]);
  });
});
