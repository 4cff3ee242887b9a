/**
 * Owners ("ANSVAR") are split on `,` `;` `/` `&` `+` and line breaks only (API.md), never on "och",
 * "og" or "and": "Samhällsbyggnad och teknik" is one unit.
 */
import { cellLines } from './cells';

export function splitOwners(raw: string): string[] {
  const parts = cellLines(raw)
    .split(/[,;/&+\n]/)
    .map((p) => p.replace(/^[\s\-•*]+|[\s.]+$/g, '').trim())
    .filter(Boolean);
  return [...new Set(parts)];
}
