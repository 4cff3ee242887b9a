import { WorkflowExecutionStatusName } from '@temporalio/client';
import { parseSchedule, scheduleFromInstants } from '../../libs/domain/schedule';
import { actionStateQuery, actionWorkflowId, pauseSignal, resumeSignal, reviseSignal, withdrawSignal } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { db, insertPlan, Org, seedOrg, startAction } from './fixtures';

const QUIET = { remindBefore: [], escalateAfter: [], timing: 'exact' as const, calendar: 'SE' as const };

describe('the action follow-up workflow: opening occurrences, revise, pause, withdraw, continue-as-new', () => {
  let stack: TestStack;
  let org: Org;
  let planId: string;
  beforeAll(async () => {
    stack = await startTestStack();
    org = await seedOrg(stack);
    planId = await insertPlan(stack);
  });
  afterAll(() => stack?.close());

  const owners = () => ({ personIds: [org.olle], unitIds: [] });
  const occurrenceKeys = async (actionId: string): Promise<string[]> =>
    (await db(stack).query('SELECT period_key FROM occurrence WHERE action_id = $1 ORDER BY due_at', [actionId])).map((r: { period_key: string }) => r.period_key);

  // An occurrence opens at the start of its period: "2031" stays unopened for the length of these
  // tests. An explicit instant opens when the previous one falls due, the first at once.
  const farAway = () => parseSchedule({ text: 'Enkät till företagen', when: '2031' });
  const twoDays = 2 * 24 * 3600;

  it('opens an explicit instant at once, though it falls due days from now', async () => {
    const { actionId } = await startAction(stack, { planId, owners: owners(), due: [inSeconds(twoDays)], policy: QUIET });
    await waitFor(() => occurrenceKeys(actionId), { until: (k) => k.length === 1, what: 'the instant, opened at once' });
  });

  it('opens the next explicit instant when the previous one falls due', async () => {
    const first = inSeconds(4);
    const { actionId } = await startAction(stack, { planId, owners: owners(), due: [first, inSeconds(twoDays)], policy: QUIET });
    const opened = await waitFor(async () => (await db(stack).query('SELECT opened_at FROM occurrence WHERE action_id = $1 ORDER BY due_at', [actionId])) as Array<{ opened_at: Date }>, {
      until: (rows) => rows.length === 2,
      what: 'both instants opened',
    });
    expect(opened[0].opened_at.getTime()).toBeLessThan(Date.parse(first));
    expect(opened[1].opened_at.getTime()).toBeGreaterThanOrEqual(Date.parse(first));
  });

  it('honours a revised schedule without a restart', async () => {
    const { actionId } = await startAction(stack, { planId, owners: owners(), schedule: farAway(), policy: QUIET });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    const before = await waitFor(() => handle.query(actionStateQuery), { until: (s) => !!s.next, what: 'the next occurrence' });
    expect(Date.parse(before.next!.dueInstant)).toBeGreaterThan(Date.now() + 24 * 3600_000);
    expect(await occurrenceKeys(actionId)).toEqual([]);

    const soon = inSeconds(2);
    await handle.signal(reviseSignal, { schedule: scheduleFromInstants({ due: [soon] }) });
    await waitFor(() => occurrenceKeys(actionId), { until: (k) => k.length === 1, what: 'the revised occurrence to open' });
    const state = await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.occurrences.length === 1, what: 'the workflow to hold it' });
    expect(state.occurrences[0].dueInstant).toBe(new Date(soon).toISOString());
  });

  it('opens nothing while paused and catches up on resume', async () => {
    const { actionId } = await startAction(stack, { planId, owners: owners(), schedule: farAway(), policy: QUIET });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    await handle.signal(pauseSignal);
    await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.status === 'paused', what: 'paused' });
    await handle.signal(reviseSignal, { schedule: scheduleFromInstants({ due: [inSeconds(1)] }) });
    await new Promise((r) => setTimeout(r, 3000)); // past the opening moment and the due time
    expect(await occurrenceKeys(actionId)).toEqual([]);
    await handle.signal(resumeSignal);
    await waitFor(() => occurrenceKeys(actionId), { until: (k) => k.length === 1, what: 'the occurrence after resume' });
  });

  it('withdrawn: open occurrences are cancelled and the action is marked withdrawn', async () => {
    const { actionId } = await startAction(stack, { planId, owners: owners(), due: [inSeconds(twoDays), inSeconds(2 * twoDays)], policy: QUIET });
    const keys = await waitFor(() => occurrenceKeys(actionId), { until: (k) => k.length === 1, what: 'the first occurrence' });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    expect(keys).toHaveLength(1);
    await handle.signal(withdrawSignal, { reason: 'Utgår ur planen' });
    await handle.result();
    const [row] = await db(stack).query('SELECT status FROM action WHERE id = $1', [actionId]);
    expect(row.status).toBe('withdrawn');
    const [occ] = await db(stack).query('SELECT o.status, e.kind, e.data FROM occurrence o JOIN occurrence_event e ON e.occurrence_id = o.id AND e.sequence = o.last_sequence WHERE o.action_id = $1', [actionId]);
    expect(occ).toEqual({ status: 'cancelled', kind: 'cancelled', data: { reason: 'Utgår ur planen' } });
    expect(await occurrenceKeys(actionId)).toHaveLength(1); // the second, opening in two days, never opened
  });

  it('continues as new: 50 occurrences leave no run with more than a few hundred events', async () => {
    const due = Array.from({ length: 50 }, (_, i) => new Date(Date.now() - 60_000 + i * 1000).toISOString());
    const { actionId } = await startAction(stack, { planId, owners: owners(), due, policy: QUIET });
    await waitFor(() => occurrenceKeys(actionId), { until: (k) => k.length === 50, timeoutMs: 120_000, what: '50 occurrences' });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    await waitFor(() => handle.query(actionStateQuery), { until: (s) => !s.next, what: 'the last occurrence to be opened' });

    const runs: Array<{ runId: string; status: WorkflowExecutionStatusName }> = [];
    for await (const execution of stack.client.workflow.list({ query: `WorkflowId = '${actionWorkflowId(actionId)}'` })) {
      runs.push({ runId: execution.runId, status: execution.status.name });
    }
    expect(runs.length).toBeGreaterThanOrEqual(5);
    expect(runs.filter((r) => r.status === 'CONTINUED_AS_NEW').length).toBe(runs.length - 1);
    for (const run of runs) {
      const history = await stack.client.workflow.getHandle(actionWorkflowId(actionId), run.runId).fetchHistory();
      expect(history.events!.length).toBeLessThan(300);
    }
    // Leave no 50 open occurrences behind on the shared server.
    await handle.signal(withdrawSignal, { reason: 'test done' });
    await handle.result();
  }, 180_000);
});
