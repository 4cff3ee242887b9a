/**
 * The PDF's standard fonts (Helvetica) are WinAnsi-encoded: they cover Swedish, Finnish,
 * Norwegian and Danish letters, but pdfkit turns anything outside WinAnsi into wrong glyphs
 * instead of failing. So text is folded before it is drawn: accents that WinAnsi lacks are
 * dropped (ł → l, ő → o), a few symbols get ASCII stand-ins, the rest becomes '?'.
 */
const WIN_ANSI_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
const STAND_INS: Record<string, string> = { '→': '->', '←': '<-', '≥': '>=', '≤': '<=', '−': '-', '‐': '-', '‑': '-', '\u00a0': ' ', '\u2009': ' ', '\u202f': ' ', ł: 'l', Ł: 'L', đ: 'd', Đ: 'D', ı: 'i' };

export function isWinAnsi(ch: string): boolean {
  const code = ch.codePointAt(0)!;
  return ch === '\n' || (code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || WIN_ANSI_EXTRA.includes(ch);
}

export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (isWinAnsi(ch)) out += ch;
    else if (STAND_INS[ch] !== undefined) out += STAND_INS[ch];
    else {
      const folded = ch.normalize('NFKD').replace(/\p{M}/gu, '');
      out += folded !== '' && [...folded].every(isWinAnsi) ? folded : '?';
    }
  }
  return out;
}
