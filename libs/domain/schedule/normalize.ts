/**
 * Text normalisation shared by the phrase grammars. Plans come from Word, Excel and PDFs, so we
 * fold case, typographic dashes and quotes, non-breaking spaces and stray HTML into plain text.
 */
export function normalizePhrase(input: string): string {
  return input
    .normalize('NFC')
    // `[^<>]`, not `[^>]`: with no closing `>`, every `<` would otherwise scan to the end (quadratic).
    .replace(/<[^<>]*>/g, ' ')
    .replace(/&nbsp;|&#160;/gi, ' ')
    .replace(/&amp;/gi, '&')
    .toLowerCase()
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u2018\u2019\u201c\u201d\u00ab\u00bb"'`´]/g, ' ')
    .replace(/[\u00a0\u2000-\u200b\u202f]/g, ' ')
    .replace(/[,;!?()[\]{}*_|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Letters and digits in any of our languages; JS `\b` does not know å, ä, ö, æ, ø. */
const WORD_CHAR = '[\\p{L}\\p{N}]';

/** Builds a Unicode regex whose `source` is wrapped in word boundaries that understand å/ä/ö/æ/ø. */
export function wordRegex(source: string, flags = 'gu'): RegExp {
  return new RegExp(`(?<!${WORD_CHAR})(?:${source})(?!${WORD_CHAR})`, flags.includes('u') ? flags : flags + 'u');
}

/** `alt(['a', 'b'])` → `(?:a|b)`, longest first so that alternation prefers the longer word. */
export function alt(words: readonly string[]): string {
  const sorted = [...words].sort((a, b) => b.length - a.length);
  return `(?:${sorted.map(escapeRegex).join('|')})`;
}

/**
 * `s` without the leading characters in `leading` and the trailing ones in `trailing`. A loop,
 * because the regex form (`/[\s.]+$/`) retries from every position of a long run that does not
 * reach the end: quadratic on hostile input.
 */
export function trimChars(s: string, leading: string, trailing: string = leading): string {
  let start = 0;
  let end = s.length;
  while (start < end && isIn(s[start], leading)) start++;
  while (end > start && isIn(s[end - 1], trailing)) end--;
  return s.slice(start, end);
}

/** `\s` as JavaScript regexes mean it, so callers may say "whitespace" in a set. */
export const WHITESPACE = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

function isIn(char: string, set: string): boolean {
  return set.includes(char);
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+');
}
