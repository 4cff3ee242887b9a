/**
 * Owners ("ANSVAR") are split on `,` `;` `/` `&` `+` and line breaks only (API.md), never on "och",
 * "og" or "and": "Samhällsbyggnad och teknik" is one unit.
 */
import { WHITESPACE, trimChars } from '../schedule/normalize';
import { cellLines } from './cells';

export function splitOwners(raw: string): string[] {
  const parts = cellLines(raw)
    .split(/[,;/&+\n]/)
    // Bullets and dashes before a name, full stops after it ("• Kultur.", "- KSO").
    .map((p) => trimChars(p, `${WHITESPACE}-•*`, `${WHITESPACE}.`))
    .filter(Boolean);
  return [...new Set(parts)];
}
