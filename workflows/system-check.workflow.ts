import { proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { SystemActivities, SystemCheckInput, SystemCheckResult } from './contracts/system-check';

const { readDatabaseClock } = proxyActivities<SystemActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { maximumAttempts: 3 },
});

export async function systemCheckWorkflow(input: SystemCheckInput): Promise<SystemCheckResult> {
  const databaseTime = await readDatabaseClock();
  return { requestedBy: input.requestedBy, databaseTime, workflowId: workflowInfo().workflowId };
}
