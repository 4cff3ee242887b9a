import { DomainError } from '../../libs/domain/errors';
import { actionStateQuery, actionWorkflowId } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { actingAs, db, insertPlan, kinds, LADDER, notifications, occurrenceRow, Org, seedOrg, startAction } from './fixtures';

// The follow-up ladder on a real Temporal dev server and PostgreSQL, with durations of seconds:
// the action's workflow sends the notices; people's changes go through the API's service.
describe('occurrences: reminders, overdue, escalation ladder, completion', () => {
  let stack: TestStack;
  let org: Org;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await seedOrg(stack);
    planId = await insertPlan(stack);
  });
  afterAll(() => stack?.close());

  const opened = (actionId: string) => waitFor(() => occurrenceRow(stack, actionId), { what: 'the occurrence to open' });
  const events = async (actionId: string) =>
    (await db(stack).query(`SELECT e.kind FROM occurrence_event e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.action_id = $1 ORDER BY sequence`, [actionId])).map(
      (e: { kind: string }) => e.kind,
    );
  const actionState = (actionId: string) => stack.client.workflow.getHandle(actionWorkflowId(actionId)).query(actionStateQuery);

  it('reminds the owner, goes overdue, escalates to the unit head and then the kommunchef; completion ends it', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)], policy: { ...LADDER, repeatEvery: 'PT2S' } });
    const occurrence = await opened(actionId);

    const ladder = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length >= 4, what: 'the whole ladder' });
    expect(ladder.slice(0, 4).map((r) => [r.kind, r.recipient_person_id])).toEqual([
      ['reminder', org.olle],
      ['overdue', org.olle],
      ['escalation-1', org.ulla],
      ['escalation-2', org.kim],
    ]);
    const escalations = await db(stack).query('SELECT step, target_person_id FROM escalation e JOIN occurrence o ON o.id = e.occurrence_id WHERE o.action_id = $1 ORDER BY step', [actionId]);
    expect(escalations).toEqual([{ step: 0, target_person_id: org.ulla }, { step: 1, target_person_id: org.kim }]);

    // After the ladder, repeats go to the last target until someone acts.
    const repeated = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.some((r) => r.kind === 'repeat'), what: 'a repeated notice' });
    expect(repeated.find((r) => r.kind === 'repeat')?.recipient_person_id).toBe(org.kim);

    // Two completions at once (a double click, two owners): both succeed, one completion stands.
    const olle = actingAs(stack, org.olle);
    const [first, second] = await Promise.all([
      olle.complete(occurrence.id as string, { note: 'Mötet hölls', evidenceUrl: 'https://kommun.se/protokoll/1' }),
      olle.complete(occurrence.id as string, { note: 'Dubbelklick' }),
    ]);
    expect(first.status).toBe('completed');
    expect(first.completion).toMatchObject({ byPersonId: org.olle, onTime: false });
    expect(['Mötet hölls', 'Dubbelklick']).toContain(first.completion!.note);
    expect(second.completion).toEqual(first.completion);
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'completed', completed_by: org.olle, completed_on_time: false, completion_note: first.completion!.note });

    // The workflow hears of it and lets the occurrence go; nothing more is sent.
    await waitFor(() => actionState(actionId), { until: (s) => s.openOccurrences.length === 0, what: 'the workflow to drop the completed occurrence' });
    const countAfter = (await notifications(stack, actionId)).length;
    await new Promise((r) => setTimeout(r, 2500)); // two repeat intervals: a repeat would have come by now
    expect((await notifications(stack, actionId)).length).toBe(countAfter);
    expect(await events(actionId)).toEqual(['opened', 'overdue', 'escalated', 'escalated', 'completed']);
  });

  it('a deactivated unit head is passed over (the first step goes to the kommunchef) and cannot take the occurrence over', async () => {
    await db(stack).query('UPDATE person SET deactivated_at = now() WHERE id = $1', [org.ulla]);
    try {
      const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(1)], policy: { remindBefore: [], escalateAfter: ['PT1S'], timing: 'exact', calendar: 'SE' } });
      const occurrence = await opened(actionId);
      const sent = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length >= 2, what: 'overdue and the first step' });
      expect(sent.map((r) => [r.kind, r.recipient_person_id])).toEqual([
        ['overdue', org.olle],
        ['escalation-1', org.kim],
      ]);
      const taken = await actingAs(stack, org.cora, ['coordinator']).reassign(occurrence.id as string, org.ulla).catch((e) => e);
      expect(taken).toMatchObject({ code: 'UNPROCESSABLE', message: 'That person is deactivated' });
      await actingAs(stack, org.olle).complete(occurrence.id as string);
    } finally {
      await db(stack).query('UPDATE person SET deactivated_at = NULL WHERE id = $1', [org.ulla]);
    }
  });

  it('an action nobody owns yet (balanslista): every notice goes to the coordinator until someone owns it', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [], unitIds: [] }, due: [inSeconds(3)], policy: LADDER });
    const occurrence = await opened(actionId);
    const sent = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length >= 4, what: 'the ladder of an ownerless action' });
    expect(sent.slice(0, 4).map((r) => [r.kind, r.recipient_person_id])).toEqual([
      ['reminder', org.cora],
      ['overdue', org.cora],
      ['escalation-1', org.cora],
      ['escalation-2', org.cora],
    ]);
    await actingAs(stack, org.cora, ['coordinator']).complete(occurrence.id as string, { note: 'Ansvaret utrett' });
  });

  it('completed before due: the reminder only, no overdue notice, completed on time; completing again changes nothing', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(4)] });
    const occurrence = await opened(actionId);
    await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.length === 1, what: 'the reminder' });
    const done = await actingAs(stack, org.cora, ['coordinator']).complete(occurrence.id as string);
    expect(done.completion).toMatchObject({ byPersonId: org.cora, onBehalfOfPersonId: org.olle, onTime: true });
    const again = await actingAs(stack, org.olle).complete(occurrence.id as string);
    expect(again.completion).toEqual(done.completion);
    // Past due and the first escalation step: the workflow sends nothing for a completed occurrence.
    await waitFor(() => actionState(actionId), { until: (s) => s.openOccurrences.length === 0, what: 'the workflow to drop it' });
    await new Promise((r) => setTimeout(r, 4000));
    expect(kinds(await notifications(stack, actionId))).toEqual(['reminder']);
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'completed', completed_by: org.cora, completed_on_behalf_of: org.olle, completed_on_time: true });
    expect(await events(actionId)).toEqual(['opened', 'completed']);
  });

  it('postponed while overdue: the notices re-arm for the new due date, the escalation step resets', async () => {
    const { actionId } = await startAction(stack, {
      planId,
      owners: { personIds: [org.olle], unitIds: [] },
      due: [inSeconds(1)],
      policy: { remindBefore: [], escalateAfter: ['PT20S'], timing: 'exact', calendar: 'SE' },
    });
    const occurrence = await opened(actionId);
    await waitFor(() => occurrenceRow(stack, actionId), { until: (r) => r?.status === 'overdue', what: 'overdue' });

    const newDue = inSeconds(2);
    const cora = actingAs(stack, org.cora, ['coordinator']);
    const postponed = await cora.postpone(occurrence.id as string, newDue, 'Väntar på upphandlingen');
    expect(postponed).toMatchObject({ status: 'open', due: new Date(newDue).toISOString(), escalationLevel: 0 });
    const rows = await waitFor(() => notifications(stack, actionId), { until: (r) => r.length === 2, what: 'the overdue notice of the new due date' });
    expect(rows.map((r) => r.dedupe_key.split(':').slice(2, 4).join(':'))).toEqual(['g0:overdue', 'g1:overdue']);
    const row = await waitFor(() => occurrenceRow(stack, actionId), { until: (r) => r?.status === 'overdue', what: 'the overdue transition' });
    expect(row.due_at).toEqual(new Date(newDue));
    expect(row.generation).toBe(1);

    const rejected = await cora.postpone(occurrence.id as string, inSeconds(-60), 'bakåt').catch((e) => e);
    expect(rejected).toBeInstanceOf(DomainError);
    expect(rejected).toMatchObject({ code: 'INVALID_TRANSITION', message: 'The new due date must be in the future' });
    await cora.skip(occurrence.id as string, 'cleanup');
  });

  it('postponed to an earlier moment: the workflow re-arms at once, it does not wait for the old due date', async () => {
    const { actionId } = await startAction(stack, {
      planId,
      owners: { personIds: [org.olle], unitIds: [] },
      due: [inSeconds(3600)],
      policy: { remindBefore: [], escalateAfter: [], timing: 'exact', calendar: 'SE' },
    });
    const occurrence = await opened(actionId);
    await actingAs(stack, org.olle).postpone(occurrence.id as string, inSeconds(2), 'Klart tidigare');
    await waitFor(() => notifications(stack, actionId), { until: (r) => r.some((n) => n.kind === 'overdue'), what: 'the overdue notice of the earlier due date' });
    await actingAs(stack, org.cora, ['coordinator']).skip(occurrence.id as string, 'cleanup');
  });

  it('skipped with a reason: no more notices, and completing it afterwards is rejected', async () => {
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)] });
    const occurrence = await opened(actionId);
    const cora = actingAs(stack, org.cora, ['coordinator']);
    const noReason = await cora.skip(occurrence.id as string, ' ').catch((e) => e);
    expect(noReason).toMatchObject({ code: 'VALIDATION_FAILED', message: 'reason is required' });

    const skipped = await cora.skip(occurrence.id as string, 'Ersätts av digital träff');
    expect(skipped.status).toBe('skipped');
    await waitFor(() => actionState(actionId), { until: (s) => s.openOccurrences.length === 0, what: 'the workflow to drop it' });
    await new Promise((r) => setTimeout(r, 3500)); // past the due instant
    expect(await notifications(stack, actionId)).toEqual([]);
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'skipped', skip_reason: 'Ersätts av digital träff' });
    const late = await actingAs(stack, org.olle).complete(occurrence.id as string).catch((e) => e);
    expect(late).toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(await occurrenceRow(stack, actionId)).toMatchObject({ status: 'skipped', completed_at: null });
  });

  it('a change the workflow never hears of is still honoured: the notice it makes stale is refused', async () => {
    const { actionId } = await startAction(stack, {
      planId,
      owners: { personIds: [org.olle], unitIds: [] },
      due: [inSeconds(2)],
      policy: { remindBefore: [], escalateAfter: ['PT1S'], timing: 'exact', calendar: 'SE' },
    });
    const occurrence = await opened(actionId);
    // Completed in the database only, as if Temporal had been unreachable when the API told the workflow.
    await db(stack).query(`UPDATE occurrence SET status = 'completed', last_sequence = last_sequence + 1 WHERE id = $1`, [occurrence.id]);
    await waitFor(() => actionState(actionId), { until: (s) => s.openOccurrences.length === 0, timeoutMs: 15_000, what: 'the workflow to learn of it from the row' });
    expect(await notifications(stack, actionId)).toEqual([]);
  });
});
