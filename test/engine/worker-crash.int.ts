import { startTestStack, startWorker, TestStack } from '../support/test-stack';
import { spawnWorker } from '../support/spawn-worker';
import { inSeconds, waitFor } from '../support/wait-for';
import { insertPlan, kinds, LADDER, notifications, Org, seedOrg, startAction } from './fixtures';

// Exactly once through the ladder although the worker dies (SIGKILL) right after a notice's
// transaction committed and before Temporal learned the activity was done: the activity runs
// again on the next worker, and the outbox's unique dedupe keys keep the notice single.
describe('a worker killed in the middle of the ladder', () => {
  let stack: TestStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    org = await seedOrg(stack);
  });
  afterAll(() => stack?.close());

  it('delivers every notice exactly once after a restart', async () => {
    const planId = await insertPlan(stack);
    const doomed = await spawnWorker(stack.config, { BEVAKA_TEST_CRASH_AFTER_NOTICE: 'escalation:0' });
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)], policy: LADDER });

    // The worker kills itself right after committing the first escalation.
    await doomed.exited;
    expect(doomed.child.signalCode).toBe('SIGKILL');
    expect(kinds(await notifications(stack, actionId))).toEqual(['reminder', 'overdue', 'escalation-1']);

    // Past the second step's time while no worker runs; then a new worker takes over.
    await new Promise((r) => setTimeout(r, 3000));
    const worker = await startWorker(stack.config);
    try {
      const rows = await waitFor(() => notifications(stack, actionId), { until: (r) => r.length >= 4, timeoutMs: 60_000, what: 'the second escalation' });
      expect(kinds(rows)).toEqual(['reminder', 'overdue', 'escalation-1', 'escalation-2']);
      expect(rows.map((r) => r.recipient_person_id)).toEqual([org.olle, org.olle, org.ulla, org.kim]);
      // The retried first step wrote nothing new.
      expect(new Set(rows.map((r) => r.dedupe_key)).size).toBe(4);
      const escalations = await stack.dataSource.query('SELECT step FROM escalation ORDER BY step');
      expect(escalations).toEqual([{ step: 0 }, { step: 1 }]);
    } finally {
      await worker.close();
    }
  }, 120_000);
});
