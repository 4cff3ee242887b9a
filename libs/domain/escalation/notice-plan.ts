import { DateTime, Duration } from 'luxon';
import { nextWorkingDayAt } from '../calendar/working-days';
import { DomainError } from '../errors';
import { memoize } from '../memo';
import { checkpoints } from '../quota/pace';
import { DEFAULT_NOTICE_TIME, NoticePolicy } from './policy';

/**
 * When each notice of an occurrence fires, from its due instant and policy. Pure, so the
 * occurrence workflow recomputes it whenever the due instant or the policy changes (re-arming its
 * timers in place) and tests can check it without a clock.
 */
export type PlannedNoticeKind = 'reminder' | 'overdue' | 'escalation';

export interface PlannedNotice {
  kind: PlannedNoticeKind;
  /** Reminder index or escalation step. */
  step: number;
  at: string;
}

export const planNotices: (dueInstant: string, policy: NoticePolicy, timezone: string) => readonly PlannedNotice[] = memoize(
  computeNotices,
  (dueInstant, policy, timezone) => `${dueInstant}|${timezone}|${policyKey(policy)}`,
);

function policyKey(p: NoticePolicy): string {
  return `${p.remindBefore.join(',')}|${p.escalateAfter.join(',')}|${p.repeatEvery ?? ''}|${p.timing}|${p.calendar}|${p.noticeTime ?? ''}`;
}

function computeNotices(dueInstant: string, policy: NoticePolicy, timezone: string): PlannedNotice[] {
  const due = DateTime.fromISO(dueInstant, { zone: timezone });
  const place = (at: DateTime) => align(at, policy, timezone);
  const notices: PlannedNotice[] = [
    ...policy.remindBefore.map((d, step) => ({ kind: 'reminder' as const, step, at: place(due.minus(duration(d))) })),
    { kind: 'overdue', step: 0, at: place(due) },
    ...policy.escalateAfter.map((d, step) => ({ kind: 'escalation' as const, step, at: place(due.plus(duration(d))) })),
  ];
  // A stable order: by time, and by plan order between notices that fall on the same instant.
  return notices.map((n, i) => ({ n, i })).sort((a, b) => (a.n.at === b.n.at ? a.i - b.i : a.n.at < b.n.at ? -1 : 1)).map(({ n }) => n);
}

/**
 * A quota's notices ("minst sex gånger per år"): it has no single due date to remind before, so
 * its reminders fall on the pace checkpoints inside the period (libs/domain/quota/pace; whether
 * one is sent depends on the count at that moment, which only the database knows), then the
 * overdue notice and the escalation steps at and after the period's end, as for any occurrence.
 */
export const planQuotaNotices: (periodStartsAt: string, dueInstant: string, policy: NoticePolicy, timezone: string) => readonly PlannedNotice[] = memoize(
  computeQuotaNotices,
  (periodStartsAt, dueInstant, policy, timezone) => `${periodStartsAt}|${dueInstant}|${timezone}|${policyKey(policy)}`,
);

function computeQuotaNotices(periodStartsAt: string, dueInstant: string, policy: NoticePolicy, timezone: string): PlannedNotice[] {
  const due = DateTime.fromISO(dueInstant, { zone: timezone });
  const place = (at: DateTime) => align(at, policy, timezone);
  const notices: PlannedNotice[] = [
    ...checkpoints({ startsAt: periodStartsAt, endsAt: dueInstant }).map((at, step) => ({ kind: 'reminder' as const, step, at: place(DateTime.fromISO(at, { zone: timezone })) })),
    { kind: 'overdue', step: 0, at: place(due) },
    ...policy.escalateAfter.map((d, step) => ({ kind: 'escalation' as const, step, at: place(due.plus(duration(d))) })),
  ];
  return notices.map((n, i) => ({ n, i })).sort((a, b) => (a.n.at === b.n.at ? a.i - b.i : a.n.at < b.n.at ? -1 : 1)).map(({ n }) => n);
}

/** The k-th (1-based) repeated notice after the last planned one, or undefined without repeats. */
export function repeatAt(lastPlannedAt: string, policy: NoticePolicy, timezone: string, k: number): string | undefined {
  if (!policy.repeatEvery) return undefined;
  const every = duration(policy.repeatEvery);
  if (every.as('milliseconds') <= 0) return undefined;
  const at = DateTime.fromISO(lastPlannedAt, { zone: timezone }).plus(every.mapUnits((x) => x * k));
  return align(at, policy, timezone);
}

export function duration(iso: string): Duration {
  const d = Duration.fromISO(iso);
  if (!d.isValid) throw new DomainError('VALIDATION_FAILED', `Not an ISO 8601 duration: "${iso}"`, [{ path: 'policy', message: iso }]);
  return d;
}

function align(at: DateTime, policy: NoticePolicy, timezone: string): string {
  const instant = at.toUTC().toISO() as string;
  if (policy.timing !== 'working-days') return instant;
  const [hour, minute] = (policy.noticeTime ?? DEFAULT_NOTICE_TIME).split(':').map(Number);
  return nextWorkingDayAt(instant, { country: policy.calendar, timezone, hour, minute });
}
