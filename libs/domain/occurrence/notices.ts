import { planNotices, planQuotaNotices, repeatAt } from '../escalation/notice-plan';
import type { NoticePolicy } from '../escalation/policy';
import type { Change, NoticeKind, OccurrenceState } from './state';
import { isResolved } from './status';
import { paceOf, type Pace } from '../quota/pace';

/** One notice of an occurrence, due at `at`. `key` is unique within the occurrence's generation. */
export interface DueNotice {
  kind: NoticeKind;
  /** Reminder index, escalation step (0 = the owner's unit head), or repeat count (1-based). */
  step: number;
  at: string;
  key: string;
}

export const noticeKey = (kind: NoticeKind, step: number) => `${kind}:${step}`;

/**
 * The earliest notice of the current generation not yet sent, or none. Notices whose time has
 * passed come first, in order, so a workflow that wakes late sends them all. Reminders whose time
 * had passed when the notices were armed (a late start, a postponement, a new policy) are stale:
 * the owner gets the latest of them once, and none at all when the due time has passed too. After
 * the last escalation step, the notice repeats to its target for as long as the policy says.
 */
export function nextNotice(state: OccurrenceState, policy: NoticePolicy, timezone: string): DueNotice | undefined {
  if (isResolved(state.status)) return undefined;
  const fired = new Set(state.fired);
  const planned = state.quota ? planQuotaNotices(state.quota.periodStartsAt, state.dueInstant, policy, timezone) : planNotices(state.dueInstant, policy, timezone);
  const stale = planned.filter((n) => n.kind === 'reminder' && n.at < state.armedAt);
  const skipped = new Set(state.dueInstant > state.armedAt ? stale.slice(0, -1) : stale);
  for (const notice of planned) {
    const key = noticeKey(notice.kind, notice.step);
    if (!skipped.has(notice) && !fired.has(key)) return { ...notice, key };
  }
  const last = planned[planned.length - 1];
  if (!last || state.escalationStep === 0) return undefined;
  const k = state.fired.filter((f) => f.startsWith('repeat:')).length + 1;
  const at = repeatAt(last.at, policy, timezone, k);
  return at ? { kind: 'repeat', step: k, at, key: noticeKey('repeat', k) } : undefined;
}

/**
 * Every notice due by `now`, in order, with the state each leaves behind: an occurrence due at
 * 08:00 with its first escalation step at 08:00 sends both at once.
 */
export function noticesDueBy(state: OccurrenceState, policy: NoticePolicy, timezone: string, now: string): Array<{ notice: DueNotice; after: OccurrenceState }> {
  const out: Array<{ notice: DueNotice; after: OccurrenceState }> = [];
  let current = state;
  for (let notice = nextNotice(current, policy, timezone); notice && notice.at <= now; notice = nextNotice(current, policy, timezone)) {
    current = noticeFired(current, notice, now).state;
    out.push({ notice, after: current });
    if (out.length >= 100) break; // repeats a workflow slept through are not worth more than this
  }
  return out;
}

/**
 * A notice has fired: the overdue notice makes the occurrence overdue, each escalation step
 * escalates it; reminders and repeats only tell someone. A notice of another generation, one
 * already sent, or one for an occurrence already resolved changes nothing.
 */
export function noticeFired(state: OccurrenceState, notice: { kind: NoticeKind; step: number; generation?: number }, at: string): Change {
  const key = noticeKey(notice.kind, notice.step);
  const generation = notice.generation ?? state.generation;
  if (isResolved(state.status) || generation !== state.generation || state.fired.includes(key)) return { state };
  const fired = [...state.fired, key];
  if (notice.kind === 'overdue') {
    const next = { ...state, fired, status: 'overdue' as const, version: state.version + 1 };
    return { state: next, transition: { kind: 'overdue', at, data: { step: notice.step } } };
  }
  if (notice.kind === 'escalation') {
    const next = { ...state, fired, status: 'escalated' as const, escalationStep: notice.step + 1, version: state.version + 1 };
    return { state: next, transition: { kind: 'escalated', at, data: { step: notice.step } } };
  }
  return { state: { ...state, fired } };
}

/** Which step of the ladder a notice goes to: escalations their own step, repeats the last one taken. */
export function ladderStepOf(notice: { kind: NoticeKind; step: number }, escalationStepBefore: number): number | undefined {
  if (notice.kind === 'escalation') return notice.step;
  if (notice.kind === 'repeat') return escalationStepBefore - 1;
  return undefined;
}

/** Where a quota's period stands at `at` (reached, on pace, behind, missed); undefined for any other occurrence. */
export function quotaPaceOf(state: OccurrenceState, at: string): Pace | undefined {
  const quota = state.quota;
  if (!quota) return undefined;
  return paceOf({ target: quota.target, count: quota.count, period: { startsAt: quota.periodStartsAt, endsAt: state.dueInstant } }, at);
}

/**
 * Whether a notice is sent to anyone when it fires. A quota's reminder at a pace checkpoint goes
 * out only to an owner behind pace: one who keeps up is left alone (the checkpoint is still
 * recorded as passed). Every other notice is sent.
 */
export function noticeReachesOwners(state: OccurrenceState, notice: { kind: NoticeKind }, at: string): boolean {
  if (!state.quota || notice.kind !== 'reminder') return true;
  return quotaPaceOf(state, at) === 'behind';
}
