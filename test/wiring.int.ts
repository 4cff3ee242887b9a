import { randomUUID } from 'node:crypto';
import { SYSTEM_CHECK_WORKFLOW, SystemCheckResult } from '../workflows/contracts/system-check';
import { startTestStack, TestStack } from './support/test-stack';

// Proves the wiring end to end: client → Temporal dev server → worker → activity → PostgreSQL.
describe('workflow wiring on the real Temporal dev server', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(() => stack?.close());

  it('runs a workflow whose activity reads the database clock', async () => {
    const workflowId = `system-check:${randomUUID()}`;
    const before = Date.now();
    const result = await stack.client.workflow.execute<(input: { requestedBy: string }) => Promise<SystemCheckResult>>(
      SYSTEM_CHECK_WORKFLOW,
      { taskQueue: stack.config.temporal.taskQueue, workflowId, args: [{ requestedBy: 'wiring test' }] },
    );
    expect(result.requestedBy).toBe('wiring test');
    expect(result.workflowId).toBe(workflowId);
    const databaseTime = Date.parse(result.databaseTime);
    expect(databaseTime).toBeGreaterThanOrEqual(before - 5_000);
    expect(databaseTime).toBeLessThanOrEqual(Date.now() + 5_000);
  });
});
