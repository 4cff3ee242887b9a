import {
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  makeContinueAsNewFunc,
  ParentClosePolicy,
  patched,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
  WorkflowIdReusePolicy,
} from '@temporalio/workflow';
import { DateTime } from 'luxon';
import { duration } from '../../libs/domain/escalation/notice-plan';
import { nextOccurrence } from '../../libs/domain/schedule/occurrences';
import type { Occurrence } from '../../libs/domain/schedule/types';
import { ACTION_WORKFLOW, ActionInput, actionStateQuery, pauseSignal, resumeSignal, reviseSignal, withdrawSignal } from '../contracts/engine';
import type { LegacyEngineActivities } from '../contracts/legacy-activities';
import {
  cancelSignal,
  LegacyActionInput,
  legacyOccurrenceWorkflowId as occurrenceWorkflowId,
  occurrenceClosedSignal,
  ownersChangedSignal,
} from '../contracts/legacy';
import { occurrenceWorkflow } from './occurrence.workflow';

const { recordActionStatus } = proxyActivities<LegacyEngineActivities>({ startToCloseTimeout: '30 seconds' });

/**
 * Runs of this first version move on to `actionFollowUpWorkflow` at their next step: the new
 * type opens the occurrences from then on and holds them itself; the children this run started
 * carry on as they are (passed over as `legacyOccurrences`). Replays of what was recorded before
 * take the old path.
 */
const CONTINUE_AS_FOLLOW_UP = 'continue-as-action-follow-up';
// Made when used, not at load: it reads the running workflow's info, and this module is loaded
// once per worker thread, before any workflow runs (see libs/temporal/worker-factory.ts).
const continueAsFollowUp = (input: ActionInput) => makeContinueAsNewFunc<(input: ActionInput) => Promise<void>>({ workflowType: ACTION_WORKFLOW })(input);

/**
 * Explicit instants open as soon as the previous one falls due (the first at once) instead of at
 * local midnight of their own day: a task due tonight is visible now. Runs recorded before this
 * change keep their old timers.
 */
const INSTANTS_OPEN_AT_PREVIOUS = 'instants-open-at-previous';

/** Openings per run before continuing as new: keeps each run's history to a few hundred events. */
const OPENINGS_PER_RUN = 10;

/**
 * FIRST VERSION, kept for the runs started before `actionFollowUpWorkflow` (see contracts/legacy.ts).
 * One workflow per action, for as long as the action lives. It computes the next occurrence from
 * the schedule (pure code in libs/domain), sleeps until it opens, starts its OccurrenceWorkflow as
 * an abandoned child (so occurrences outlive revisions and runs of this workflow) and continues as
 * new every few openings so that decades of occurrences never make a long history.
 */
export async function actionWorkflow(input: LegacyActionInput): Promise<void> {
  let { schedule, timezone, policy, owners } = input;
  let paused = input.paused ?? false;
  let openedThrough = input.openedThrough;
  const open = new Set(input.openOccurrences ?? []);
  let withdrawal: { reason?: string; byPersonId?: string } | undefined;
  let revision = 0;
  let next: (Occurrence & { opensAt: string }) | undefined;

  setHandler(reviseSignal, (change) => {
    schedule = change.schedule ?? schedule;
    timezone = change.timezone ?? timezone;
    policy = change.policy ?? policy;
    owners = change.owners ?? owners;
    revision++;
    if (change.owners || change.policy) {
      for (const periodKey of open) void signalOccurrence(input.actionId, periodKey, 'ownersChanged', { owners: change.owners, policy: change.policy });
    }
  });
  setHandler(pauseSignal, () => void (paused = true));
  setHandler(resumeSignal, () => void (paused = false));
  setHandler(withdrawSignal, (request) => void (withdrawal = request ?? {}));
  setHandler(occurrenceClosedSignal, (periodKey) => void open.delete(periodKey));
  setHandler(actionStateQuery, () => ({
    actionId: input.actionId,
    status: withdrawal ? 'withdrawn' : paused ? 'paused' : next || schedule.kind === 'continuous' ? 'active' : 'finished',
    openedThrough,
    next: next && { periodKey: next.periodKey, due: next.due, dueInstant: next.dueInstant, opensAt: next.opensAt },
    openOccurrences: [...open],
    occurrences: [],
  }));

  const moveOn = async (): Promise<void> => {
    if (!withdrawal && patched(CONTINUE_AS_FOLLOW_UP)) {
      await continueAsFollowUp({
        actionId: input.actionId,
        planId: input.planId,
        schedule,
        timezone,
        policy,
        paused,
        openedThrough,
        openBefore: input.openBefore,
        followFrom: input.followFrom,
        legacyOccurrences: [...open],
      });
    }
  };

  let openedThisRun = 0;
  while (!withdrawal) {
    await moveOn();
    const seen = revision;
    const changed = () => !!withdrawal || revision !== seen;
    if (paused) {
      await condition(() => !paused || changed());
      continue;
    }
    const occurrence = nextOccurrence(schedule, { after: openedThrough ?? input.followFrom, timezone });
    next = occurrence && { ...occurrence, opensAt: opensAt(occurrence, [...policy.remindBefore, ...(input.openBefore ? [input.openBefore] : [])], timezone) };
    if (next && schedule.rule?.type === 'instants' && patched(INSTANTS_OPEN_AT_PREVIOUS)) {
      const previous = openedThrough ?? new Date(Date.now()).toISOString();
      if (previous < next.opensAt) next.opensAt = previous;
    }
    if (!next) {
      await condition(() => changed() || paused); // nothing more to open until a revision
      continue;
    }
    const waitMs = Date.parse(next.opensAt) - Date.now();
    if (waitMs > 0 && (await condition(() => changed() || paused, waitMs))) continue;
    await moveOn();

    await openOccurrence(next);
    open.add(next.periodKey);
    openedThrough = next.dueInstant;
    if (++openedThisRun >= OPENINGS_PER_RUN || workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof actionWorkflow>({ ...input, schedule, timezone, policy, owners, paused, openedThrough, openOccurrences: [...open] });
    }
  }

  for (const periodKey of open) await signalOccurrence(input.actionId, periodKey, 'cancel', { reason: withdrawal.reason ?? 'The action was withdrawn' });
  await recordActionStatus({ actionId: input.actionId, status: 'withdrawn', at: new Date(Date.now()).toISOString() });

  async function openOccurrence(occurrence: Occurrence): Promise<void> {
    try {
      await startChild(occurrenceWorkflow, {
        workflowId: occurrenceWorkflowId(input.actionId, occurrence.periodKey),
        args: [
          {
            actionId: input.actionId,
            planId: input.planId,
            periodKey: occurrence.periodKey,
            periodStart: occurrence.periodStart,
            periodEnd: occurrence.periodEnd,
            dueInstant: occurrence.dueInstant,
            timezone,
            policy,
            owners,
          },
        ],
        parentClosePolicy: ParentClosePolicy.ABANDON,
        workflowIdReusePolicy: WorkflowIdReusePolicy.REJECT_DUPLICATE,
      });
    } catch (error) {
      // Already opened by an earlier run (a retried task after continue-as-new): that one stands.
      if (!(error instanceof Error && error.name === 'WorkflowExecutionAlreadyStartedError')) throw error;
    }
  }
}

/**
 * An occurrence opens at the start of its period (local midnight), but never later than its first
 * reminder, and at once when that moment has passed.
 */
function opensAt(occurrence: Occurrence, leadTimes: string[], timezone: string): string {
  const periodStart = DateTime.fromISO(occurrence.periodStart, { zone: timezone }).startOf('day');
  const due = DateTime.fromISO(occurrence.dueInstant, { zone: timezone });
  const leads = leadTimes.map((d) => due.minus(duration(d)));
  const earliest = [periodStart, ...leads].reduce((a, b) => (b < a ? b : a));
  return earliest.toUTC().toISO() as string;
}

async function signalOccurrence(actionId: string, periodKey: string, signal: 'cancel' | 'ownersChanged', arg: object): Promise<void> {
  const handle = getExternalWorkflowHandle(occurrenceWorkflowId(actionId, periodKey));
  try {
    if (signal === 'cancel') await handle.signal(cancelSignal, arg as { reason: string });
    else await handle.signal(ownersChangedSignal, arg);
  } catch {
    // The occurrence has closed meanwhile: nothing to change.
  }
}
