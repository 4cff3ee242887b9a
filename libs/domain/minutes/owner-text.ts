/** Whether words before (or after) an action can be its owner: a name, a unit, or a named group. */
import { GROUP_NOUN, NOT_OWNERS, OWNER_JOINERS } from './words';

const MAX_OWNER_WORDS = 5;

/** Text after the last separator: the clause's subject, not the topic before a dash or colon. */
export function subjectBefore(text: string): string {
  const pieces = text.split(/\s[–—-]\s|[:;(]|\b(?:att|at|that|som)\s/i);
  return clean(pieces[pieces.length - 1]);
}

export function clean(text: string): string {
  return text.replace(/[*"”“]/g, '').replace(/^[\s,.-]+|[\s,.]+$/g, '').replace(/\s+/g, ' ');
}

/** A name-like owner: capitalised words, group nouns and joiners, not led by a pronoun. */
export function isOwner(text: string): boolean {
  const words = text.split(' ').filter(Boolean);
  if (words.length === 0 || words.length > MAX_OWNER_WORDS) return false;
  // "The secretariat will circulate …": an English article may lead a group, never a name.
  if (words.length === 2 && /^the$/i.test(words[0]) && GROUP_NOUN.test(words[1])) return true;
  if (NOT_OWNERS.has(words[0].toLowerCase())) return false;
  return words.every((w) => isCapitalised(w) || GROUP_NOUN.test(w) || OWNER_JOINERS.has(w.toLowerCase()));
}

function isCapitalised(word: string): boolean {
  return /^\p{Lu}/u.test(word);
}
