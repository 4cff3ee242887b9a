import { OccurrencesService } from '../../apps/api/occurrences/occurrences.service';
import { expectedBy } from '../../libs/domain/quota/pace';
import { scheduleFromInstants } from '../../libs/domain/schedule';
import { actionStateQuery, actionWorkflowId } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { todayInStockholm as today } from '../support/local-date';
import { actingAs, db, insertPlan, notifications, occurrenceRow, Org, seedOrg, startAction } from './fixtures';

/**
 * A quota ("minst tre gånger per period") on the real stack, with a period of 40 seconds: its
 * checkpoints fall each 10 seconds, where expectedBy asks for 0, 1 and 2 of 3 times. The owner is
 * reminded only when behind; the period ending below target goes overdue and escalates with the
 * count in the notice; the time that reaches the target completes the period, late.
 */
describe('a quota followed by pace', () => {
  let stack: TestStack;
  let org: Org;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await seedOrg(stack);
    planId = await insertPlan(stack, 'Näringslivsplan med mål');
  });
  afterAll(() => stack?.close());

  const checkpoints = async (occurrenceId: string) =>
    (await db(stack).query(`SELECT step, fired_at, recipient_person_ids FROM occurrence_notice WHERE occurrence_id = $1 AND kind = 'reminder' ORDER BY step`, [occurrenceId])) as Array<{
      step: number;
      fired_at: Date;
      recipient_person_ids: string[];
    }>;
  const loggedBy = async (occurrenceId: string, at: Date) =>
    Number((await db(stack).query(`SELECT count(*) AS n FROM quota_entry WHERE occurrence_id = $1 AND logged_at <= $2`, [occurrenceId, at]))[0].n);

  it('reminds only when behind pace, escalates a missed target with "2 av 3", and the third time completes it late', async () => {
    const { actionId } = await startAction(stack, {
      planId,
      owners: { personIds: [org.olle], unitIds: [] },
      schedule: scheduleFromInstants({ due: [inSeconds(40)], target: 3 }),
      policy: { remindBefore: ['PT30S'], escalateAfter: ['PT2S'], timing: 'exact', calendar: 'SE' },
    });
    const row = await waitFor(() => occurrenceRow(stack, actionId), { what: 'the period to open' });
    const id = row.id as string;
    expect(row).toMatchObject({ quota_target: 3 });
    const olle = actingAs(stack, org.olle);

    // At the second checkpoint one time is expected and none is logged: Olle is reminded.
    const reminded = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.some((r) => r.kind === 'reminder'), what: 'the reminder of the second checkpoint' });
    expect(reminded.map((r) => [r.kind, r.recipient_person_id])).toEqual([['reminder', org.olle]]);
    await olle.log(id, today(), 'Företagsfrukost');
    const second = await olle.log(id, today(), 'Frukostmöte med handlarna');
    expect(second.quota).toMatchObject({ target: 3, count: 2 });
    expect(second.status).toBe('open');

    // The period ends at 2 of 3: overdue to Olle, then his unit head, each told the count.
    const ladder = await waitFor(() => notifications(stack, actionId), { until: (rows) => rows.some((r) => r.kind === 'escalation-1'), what: 'the escalation of the missed target' });
    expect(ladder.map((r) => [r.kind, r.recipient_person_id])).toEqual([
      ['reminder', org.olle],
      ['overdue', org.olle],
      ['escalation-1', org.ulla],
    ]);
    const [{ payload }] = await db(stack).query(`SELECT payload FROM notification WHERE action_id = $1 AND kind = 'escalation-1'`, [actionId]);
    expect(payload.quota).toEqual({ count: 2, target: 3 });

    // Every checkpoint was passed; each reached Olle exactly when he was behind at that moment.
    const passed = await checkpoints(id);
    expect(passed.map((c) => c.step)).toEqual([0, 1, 2]);
    const periodStartsAt = new Date(row.quota_starts_at as Date).toISOString();
    const dueInstant = new Date(row.due_at as Date).toISOString();
    for (const c of passed) {
      const behind = (await loggedBy(id, c.fired_at)) < expectedBy(3, { startsAt: periodStartsAt, endsAt: dueInstant }, new Date(c.fired_at).toISOString());
      expect({ step: c.step, reminded: c.recipient_person_ids.length > 0 }).toEqual({ step: c.step, reminded: behind });
    }
    expect(passed[0].recipient_person_ids).toEqual([]); // no time is expected in the first quarter
    expect(passed[1].recipient_person_ids).toEqual([org.olle]);

    // Caught up after the end: the third time completes the period, late, and the ladder stops.
    const done = await olle.log(id, today(), 'Näringslivsdag');
    expect(done).toMatchObject({ status: 'completed', quota: { count: 3, target: 3, pace: 'reached' }, completion: { onTime: false } });
    await waitFor(() => stack.client.workflow.getHandle(actionWorkflowId(actionId)).query(actionStateQuery), { until: (s) => s.openOccurrences.length === 0, what: 'the workflow to let the period go' });
    const entries = await stack.api!.get(OccurrencesService).entries(id);
    expect(entries.map((e) => e.note)).toEqual(expect.arrayContaining(['Företagsfrukost', 'Frukostmöte med handlarna', 'Näringslivsdag']));
  });

  it('refuses completing or postponing a quota, times outside the period or in the future, and logging a plain task', async () => {
    const quota = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, schedule: scheduleFromInstants({ due: [inSeconds(3600)], target: 2 }) });
    const task = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3600)] });
    const quotaId = (await waitFor(() => occurrenceRow(stack, quota.actionId), { what: 'the period' })).id as string;
    const taskId = (await waitFor(() => occurrenceRow(stack, task.actionId), { what: 'the task' })).id as string;
    const olle = actingAs(stack, org.olle);
    await expect(olle.complete(quotaId)).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(olle.postpone(quotaId, inSeconds(7200))).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(olle.log(quotaId, '2001-01-01')).rejects.toMatchObject({ code: 'VALIDATION_FAILED', message: expect.stringContaining('outside the period') });
    await expect(olle.log(taskId, today())).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await expect(actingAs(stack, org.kim).log(quotaId, today())).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(Number((await db(stack).query(`SELECT count(*) AS n FROM quota_entry WHERE occurrence_id = ANY($1::uuid[])`, [[quotaId, taskId]]))[0].n)).toBe(0);
  });
});
