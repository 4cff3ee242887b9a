import { IntentExecutor } from '../../apps/api/engine/intent-executor';
import { intents } from '../../apps/api/engine/intents';
import { IntentRepository, IntentRow } from '../../libs/persistence/repositories/intent.repository';
import { actionStateQuery, actionWorkflowId } from '../../workflows/contracts/engine';
import { LEGACY_OCCURRENCE_WORKFLOW, legacyOccurrenceWorkflowId, LegacyOccurrenceInput } from '../../workflows/contracts/legacy';
import { ApiOrg, buildOrganisation } from '../api/api-fixtures';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';

// The outbox of Temporal commands: claimed one at a time and in order per workflow, and safe to
// carry out again when a crash came between the Temporal call and recording that it was made.
describe('intents', () => {
  let stack: TestStack;
  let org: ApiOrg;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true, env: { BEVAKA_RECONCILE_INTERVAL_MS: '3600000' } });
    org = await buildOrganisation(stack.api!, 'intents');
    planId = (await org.cora.post('/api/plans', { title: 'Avsikter', startDate: '2026-01-01' })).body.id;
  });
  afterAll(() => stack?.close());

  const repository = () => new IntentRepository(stack.dataSource.manager);
  const row = (id: string, intent: ReturnType<typeof intents.withdrawAction>): IntentRow => ({ ...intent, id, createdAt: new Date(), attempts: 1 });

  it('are claimed one at a time and in order per workflow; a lapsed claim frees the intent', async () => {
    const subject = '00000000-0000-4000-8000-00000000000a';
    const workflowId = `test:${subject}`;
    const first = await repository().enqueue({ kind: 'pause-action', workflowId, subjectId: subject, payload: {} });
    const second = await repository().enqueue({ kind: 'resume-action', workflowId, subjectId: subject, payload: {} });
    const [a, b] = await Promise.all([repository().claimNext(workflowId, 60), repository().claimNext(workflowId, 60)]);
    expect([a?.id, b?.id].filter(Boolean)).toEqual([first]); // one claim, on the oldest
    expect(await repository().claimNext(workflowId, 60)).toBeUndefined(); // the second waits for the first
    await stack.dataSource.query(`UPDATE temporal_intent SET claimed_until = now() - interval '1 second' WHERE id = $1`, [first]);
    expect((await repository().claimNext(workflowId, 60))?.id).toBe(first); // its holder died: free again
    await repository().finish(first, 'applied');
    expect((await repository().claimNext(workflowId, 60))?.id).toBe(second);
    expect(await repository().pendingSubjects([subject])).toEqual(new Set([subject]));
    await repository().finish(second, 'applied');
    expect(await repository().pendingSubjects([subject])).toEqual(new Set());
  });

  it('carried out twice, a start, a postponement and a withdrawal change nothing the second time', async () => {
    const executor = stack.api!.get(IntentExecutor);
    const action = (await org.cora.post(`/api/plans/${planId}/actions`, { title: 'Två gånger', ownerPersonIds: [org.ids.olle], schedule: { due: [inSeconds(3600)] }, policy: {} })).body;
    const run = (await stack.client.workflow.getHandle(actionWorkflowId(action.id)).describe()).runId;
    const [occurrence] = await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${action.id}`)).body.items, { what: 'the occurrence' });

    // Start: the running workflow is kept.
    const start = row('900001', intents.startAction(action.id, new Date().toISOString()));
    expect((await executor.execute(start, 5000)).outcome).toBe('applied');
    expect((await stack.client.workflow.getHandle(actionWorkflowId(action.id)).describe()).runId).toBe(run);

    // A postponement is recorded by the API and told to the workflow; told twice, it follows it once.
    const due = inSeconds(7200);
    expect((await org.cora.post(`/api/occurrences/${occurrence.id}/postpone`, { due, reason: 'Två gånger' })).status).toBe(200);
    const [told] = await stack.dataSource.query(`SELECT payload FROM temporal_intent WHERE kind = 'occurrence-changed' AND subject_id = $1`, [occurrence.id]);
    const changed = row('900002', intents.occurrenceChanged(actionWorkflowId(action.id), told.payload));
    expect((await executor.execute(changed, 5000)).outcome).toBe('applied');
    expect((await executor.execute(changed, 5000)).outcome).toBe('applied');
    const history = (await org.cora.get(`/api/occurrences/${occurrence.id}/history`)).body as Array<{ kind: string }>;
    expect(history.filter((h) => h.kind === 'postponed')).toHaveLength(1);
    const state = await stack.client.workflow.getHandle(actionWorkflowId(action.id)).query(actionStateQuery);
    expect(state.occurrences).toEqual([expect.objectContaining({ periodKey: occurrence.periodKey, dueInstant: due })]);

    // Withdraw: the second finds the workflow ended; the occurrence was cancelled once.
    const withdraw = row('900003', intents.withdrawAction(action.id, { reason: 'Två gånger' }));
    expect((await executor.execute(withdraw, 5000)).outcome).toBe('applied');
    await waitFor(() => stack.client.workflow.getHandle(actionWorkflowId(action.id)).describe(), { until: (d) => d.status.name === 'COMPLETED', what: 'the workflow ended' });
    expect((await executor.execute(withdraw, 5000)).outcome).toBe('moot');
    await waitFor(async () => (await org.cora.get(`/api/occurrences/${occurrence.id}/history`)).body as Array<{ kind: string }>, {
      until: (entries) => entries.some((h) => h.kind === 'cancelled'),
      what: 'the occurrence cancelled',
    });
    expect(((await org.cora.get(`/api/occurrences/${occurrence.id}/history`)).body as Array<{ kind: string }>).filter((h) => h.kind === 'cancelled')).toHaveLength(1);

    // A start after the workflow ended never starts it again: the row says withdrawn, and even
    // when it did not, Temporal refuses a second run of a closed workflow id.
    expect((await executor.execute(start, 5000)).outcome).toBe('moot');
    await waitFor(async () => (await org.cora.get(`/api/actions/${action.id}`)).body.status, { until: (s) => s === 'withdrawn', what: 'the row withdrawn' });
    await stack.dataSource.query(`UPDATE action SET status = 'active' WHERE id = $1`, [action.id]);
    expect(await executor.execute(start, 5000)).toMatchObject({ outcome: 'moot', message: 'the workflow ran and has closed' });
    expect((await stack.client.workflow.getHandle(actionWorkflowId(action.id)).describe()).status.name).toBe('COMPLETED');
  });
  it("an update to a first-version occurrence, carried out twice, is applied once (Temporal's update id)", async () => {
    const executor = stack.api!.get(IntentExecutor);
    const [{ id: actionId }] = await stack.dataSource.query(
      `INSERT INTO action (plan_id, title, schedule_input, schedule, owner_person_ids) VALUES ($1, 'Äldre åtgärd', '{}', '{}', $2) RETURNING id`,
      [planId, [org.ids.olle]],
    );
    const dueInstant = inSeconds(3600);
    const input: LegacyOccurrenceInput = {
      actionId,
      planId,
      periodKey: 'first-version',
      periodStart: dueInstant.slice(0, 10),
      periodEnd: dueInstant.slice(0, 10),
      dueInstant,
      timezone: 'Europe/Stockholm',
      policy: { remindBefore: [], escalateAfter: [], timing: 'exact', calendar: 'SE' },
      owners: { personIds: [org.ids.olle], unitIds: [] },
    };
    const handle = await stack.client.workflow.start(LEGACY_OCCURRENCE_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: legacyOccurrenceWorkflowId(actionId, 'first-version'), args: [input] });
    const [occurrence] = await waitFor(async () => (await org.cora.get(`/api/occurrences?actionId=${actionId}`)).body.items, { what: 'the first-version occurrence' });
    const due = inSeconds(7200);
    const postpone = row(
      '900004',
      intents.updateOccurrence(legacyOccurrenceWorkflowId(actionId, 'first-version'), {
        occurrence: { id: occurrence.id, actionId, periodKey: 'first-version' },
        update: 'postpone',
        args: { byPersonId: org.ids.cora, dueInstant: due, reason: 'Två gånger' },
      }),
    );
    expect((await executor.execute(postpone, 5000)).outcome).toBe('applied');
    expect((await executor.execute(postpone, 5000)).outcome).toBe('applied');
    const history = (await org.cora.get(`/api/occurrences/${occurrence.id}/history`)).body as Array<{ kind: string }>;
    expect(history.filter((h) => h.kind === 'postponed')).toHaveLength(1);
    expect(await handle.query<{ generation: number; dueInstant: string }>('state')).toMatchObject({ generation: 1, dueInstant: due });
    await handle.terminate('test over');
  });
});
