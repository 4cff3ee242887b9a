import { condition, continueAsNew, patched, proxyActivities, proxyLocalActivities, setHandler, sleep, workflowInfo } from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { duration } from '../libs/domain/escalation/notice-plan';
import { nextNotice, noticesDueBy } from '../libs/domain/occurrence/notices';
import type { OccurrenceState } from '../libs/domain/occurrence/state';
import { followingPeriod, periodFromKey, reportingPeriodAt } from '../libs/domain/reporting/periods';
import { DEFAULT_ROUND_SETTINGS, roundTimes } from '../libs/domain/reporting/round';
import type { FollowUpActivities, NoticeToFire, OpenRoundResult, ReportingActivities } from './contracts/activities';
import {
  occurrenceChangedSignal,
  PlanReportingInput,
  planReportingStateQuery,
  ReportingPeriod,
  ReportingRevision,
  reviseReportingSignal,
  roundClosedSignal,
} from './contracts/engine';
import { adoption, earliest, nowIso } from './instants';

const { requestStatusLines, freezeReport, openRound, freezeRound } = proxyActivities<ReportingActivities>({
  startToCloseTimeout: '2 minutes',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});
// The status reports' notices are recorded by the same activity as every task's (one per action).
const { fireNotices } = proxyLocalActivities<FollowUpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Runs recorded before the plan's cadence could change slept without waking; they still do. */
const REVISABLE = 'reporting-revisable';
/** Runs recorded before reporting rounds asked continuous actions for a status line; they still do. */
const ROUNDS = 'reporting-rounds';
/** Events per run before continuing as new mid-round (the round is opened again: idempotent). */
const EVENTS_PER_RUN = 2_000;

/**
 * One per plan. For each reporting period a reporting round: it opens some time before the period
 * ends and gives every action's owners a status report to submit (an occurrence of kind
 * 'status-report'), follows those like the action's workflow follows its tasks — one timer to the
 * earliest notice, the database as arbiter, changes sent in as `occurrenceChanged` — and ends when
 * the coordinator approves the round (the API freezes the report, then `roundClosed`) or when the
 * grace time after the period's end runs out (the report freezes here, unapproved). One period per
 * run, then continue-as-new, so the history never grows. A new cadence or timezone
 * (reviseReporting) before the round opens wakes it: it continues as new with them.
 */
export async function planReportingWorkflow(input: PlanReportingInput): Promise<void> {
  const period = currentPeriod(input);
  let revision: ReportingRevision | undefined;
  let closed = false;
  let roundOpened = false;
  let changes = 0;
  /** The round's unresolved status reports, by occurrence id. */
  const following = new Map<string, { actionId: string; state: OccurrenceState }>();
  setHandler(planReportingStateQuery, () => ({
    current: period,
    frozen: input.reportedThrough ? [input.reportedThrough] : [],
    ...(roundOpened ? { round: { periodKey: period!.key, following: [...following.keys()] } } : {}),
  }));
  setHandler(reviseReportingSignal, (r) => {
    revision = r;
    changes++;
  });
  /** A newer copy of a followed status report, from the API or from fireNotices. */
  const adopt = (state: OccurrenceState): boolean => {
    const mine = following.get(state.id);
    const decision = adoption(mine?.state, state);
    if (decision === 'drop') following.delete(state.id);
    else if (decision === 'keep') following.set(state.id, { actionId: mine!.actionId, state });
    return decision !== 'ignore';
  };
  // Only a copy taken wakes the loop: an ignored one changes nothing it plans by.
  setHandler(occurrenceChangedSignal, (state) => {
    if (adopt(state)) changes++;
  });
  setHandler(roundClosedSignal, ({ periodKey }) => {
    if (periodKey === period?.key) closed = true;
    changes++;
  });
  const revised = () => continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision });
  if (!period) return; // explicit periods all reported

  if (!patched(ROUNDS)) return statusLinesPeriod(input, period, () => revision);

  const settings = input.round ?? DEFAULT_ROUND_SETTINGS;
  const times = roundTimes(period, settings);
  if (await waitUntil(times.opensAt, () => revision !== undefined)) return revised();

  const round = await openRound({ planId: input.planId, period, settings, openedAt: nowIso(), workflowId: workflowInfo().workflowId });
  roundOpened = true;
  for (const report of round.unresolved) following.set(report.state.id, report);
  if (round.status === 'open') await followRound(round);

  await freezeRound({ planId: input.planId, periodKey: period.key, frozenAt: nowIso() });
  await continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision, reportedThrough: period.key });

  /** Until approved or frozen: sleeps to the earliest notice of a missing report, or to the freeze. */
  async function followRound(opened: OpenRoundResult): Promise<void> {
    /** Actions the database says are paused (or in an archived plan): their reports send nothing in this run. */
    const muted = new Set<string>();
    while (!closed) {
      const seen = changes;
      const notices = [...following.values()].filter((r) => !muted.has(r.actionId)).map((r) => nextNotice(r.state, opened.policy, opened.timezone)?.at);
      const wakeAt = earliest([opened.freezesAt, ...notices]) as string;
      const waitMs = Date.parse(wakeAt) - Date.now();
      if (waitMs > 0 && (await condition(() => changes !== seen, waitMs))) continue;
      const now = nowIso();
      if (now >= opened.freezesAt) return;
      await fireDue(now);
      const info = workflowInfo();
      if (info.historyLength > EVENTS_PER_RUN || info.continueAsNewSuggested) await continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision });
    }

    async function fireDue(now: string): Promise<void> {
      const byAction = new Map<string, NoticeToFire[]>();
      for (const { actionId, state } of following.values()) {
        if (muted.has(actionId)) continue;
        for (const { notice } of noticesDueBy(state, opened.policy, opened.timezone, now)) {
          const list = byAction.get(actionId) ?? [];
          list.push({ occurrenceId: state.id, periodKey: state.periodKey, generation: state.generation, kind: notice.kind, step: notice.step });
          byAction.set(actionId, list);
        }
      }
      for (const [actionId, notices] of byAction) {
        const result = await fireNotices({ actionId, planId: input.planId, notices, firedAt: now });
        for (const state of result.occurrences) void adopt(state);
        if (result.actionStatus === 'paused') muted.add(actionId);
        if (result.actionStatus === 'withdrawn') for (const [id, r] of following) if (r.actionId === actionId) following.delete(id);
      }
    }
  }
}

/**
 * The period as runs recorded before reporting rounds followed it: before it ends, asks the owners
 * of continuous actions for a status line; when it ends, freezes the board report snapshot.
 */
async function statusLinesPeriod(input: PlanReportingInput, period: ReportingPeriod, revision: () => ReportingRevision | undefined): Promise<void> {
  const revised = () => continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision() });
  const askAt = DateTime.fromISO(period.endsAt).minus(duration(input.statusRequestBefore));
  if (await waitUntil(askAt.toUTC().toISO() as string, () => revision() !== undefined)) return revised();
  await requestStatusLines({ planId: input.planId, period, firedAt: nowIso() });

  if (await waitUntil(period.endsAt, () => revision() !== undefined)) return revised();
  await freezeReport({ planId: input.planId, period, timezone: input.timezone, frozenAt: nowIso() });

  await continueAsNew<typeof planReportingWorkflow>({ ...input, ...revision(), reportedThrough: period.key });
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

