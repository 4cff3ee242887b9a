import i18n from './i18n';
import { Duration } from 'luxon';
import { periodWords } from '../../../libs/domain/reporting/period-words';
import { repeatWords } from '../../../libs/domain/escalation/policy-words';
import { DEFAULT_NOTICE_TIME } from '../../../libs/domain/escalation/policy';

interface Rule {
  type: string;
  perYear?: number;
  everyYears?: number;
  target?: number;
  per?: string;
  month?: number;
  season?: string;
}

/** A schedule in words, as plans write them: "två gånger per år", "vartannat år", "löpande". */
export function scheduleInWords(schedule: { kind: string; rule: Rule | null }): string {
  const t = i18n.t.bind(i18n);
  const rule = schedule.rule;
  if (schedule.kind === 'continuous') return t('words.continuous');
  if (!rule) return t('import.kinds.unreadable');
  switch (rule.type) {
    case 'perYear':
      return t(`words.perYear.${rule.perYear}`, { defaultValue: t('words.perYearN', { n: rule.perYear }) });
    case 'everyYears':
      return rule.everyYears === 1 ? t('words.perYear.1') : t('words.everyYears', { n: rule.everyYears });
    case 'weekly':
      return t('words.weekly');
    case 'once':
      return t('words.once');
    case 'instants':
      // With a target, each instant ends a quota's period (`{due, target}` through the API).
      return rule.target ? t('words.instantsQuota', { count: rule.target }) : t('words.instants');
    case 'quota':
      return t(`words.quota.${rule.per}`, { count: rule.target });
    case 'yearlyIn':
      return rule.season ? t(`words.yearlyInSeason.${rule.season}`) : t('words.yearlyInMonth', { month: monthName(rule.month ?? 12) });
    default:
      return t('words.custom');
  }
}

/** A month's name in the UI's language ("mars", "March"). */
function monthName(month: number): string {
  return new Intl.DateTimeFormat(i18n.language, { month: 'long', timeZone: 'UTC' }).format(Date.UTC(2000, month - 1, 15));
}

/** An ISO 8601 duration as people say it, in the current language: "P14D" → "14 dagar". */
export function durationInWords(iso: string): string {
  const duration = Duration.fromISO(iso);
  if (!duration.isValid) return iso;
  // Our own unit words: the CLDR Swedish for a day-long duration is "dygn", plans say "dagar".
  const units = Object.entries(duration.toObject()).filter(([, n]) => n);
  if (units.length === 0) return i18n.t('words.immediately');
  const words = units.map(([unit, count]) => i18n.t(`words.units.${unit}`, { count }));
  return new Intl.ListFormat(i18n.language, { type: 'unit', style: 'long' }).format(words);
}

/** The language the domain says words in: Swedish, or English. */
export function wordsLanguage(): 'sv' | 'en' {
  return i18n.language === 'en' ? 'en' : 'sv';
}

/** A notice policy in one sentence: when owners are reminded and when it goes up the line. */
export function policyInWords(policy: { remindBefore: string[]; escalateAfter: string[]; repeatEvery?: string; timing?: string; noticeTime?: string }): string {
  const list = (items: string[]) => new Intl.ListFormat(i18n.language, { type: 'conjunction' }).format(items.map(durationInWords));
  const parts = [
    policy.remindBefore.length ? i18n.t('words.policy.remind', { list: list(policy.remindBefore) }) : i18n.t('words.policy.noReminders'),
    policy.escalateAfter.length ? i18n.t('words.policy.escalate', { list: list(policy.escalateAfter) }) : i18n.t('words.policy.noEscalation'),
  ];
  if (policy.repeatEvery) parts.push(i18n.t('words.policy.repeat', { every: repeatWords(policy.repeatEvery, wordsLanguage()) }));
  if (policy.timing === 'working-days') parts.push(i18n.t('words.policy.workingDays', { time: policy.noticeTime ?? DEFAULT_NOTICE_TIME }));
  const sentence = parts.join('; ') + '.';
  return sentence.charAt(0).toLocaleUpperCase(i18n.language) + sentence.slice(1);
}

/**
 * A reporting period as the board's report says it ("januari–juni 2026", "January–June 2026"):
 * the domain's one rule, in the UI's language, never the period's key.
 */
export function periodInWords(period: { startsAt: string; endsAt: string }, timezone: string): string {
  return periodWords(period, timezone, i18n.language === 'en' ? 'en' : 'sv');
}

/** The period of a round or status report as the API gives it (its own `periodLabel` is Swedish). */
export function roundPeriodInWords(round: { periodStartsAt: string; periodEndsAt: string; timezone: string }): string {
  return periodInWords({ startsAt: round.periodStartsAt, endsAt: round.periodEndsAt }, round.timezone);
}
