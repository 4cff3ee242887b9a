import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import { planNotices, repeatAt } from '../../libs/domain/escalation/notice-plan';
import { actionWorkflowId } from '../contracts/engine';
import type { LegacyEngineActivities, LegacyNoticeKind as NoticeKind, LegacyTransitionKind as TransitionKind } from '../contracts/legacy-activities';
import {
  cancelSignal,
  completeUpdate,
  LegacyOccurrenceInput as OccurrenceInput,
  LegacyOccurrenceState as OccurrenceState,
  LegacyOccurrenceStatus as OccurrenceStatus,
  occurrenceClosedSignal,
  occurrenceStateQuery,
  ownersChangedSignal,
  postponeUpdate,
  reassignUpdate,
  skipUpdate,
} from '../contracts/legacy';

const { recordOccurrenceOpened, recordTransition, deliverNotice } = proxyActivities<LegacyEngineActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '1 minute' },
});

const RESOLVED: OccurrenceStatus[] = ['completed', 'skipped', 'cancelled'];

interface Notice {
  key: string;
  kind: NoticeKind;
  step: number;
  at: string;
}

/**
 * FIRST VERSION, kept for the runs started before `actionFollowUpWorkflow` (see contracts/legacy.ts);
 * do not change what it does. One due instance of an action: reminders before due, the overdue notice, the escalation ladder
 * and repeated notices until someone completes, skips or cancels it. A postponement or a policy
 * change re-arms every timer in place (the updatable-timer pattern): the loop below always waits
 * for the earliest notice not yet sent, and wakes early whenever the plan of notices changes.
 */
export async function occurrenceWorkflow(input: OccurrenceInput): Promise<OccurrenceState> {
  const state: OccurrenceState = {
    actionId: input.actionId,
    periodKey: input.periodKey,
    status: 'open',
    dueInstant: input.dueInstant,
    owners: input.owners,
    escalationStep: 0,
    generation: 0,
    nextNoticeAt: undefined,
  };
  let policy = input.policy;
  let sequence = 1; // 1 = opened
  let rearmed = 0;
  let armedAt = nowIso();
  const sent = new Set<string>();
  const resolved = () => RESOLVED.includes(state.status);
  const rearm = () => {
    rearmed++;
    armedAt = nowIso();
  };

  const record = (kind: TransitionKind, extra: { actorPersonId?: string; data?: Record<string, unknown> } = {}) =>
    recordTransition({
      actionId: input.actionId,
      periodKey: input.periodKey,
      sequence: ++sequence,
      kind,
      status: state.status,
      at: nowIso(),
      dueInstant: state.dueInstant,
      owners: state.owners,
      ...extra,
    });

  setHandler(occurrenceStateQuery, () => state);

  setHandler(
    completeUpdate,
    async (request) => {
      if (state.status === 'completed') return state; // idempotent: the first completion stands
      const at = nowIso();
      state.status = 'completed';
      state.completion = { ...request, at, onTime: at <= state.dueInstant };
      await record('completed', { actorPersonId: request.byPersonId, data: { ...state.completion } });
      return state;
    },
    {
      validator: (request) => {
        requireText(request?.byPersonId, 'byPersonId');
        if (state.status === 'skipped' || state.status === 'cancelled') reject(`The occurrence is ${state.status} and cannot be completed`);
      },
    },
  );

  setHandler(
    postponeUpdate,
    async (request) => {
      state.dueInstant = new Date(request.dueInstant).toISOString();
      state.status = 'open';
      state.escalationStep = 0;
      state.generation++;
      rearm();
      await record('postponed', { actorPersonId: request.byPersonId, data: { dueInstant: state.dueInstant, reason: request.reason } });
      return state;
    },
    {
      validator: (request) => {
        requireText(request?.byPersonId, 'byPersonId');
        requireText(request?.reason, 'reason');
        requireOpen(state);
        const due = Date.parse(request.dueInstant);
        if (Number.isNaN(due)) reject(`Not an ISO date-time: "${request.dueInstant}"`);
        if (due <= Date.now()) reject('The new due date must be in the future');
      },
    },
  );

  setHandler(
    skipUpdate,
    async (request) => {
      state.status = 'skipped';
      state.skip = { byPersonId: request.byPersonId, at: nowIso(), reason: request.reason };
      await record('skipped', { actorPersonId: request.byPersonId, data: { reason: request.reason } });
      return state;
    },
    {
      validator: (request) => {
        requireText(request?.byPersonId, 'byPersonId');
        requireText(request?.reason, 'reason');
        requireOpen(state);
      },
    },
  );

  setHandler(
    reassignUpdate,
    async (request) => {
      const previous = state.owners;
      state.owners = { personIds: [request.ownerPersonId], unitIds: [] };
      rearm();
      await record('reassigned', { actorPersonId: request.byPersonId, data: { from: previous, to: state.owners } });
      return state;
    },
    {
      validator: (request) => {
        requireText(request?.byPersonId, 'byPersonId');
        requireText(request?.ownerPersonId, 'ownerPersonId');
        requireOpen(state);
      },
    },
  );

  let cancelReason: string | undefined;
  setHandler(cancelSignal, ({ reason }) => {
    if (resolved()) return;
    state.status = 'cancelled';
    cancelReason = reason;
  });

  setHandler(ownersChangedSignal, (change) => {
    if (resolved()) return;
    if (change.owners) state.owners = change.owners;
    if (change.policy) policy = change.policy;
    rearm();
  });

  await recordOccurrenceOpened({ ...input, openedAt: armedAt });

  while (!resolved()) {
    const next = nextNotice(state, policy, input.timezone, sent, armedAt);
    state.nextNoticeAt = next?.at;
    const seen = rearmed;
    const wake = () => resolved() || rearmed !== seen;
    if (!next) {
      await condition(wake);
      continue;
    }
    const waitMs = Date.parse(next.at) - Date.now();
    if (waitMs > 0 && (await condition(wake, waitMs))) continue;
    sent.add(next.key);
    await fire(next);
  }

  async function fire(notice: Notice): Promise<void> {
    const transition = transitionFor(notice);
    if (transition) {
      state.status = transition.status;
      if (notice.kind === 'escalation') state.escalationStep = notice.step + 1;
    }
    await deliverNotice({
      actionId: input.actionId,
      planId: input.planId,
      periodKey: input.periodKey,
      kind: notice.kind,
      step: notice.step,
      ladderStep: notice.kind === 'repeat' ? state.escalationStep - 1 : undefined,
      generation: state.generation,
      owners: state.owners,
      dueInstant: state.dueInstant,
      firedAt: nowIso(),
    });
    if (transition && !resolved()) await record(transition.kind, { data: { step: notice.step } });
  }

  if (state.status === 'cancelled') await record('cancelled', { data: { reason: cancelReason } });
  await condition(allHandlersFinished);
  await tellAction(input.actionId, input.periodKey);
  return state;
}

/** The earliest notice of the current generation not yet sent; past ones fire at once, in order. */
function nextNotice(state: OccurrenceState, policy: OccurrenceInput['policy'], timezone: string, sent: Set<string>, armedAt: string): Notice | undefined {
  const planned = planNotices(state.dueInstant, policy, timezone);
  const key = (n: { kind: string; step: number }) => `g${state.generation}:${n.kind}:${n.step}`;
  // Reminders whose time had passed when the timers were armed (a late start, a postponement) are
  // stale: the owner gets the latest of them once, and none at all when the due time has passed.
  const stale = planned.filter((n) => n.kind === 'reminder' && n.at < armedAt);
  const dueStillAhead = state.dueInstant > armedAt;
  const skipped = new Set(dueStillAhead ? stale.slice(0, -1) : stale);
  for (const notice of planned) {
    if (skipped.has(notice) || sent.has(key(notice))) continue;
    return { ...notice, key: key(notice) };
  }
  const last = planned[planned.length - 1];
  if (!last || state.escalationStep === 0) return undefined;
  for (let k = 1; ; k++) {
    const at = repeatAt(last.at, policy, timezone, k);
    if (!at) return undefined;
    const notice = { kind: 'repeat' as const, step: k, at };
    if (!sent.has(key(notice))) return { ...notice, key: key(notice) };
  }
}

/** Reminders and repeats change nothing; the overdue notice and each escalation step do. */
function transitionFor(notice: Notice): { kind: TransitionKind; status: OccurrenceStatus } | undefined {
  if (notice.kind === 'overdue') return { kind: 'overdue', status: 'overdue' };
  if (notice.kind === 'escalation') return { kind: 'escalated', status: 'escalated' };
  return undefined;
}

/** Lets the action know this occurrence is over, so withdrawing the action need not cancel it. */
async function tellAction(actionId: string, periodKey: string): Promise<void> {
  try {
    await getExternalWorkflowHandle(actionWorkflowId(actionId)).signal(occurrenceClosedSignal, periodKey);
  } catch {
    // The action workflow has ended (withdrawn): nothing to tell.
  }
}

function nowIso(): string {
  return new Date(Date.now()).toISOString();
}

function requireOpen(state: OccurrenceState): void {
  if (['completed', 'skipped', 'cancelled'].includes(state.status)) reject(`The occurrence is already ${state.status}`);
}

function requireText(value: unknown, name: string): void {
  if (typeof value !== 'string' || value.trim() === '') reject(`${name} is required`);
}

function reject(message: string): never {
  throw ApplicationFailure.create({ type: 'InvalidTransition', message, nonRetryable: true });
}
