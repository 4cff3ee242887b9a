import { randomUUID } from 'node:crypto';
import { WorkflowHandle } from '@temporalio/client';
import { scheduleFromInstants } from '../../libs/domain/schedule';
import { actionStateQuery, actionWorkflowId, pauseSignal, PLAN_REPORTING_WORKFLOW, planReportingWorkflowId, resumeSignal, reviseReportingSignal, reviseSignal, withdrawSignal } from '../../workflows/contracts/engine';
import { LEGACY_ACTION_WORKFLOW, LegacyActionInput } from '../../workflows/contracts/legacy';
import { SYSTEM_CHECK_WORKFLOW } from '../../workflows/contracts/system-check';
import { actingAs, insertPlan, LADDER, occurrenceRow, seedOrg, startAction } from '../engine/fixtures';
import type { TestStack } from '../support/test-stack';
import { OccurrencesService } from '../../apps/api/occurrences/occurrences.service';
import { RoundsService } from '../../apps/api/reporting/rounds.service';
import { inSeconds, waitFor } from '../support/wait-for';
import { todayInStockholm } from '../support/local-date';

/**
 * Scenarios whose histories are recorded (`npm run replay:record`) and replayed on every test run,
 * so that a change to workflow code that would break running workflows fails CI. Each scenario
 * drives one workflow through the states worth keeping and returns its handle (with the run).
 * The stack has the API, so that people's changes go through it as in production.
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

  // Reminder, overdue, both escalation steps, a repeat; then reassigned, postponed, overdue again,
  // completed — each change told to the workflow — and withdrawn, so that the run ends.
  'action-follow-up-ladder': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3)], policy: { ...LADDER, repeatEvery: 'PT2S' } });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    const row = await waitFor(() => occurrenceRow(stack, actionId), { until: (r) => r?.escalation_level === 2, timeoutMs: 20_000 });
    const cora = actingAs(stack, org.cora, ['coordinator']);
    await cora.reassign(row.id as string, org.ulla);
    await cora.postpone(row.id as string, inSeconds(2), 'Ny tidplan');
    await waitFor(() => occurrenceRow(stack, actionId), { until: (r) => r?.status === 'overdue', timeoutMs: 20_000 });
    await actingAs(stack, org.ulla).complete(row.id as string, { note: 'Klart' });
    await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.openOccurrences.length === 0 });
    await handle.signal(withdrawSignal, { reason: 'recorded' });
    await handle.result();
    return handle;
  },

  // A quota of two times in a 12-second period: the checkpoints (one silent, one reminding), the
  // period ending at 1 of 2 (overdue, escalated), then the second time logged completes it.
  'action-quota': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const schedule = scheduleFromInstants({ due: [inSeconds(12)], target: 2 });
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, schedule, policy: { ...LADDER, escalateAfter: ['PT1S'] } });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    const row = await waitFor(() => occurrenceRow(stack, actionId));
    const olle = actingAs(stack, org.olle);
    await olle.log(row.id as string, todayInStockholm(), 'Första träffen');
    await waitFor(() => occurrenceRow(stack, actionId), { until: (r) => r?.status === 'escalated', what: 'the missed target to escalate' });
    await olle.log(row.id as string, todayInStockholm(), 'Andra träffen');
    await waitFor(() => handle.query(actionStateQuery), { until: (s) => s.openOccurrences.length === 0 });
    await handle.signal(withdrawSignal, { reason: 'recorded' });
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

  // Revised while waiting (new schedule and owners), paused and resumed, then withdrawn with an open occurrence.
  'action-revise-withdraw': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const { actionId } = await startAction(stack, { planId, owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(3 * 24 * 3600)] });
    const handle = stack.client.workflow.getHandle(actionWorkflowId(actionId));
    await handle.signal(reviseSignal, { schedule: scheduleFromInstants({ due: [inSeconds(2), inSeconds(3 * 24 * 3600)] }), owners: { personIds: [org.cora], unitIds: [] }, at: inSeconds(0) });
    await waitFor(() => occurrenceRow(stack, actionId));
    await handle.signal(pauseSignal);
    await handle.signal(resumeSignal);
    await handle.signal(withdrawSignal, { reason: 'Utgår' });
    await handle.result();
    return handle;
  },

  // A run of the first version's action workflow moves on to the current type at its first step.
  'first-version-continues-as-follow-up': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    const [{ id: actionId }] = await stack.dataSource.query(
      `INSERT INTO action (plan_id, title, schedule_input, schedule, owner_person_ids) VALUES ($1, 'Äldre åtgärd', '{}', $2, $3) RETURNING id`,
      [planId, scheduleFromInstants({ due: [inSeconds(3600)] }), [org.olle]],
    );
    const input: LegacyActionInput = {
      actionId,
      planId,
      schedule: scheduleFromInstants({ due: [inSeconds(3600)] }),
      timezone: 'Europe/Stockholm',
      policy: LADDER,
      owners: { personIds: [org.olle], unitIds: [] },
    };
    const handle = await stack.client.workflow.start(LEGACY_ACTION_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: actionWorkflowId(actionId), args: [input] });
    const first = await handle.describe();
    const run = stack.client.workflow.getHandle(actionWorkflowId(actionId), first.runId);
    await waitFor(async () => (await run.describe()).status.name, { until: (s) => s === 'CONTINUED_AS_NEW' });
    await stack.client.workflow.getHandle(actionWorkflowId(actionId)).signal(withdrawSignal, { reason: 'recorded' });
    return run;
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
      args: [{ planId, timezone: 'Europe/Stockholm', cadence: { periods }, statusRequestBefore: 'PT1S', round: { opensBefore: 'PT1S', deadlineBefore: 'PT0S', freezeAfter: 'PT0S', returnFor: 'PT1S' } }],
    });
    const first = await handle.describe();
    await handle.result();
    return stack.client.workflow.getHandle(planReportingWorkflowId(planId), first.runId);
  },

  // A reporting round: opened, one report reminded and overdue, one submitted, sent back and
  // submitted again, then approved by the coordinator after the period's end (the API freezes the
  // report and signals roundClosed); the explicit period is reported, so the workflow ends.
  'plan-reporting-round': async (stack) => {
    const org = await seedOrg(stack);
    const planId = await insertPlan(stack);
    await stack.dataSource.query('UPDATE plan SET policy = $2 WHERE id = $1', [planId, { ...LADDER, escalateAfter: [] }]);
    const quiet = { ...LADDER, remindBefore: [], escalateAfter: [] };
    const first = await startAction(stack, { planId, title: 'Företagsträff', owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(1)], policy: quiet });
    const second = await startAction(stack, { planId, title: 'Enkät', owners: { personIds: [org.ulla], unitIds: [] }, due: [inSeconds(1)], policy: quiet });
    const periods = [{ key: 'R1', startsAt: inSeconds(-10), endsAt: inSeconds(7) }];
    const handle = await stack.client.workflow.start(PLAN_REPORTING_WORKFLOW, {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: planReportingWorkflowId(planId),
      args: [{ planId, timezone: 'Europe/Stockholm', cadence: { periods }, statusRequestBefore: 'PT1S', round: { opensBefore: 'PT6S', deadlineBefore: 'PT4S', freezeAfter: 'PT60S', returnFor: 'PT30S' } }],
    });
    const { runId } = await handle.describe();
    const reportOf = (actionId: string) =>
      waitFor(async () => (await stack.dataSource.query(`SELECT id FROM occurrence WHERE action_id = $1 AND kind = 'status-report'`, [actionId]))[0] as { id: string } | undefined, { what: 'the status report' });
    const mine = await reportOf(first.actionId);
    const theirs = await reportOf(second.actionId);
    const olle = { id: org.olle, roles: ['owner'], name: 'Olle', email: 'olle@kommun.se', unitId: null };
    const cora = { id: org.cora, roles: ['coordinator'], name: 'Cora', email: 'cora@kommun.se', unitId: null };
    await stack.api!.get(OccurrencesService).submitStatusReport(mine.id, { assessment: 'on-track', comment: 'Enligt plan' }, olle);
    await stack.api!.get(RoundsService).returnReport(planId, 'R1', mine.id, { note: 'Komplettera' }, cora);
    await stack.api!.get(OccurrencesService).submitStatusReport(mine.id, { assessment: 'completed', comment: 'Genomförd i mars' }, olle);
    await waitFor(async () => (await stack.dataSource.query(`SELECT status FROM occurrence WHERE id = $1`, [theirs.id]))[0].status, { until: (s) => s === 'overdue', what: 'the overdue report' });
    await waitFor(async () => Date.now(), { until: (now) => now >= Date.parse(periods[0].endsAt), what: 'the end of the period' });
    await stack.api!.get(RoundsService).approve(planId, 'R1', cora);
    await handle.result();
    return stack.client.workflow.getHandle(planReportingWorkflowId(planId), runId);
  },

  // The plan's cadence changed while a period ran: the workflow wakes from its wait and continues
  // as new with quarters (the first run's history is the one kept).
  'plan-reporting-revised': async (stack) => {
    const planId = await insertPlan(stack);
    const periods = [{ key: 'R1', startsAt: inSeconds(-10), endsAt: inSeconds(30) }];
    const handle = await stack.client.workflow.start(PLAN_REPORTING_WORKFLOW, {
      taskQueue: stack.config.temporal.taskQueue,
      workflowId: planReportingWorkflowId(planId),
      args: [{ planId, timezone: 'Europe/Stockholm', cadence: { periods }, statusRequestBefore: 'PT10S', round: { opensBefore: 'PT10S', deadlineBefore: 'PT0S', freezeAfter: 'PT0S', returnFor: 'PT1S' } }],
    });
    const first = await handle.describe();
    await handle.signal(reviseReportingSignal, { cadence: 'quarterly', timezone: 'Europe/Stockholm' });
    const run = stack.client.workflow.getHandle(planReportingWorkflowId(planId), first.runId);
    await waitFor(async () => (await run.describe()).status.name, { until: (s) => s === 'CONTINUED_AS_NEW' });
    await stack.client.workflow.getHandle(planReportingWorkflowId(planId)).terminate('recorded');
    return run;
  },
};
