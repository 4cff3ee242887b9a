import { dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '../errors';

/** OWASP ASVS 2.1.1/2.1.2: at least 12 characters; long passphrases welcome. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 200;

/**
 * Words that make the stem of many Swedish passwords ("Sommar2024!", "Lösenord123456"): ours,
 * added to the common list below, which is English and international.
 */
const LOCAL_COMMON_STEMS = ['lösenord', 'losenord', 'sommar', 'vinter', 'hösten', 'hosten', 'våren', 'varen', 'välkommen', 'valkommen', 'hejhej', 'hemligt', 'sverige', 'kommun', 'bevaka'];

let common: Set<string> | undefined;

/**
 * The 49,000 most common passwords of leaked password lists, as zxcvbn-ts ships and maintains
 * them (@zxcvbn-ts/language-common, "passwords-common"), plus the Swedish stems above. Built on
 * first use: it is only needed when a password is set.
 */
function commonPasswords(): Set<string> {
  common ??= new Set([...dictionary['passwords-common'], ...LOCAL_COMMON_STEMS]);
  return common;
}

/** Why a new password is refused, or undefined when it is acceptable. */
export function passwordProblem(password: string, context: { email?: string } = {}): string | undefined {
  // A code point is one or two UTF-16 units: far too long is refused before it is read.
  if (password.length > 2 * PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const characters = [...password];
  if (characters.length < PASSWORD_MIN_LENGTH) return `must be at least ${PASSWORD_MIN_LENGTH} characters long`;
  if (characters.length > PASSWORD_MAX_LENGTH) return `must be at most ${PASSWORD_MAX_LENGTH} characters long`;
  const lower = password.toLowerCase();
  const stem = stripDigitsAndSymbols(lower);
  const list = commonPasswords();
  if (list.has(lower) || (stem.length >= 4 && list.has(stem))) return 'is one of the most common passwords; choose another';
  if (new Set(characters).size < 4) return 'repeats too few characters; choose another';
  const email = context.email?.trim().toLowerCase();
  if (email && (lower === email || stem === email.split('@')[0])) return 'must not be your e-mail address';
  return undefined;
}

/** Throws WEAK_PASSWORD (with the field's path) when the password is not acceptable. */
export function assertAcceptablePassword(password: string, context: { email?: string; path?: string } = {}): void {
  const problem = passwordProblem(password, context);
  if (problem) throw new DomainError('WEAK_PASSWORD', `The password ${problem}`, [{ path: context.path ?? 'password', message: problem }]);
}

/** "Sommar2024!!" → "sommar": digits, punctuation and spaces trimmed at both ends (no regex: linear by construction). */
function stripDigitsAndSymbols(text: string): string {
  const trimmable = (c: string) => !/\p{L}/u.test(c);
  const characters = [...text];
  let start = 0;
  let end = characters.length;
  while (start < end && trimmable(characters[start])) start++;
  while (end > start && trimmable(characters[end - 1])) end--;
  return characters.slice(start, end).join('');
}
