/**
 * Time units as plans name them, in sv/da/nb/en, with how many fit in a year. Definite forms
 * ("året", "måneden") matter: "i år" means "this year", while "en gång i året" means "once a year".
 * Plural definite forms ("månaderna", "ukene") are there for "de första sex månaderna".
 */
export type TimeUnit = 'year' | 'half' | 'tertial' | 'quarter' | 'month' | 'week' | 'day';

export const UNITS_PER_YEAR: Record<TimeUnit, number> = {
  year: 1, half: 2, tertial: 3, quarter: 4, month: 12, week: 52, day: 365,
};

/**
 * Working days are not calendar days: a duration counted in them ("inom tio arbetsdagar") needs a
 * holiday calendar, so the schedule grammar reports it instead of counting calendar days.
 */
export const WORKING_DAY_WORDS = [
  'arbetsdag', 'arbetsdagar', 'arbejdsdag', 'arbejdsdage', 'arbeidsdag', 'arbeidsdager', 'virkedag', 'virkedage', 'virkedager',
  'vardagar', 'hverdage', 'hverdager', 'working day', 'working days', 'business day', 'business days', 'weekdays',
];

interface UnitWords {
  /** Forms after "per", "pr.", "/", "a", "each", "every", "varje", "hver". */
  indefinite: string[];
  /** Forms after "i" / "om" ("i månaden", "om året", "i uka"). */
  definite: string[];
  /** One per unit, as an adverb or adjective ("kvartalsvis", "månedlig", "yearly"). */
  adverbs: string[];
}

export const UNIT_WORDS: Record<TimeUnit, UnitWords> = {
  year: {
    indefinite: ['år', 'year', 'years', 'annum', 'kalenderår', 'verksamhetsår', 'budgetår', 'calendar year'],
    definite: ['året', 'åre', 'the year', 'åren', 'årene'],
    adverbs: ['årligen', 'årlig', 'årligt', 'årliga', 'årlige', 'årleg', 'årlege', 'årsvis', 'yearly', 'annually', 'annual', 'per annum', 'en gång om året'],
  },
  half: {
    indefinite: ['halvår', 'halvårs', 'halvt år', 'halve år', 'half-year', 'half year', 'halfyear', 'termin', 'semester', 'six months', '6 months', 'sex månader', 'seks måneder', '6 månader', '6 måneder'],
    definite: ['halvåret', 'halvårene', 'terminen', 'semesteret', 'semestret'],
    adverbs: ['halvårsvis', 'halvårligen', 'halvårlig', 'halvårligt', 'halvårliga', 'halvårlige', 'halvårleg', 'halvårsvis', 'terminsvis', 'semiannually', 'semi-annually', 'semiannual', 'semi-annual', 'half-yearly', 'halfyearly', 'half yearly', 'six-monthly', 'twice-yearly'],
  },
  tertial: {
    indefinite: ['tertial', 'four months', '4 months', 'fyra månader', 'fire måneder', '4 månader', '4 måneder'],
    definite: ['tertialet', 'tertialen'],
    adverbs: ['tertialvis', 'tertialsvis', 'tertialvist', 'every four months'],
  },
  quarter: {
    indefinite: ['kvartal', 'quarter', 'quarters', 'kvartaler', 'three months', '3 months', 'tre månader', 'tre måneder', '3 månader', '3 måneder'],
    definite: ['kvartalet', 'the quarter'],
    adverbs: ['kvartalsvis', 'kvartalsvist', 'kvartalsvise', 'kvartalvis', 'kvartalvise', 'kvartalsmässigt', 'quarterly'],
  },
  month: {
    indefinite: ['månad', 'måned', 'month', 'månader', 'måneder', 'månader', 'months', 'mån', 'mnd', 'md'],
    definite: ['månaden', 'måneden', 'månede', 'the month', 'månaderna', 'månederne', 'månedene'],
    adverbs: ['månadsvis', 'månatligen', 'månatlig', 'månatliga', 'månedlig', 'månedligt', 'månedlige', 'månedsvis', 'månadleg', 'månadlig', 'monthly'],
  },
  week: {
    indefinite: ['vecka', 'uge', 'uke', 'veke', 'week', 'veckor', 'uger', 'uker', 'weeks'],
    definite: ['veckan', 'ugen', 'uken', 'uka', 'veka', 'the week', 'veckorna', 'ugerne', 'ukene'],
    adverbs: ['veckovis', 'veckoligen', 'ugentlig', 'ugentligt', 'ugentlige', 'ukentlig', 'ukentlige', 'vekentleg', 'ukentleg', 'weekly'],
  },
  day: {
    indefinite: ['dag', 'day', 'dagar', 'dage', 'dager', 'days', ...WORKING_DAY_WORDS],
    definite: ['dagen', 'the day', 'dagarna', 'dagene'],
    adverbs: ['dagligen', 'daglig', 'dagligt', 'daglige', 'dagleg', 'daily'],
  },
};

/** Looks a unit word up in one of the three form lists. */
export function unitOf(word: string, form: keyof UnitWords): TimeUnit | undefined {
  const w = word.replace(/\s+/g, ' ').trim();
  for (const unit of Object.keys(UNIT_WORDS) as TimeUnit[]) {
    if (UNIT_WORDS[unit][form].includes(w)) return unit;
  }
  return undefined;
}

export function allForms(form: keyof UnitWords): string[] {
  return (Object.keys(UNIT_WORDS) as TimeUnit[]).flatMap((u) => UNIT_WORDS[u][form]);
}
