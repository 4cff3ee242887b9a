/** Cleaning of cell text: HTML fragments, entities and whitespace as they come out of Word and CMSs. */
const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) => {
    if (e[0] === '#') {
      const code = e[1].toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[e.toLowerCase()] ?? whole;
  });
}

/** Cell text with line breaks kept (owners are split on them). */
export function cellLines(raw: string): string {
  const text = decodeEntities(
    raw
      .replace(/<\s*br\s*\/?>/gi, '\n')
      .replace(/<\s*\/?\s*(li|p|div|tr)\b[^>]*>/gi, '\n')
      .replace(/<[^>]*>/g, ' '),
  );
  return text
    .split(/\r?\n/)
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter(Boolean)
    .join('\n');
}

/** Cell text on one line. */
export function cellText(raw: string): string {
  return cellLines(raw).replace(/\n/g, ' ').replace(/\s+/g, ' ').trim();
}
