/**
 * Cardinal and ordinal number words in Swedish, Danish, Norwegian (bokmål) and English, 1–12:
 * plans only ever count that far ("sex gånger", "tolv", "hver tredje måned"). Durations count
 * further ("inom trettio dagar", "within ninety days"): those words are kept apart so that the
 * frequency grammar still only sees 1–12.
 */
import { alt } from './normalize';

const CARDINALS: Record<string, number> = {
  // sv
  en: 1, ett: 1, ena: 1, två: 2, tre: 3, fyra: 4, fem: 5, sex: 6, sju: 7, åtta: 8, nio: 9, tio: 10, elva: 11, tolv: 12,
  // da / nb (overlapping words above are not repeated)
  én: 1, et: 1, eitt: 1, to: 2, fire: 4, seks: 6, syv: 7, otte: 8, åtte: 8, ni: 9, ti: 10, elleve: 11,
  // en
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

/** 13–19 and the tens, for durations only (compounds such as "tjugofyra" are written in digits in plans). */
const LARGE_CARDINALS: Record<string, number> = {
  // sv
  tretton: 13, fjorton: 14, femton: 15, sexton: 16, sjutton: 17, arton: 18, nitton: 19,
  tjugo: 20, trettio: 30, fyrtio: 40, femtio: 50, sextio: 60, sjuttio: 70, åttio: 80, nittio: 90,
  // da (teens shared with nb)
  tretten: 13, fjorten: 14, femten: 15, seksten: 16, sytten: 17, atten: 18, nitten: 19,
  tyve: 20, tredive: 30, fyrre: 40, halvtreds: 50, tres: 60, halvfjerds: 70, firs: 80, halvfems: 90,
  // nb
  tjue: 20, tretti: 30, førti: 40, femti: 50, seksti: 60, sytti: 70, åtti: 80, nitti: 90,
  // en
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19,
  twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};

/** Words that are also common non-numbers ("to the board", "ni" = "you" in Swedish, article "en"). */
export const AMBIGUOUS_CARDINALS = new Set(['to', 'ni', 'en', 'et', 'ett', 'ena']);

const ORDINALS: Record<string, number> = {
  // sv
  första: 1, andra: 2, annan: 2, annat: 2, tredje: 3, fjärde: 4, femte: 5, sjätte: 6, sjunde: 7, åttonde: 8, nionde: 9, tionde: 10, elfte: 11, tolfte: 12,
  // da
  første: 1, anden: 2, andet: 2, fjerde: 4, sjette: 6, syvende: 7, ottende: 8, niende: 9, tiende: 10, ellevte: 11, tolvte: 12,
  // nb
  annen: 2, annet: 2, andre: 2, sjuende: 7, åttende: 8,
  // en
  first: 1, second: 2, other: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
};

/** "once", "twice", "thrice" carry both the number and "times". */
export const MULTIPLICATIVES: Record<string, number> = { once: 1, twice: 2, thrice: 3 };

/** Regex source matching a cardinal: digits or a word. */
export const CARDINAL = `(?:\\d{1,3}|${alt(Object.keys(CARDINALS))})`;
/** Regex source for a cardinal that is never an ordinary word. */
export const CARDINAL_STRICT = `(?:\\d{1,3}|${alt(Object.keys(CARDINALS).filter((w) => !AMBIGUOUS_CARDINALS.has(w)))})`;
/** Regex source matching any count a duration may have: digits or a word up to ninety. */
export const CARDINAL_ANY = `(?:\\d{1,3}|${alt([...Object.keys(CARDINALS), ...Object.keys(LARGE_CARDINALS)])})`;
/** Regex source matching an ordinal: "3:e", "3:dje", "2:a", "3.", "3rd", "2nd" or a word. */
export const ORDINAL = `(?:\\d{1,2}(?::e|:a|:dje|:te|\\.|st|nd|rd|th)|${alt(Object.keys(ORDINALS))})`;

export function cardinalValue(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  return CARDINALS[t] ?? LARGE_CARDINALS[t];
}

export function ordinalValue(token: string): number | undefined {
  const t = token.trim().toLowerCase();
  const digits = /^(\d{1,2})/.exec(t);
  if (digits) return Number(digits[1]);
  return ORDINALS[t];
}

/** Either kind of number word ("3", "tre", "tredje", "3:e"). */
export function numberValue(token: string): number | undefined {
  return cardinalValue(token) ?? ordinalValue(token);
}
