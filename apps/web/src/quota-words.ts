import i18n from './i18n';
import { paceOf, type Pace } from '../../../libs/domain/quota/pace';

/** Where a quota's period stands ("minst sex gånger per år"): times logged of the target, and the pace. */
export interface QuotaProgress {
  target: number;
  count: number;
  pace: Pace;
}

/** A quota period's progress as owners read it: "4 av 6 hittills · i fas", "4 of 6 so far · behind pace". */
export function quotaProgressInWords(quota: QuotaProgress): string {
  return `${i18n.t('quota.progress', { logged: quota.count, target: quota.target })} · ${i18n.t(`quota.pace.${quota.pace}`)}`;
}

/**
 * The progress of an open period from a plan's summary, which carries the count but no pace: the
 * pace by the domain's one rule (the same the API and the action's state use), as of now.
 */
export function progressNow(occurrence: { due: string; quota?: { target: number; count: number; periodStartsAt: string } | null }): QuotaProgress | null {
  const quota = occurrence.quota;
  if (!quota) return null;
  const pace = paceOf({ target: quota.target, count: quota.count, period: { startsAt: quota.periodStartsAt, endsAt: occurrence.due } }, new Date().toISOString());
  return { target: quota.target, count: quota.count, pace };
}
