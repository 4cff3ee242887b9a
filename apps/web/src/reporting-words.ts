import type { Schemas } from './api';

/** The board's handling as minutes write it: "KS 2026-09-15 § 123". */
export function boardDecisionText(decision: Pick<Schemas['BoardDecisionResponse'], 'body' | 'date' | 'paragraph'>): string {
  return `${decision.body} ${decision.date} ${decision.paragraph}`;
}

/** A paragraph as typed beside its "§" ("123", or "§ 123" pasted from the minutes) → "§ 123". */
export function paragraphWithSign(typed: string): string {
  return `§ ${paragraphNumber(typed)}`;
}

/** A recorded paragraph without its sign, for the field that shows the sign itself. */
export function paragraphNumber(paragraph: string): string {
  return paragraph.replace(/^\s*§\s*/, '').trim();
}
