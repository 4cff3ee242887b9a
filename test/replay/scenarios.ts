import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import { scheduleFromInstants } from '../../libs/domain/schedule';
import {
  actionWorkflowId,
  completeUpdate,
  occurrenceStateQuery,
  occurrenceWorkflowId,
  PLAN_REPORTING_WORKFLOW,
  planReportingWorkflowId,
  postponeUpdate,
  reassignUpdate,
  reviseSignal,
  withdrawSignal,
} from '../../workflows/contracts/engine';
import { SYSTEM_CHECK_WORKFLOW } from '../../workflows/contracts/system-check';
import { insertPlan, LADDER, occurrenceRow, seedOrg, startAction } from '../engine/fixtures';
import type { TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';

/**
 * Scenarios whose histories are recorded (`npm run replay:record`) and replayed on every test run,
 * so that a change to workflow code that would break running workflows fails CI. Each scenario
 * drives one workflow through the states worth keeping and returns its handle (with the run).
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

  // Reminder, overdue, first escalation, reassignment, postponement, overdue again, completion.
  'occurrence-ladder': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)], policy: { ...LADDER, repeatEvery: 'PT2S' } });
    const row = await waitFor(() => occurrenceRow(stack, actionId));
    const handle = stack.client.workflow.getHandle(occurrenceWorkflowId(actionId, row!.period_key as string));
    await waitFor(() => handle.query(occurrenceStateQuery), { until: (s) => s.status === 'escalated', timeoutMs: 20_000 });
    await handle.executeUpdate(reassignUpdate, { args: [{ byPersonId: org.ulla, ownerPersonId: org.cora }] });
    await handle.executeUpdate(postponeUpdate, { args: [{ byPersonId: org.ulla, dueInstant: inSeconds(2), reason: 'Ny tidplan' }] });
    await waitFor(() => handle.query(occurrenceStateQuery), { until: (s) => s.status === 'overdue', timeoutMs: 20_000 });
    await handle.executeUpdate(completeUpdate, { args: [{ byPersonId: org.cora, note: 'Klart' }] });
    await handle.result();
    return handle;
  },

  // Twelve past due dates: ten openings, then continue-as-new. Replays the first run.
  'action-continue-as-new': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const due = Array.from({ length: 12 }, (_, i) => new Date(Date.now() - 60_000 + i * 1000).toISOString());
    const quiet = { ...LADDER, remindBefore: [], escalateAfter: [] };
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due, policy: quiet });
    const first = await stack.client.workflow.getHandle(actionWorkflowId(actionId)).describe();
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId), first.runId);
    await waitFor(async () => (await handle.describe()).status.name, { until: (s) => s === 'CONTINUED_AS_NEW' });
    await stack.client.workflow.getHandle(actionWorkflowId(actionId)).signal(withdrawSignal, { reason: 'recorded' });
    return handle;
  },

  // Revised while waiting, then withdrawn with an open occurrence.
  'action-revise-withdraw': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3 * 24 * 3600)] });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    await handle.signal(reviseSignal, { schedule: scheduleFromInstants({ due: [inSeconds(2), inSeconds(3 * 24 * 3600)] }), owners: { personIds: [org.cora], unitIds: [] } });
    await waitFor(() => occurrenceRow(stack, actionId));
    await handle.signal(withdrawSignal, { reason: 'Utgår' });
    await handle.result();
    return handle;
  },

  'plan-reporting': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(1)] });
    const periods = [
      { key: 'R1', startsAt: inSeconds(-10), endsAt: inSeconds(3) },
      { key: 'R2', startsAt: inSeconds(3), endsAt: inSeconds(5) },
    ];
    const handle = await stack.client.workflow.start(PLAN_REPORTING_WORKFLOW, {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: planReportingWorkflowId(planId),
      args: [{ planId, timezone: 'Europe/Stockholm', cadence: { periods }, statusRequestBefore: 'PT1S' }],
    });
    const first = await handle.describe();
    await handle.result();
    return stack.client.workflow.getHandle(planReportingWorkflowId(planId), first.runId);
  },
};
