import i18n from './i18n';

interface Rule {
  type: string;
  perYear?: number;
  everyYears?: number;
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
      return t('words.instants');
    default:
      return t('words.custom');
  }
}
