/** Cleaning of cell text: HTML fragments, entities and whitespace as they come out of Word and CMSs. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** What HTML puts in place of a numeric reference to no character (beyond Unicode, a surrogate, NUL). */
const REPLACEMENT_CHARACTER = '\uFFFD';

export function decodeEntities(s: string): string {
  // Digits are bounded so that parseInt never sees a number so long it stops being exact.
  return s.replace(/&(#x[0-9a-f]{1,8}|#\d{1,10}|[a-z]{1,10});/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return isScalarValue(code) ? String.fromCodePoint(code) : REPLACEMENT_CHARACTER;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

function isScalarValue(code: number): boolean {
  return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff);
}

/**
 * Characters no plan text needs and PostgreSQL cannot store (U+0000) or that only confuse a
 * reader (other C0 controls, lone surrogates). Tabs and line breaks are layout and stay.
 */
// eslint-disable-next-line no-control-regex
const UNWANTED = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Cell text with line breaks kept (owners are split on them). */
export function cellLines(raw: string): string {
  // Tag patterns use `[^<>]`, not `[^>]`: an unclosed `<` must not scan to the end of the text for
  // every `<` (quadratic on "<<<<…"). `\s*(?:\/\s*)?` has one way to match a run of spaces.
  const text = decodeEntities(
    raw
      .replace(/<\s*br\s*\/?>/gi, '\n')
      .replace(/<\s*(?:\/\s*)?(?:li|p|div|tr)\b[^<>]*>/gi, '\n')
      .replace(/<[^<>]*>/g, ' '),
  );
  return text
    .replace(UNWANTED, '')
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Cell text on one line. */
export function cellText(raw: string): string {
  return cellLines(raw).replace(/\n/g, ' ').replace(/\s+/g, ' ').trim();
}
