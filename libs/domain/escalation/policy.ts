import { workingDayStartClock } from '../calendar/working-day-start';

/**
 * When an occurrence's notices fire. Durations are ISO 8601 and are data, so tests can run a whole
 * ladder in seconds (`PT3S`) while plans use days (`P14D`).
 */
export interface NoticePolicy {
  /** Reminders to the owner, this long before the due instant. */
  remindBefore: string[];
  /** Escalation steps after the due instant; step i goes i+1 levels up the organisation chart. */
  escalateAfter: string[];
  /** After the last step, notices repeat to the last target this often until resolved. */
  repeatEvery?: string;
  /**
   * `exact`: fire at exactly due ± duration. `working-days`: move each notice to 08:00 local on
   * the next working day (SCHEDULES.md) — the plan default, for day-sized policies.
   */
  timing: 'exact' | 'working-days';
  calendar: 'SE' | 'DK' | 'NO';
  /**
   * With `working-days`: the local time of day notices go out, `HH:mm`; 08:00 when absent (policies
   * written before this field existed, and the default).
   */
  noticeTime?: string;
}

/** Notices go out when the working day begins, unless the policy says another time. */
export const DEFAULT_NOTICE_TIME = workingDayStartClock();

/** `HH:mm`, 00:00–23:59. */
export function isNoticeTime(value: unknown): value is string {
  return typeof value === 'string' && /^([01]\d|2[0-3]):[0-5]\d$/.test(value);
}

/** The plan default when an action gives no policy of its own. */
export const DEFAULT_POLICY: NoticePolicy = {
  remindBefore: ['P14D', 'P1D'],
  escalateAfter: ['P7D', 'P14D'],
  repeatEvery: 'P7D',
  timing: 'working-days',
  calendar: 'SE',
};

/** A policy given through the API: exact durations unless it says otherwise. */
export function policyFrom(given: Partial<NoticePolicy> | undefined, fallback: NoticePolicy = DEFAULT_POLICY): NoticePolicy {
  if (!given) return fallback;
  return {
    remindBefore: given.remindBefore ?? [],
    escalateAfter: given.escalateAfter ?? [],
    repeatEvery: given.repeatEvery,
    timing: given.timing ?? 'exact',
    calendar: given.calendar ?? fallback.calendar,
    ...(given.noticeTime ? { noticeTime: given.noticeTime } : {}),
  };
}

/** The plan default for an organisation whose working days follow `calendar`. */
export function defaultPolicyFor(calendar: NoticePolicy['calendar']): NoticePolicy {
  return { ...DEFAULT_POLICY, calendar };
}
