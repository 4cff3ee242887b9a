import { condition, continueAsNew, patched, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { duration } from '../libs/domain/escalation/notice-plan';
import { followingPeriod, periodFromKey, reportingPeriodAt } from '../libs/domain/reporting/periods';
import type { ReportingActivities } from './contracts/activities';
import { PlanReportingInput, planReportingStateQuery, ReportingPeriod, ReportingRevision, reviseReportingSignal } from './contracts/engine';

const { requestStatusLines, freezeReport } = proxyActivities<ReportingActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Runs recorded before the plan's cadence could change slept without waking; they still do. */
const REVISABLE = 'reporting-revisable';

/**
 * One per plan. For each reporting period: before it ends, asks the owners of continuous actions
 * for a status line; when it ends, freezes the board report snapshot. One period per run, then
 * continue-as-new, so the history never grows. A new cadence or timezone (reviseReporting) wakes
 * it: it continues as new with them, and the period being followed is computed again.
 */
export async function planReportingWorkflow(input: PlanReportingInput): Promise<void> {
  const period = currentPeriod(input);
  let revision: ReportingRevision | undefined;
  setHandler(planReportingStateQuery, () => ({ current: period, frozen: input.reportedThrough ? [input.reportedThrough] : [] }));
  setHandler(reviseReportingSignal, (r) => void (revision = r));
  const revised = () => continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision });
  if (!period) return; // explicit periods all reported

  const askAt = DateTime.fromISO(period.endsAt).minus(duration(input.statusRequestBefore));
  if (await waitUntil(askAt.toUTC().toISO() as string, () => revision !== undefined)) return revised();
  await requestStatusLines({ planId: input.planId, period, firedAt: nowIso() });

  if (await waitUntil(period.endsAt, () => revision !== undefined)) return revised();
  await freezeReport({ planId: input.planId, period, timezone: input.timezone, frozenAt: nowIso() });

  await continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision, reportedThrough: period.key });
}

/** Sleeps until the instant; true when `woken` became true first (only in runs that can be revised). */
async function waitUntil(instant: string, woken: () => boolean): Promise<boolean> {
  const ms = Date.parse(instant) - Date.now();
  if (!patched(REVISABLE)) {
    if (ms > 0) await sleep(ms);
    return false;
  }
  if (woken()) return true;
  return ms > 0 ? condition(woken, ms) : false;
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

function nowIso(): string {
  return new Date(Date.now()).toISOString();
}
