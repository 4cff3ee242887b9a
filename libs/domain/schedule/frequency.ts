/**
 * Frequency phrases: "två gånger per år", "2 ggr/år", "6 gange årligt", "to ganger i året",
 * "twice a year", "kvartalsvis", "hvert andet år", "var tredje månad", "every other month", "fyra
 * möten per år" … Each match is turned into periods per year (or every K years, or weekly); counts
 * the period rules cannot express yet are reported, never rounded to something else.
 */
import { alt, wordRegex } from './normalize';
import { CARDINAL, CARDINAL_STRICT, MULTIPLICATIVES, ORDINAL, cardinalValue, numberValue } from './numbers';
import { TimeUnit, UNITS_PER_YEAR, allForms, unitOf } from './units';
import { PerYear, QuotaPer } from './types';

export type Frequency =
  | { kind: 'perYear'; perYear: PerYear }
  /** "minst sex gånger per år", "fem gånger per år": a target of N per period, logged as it happens. */
  | { kind: 'quota'; target: number; per: QuotaPer }
  | { kind: 'everyYears'; years: number }
  | { kind: 'weekly' }
  | { kind: 'unsupported'; reason: string }
  | { kind: 'ambiguous'; reason: string }
  /** "några gånger per år", "a few times a year": continuous, flagged. */
  | { kind: 'vague' };

export interface FrequencyMatch {
  frequency: Frequency;
  phrase: string;
  index: number;
  end: number;
}

const TIMES = alt(['gånger', 'gång', 'ggr', 'gg', 'gange', 'gang', 'ganger', 'gonger', 'gongar', 'times', 'time', 'x', 'st', 'stycken', 'stk']);
const PER = alt(['per', 'pr.', 'pr', 'a', 'an', 'each', 'every', 'varje', 'hver', 'hvert', 'hvart', 'kvar']);
const IN = alt(['i', 'om', 'in', 'på', 'under', 'during']);
/** "minst sex gånger": a floor, so a target to reach rather than a rhythm of due dates. */
const MINIMUM = ['minst', 'mindst', 'minimum', 'min.', 'åtminstone', 'at least', 'no less than'];
const QUALIFIER = alt([...MINIMUM, 'cirka', 'ca.', 'ca', 'circa', 'omkring', 'ungefär', 'ungefær', 'omtrent', 'about', 'approximately', 'around']);
const isMinimum = (qualifier: string | undefined) => qualifier !== undefined && MINIMUM.includes(qualifier.toLowerCase());
const INDEF = alt(allForms('indefinite'));
const DEF = alt(allForms('definite'));
const ADVERB = alt(allForms('adverbs'));
/** "ett par gånger", "några möten": words that look like nouns but make the count vague. */
const NOT_A_NOUN = alt(['par', 'antal', 'gånger', 'gång', 'ggr', 'gange', 'gang', 'ganger', 'times', 'time', 'per', 'pr', 'i', 'om', 'a', 'och', 'og', 'and', 'eller', 'or', 'to']);
const NOUN = `(?:(?!${NOT_A_NOUN}(?![\\p{L}]))[\\p{L}][\\p{L}-]*)`;
const EVERY = alt(['var', 'vart', 'varje', 'hver', 'hvert', 'hvart', 'kvar', 'kvart', 'every', 'each']);
const EVERY_OTHER = alt(['varannan', 'varannat', 'vartannat', 'varanna', 'annenhver', 'annethvert', 'annenhvert', 'annahvar', 'annakvart', 'hveranden', 'hverandet', 'annethvart']);
const RANGE_SEP = alt(['-', 'till', 'til', 'to', 'eller', 'or', 'à', 'a', 'á']);

const VAGUE_COUNT = alt(['några', 'flera', 'ett par', 'ett antal', 'ett flertal', 'nogle', 'flere', 'et par', 'et antal', 'noen', 'noen få', 'a few', 'several', 'a couple of', 'some', 'many', 'fler']);
/** What may follow a count: "per år", "/år", "i året", "årligen". */
const PER_UNIT = `(?:\\s*(?:/\\s*|${PER}\\s+)(?:the\\s+)?(?:${INDEF})|\\s+${IN}\\s+(?:${DEF})|\\s+(?:${ADVERB}))`;

interface Pattern {
  regex: RegExp;
  read: (m: RegExpExecArray) => Frequency | undefined;
}

const PATTERNS: Pattern[] = [
  // "1-2 gånger per år", "två till tre ggr/år": a range is not one rule.
  {
    regex: wordRegex(`${CARDINAL}\\s*${RANGE_SEP}\\s*${CARDINAL}\\s*${TIMES}${PER_UNIT}?`),
    read: () => ({ kind: 'ambiguous', reason: 'a range of counts' }),
  },
  // "några gånger per år", "flere gange årligt", "a few times a year"
  {
    regex: wordRegex(`${VAGUE_COUNT}\\s+(?:${TIMES}|${NOUN})${PER_UNIT}`),
    read: () => ({ kind: 'vague' }),
  },
  // "2 ggr/år", "två gånger per år", "2 gange årligt", "to ganger i året", "twice a year", "4x/year".
  {
    regex: wordRegex(
      `(?:(${QUALIFIER})\\s+)?(?:(${CARDINAL})\\s*${TIMES}|(${alt(Object.keys(MULTIPLICATIVES))}))\\s*` +
        `(?:(?:/\\s*|${PER}\\s+)(?:the\\s+)?(${INDEF})|${IN}\\s+(${DEF})|(${ADVERB}))`,
    ),
    read: (m) =>
      counted(m[2] ? cardinalValue(m[2]) : MULTIPLICATIVES[m[3]], unitOf(m[4] ?? m[5] ?? m[6], m[4] ? 'indefinite' : m[5] ? 'definite' : 'adverbs'), isMinimum(m[1])),
  },
  // "fyra möten per år", "6 träffar/år", "ett nätverksmöte i månaden", "two meetings a year".
  {
    regex: wordRegex(
      `(?:(${QUALIFIER})\\s+)?(${CARDINAL})\\s+(?:${NOUN}(?:\\s+|(?=/))){1,2}(?:(?:/\\s*|${PER}\\s+)(${INDEF})|${IN}\\s+(${DEF}))`,
    ),
    read: (m) => (['to', 'ni'].includes(m[2]) ? undefined : counted(cardinalValue(m[2]), unitOf(m[3] ?? m[4], m[3] ? 'indefinite' : 'definite'), isMinimum(m[1]))),
  },
  // "6/år", "4 per år", "minst tolv per år", "4 pr. kvartal"
  {
    regex: wordRegex(`(?:(${QUALIFIER})\\s+)?(${CARDINAL_STRICT})\\s*(?:/|per|pr\\.?)\\s*(${INDEF})`),
    read: (m) => counted(cardinalValue(m[2]), unitOf(m[3], 'indefinite'), isMinimum(m[1])),
  },
  // "varannan månad", "annethvert år", "hveranden uge"
  {
    regex: wordRegex(`${EVERY_OTHER}\\s+(${INDEF})`),
    read: (m) => every(2, unitOf(m[1], 'indefinite')),
  },
  // "var tredje månad", "vart 3:e år", "hvert andet år", "hver 2. måned", "every other month", "every 6 months", "varje kvartal"
  {
    regex: wordRegex(`${EVERY}\\s+(?:(${ORDINAL}|${CARDINAL_STRICT}|to)\\s+)?(${INDEF})`),
    read: (m) => every(m[1] ? numberValue(m[1]) : 1, unitOf(m[2], 'indefinite')),
  },
  // "per kvartal", "pr. måned": once per unit
  {
    regex: wordRegex(`(?:per|pr\\.?)\\s+(${INDEF})`),
    read: (m) => counted(1, unitOf(m[1], 'indefinite')),
  },
  // "kvartalsvis", "månedlig", "annually", "halvårsvis"
  { regex: wordRegex(`(${ADVERB})`), read: (m) => counted(1, unitOf(m[1], 'adverbs')) },
  { regex: wordRegex(alt(['biennially', 'biennial'])), read: () => ({ kind: 'everyYears', years: 2 }) },
  { regex: wordRegex(alt(['triennially', 'triennial'])), read: () => ({ kind: 'everyYears', years: 3 }) },
  {
    regex: wordRegex(alt(['bimonthly', 'bi-monthly', 'biannual', 'biannually', 'bi-annual', 'bi-annually', 'biweekly', 'bi-weekly'])),
    read: (m) => ({ kind: 'ambiguous', reason: `"${m[0]}" means both twice per and every second` }),
  },
  { regex: wordRegex(alt(['fortnightly', 'fortnight'])), read: () => ({ kind: 'unsupported', reason: 'every two weeks' }) },
];

const SUPPORTED: readonly number[] = [1, 2, 3, 4, 6, 12];

/** The units a quota can be counted per (SCHEDULES.md: a year, a half-year, a quarter). */
const QUOTA_PER: Partial<Record<TimeUnit, QuotaPer>> = { year: 'year', half: 'half-year', quarter: 'quarter' };

/**
 * `n` occurrences per `unit` → a frequency, or why it is not supported. "Minst n" is a quota, and
 * so is a count per year that no equal periods give (5, 7–11): a target, not a guessed rhythm.
 */
function counted(n: number | undefined, unit: TimeUnit | undefined, minimum = false): Frequency | undefined {
  if (!n || !unit) return undefined;
  const per = QUOTA_PER[unit];
  if (per && (minimum || !SUPPORTED.includes(n * UNITS_PER_YEAR[unit]))) return { kind: 'quota', target: n, per };
  if (unit === 'week') return n === 1 ? { kind: 'weekly' } : { kind: 'unsupported', reason: `${n} times a week` };
  if (unit === 'day') return { kind: 'unsupported', reason: n === 1 ? 'daily' : `${n} times a day` };
  return perYear(n * UNITS_PER_YEAR[unit]);
}

/** Once every `k` units. */
function every(k: number | undefined, unit: TimeUnit | undefined): Frequency | undefined {
  if (!k || !unit) return undefined;
  if (unit === 'year') return k === 1 ? perYear(1) : { kind: 'everyYears', years: k };
  if (unit === 'week') return k === 1 ? { kind: 'weekly' } : { kind: 'unsupported', reason: `every ${k} weeks` };
  if (unit === 'day') return { kind: 'unsupported', reason: k === 1 ? 'daily' : `every ${k} days` };
  return perYear(UNITS_PER_YEAR[unit] / k);
}

function perYear(n: number): Frequency {
  if (SUPPORTED.includes(n)) return { kind: 'perYear', perYear: n as PerYear };
  const shown = Number.isInteger(n) ? String(n) : n.toFixed(2);
  return { kind: 'unsupported', reason: `${shown} times a year` };
}

/** All frequency phrases in a normalised text, left to right, without overlaps (longest wins). */
export function findFrequencies(text: string): FrequencyMatch[] {
  const found: FrequencyMatch[] = [];
  for (const { regex, read } of PATTERNS) {
    regex.lastIndex = 0;
    for (let m = regex.exec(text); m; m = regex.exec(text)) {
      const frequency = read(m);
      if (frequency) found.push({ frequency, phrase: m[0], index: m.index, end: m.index + m[0].length });
      if (m[0].length === 0) regex.lastIndex++;
    }
  }
  found.sort((a, b) => a.index - b.index || b.end - b.index - (a.end - a.index));
  const kept: FrequencyMatch[] = [];
  for (const f of found) {
    if (!kept.some((k) => f.index < k.end && k.index < f.end)) kept.push(f);
  }
  return kept.sort((a, b) => a.index - b.index);
}

export function sameFrequency(a: Frequency, b: Frequency): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function isDefinite(f: Frequency): f is Extract<Frequency, { kind: 'perYear' | 'everyYears' | 'weekly' | 'quota' }> {
  return f.kind === 'perYear' || f.kind === 'everyYears' || f.kind === 'weekly' || f.kind === 'quota';
}
