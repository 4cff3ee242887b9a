/**
 * Yearly anchors: a once-a-year frequency tied to a month or season ("varje år i mars", "årligen
 * under hösten", "hvert år i november", "every year in May", "i mars varje år", "varje vår", "hvert
 * forår", "every autumn"). Without the anchor "varje år i mars" would be due on 31 December, which
 * is a misreading: it is due on the last day of March (SCHEDULES.md "Yearly anchors").
 */
import { MONTH, MONTHS, SEASONS } from './calendar-words';
import { monthSpan } from './dates';
import type { FrequencyMatch } from './frequency';
import { alt, wordRegex } from './normalize';
import { DateSpan, Season } from './types';

export type YearlyAnchor = { month: number } | { season: Season };

export type AnchorMatch = { phrase: string; index: number; end: number } & ({ anchor: YearlyAnchor } | { problem: string });

/** Words that put the action in the month or season: "i mars", "under hösten", "om foråret", "by the end of May". */
const IN = alt([
  'i', 'in', 'under', 'during', 'om', 'på', 'senast i', 'senest i', 'by', 'by the end of', 'at the end of', 'i slutet av',
  'i slutningen af', 'i slutten av', 'vid utgången av', 'ved udgangen af', 'ved utgangen av', 'inden udgangen af', 'innen utgangen av',
]);
/**
 * "Each" before a season or month: "varje vår", "hvert efterår", "every March". Not the Swedish "var",
 * which is also "was" ("det var sommar").
 */
const EACH = alt(['varje', 'hver', 'hvert', 'every', 'each']);
/** Words that make the month a start or a limit, not the anchor: "årligen med start i mars". */
const NOT_BETWEEN = alt(['start', 'starta', 'startar', 'starter', 'börjar', 'begynder', 'från', 'fra', 'from', 'efter', 'etter', 'after', 'före', 'innan', 'før', 'before', 'till', 'til', 'until']);

const SEASON = alt(SEASONS.flatMap((s) => s.words));
const PLACE_OR_SEASON = `(?:${MONTH}|${SEASON})(?![\\p{L}\\p{N}])`;
/** Not the bare "vår" after "i": "årligen i vår kommun" is "in our municipality" (the season reads "våren"). */
const PLACE = `${IN}\\s+(?:the\\s+)?(?!vår(?![\\p{L}]))(?<place>${PLACE_OR_SEASON})`;
/** At most two words between the yearly frequency and its place: "årlig rapport i mars", "once a year, preferably in May". */
const GAP = `(?:(?!${NOT_BETWEEN}(?![\\p{L}]))[\\p{L}][\\p{L}-]*\\s+){0,2}`;

const AFTER_FREQUENCY = new RegExp(`^\\s*(?:[-:]\\s*)?${GAP}${PLACE}`, 'u');
const BEFORE_FREQUENCY = new RegExp(`(?<![\\p{L}\\p{N}])${PLACE}\\s*(?:[-:]\\s*)?${GAP}$`, 'u');
const EACH_PLACE = wordRegex(`(?!each\\s+may(?![\\p{L}]))${EACH}\\s+(?<place>${PLACE_OR_SEASON})`);
/** "i mars och september", "varje vår och höst": two dates a year, which is not one anchor. */
const AND_ANOTHER = new RegExp(`^\\s*(?:och|og|and|samt|eller|or|&|/)\\s*(?:${IN}\\s+)?(?:the\\s+)?${PLACE_OR_SEASON}`, 'u');
/** How far before or after a frequency its place may stand ("i mars genomförs årligen …"); bounded so that a long text costs linear time. */
const LOOK_BACK = 60;
const LOOK_AHEAD = 120;

/** The anchors in a normalised text, given the frequencies found in it (only once-a-year ones are anchored). */
export function findYearlyAnchors(text: string, frequencies: FrequencyMatch[]): AnchorMatch[] {
  const found: AnchorMatch[] = [];
  for (const f of frequencies.filter(isYearly)) {
    const place = placeAround(text, f);
    if (place) found.push(anchored(text, place.index, place.end, place.word));
  }
  // "vartannat år i mars" would need an anchored rule every K years: reported rather than read as 31 December.
  for (const f of frequencies.filter((g) => g.frequency.kind === 'everyYears')) {
    const place = placeAround(text, f);
    if (place) found.push({ phrase: text.slice(place.index, place.end), index: place.index, end: place.end, problem: `"${text.slice(place.index, place.end)}": every few years in a month or season is not supported yet` });
  }
  EACH_PLACE.lastIndex = 0;
  for (const m of text.matchAll(EACH_PLACE)) {
    const index = m.index ?? 0;
    if (!found.some((a) => index < a.end && a.index < index + m[0].length)) found.push(anchored(text, index, index + m[0].length, m.groups?.place));
  }
  return found.sort((a, b) => a.index - b.index);
}

/** The month or season standing just after or just before a frequency ("varje år i mars", "i mars varje år"). */
function placeAround(text: string, f: FrequencyMatch): { index: number; end: number; word?: string } | undefined {
  const after = AFTER_FREQUENCY.exec(text.slice(f.end, f.end + LOOK_AHEAD));
  if (after) return { index: f.index, end: f.end + after[0].length, word: after.groups?.place };
  const from = Math.max(0, f.index - LOOK_BACK);
  const before = BEFORE_FREQUENCY.exec(text.slice(from, f.index));
  return before ? { index: from + before.index, end: f.end, word: before.groups?.place } : undefined;
}

function isYearly(f: FrequencyMatch): boolean {
  return f.frequency.kind === 'perYear' && f.frequency.perYear === 1;
}

function anchored(text: string, index: number, end: number, place = ''): AnchorMatch {
  const phrase = text.slice(index, end);
  const anchor = anchorOf(place);
  if (!anchor) return { phrase, index, end, problem: `"${phrase}" names no month or season` };
  if (AND_ANOTHER.test(text.slice(end, end + LOOK_AHEAD))) {
    return { phrase, index, end, problem: `"${phrase}" and another month or season: several dates a year are not one yearly anchor` };
  }
  return { phrase, index, end, anchor };
}

function anchorOf(word: string): YearlyAnchor | undefined {
  const w = word.replace(/\s+/g, ' ').trim();
  if (MONTHS[w]) return { month: MONTHS[w] };
  const season = SEASONS.find((s) => s.words.includes(w));
  return season ? { season: season.name } : undefined;
}

/** The month or season in a year, both ends inclusive. */
export function anchorSpan(anchor: YearlyAnchor, year: number): DateSpan {
  if ('month' in anchor) return monthSpan(year, anchor.month);
  const season = SEASONS.find((s) => s.name === anchor.season) as (typeof SEASONS)[number];
  return monthSpan(year, season.month, season.months);
}

/** The last month of the anchor (its RRULE BYMONTH: the due date is that month's last day). */
export function anchorEndMonth(anchor: YearlyAnchor): number {
  return Number(anchorSpan(anchor, 2001).end.slice(5, 7));
}

/** First due date on or after `date`: the anchor's end this year, or next year when it has passed. */
export function anchorDueFrom(anchor: YearlyAnchor, date: string): string {
  const year = Number(date.slice(0, 4));
  const end = anchorSpan(anchor, year).end;
  return end >= date ? end : anchorSpan(anchor, year + 1).end;
}

export function sameAnchor(a: YearlyAnchor, b: YearlyAnchor): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
