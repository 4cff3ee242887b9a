import { condition, continueAsNew, getExternalWorkflowHandle, proxyLocalActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { nextNotice, noticesDueBy } from '../libs/domain/occurrence/notices';
import { rearm } from '../libs/domain/occurrence/commands';
import type { OccurrenceState } from '../libs/domain/occurrence/state';
import { isResolved } from '../libs/domain/occurrence/status';
import type { FollowUpActivities, NoticeToFire } from './contracts/activities';
import {
  ActionInput,
  ActionState,
  actionStateQuery,
  actionWorkflowId,
  occurrenceChangedSignal,
  pauseSignal,
  resumeSignal,
  reviseSignal,
  withdrawSignal,
} from './contracts/engine';
import { cancelSignal, legacyOccurrenceWorkflowId, occurrenceClosedSignal, ownersChangedSignal } from './contracts/legacy';
import { nextOpening, Opening } from '../libs/domain/occurrence/opening';
import { adoption, earliest, nowIso } from './instants';

// Local activities: each is one short transaction, run by the worker inside the workflow task
// that needs it, so a notice costs one workflow task instead of a round of activity tasks.
const { openOccurrence, fireNotices, closeAction } = proxyLocalActivities<FollowUpActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

/** Openings per run before continuing as new: keeps each run's history short. */
const OPENINGS_PER_RUN = 10;
/** Events per run before continuing as new (an occurrence repeating its notices for months). */
const EVENTS_PER_RUN = 2_000;

/**
 * One workflow per action, for as long as the action lives. It opens the action's occurrences
 * when their time comes (the schedule is pure code in libs/domain) and follows every open one with
 * a single timer: the loop always sleeps until the earliest thing due — the next opening or the
 * next notice of any open occurrence — and wakes early when a signal changes the plan.
 *
 * The database is the arbiter of each occurrence (libs/domain/occurrence decides, under a row
 * lock): people's changes are recorded by the API, which then sends the workflow the occurrence as
 * it now is; a notice is recorded by an activity that checks it against the row first and returns
 * the row, so a notice made stale by a change the workflow has not heard of yet is never sent.
 */
export async function actionFollowUpWorkflow(input: ActionInput): Promise<void> {
  let { schedule, timezone, policy } = input;
  let paused = input.paused ?? false;
  let openedThrough = input.openedThrough;
  const open = new Map<string, OccurrenceState>((input.open ?? []).map((o) => [o.periodKey, o]));
  const legacy = new Set(input.legacyOccurrences ?? []);
  let withdrawal: { reason?: string; byPersonId?: string } | undefined;
  let pending: Opening | undefined;
  /** Bumped when the schedule, timezone or policy change: the next opening is computed again. */
  let plan = 0;
  let pendingFor: string | undefined;
  /** Bumped by every signal that changes what is due when: the loop re-plans its timer. */
  let changes = 0;
  /** Bumped by pause and resume only: tells a stale "paused" from an activity apart from a newer resume. */
  let pauseChanges = 0;

  const adopt = (state: OccurrenceState) => {
    const decision = adoption(open.get(state.periodKey), state);
    if (decision === 'drop') open.delete(state.periodKey);
    else if (decision === 'keep') open.set(state.periodKey, state);
  };

  setHandler(reviseSignal, (revision) => {
    schedule = revision.schedule ?? schedule;
    timezone = revision.timezone ?? timezone;
    policy = revision.policy ?? policy;
    plan++;
    if (revision.owners || revision.policy) {
      const at = revision.at ?? nowIso();
      for (const [key, state] of open) open.set(key, rearm(state, { owners: revision.owners, at }));
      for (const periodKey of legacy) void signalLegacy(input.actionId, periodKey, 'ownersChanged', { owners: revision.owners, policy: revision.policy });
    }
    changes++;
  });
  setHandler(pauseSignal, () => {
    paused = true;
    pauseChanges++;
    changes++;
  });
  setHandler(resumeSignal, () => {
    if (paused) for (const [key, state] of open) open.set(key, rearm(state, { at: nowIso() }));
    paused = false;
    pauseChanges++;
    changes++;
  });
  setHandler(withdrawSignal, (request) => {
    withdrawal = request ?? {};
    changes++;
  });
  setHandler(occurrenceChangedSignal, (state) => {
    adopt(state);
    changes++;
  });
  setHandler(occurrenceClosedSignal, (periodKey) => void legacy.delete(periodKey));
  setHandler(actionStateQuery, (): ActionState => ({
    actionId: input.actionId,
    status: withdrawal ? 'withdrawn' : paused ? 'paused' : pending || open.size || schedule.kind === 'continuous' ? 'active' : 'finished',
    openedThrough,
    next: pending && { periodKey: pending.periodKey, due: pending.due, dueInstant: pending.dueInstant, opensAt: pending.opensAt },
    openOccurrences: [...open.keys()],
    occurrences: [...open.values()].map((o) => ({ periodKey: o.periodKey, status: o.status, dueInstant: o.dueInstant, nextNoticeAt: nextNotice(o, policy, timezone)?.at })),
  }));

  let openedThisRun = 0;
  while (!withdrawal) {
    const seen = changes;
    pending = nextPending();
    const wakeAt = paused ? undefined : earliest([pending?.opensAt, ...[...open.values()].map((o) => nextNotice(o, policy, timezone)?.at)]);
    if (!wakeAt) {
      await condition(() => changes !== seen);
      continue;
    }
    const waitMs = Date.parse(wakeAt) - Date.now();
    if (waitMs > 0 && (await condition(() => changes !== seen, waitMs))) continue;

    const now = nowIso();
    if (pending && pending.opensAt <= now) {
      await open_(pending);
      openedThisRun++;
    }
    const due = paused ? [] : dueNotices(now);
    if (due.length) await fire(due, now);

    const info = workflowInfo();
    if (!withdrawal && (openedThisRun >= OPENINGS_PER_RUN || info.historyLength > EVENTS_PER_RUN || info.continueAsNewSuggested)) {
      await continueAsNew<typeof actionFollowUpWorkflow>({ ...input, schedule, timezone, policy, paused, openedThrough, open: [...open.values()], legacyOccurrences: [...legacy] });
    }
  }

  // Withdrawn: first-version children are cancelled by signal, the rest in the database.
  const reason = withdrawal.reason ?? 'The action was withdrawn';
  for (const periodKey of legacy) await signalLegacy(input.actionId, periodKey, 'cancel', { reason });
  await closeAction({ actionId: input.actionId, reason, byPersonId: withdrawal.byPersonId, at: nowIso() });

  async function open_(opening: Opening): Promise<void> {
    const pauses = pauseChanges;
    const result = await openOccurrence({
      actionId: input.actionId,
      planId: input.planId,
      workflowId: actionWorkflowId(input.actionId),
      periodKey: opening.periodKey,
      periodStart: opening.periodStart,
      periodEnd: opening.periodEnd,
      dueInstant: opening.dueInstant,
      openedAt: nowIso(),
      // Absent for every schedule but a quota: the activity's input is all that changes, not the
      // commands, so histories recorded before quotas replay unchanged.
      ...(opening.quota ? { quota: opening.quota } : {}),
    });
    if ('refused' in result) return heed(result.refused, pauses);
    openedThrough = opening.dueInstant;
    if (!isResolved(result.state.status)) open.set(result.state.periodKey, result.state);
  }

  /** The next opening: computed again only when the schedule or what has been opened changes. */
  function nextPending(): Opening | undefined {
    const key = `${plan}|${openedThrough}`;
    if (key !== pendingFor) {
      pending = nextOpening({ schedule, timezone, policy, openedThrough, followFrom: input.followFrom, openBefore: input.openBefore, now: nowIso() });
      pendingFor = key;
    }
    return pending;
  }

  function dueNotices(now: string): NoticeToFire[] {
    const due: NoticeToFire[] = [];
    for (const state of open.values()) {
      for (const { notice } of noticesDueBy(state, policy, timezone, now)) {
        due.push({ occurrenceId: state.id, periodKey: state.periodKey, generation: state.generation, kind: notice.kind, step: notice.step });
      }
    }
    return due;
  }

  async function fire(due: NoticeToFire[], now: string): Promise<void> {
    const pauses = pauseChanges;
    const result = await fireNotices({ actionId: input.actionId, planId: input.planId, notices: due, firedAt: now });
    for (const state of result.occurrences) adopt(state);
    if (result.actionStatus === 'paused' || result.actionStatus === 'withdrawn') heed(result.actionStatus, pauses);
  }

  /**
   * The database says the action is paused or withdrawn although no signal said so (Temporal was
   * unreachable when it changed): follow the database, unless a newer pause or resume has come.
   */
  function heed(status: 'paused' | 'withdrawn', pausesBefore: number): void {
    if (status === 'withdrawn') withdrawal ??= { reason: 'The action was withdrawn' };
    else if (pauseChanges === pausesBefore) paused = true;
  }
}


async function signalLegacy(actionId: string, periodKey: string, signal: 'cancel' | 'ownersChanged', arg: object): Promise<void> {
  const handle = getExternalWorkflowHandle(legacyOccurrenceWorkflowId(actionId, periodKey));
  try {
    if (signal === 'cancel') await handle.signal(cancelSignal, arg as { reason: string });
    else await handle.signal(ownersChangedSignal, arg);
  } catch {
    // The occurrence has closed meanwhile: nothing to change.
  }
}
