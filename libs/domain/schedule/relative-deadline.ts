/**
 * Relative deadlines: "inom sex månader", "senast tre månader efter start", "inden for tre måneder",
 * "innen seks måneder", "within 90 days", "under de första två åren", "efter ett år". The action is
 * due on its start plus the duration in calendar arithmetic (SCHEDULES.md "Relative deadlines").
 * A duration counted from something other than the start ("efter beslut") or in working days has no
 * date we know: it is reported, never counted from the start instead.
 */
import { CARDINAL_ANY, cardinalValue } from './numbers';
import { alt, wordRegex } from './normalize';
import { TimeUnit, UNIT_WORDS, WORKING_DAY_WORDS, unitOf } from './units';

/** A duration as Luxon adds it: months clamp to the month's end, days are days. */
export type CalendarDuration = { years: number } | { months: number } | { weeks: number } | { days: number };

export type DeadlineMatch = { phrase: string; index: number; end: number } & ({ duration: CalendarDuration } | { problem: string });

/** "de första", "the next": the months counted are the first ones from the start. */
const FIRST = `(?:(?:de|the|dei|den)\\s+)?(?:första|første|fyrste|first|nästa|närmaste|kommande|næste|kommende|neste|next|coming)`;
/** "inom", "senast", "within" …, and "under de första" (a bare "under sex månader" is "for six months", not a deadline). */
const WITHIN = alt([
  'inom', 'innan', 'senast', 'inden for', 'indenfor', 'inden', 'senest', 'i løbet af', 'innen', 'innenfor', 'i løpet av', 'seinast',
  'within', 'no later than', 'not later than', 'at the latest', 'in the course of',
]);
const AFTER = alt(['efter', 'etter', 'after']);
const LEAD = `(?<lead>${WITHIN}(?:\\s+${FIRST})?|(?:under|during|i|in)\\s+${FIRST}|${AFTER})`;

/** Units a duration may have; "semester" is the Swedish holiday, not a term. */
const DURATION_UNITS: TimeUnit[] = ['year', 'half', 'tertial', 'quarter', 'month', 'week', 'day'];
const UNIT_FORMS = DURATION_UNITS.flatMap((u) => [...UNIT_WORDS[u].indefinite, ...UNIT_WORDS[u].definite]).filter(
  (w) => !/\d/.test(w) && cardinalValue(w.split(' ')[0]) === undefined && !w.startsWith('semest') && !w.startsWith('the '),
);
const UNIT = alt(UNIT_FORMS);
const COUNT = `(?:${CARDINAL_ANY}|an|a)`;
const AMOUNT = `(?:(?<count>${COUNT})\\s*(?<unit>${UNIT})|(?<half>half\\s+a\\s+year))`;

/** What the duration may be counted from: the action's start, in any of the four languages. */
const START = alt([
  'start', 'starten', 'uppstart', 'uppstarten', 'oppstart', 'oppstarten', 'opstart', 'opstarten', 'projektstart', 'projektstarten',
  'planstart', 'början', 'begyndelsen', 'begynnelsen', 'starting', 'beginning', 'the start', 'the beginning', 'planens start',
  'handlingsplanens start', 'projektets start', 'planens början', 'planens begyndelse', 'planens oppstart', 'plan start',
]);
const OF_PLAN = `(?:\\s+(?:of|av|af)\\s+(?:the\\s+)?(?:plan|planen|projektet|project|handlingsplanen|action plan))?`;
const FROM = `\\s+(?:efter|etter|after|från|fra|from|of)\\s+(?:(?<start>${START}${OF_PLAN})(?![\\p{L}\\p{N}])|(?<other>[\\p{L}\\p{N}][\\p{L}\\p{N}-]*(?:\\s+[\\p{L}\\p{N}][\\p{L}\\p{N}-]*)?))`;

/** "senast två veckor före start" counts backwards from a date we do not have: not a deadline after the start. */
const BEFORE = `\\s+(?:före|innan|inför|før|forud for|before|prior to)(?![\\p{L}])`;

const DEADLINE = wordRegex(`(?:${LEAD}\\s+)?${AMOUNT}(?![\\p{L}\\p{N}])(?!${BEFORE})(?:${FROM})?`);

/** The relative deadlines in a normalised text, left to right. */
export function findRelativeDeadlines(text: string): DeadlineMatch[] {
  DEADLINE.lastIndex = 0;
  const found: DeadlineMatch[] = [];
  for (const m of text.matchAll(DEADLINE)) {
    const g = m.groups ?? {};
    // "tre månader" alone is a length, not a deadline: it needs "inom …" in front or "… efter start" behind.
    if (!g.lead && !g.start && !g.other) continue;
    const at = { phrase: m[0], index: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
    if (g.other) {
      found.push({ ...at, problem: `"${m[0]}": the date of "${g.other}" is not known, only the action's start` });
      continue;
    }
    const reading = durationOf(g);
    if (reading) found.push({ ...at, ...reading });
  }
  return found;
}

function durationOf(g: Record<string, string | undefined>): { duration: CalendarDuration } | { problem: string } | undefined {
  if (g.half) return { duration: { months: 6 } };
  const n = g.count === 'a' || g.count === 'an' ? 1 : cardinalValue(g.count ?? '');
  const word = (g.unit ?? '').replace(/\s+/g, ' ');
  if (!n) return undefined;
  if (WORKING_DAY_WORDS.includes(word)) return { problem: `"${n} ${word}": working days need a holiday calendar; give a date` };
  const unit = unitOf(word, 'indefinite') ?? unitOf(word, 'definite');
  switch (unit) {
    case 'year': return { duration: { years: n } };
    case 'half': return { duration: { months: 6 * n } };
    case 'tertial': return { duration: { months: 4 * n } };
    case 'quarter': return { duration: { months: 3 * n } };
    case 'month': return { duration: { months: n } };
    case 'week': return { duration: { weeks: n } };
    case 'day': return { duration: { days: n } };
    default: return undefined;
  }
}

export function sameDuration(a: CalendarDuration, b: CalendarDuration): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
