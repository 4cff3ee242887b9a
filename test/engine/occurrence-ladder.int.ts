import { WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { completeUpdate, occurrenceStateQuery, occurrenceWorkflowId, postponeUpdate, skipUpdate } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { db, insertPlan, kinds, LADDER, notifications, occurrenceRow, Org, seedOrg, startAction } from './fixtures';

// The follow-up ladder on a real Temporal dev server and PostgreSQL, with durations of seconds.
describe('occurrence workflow: reminders, overdue, escalation ladder, completion', () => {
  let stack: TestStack;
  let org: Org;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrg(stack);
    planId = await insertPlan(stack);
  });
  afterAll(() => stack?.close());

  const occurrence = async (actionId: string) => {
    const row = await waitFor(() => occurrenceRow(stack, actionId), { what: 'the occurrence to open' });
    return { row, handle: stack.client.workflow.getHandle(occurrenceWorkflowId(actionId, row.period_key as string)) };
  };

  it('reminds the owner, goes overdue, escalates to the unit head and then the kommunchef; completion ends it', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)], policy: { ...LADDER, repeatEvery: 'PT2S' } });
    const { handle } = await occurrence(actionId);

    const ladder = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length >= 4, what: 'the whole ladder' });
    expect(ladder.slice(0, 4).map((r) => [r.kind, r.recipient_person_id])).toEqual([
      ['reminder', org.olle],
      ['overdue', org.olle],
      ['escalation-1', org.ulla],
      ['escalation-2', org.kim],
    ]);
    const escalations = await db(stack).query('SELECT step, target_person_id FROM escalation ORDER BY step');
    expect(escalations).toEqual(expect.arrayContaining([{ step: 0, target_person_id: org.ulla }, { step: 1, target_person_id: org.kim }]));

    // After the ladder, repeats go to the last target until someone acts.
    const repeated = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.some((r) => r.kind === 'repeat'), what: 'a repeated notice' });
    expect(repeated.find((r) => r.kind === 'repeat')?.recipient_person_id).toBe(org.kim);

    // Two completions at once (a double click, two owners): both succeed, one completion stands.
    const [first, second] = await Promise.all([
      handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.olle, note: 'Mötet hölls', evidenceUrl: 'https://kommun.se/protokoll/1' }] }),
      handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.olle, note: 'Dubbelklick' }] }),
    ]);
    // Either may arrive first at the server; whichever did is the one completion both see.
    expect(first.status).toBe('completed');
    expect(first.completion).toMatchObject({ byPersonId: org.olle, onTime: false });
    expect(['Mötet hölls', 'Dubbelklick']).toContain(first.completion!.note);
    expect(second.completion).toEqual(first.completion);
    await handle.result();
    const row = await occurrenceRow(stack, actionId);
    expect(row).toMatchObject({ status: 'completed', completed_by: org.olle, completed_on_time: false, completion_note: first.completion!.note });

    // Nothing more is sent once it is completed.
    const countAfter = (await notifications(stack, actionId)).length;
    await new Promise((r) => setTimeout(r, 2500));
    expect((await notifications(stack, actionId)).length).toBe(countAfter);
    const events = await db(stack).query(`SELECT kind FROM occurrence_event e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.action_id = $1 ORDER BY sequence`, [actionId]);
    expect(events.map((e: { kind: string }) => e.kind)).toEqual(['opened', 'overdue', 'escalated', 'escalated', 'completed']);
  });

  it('an action nobody owns yet (balanslista): every notice goes to the coordinator until someone owns it', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [], unitIds: [] }, due: [inSeconds(3)], policy: LADDER });
    const { handle } = await occurrence(actionId);
    const sent = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length >= 4, what: 'the ladder of an ownerless action' });
    expect(sent.slice(0, 4).map((r) => [r.kind, r.recipient_person_id])).toEqual([
      ['reminder', org.cora],
      ['overdue', org.cora],
      ['escalation-1', org.cora],
      ['escalation-2', org.cora],
    ]);
    await handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.cora, note: 'Ansvaret utrett' }] });
    await handle.result();
  });

  it('completed before due: the reminder only, no overdue notice, completed on time', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(4)] });
    const { handle } = await occurrence(actionId);
    await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length === 1, what: 'the reminder' });
    const state = await handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.cora, onBehalfOfPersonId: org.olle }] });
    expect(state.completion?.onTime).toBe(true);
    await handle.result();
    // The workflow has closed: a second completion is refused by Temporal itself and changes nothing.
    const again = await handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.ulla }] }).catch((e) => e);
    expect(again).toBeInstanceOf(WorkflowNotFoundError);
    expect(again.message).toBe('workflow execution already completed');
    await new Promise((r) => setTimeout(r, 4000)); // past due and the first escalation step
    expect(kinds(await notifications(stack, actionId))).toEqual(['reminder']);
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'completed', completed_by: org.cora, completed_on_behalf_of: org.olle, completed_on_time: true });
  });

  it('postponed while overdue: timers re-arm for the new due date, the escalation step resets', async () => {
    const { actionId } = await startAction(stack, {
      planId,
      owners: { personIds: [org.olle], unitIds: [] },
      due: [inSeconds(1)],
      policy: { remindBefore: [], escalateAfter: ['PT20S'], timing: 'exact', calendar: 'SE' },
    });
    const { handle } = await occurrence(actionId);
    await waitFor(() => handle.query(occurrenceStateQuery), { until: (s) => s.status === 'overdue', what: 'overdue' });

    const newDue = inSeconds(2);
    const state = await handle.executeUpdate(postponeUpdate, { args: [{ byPersonId: org.cora, dueInstant: newDue, reason: 'Väntar på upphandlingen' }] });
    expect(state).toMatchObject({ status: 'open', generation: 1, escalationStep: 0, dueInstant: newDue });
    const rows = await waitFor(() => notifications(stack, actionId), { until: (r) => r.length === 2, what: 'the overdue notice of the new due date' });
    expect(rows.map((r) => r.dedupe_key.split(':').slice(2, 4).join(':'))).toEqual(['g0:overdue', 'g1:overdue']);
    // The notice is written first, then the transition: wait for the row to catch up.
    const row = await waitFor(() => occurrenceRow(stack, actionId), { until: (r) => r?.status === 'overdue', what: 'the overdue transition' });
    expect(row.due_at).toEqual(new Date(newDue));

    const rejected = await handle.executeUpdate(postponeUpdate, { args: [{ byPersonId: org.cora, dueInstant: inSeconds(-60), reason: 'bakåt' }] }).catch((e) => e);
    expect(rejected).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(rejected.cause.message).toBe('The new due date must be in the future');
    await handle.executeUpdate(skipUpdate, { args: [{ byPersonId: org.cora, reason: 'cleanup' }] });
  });

  it('skipped with a reason: no more notices, and completing it afterwards is rejected', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)] });
    const { handle } = await occurrence(actionId);
    const noReason = await handle.executeUpdate(skipUpdate, { args: [{ byPersonId: org.cora, reason: ' ' }] }).catch((e) => e);
    expect(noReason).toBeInstanceOf(WorkflowUpdateFailedError);
    expect(noReason.cause.message).toBe('reason is required');

    const state = await handle.executeUpdate(skipUpdate, { args: [{ byPersonId: org.cora, reason: 'Ersätts av digital träff' }] });
    expect(state.status).toBe('skipped');
    await handle.result();
    await new Promise((r) => setTimeout(r, 3500));
    expect(await notifications(stack, actionId)).toEqual([]);
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'skipped', skip_reason: 'Ersätts av digital träff' });
    const late = await handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.olle }] }).catch((e) => e);
    expect(late).toBeInstanceOf(WorkflowNotFoundError);
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'skipped', completed_at: null });
  });
});
