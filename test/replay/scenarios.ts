import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import { SYSTEM_CHECK_WORKFLOW } from '../../workflows/contracts/system-check';
import type { TestStack } from '../support/test-stack';

/**
 * Scenarios whose histories are recorded (`npm run replay:record`) and replayed on every test run,
 * so that a change to workflow code that would break running workflows fails CI. Each scenario
 * drives one workflow to a state worth keeping and returns its handle once it has got there.
 */
export type Scenario = (stack: TestStack) => Promise<WorkflowHandle>;

export const SCENARIOS: Record<string, Scenario> = {
  'system-check': async (stack) => {
    const handle = await stack.client.workflow.start(SYSTEM_CHECK_WORKFLOW, {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: `system-check:${randomUUID()}`,
      args: [{ requestedBy: 'replay recording' }],
    });
    await handle.result();
    return handle;
  },
};
