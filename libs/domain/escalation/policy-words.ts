/**
 * Notice policies in words (issue 19, point 6): coordinators write "14 dagar före", "7 dage efter",
 * "2 weeks after", "varje vecka" in Swedish, Danish, Norwegian (bokmål) or English, and the policy
 * keeps its ISO 8601 durations (`P14D`, `P2W`) — the engine and the API are unchanged. Said back
 * in Swedish or English ("14 dagar före", "every week").
 *
 * Working days ("2 arbetsdagar efter") are refused, as the schedule grammar refuses them: the
 * engine counts a policy in calendar days and, with `working-days` timing, moves a notice that
 * falls on a weekend or holiday to the next working day. "2 arbetsdagar" is not "2 dagar" (a
 * Friday plus two working days is Tuesday), so it is never silently counted as calendar days.
 *
 * Pure: no clock, no I/O; the web parses in the browser with it and sends ISO 8601.
 */
import { Duration, DurationLikeObject } from 'luxon';
import { CARDINAL_ANY, cardinalValue } from '../schedule/numbers';
import { alt, normalizePhrase } from '../schedule/normalize';
import { WORKING_DAY_WORDS } from '../schedule/units';

export type PolicyField = 'remind' | 'escalate' | 'repeat';
export type WordsLanguage = 'sv' | 'en';

export type PolicyWordsProblemCode =
  /** Nothing we know how to read ("snart", "14 bananer"). */
  | 'UNREADABLE'
  /** "2 arbetsdagar efter": the engine counts calendar days. */
  | 'WORKING_DAYS'
  /** "7 dagar efter" where a reminder (before the due date) is asked for, or the reverse. */
  | 'WRONG_DIRECTION'
  /** "varje vecka" among reminders or escalation steps, or "14 dagar före" as a repeat. */
  | 'NOT_A_REPEAT'
  | 'IS_A_REPEAT'
  /** "varje 0 dagar", "var 0:e dag": a repeat must wait a while. */
  | 'ZERO_REPEAT'
  /** A repeat field with two phrases ("varje vecka, varje månad"). */
  | 'ONE_REPEAT'
  /** More than ten reminders or steps (the API's limit). */
  | 'TOO_MANY';

export interface PolicyWordsProblem {
  code: PolicyWordsProblemCode;
  /** The phrase as written. */
  phrase: string;
  /** In English, for logs and API callers; the web says it through its i18n file by `code`. */
  message: string;
}

export interface ParsedPolicyPhrases {
  /** ISO 8601 durations, in ladder order (reminders earliest first, steps in rising order). */
  durations: string[];
  problems: PolicyWordsProblem[];
}

/** One Luxon unit per word, in all four languages (forms that are the same are not repeated). */
const UNIT_OF: Record<string, keyof DurationLikeObject> = {};
const units: Array<[keyof DurationLikeObject, string[]]> = [
  ['seconds', ['sekund', 'sekunder', 'sekunden', 'sekunds', 'second', 'seconds', 'sek', 'sec', 'secs']],
  ['minutes', ['minut', 'minuter', 'minuten', 'minutter', 'minutt', 'minutes', 'minute', 'min', 'mins']],
  ['hours', ['timme', 'timmar', 'timmen', 'time', 'timer', 'timar', 'hour', 'hours', 'tim', 'h']],
  ['days', ['dag', 'dagar', 'dage', 'dager', 'dygn', 'døgn', 'døgn', 'day', 'days', 'd', 'dgr']],
  ['weeks', ['vecka', 'veckor', 'veckan', 'uge', 'uger', 'ugen', 'uke', 'uker', 'uka', 'veke', 'veker', 'week', 'weeks', 'wk', 'v']],
  ['months', ['månad', 'månader', 'månaden', 'måned', 'måneder', 'måneden', 'month', 'months', 'mån']],
  ['years', ['år', 'året', 'year', 'years']],
];
for (const [unit, words] of units) for (const w of words) UNIT_OF[w] = unit;

const UNIT = alt([...Object.keys(UNIT_OF), ...WORKING_DAY_WORDS]);
const COUNT = `(?:${CARDINAL_ANY}|an|a|ett par|et par|a couple of)`;
const BEFORE = alt(['före', 'innan', 'inför', 'før', 'inden', 'innen', 'before', 'prior to', 'ahead of', 'in advance', 'i förväg', 'i forvejen', 'i forveien']);
const AFTER = alt(['efter', 'etter', 'after', 'later', 'senare', 'senere', 'late', 'overdue', 'försenad', 'for sent', 'for seint']);
/** What "före"/"efter" is counted from; optional, the due date is the only reference. */
const REFERENCE = alt([
  'förfallodagen', 'förfallodag', 'sista dagen', 'sista datum', 'slutdatum', 'deadline', 'deadlinen', 'the deadline', 'due date', 'the due date',
  'due', 'fristen', 'frist', 'sidste frist', 'forfaldsdagen', 'forfallsdato', 'forfallsdagen', 'sista dag', 'sidste dag', 'siste dag', 'it is due',
  'the last day',
]);
/** Words that lead a repeat and say nothing more ("sedan varje vecka", "then every week"). */
const FILLER = alt(['sedan', 'därefter', 'och sedan', 'upprepa', 'upprepas', 'upprepat', 'herefter', 'derefter', 'deretter', 'gentag', 'gjenta', 'then', 'and then', 'repeat', 'repeated', 'thereafter', 'påminn', 'påminnelse', 'eskalera', 'eskalering', 'remind', 'reminder', 'escalate', 'escalation', 'och', 'og', 'and']);
const EVERY = alt(['varje', 'var', 'vart', 'hver', 'hvert', 'kvar', 'kvart', 'every', 'each']);
const OTHER = alt(['varannan', 'vartannat', 'hver anden', 'hvert andet', 'annenhver', 'annethvert', 'hver annen', 'hvert annet', 'every other', 'every second', 'every two']);
const ORDINAL_SUFFIX = `(?::e|:a|:te|:de|:dje|\\.|st|nd|rd|th|e)?`;
const ADVERBS: Record<string, [number, keyof DurationLikeObject]> = {
  dagligen: [1, 'days'], daglig: [1, 'days'], dagleg: [1, 'days'], daily: [1, 'days'], 'varje dag': [1, 'days'], 'hver dag': [1, 'days'],
  veckovis: [1, 'weeks'], varjevecka: [1, 'weeks'], ugentlig: [1, 'weeks'], ugentligt: [1, 'weeks'], ukentlig: [1, 'weeks'], weekly: [1, 'weeks'],
  'en gång i veckan': [1, 'weeks'], 'en gang om ugen': [1, 'weeks'], 'en gang i uka': [1, 'weeks'], 'once a week': [1, 'weeks'],
  fortnightly: [2, 'weeks'], biweekly: [2, 'weeks'],
  månadsvis: [1, 'months'], månatligen: [1, 'months'], månedlig: [1, 'months'], månedligt: [1, 'months'], monthly: [1, 'months'],
  'en gång i månaden': [1, 'months'], 'once a month': [1, 'months'],
};

/** "inga påminnelser", "ingen", "none": the field left empty. */
const NONE = new Set([
  'inga', 'ingen', 'inget', 'inga påminnelser', 'ingen påminnelse', 'ingen eskalering', 'ingen upprepning', 'inga upprepningar', 'aldrig', 'nej',
  'ingen påmindelse', 'ingen påmindelser', 'ingen påminnelser', 'ingen gentagelse', 'ingen gjentakelse', 'aldri', 'nei',
  'none', 'no', 'never', 'no reminders', 'no escalation', 'no repeat', 'no repeats', '-', '–',
]);

type Reading =
  | { duration: string; direction?: 'before' | 'after'; repeat: boolean }
  | { problem: 'UNREADABLE' | 'WORKING_DAYS' | 'ZERO_REPEAT'; detail?: string };

const whole = (source: string) => new RegExp(`^${source}$`, 'u');
const AMOUNT = `(?<count>${COUNT})\\s*(?<unit>${UNIT})`;
const LEADING_DIRECTION = whole(`(?:(?<lead>${BEFORE}|${AFTER}|om|in|within)\\s+)${AMOUNT}(?:\\s+(?:${REFERENCE}))?`);
const TRAILING_DIRECTION = whole(`(?:(?:om|in|i)\\s+)?${AMOUNT}(?:\\s+(?<trail>${BEFORE}|${AFTER}))?(?:\\s+(?:${REFERENCE}))?`);
const DAY_N = whole(`(?:på\\s+|on\\s+|from\\s+|från\\s+|fra\\s+)?(?:dag|dagen|day)\\s+(?<n>\\d{1,3})`);
const EVERY_N = whole(`${EVERY}\\s+(?:(?<n>${CARDINAL_ANY}|\\d{1,3}${ORDINAL_SUFFIX}|${alt(['andra', 'anden', 'andre', 'tredje', 'third', 'fjärde', 'fjerde', 'fourth'])})\\s+)?(?<unit>${UNIT})`);
const OTHER_UNIT = whole(`${OTHER}\\s+(?<unit>${UNIT})`);
const ORDINAL_WORDS: Record<string, number> = { andra: 2, anden: 2, andre: 2, tredje: 3, third: 3, fjärde: 4, fjerde: 4, fourth: 4 };

function countOf(token: string): number | undefined {
  const t = token.trim();
  if (t === 'a' || t === 'an') return 1;
  if (t === 'ett par' || t === 'et par' || t === 'a couple of') return 2;
  const digits = /^(\d{1,3})/.exec(t);
  if (digits) return Number(digits[1]);
  return cardinalValue(t) ?? ORDINAL_WORDS[t];
}

function iso(count: number, unit: keyof DurationLikeObject): string {
  return Duration.fromObject({ [unit]: count }).toISO() as string;
}

/** Reads one phrase ("14 dagar före", "varje vecka", "P14D") without knowing which field it is in. */
function readPhrase(raw: string): Reading {
  const s = normalizePhrase(raw).replace(/[.:]+$/u, '').replace(new RegExp(`^(?:${FILLER}\\s+)+`, 'u'), '').trim();
  if (!s) return { problem: 'UNREADABLE' };
  if (/^pt?\d/i.test(s)) {
    const d = Duration.fromISO(s.toUpperCase());
    return d.isValid ? { duration: d.toISO() as string, repeat: false } : { problem: 'UNREADABLE' };
  }
  const adverb = ADVERBS[s];
  if (adverb) return { duration: iso(adverb[0], adverb[1]), repeat: true };
  const working = (unit: string) => WORKING_DAY_WORDS.includes(unit);
  const other = OTHER_UNIT.exec(s);
  if (other?.groups) {
    if (working(other.groups.unit)) return { problem: 'WORKING_DAYS' };
    return { duration: iso(2, UNIT_OF[other.groups.unit]), repeat: true };
  }
  const every = EVERY_N.exec(s);
  if (every?.groups) {
    if (working(every.groups.unit)) return { problem: 'WORKING_DAYS' };
    const n = every.groups.n === undefined ? 1 : countOf(every.groups.n);
    if (n === undefined) return { problem: 'UNREADABLE' };
    if (n === 0) return { problem: 'ZERO_REPEAT' };
    return { duration: iso(n, UNIT_OF[every.groups.unit]), repeat: true };
  }
  const day = DAY_N.exec(s);
  if (day?.groups) return { duration: iso(Number(day.groups.n), 'days'), direction: 'after', repeat: false };
  const match = LEADING_DIRECTION.exec(s) ?? TRAILING_DIRECTION.exec(s);
  if (!match?.groups) return { problem: 'UNREADABLE' };
  const { count, unit, lead, trail } = match.groups;
  if (working(unit)) return { problem: 'WORKING_DAYS' };
  const n = countOf(count);
  if (n === undefined) return { problem: 'UNREADABLE' };
  const word = lead ?? trail;
  const direction = word === undefined || ['om', 'in', 'within'].includes(word) ? undefined : whole(BEFORE).test(word) ? 'before' : 'after';
  return { duration: iso(n, UNIT_OF[unit]), direction, repeat: false };
}

const MESSAGES: Record<PolicyWordsProblemCode, (phrase: string) => string> = {
  UNREADABLE: (p) => `"${p}" is not a time we can read: write e.g. "14 dagar före", "7 days after" or "varje vecka"`,
  WORKING_DAYS: (p) => `"${p}" counts working days; notices count calendar days (and, with working-day timing, a notice on a weekend or holiday waits for the next working day): write calendar days, e.g. "4 dagar efter"`,
  WRONG_DIRECTION: (p) => `"${p}" is on the wrong side of the due date for this field`,
  NOT_A_REPEAT: (p) => `"${p}" is a single time, not how often to repeat: write e.g. "varje vecka"`,
  IS_A_REPEAT: (p) => `"${p}" says how often, not when: write it as the repeat, or write e.g. "14 dagar före"`,
  ZERO_REPEAT: (p) => `"${p}" would repeat without pause: give a time of at least a minute`,
  ONE_REPEAT: (p) => `"${p}": one repeat only`,
  TOO_MANY: (p) => `"${p}": at most ten`,
};

function problem(code: PolicyWordsProblemCode, phrase: string): PolicyWordsProblem {
  return { code, phrase, message: MESSAGES[code](phrase) };
}

/** "14 dagar före, 1 dag före", "7 dage efter og 14 dage efter": a field split into its phrases. */
export function splitPhrases(text: string): string[] {
  return text
    .split(/[,;\n]|\s+(?:och|og|and|samt|sen|then)\s+/u)
    .map((p) => p.trim())
    .filter(Boolean);
}

/**
 * A field of the policy form read: reminders ("14 dagar före, 1 dag före"), escalation steps
 * ("7 dagar efter, 14 dagar efter") or the repeat ("varje vecka"). A phrase with no direction
 * takes the field's ("14 dagar" among reminders is before); the opposite direction is a problem,
 * never turned around. Reminders come back earliest first, steps in rising order (step i goes
 * i+1 levels up, so the order is the ladder's).
 */
export function parsePolicyPhrases(field: PolicyField, text: string): ParsedPolicyPhrases {
  const phrases = NONE.has(normalizePhrase(text).replace(/[.]+$/u, '')) ? [] : splitPhrases(text);
  const found: string[] = [];
  const problems: PolicyWordsProblem[] = [];
  for (const phrase of phrases) {
    const reading = readPhrase(phrase);
    if ('problem' in reading) {
      problems.push(problem(reading.problem, phrase));
      continue;
    }
    if (field === 'repeat') {
      if (reading.direction !== undefined) problems.push(problem('NOT_A_REPEAT', phrase));
      else if (Duration.fromISO(reading.duration).as('milliseconds') <= 0) problems.push(problem('ZERO_REPEAT', phrase));
      else found.push(reading.duration);
      continue;
    }
    if (reading.repeat) problems.push(problem('IS_A_REPEAT', phrase));
    else if (reading.direction && reading.direction !== (field === 'remind' ? 'before' : 'after')) problems.push(problem('WRONG_DIRECTION', phrase));
    else found.push(reading.duration);
  }
  if (field === 'repeat' && found.length > 1) problems.push(problem('ONE_REPEAT', text.trim()));
  if (found.length > 10) problems.push(problem('TOO_MANY', text.trim()));
  const ms = (d: string) => Duration.fromISO(d).as('milliseconds');
  const unique = [...new Set(found)];
  const durations = field === 'remind' ? unique.sort((a, b) => ms(b) - ms(a)) : field === 'escalate' ? unique.sort((a, b) => ms(a) - ms(b)) : unique.slice(0, 1);
  return { durations, problems };
}

const UNIT_WORDS: Record<WordsLanguage, Record<string, [string, string]>> = {
  sv: {
    years: ['år', 'år'], months: ['månad', 'månader'], weeks: ['vecka', 'veckor'], days: ['dag', 'dagar'],
    hours: ['timme', 'timmar'], minutes: ['minut', 'minuter'], seconds: ['sekund', 'sekunder'], milliseconds: ['millisekund', 'millisekunder'],
  },
  en: {
    years: ['year', 'years'], months: ['month', 'months'], weeks: ['week', 'weeks'], days: ['day', 'days'],
    hours: ['hour', 'hours'], minutes: ['minute', 'minutes'], seconds: ['second', 'seconds'], milliseconds: ['millisecond', 'milliseconds'],
  },
};
const AND: Record<WordsLanguage, string> = { sv: 'och', en: 'and' };

function parts(isoDuration: string): Array<[string, number]> {
  const d = Duration.fromISO(isoDuration);
  if (!d.isValid) return [];
  return Object.entries(d.toObject()).filter(([, n]) => n) as Array<[string, number]>;
}

function joinWords(words: string[], lang: WordsLanguage): string {
  if (words.length <= 1) return words.join('');
  return `${words.slice(0, -1).join(', ')} ${AND[lang]} ${words[words.length - 1]}`;
}

/** "P14D" → "14 dagar" / "14 days"; "P1W" → "1 vecka"; not a duration → as given. */
export function durationWords(isoDuration: string, lang: WordsLanguage): string {
  if (!Duration.fromISO(isoDuration).isValid) return isoDuration;
  const ps = parts(isoDuration);
  if (ps.length === 0) return lang === 'sv' ? '0 dagar' : '0 days';
  return joinWords(ps.map(([unit, n]) => `${n} ${UNIT_WORDS[lang][unit][n === 1 ? 0 : 1]}`), lang);
}

function swedishOrdinal(n: number): string {
  const lastTwo = n % 100;
  return `${n}:${(n % 10 === 1 || n % 10 === 2) && lastTwo !== 11 && lastTwo !== 12 ? 'a' : 'e'}`;
}

/** "P7D"/"P1W" → "varje vecka", "P14D" → "varannan vecka", "P3D" → "var 3:e dag"; en "every week", "every other week", "every 3 days". */
export function repeatWords(isoDuration: string, lang: WordsLanguage): string {
  let ps = parts(isoDuration);
  if (ps.length === 1 && ps[0][0] === 'days' && ps[0][1] % 7 === 0) ps = [['weeks', ps[0][1] / 7]];
  if (ps.length !== 1) return lang === 'sv' ? `med ${durationWords(isoDuration, lang)} mellanrum` : `every ${durationWords(isoDuration, lang)}`;
  const [unit, n] = ps[0];
  const [one, many] = UNIT_WORDS[lang][unit];
  if (lang === 'en') return n === 1 ? `every ${one}` : n === 2 ? `every other ${one}` : `every ${n} ${many}`;
  const neuter = unit === 'years';
  if (n === 1) return `varje ${one}`;
  if (n === 2) return `${neuter ? 'vartannat' : 'varannan'} ${one}`;
  return `${neuter ? 'vart' : 'var'} ${swedishOrdinal(n)} ${one}`;
}

/** A duration of a field in words, as it is typed back into the field: "14 dagar före", "7 days after", "varje vecka". */
export function phraseWords(field: PolicyField, isoDuration: string, lang: WordsLanguage): string {
  if (field === 'repeat') return repeatWords(isoDuration, lang);
  const side = field === 'remind' ? (lang === 'sv' ? 'före' : 'before') : lang === 'sv' ? 'efter' : 'after';
  return `${durationWords(isoDuration, lang)} ${side}`;
}

/** A field's durations as the form shows them: "14 dagar före, 1 dag före". */
export function fieldWords(field: PolicyField, durations: readonly string[], lang: WordsLanguage): string {
  return durations.map((d) => phraseWords(field, d, lang)).join(', ');
}
