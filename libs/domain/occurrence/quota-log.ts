import { DateTime } from 'luxon';
import { DomainError } from '../errors';
import type { Change, OccurrenceState } from './state';
import { isResolved } from './status';

/** One time a quota's action happened, as its owner logs it ("Företagsträff 12 mars, 14 deltagare"). */
export interface QuotaEntry {
  byPersonId: string;
  onBehalfOfPersonId?: string;
  /** The local date it happened (YYYY-MM-DD), inside the period and not in the future. */
  happenedOn: string;
  note?: string;
  evidenceUrl?: string;
}

/**
 * Logs one time of a quota's period. The count grows by one; the time that reaches the target
 * completes the occurrence (on time when logged by the period's end), with the count in its
 * record. Times logged after that still count ("7 av 6") but change nothing else, and a period
 * that ended below target can still be caught up with: its escalation stops when it is reached.
 */
export function logQuotaEntry(state: OccurrenceState, entry: QuotaEntry, at: string, timezone: string): Change {
  const quota = state.quota;
  if (!quota) throw new DomainError('INVALID_TRANSITION', 'Only a quota ("minst sex gånger per år") is logged time by time: complete this occurrence instead');
  if (state.status === 'skipped' || state.status === 'cancelled') throw new DomainError('INVALID_TRANSITION', `The period is ${state.status}: nothing more is logged in it`);
  requireInPeriod(entry.happenedOn, quota.periodStartsAt, state.dueInstant, at, timezone);
  const count = quota.count + 1;
  const counted = { ...state, quota: { ...quota, count } };
  if (isResolved(state.status) || count < quota.target) return { state: counted };
  const completion = { byPersonId: entry.byPersonId, onBehalfOfPersonId: entry.onBehalfOfPersonId, at, onTime: at <= state.dueInstant, note: entry.note, evidenceUrl: entry.evidenceUrl };
  return {
    state: { ...counted, status: 'completed', completion, version: state.version + 1 },
    transition: { kind: 'completed', at, actorPersonId: entry.byPersonId, data: { ...completion, count, target: quota.target } },
  };
}

function requireInPeriod(happenedOn: string, periodStartsAt: string, dueInstant: string, at: string, timezone: string): void {
  const day = DateTime.fromISO(happenedOn, { zone: timezone });
  if (!/^\d{4}-\d{2}-\d{2}$/.test(happenedOn) || !day.isValid) {
    throw new DomainError('VALIDATION_FAILED', `happenedOn must be a date YYYY-MM-DD, not "${happenedOn}"`, [{ path: 'happenedOn', message: 'not a date' }]);
  }
  const local = (iso: string) => DateTime.fromISO(iso, { zone: 'utc' }).setZone(timezone).toISODate() as string;
  if (happenedOn < local(periodStartsAt) || happenedOn > local(dueInstant)) {
    throw new DomainError('VALIDATION_FAILED', `${happenedOn} is outside the period ${local(periodStartsAt)} – ${local(dueInstant)}`, [{ path: 'happenedOn', message: 'outside the period' }]);
  }
  if (happenedOn > local(at)) throw new DomainError('VALIDATION_FAILED', `${happenedOn} has not happened yet`, [{ path: 'happenedOn', message: 'in the future' }]);
}
