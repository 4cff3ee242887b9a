import { continueAsNew, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { duration } from '../libs/domain/escalation/notice-plan';
import { followingPeriod, periodFromKey, reportingPeriodAt } from '../libs/domain/reporting/periods';
import type { ReportingActivities } from './contracts/activities';
import { PlanReportingInput, planReportingStateQuery, ReportingPeriod } from './contracts/engine';

const { requestStatusLines, freezeReport } = proxyActivities<ReportingActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/**
 * One per plan. For each reporting period: before it ends, asks the owners of continuous actions
 * for a status line; when it ends, freezes the board report snapshot. One period per run, then
 * continue-as-new, so the history never grows.
 */
export async function planReportingWorkflow(input: PlanReportingInput): Promise<void> {
  const period = currentPeriod(input);
  setHandler(planReportingStateQuery, () => ({ current: period, frozen: input.reportedThrough ? [input.reportedThrough] : [] }));
  if (!period) return; // explicit periods all reported

  const askAt = DateTime.fromISO(period.endsAt).minus(duration(input.statusRequestBefore));
  await sleepUntil(askAt.toUTC().toISO() as string);
  await requestStatusLines({ planId: input.planId, period, firedAt: nowIso() });

  await sleepUntil(period.endsAt);
  await freezeReport({ planId: input.planId, period, timezone: input.timezone, frozenAt: nowIso() });

  await continueAsNew<typeof planReportingWorkflow>({ ...input, reportedThrough: period.key });
}

/** The first period not yet reported: explicit (tests) or calendar half-years/quarters. */
function currentPeriod(input: PlanReportingInput): ReportingPeriod | undefined {
  const { cadence, timezone, reportedThrough } = input;
  if (typeof cadence === 'object') {
    const done = reportedThrough ? cadence.periods.findIndex((p) => p.key === reportedThrough) : -1;
    return cadence.periods[done + 1];
  }
  const now = reportingPeriodAt(nowIso(), cadence, timezone);
  if (!reportedThrough) return now;
  const last = periodFromKey(reportedThrough, timezone);
  if (!last) return now;
  // After a report, the next period; if an outage skipped periods, the current one.
  const after = followingPeriod(last, cadence, timezone);
  return after.endsAt <= now.startsAt ? now : after;
}

async function sleepUntil(instant: string): Promise<void> {
  const ms = Date.parse(instant) - Date.now();
  if (ms > 0) await sleep(ms);
}

function nowIso(): string {
  return new Date(Date.now()).toISOString();
}
