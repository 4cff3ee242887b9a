import { OccurrencesService } from '../../apps/api/occurrences/occurrences.service';
import { parseSchedule } from '../../libs/domain/schedule';
import { PLAN_REPORTING_WORKFLOW, planReportingWorkflowId, PlanReportingInput } from '../../workflows/contracts/engine';
import { startTestStack, TestStack } from '../support/test-stack';
import { inSeconds, waitFor } from '../support/wait-for';
import { actingAs, insertPlan, LADDER, occurrenceRow, Org, seedOrg, startAction } from './fixtures';

describe('plan reporting workflow', () => {
  let stack: TestStack;
  let org: Org;
  beforeAll(async () => {
    stack = await startTestStack({ api: true });
    org = await seedOrg(stack);
  });
  afterAll(() => stack?.close());

  it('gives every action a status report in the round, then freezes a report that later work does not change', async () => {
    const planId = await insertPlan(stack);
    const quiet = { ...LADDER, remindBefore: [], escalateAfter: [] };
    const visits = await startAction(stack, { planId, title: 'Regelbundna företagsbesök', owners: { personIds: [org.olle], unitIds: [] }, schedule: parseSchedule({ text: 'Näringslivsansvariga utför regelbundna företagsbesök.', when: 'Q1 2020' }), policy: quiet });
    const meeting = await startAction(stack, { planId, title: 'Företagsträff', owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(5)], policy: quiet });
    const open = await startAction(stack, { planId, title: 'Enkät', owners: { personIds: [org.olle], unitIds: [] }, due: [inSeconds(2)], policy: quiet });

    // The round opens 4 s before the period ends and, unapproved, freezes at its end.
    const period = { key: 'T1', startsAt: inSeconds(-60), endsAt: inSeconds(7) };
    const round = { opensBefore: 'PT4S', deadlineBefore: 'PT1S', freezeAfter: 'PT0S', returnFor: 'PT10S' };
    const input: PlanReportingInput = { planId, timezone: 'Europe/Stockholm', cadence: { periods: [period] }, statusRequestBefore: 'PT4S', round };
    const handle = await stack.client.workflow.start(PLAN_REPORTING_WORKFLOW, { taskQueue: stack.config.temporal.taskQueue, workflowId: planReportingWorkflowId(planId), args: [input] });

    const reports = await waitFor(
      async (): Promise<Array<{ id: string; action_id: string }>> => stack.dataSource.query(`SELECT id, action_id FROM occurrence WHERE kind = 'status-report' AND plan_id = $1`, [planId]),
      { until: (rows) => rows.length === 3, what: 'a status report for every action' },
    );
    const visitsReport = reports.find((r) => r.action_id === visits.actionId)!;
    await stack.api!.get(OccurrencesService).submitStatusReport(visitsReport.id, { assessment: 'on-track', comment: 'Tolv besök under perioden' }, { id: org.olle, roles: ['owner'], name: 'Olle', email: 'olle@kommun.se', unitId: null });

    const meetingRow = await waitFor(() => occurrenceRow(stack, meeting.actionId), { what: 'the meeting occurrence' });
    await actingAs(stack, org.olle).complete(meetingRow.id as string, { note: 'Genomförd' });

    await handle.result(); // the explicit periods are all reported
    const [snapshot] = await stack.dataSource.query('SELECT document FROM report_snapshot WHERE plan_id = $1 AND period_key = $2', [planId, 'T1']);
    const actions = snapshot.document.areas.flatMap((a: { actions: unknown[] }) => a.actions);
    const byTitle = (t: string) => actions.find((a: { title: string }) => a.title === t);
    expect(byTitle('Regelbundna företagsbesök')).toMatchObject({ kind: 'continuous', statusReport: { state: 'submitted', assessment: 'on-track', comment: 'Tolv besök under perioden', submittedBy: 'Olle' } });
    expect(byTitle('Enkät').statusReport).toMatchObject({ state: 'not-reported' });
    expect(snapshot.document.round).toMatchObject({ status: 'frozen', approvedBy: null });
    expect(byTitle('Företagsträff').occurrences).toEqual([expect.objectContaining({ outcome: 'completed-on-time', comment: 'Genomförd', completedBy: 'Olle', late: false })]);
    expect(byTitle('Enkät').occurrences).toEqual([expect.objectContaining({ outcome: 'open', late: true })]);
    expect(snapshot.document.totals).toMatchObject({ due: 2, completedOnTime: 1, open: 1, late: 1 });

    // Work recorded after the freeze does not change the report; the database refuses edits.
    const openRow = await occurrenceRow(stack, open.actionId);
    await actingAs(stack, org.olle).complete(openRow!.id as string);
    const [after] = await stack.dataSource.query('SELECT document FROM report_snapshot WHERE plan_id = $1 AND period_key = $2', [planId, 'T1']);
    expect(after.document).toEqual(snapshot.document);
    await expect(stack.dataSource.query(`UPDATE report_snapshot SET document = '{}' WHERE plan_id = $1`, [planId])).rejects.toThrow('append-only');
  }, 60_000);
});
