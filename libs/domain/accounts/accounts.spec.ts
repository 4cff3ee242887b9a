import { DomainError } from '../errors';
import { assertAdminRemains, assertMayChangeActivation, assertMayGiveRoles, assertMaySetPassword } from './account-rules';
import { assertAcceptablePassword, passwordProblem } from './password-policy';

const codeOf = (fn: () => void): string | undefined => {
  try {
    fn();
    return undefined;
  } catch (error) {
    return error instanceof DomainError ? error.code : 'not a DomainError';
  }
};

describe('password policy', () => {
  it('needs at least 12 characters, counted as characters, not bytes', () => {
    expect(passwordProblem('kort-lösen1')).toMatch(/at least 12/); // 11 characters
    expect(passwordProblem('åäöåäöåäöxyz')).toBeUndefined(); // 12 characters, 18 bytes in UTF-8
    expect(passwordProblem('x'.repeat(201))).toMatch(/at most 200/);
  });

  it('refuses the common passwords of the shipped list, in any case', () => {
    for (const common of ['password1234', 'qwerty123456', 'QWERTY123456', '1qaz2wsx3edc', '123456789012']) expect(passwordProblem(common)).toMatch(/most common/);
  });

  it('refuses a common word padded with digits and symbols, Swedish ones too', () => {
    for (const padded of ['Sommar2024!!', 'dragon123456', 'Lösenord1234', '!!password2025', 'Välkommen123']) expect(passwordProblem(padded)).toMatch(/most common/);
  });

  it('refuses very repetitive passwords and the e-mail address', () => {
    expect(passwordProblem('aaaaaaaaaaaa')).toMatch(/too few/);
    expect(passwordProblem('abababababab')).toMatch(/too few/);
    expect(passwordProblem('olle.berg@kommun.se', { email: 'Olle.Berg@kommun.se' })).toMatch(/e-mail/);
    expect(passwordProblem('olle.berg2025', { email: 'olle.berg@kommun.se' })).toMatch(/e-mail/);
  });

  it('accepts passphrases and long random passwords', () => {
    for (const good of ['ett-långt-lösenord', 'korv med bröd och senap', 'test-admin-password', 'vY3-qT9!mR2#', 'sommar i Övertorneå 2026']) expect(passwordProblem(good)).toBeUndefined();
  });

  it('refuses hostile lengths by their length before reading them', () => {
    expect(passwordProblem('1!'.repeat(100_000))).toMatch(/at most 200/);
    expect(passwordProblem(`${'1'.repeat(100)}ab-${'!'.repeat(97)}`)).toBeUndefined(); // two letters amid 198 symbols are no common word
  });

  it('throws WEAK_PASSWORD with the field it was about', () => {
    try {
      assertAcceptablePassword('kort', { path: 'newPassword' });
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('WEAK_PASSWORD');
      expect((error as DomainError).details).toEqual([{ path: 'newPassword', message: 'must be at least 12 characters long' }]);
    }
  });
});

describe('account rules', () => {
  const admin = { id: 'a', roles: ['admin'] };
  const coordinator = { id: 'c', roles: ['coordinator'] };

  it('only an admin grants or removes admin; other roles are the coordinator’s to give', () => {
    expect(codeOf(() => assertMayGiveRoles(coordinator, ['owner'], ['owner', 'admin']))).toBe('ADMIN_ONLY');
    expect(codeOf(() => assertMayGiveRoles(coordinator, ['admin'], ['coordinator']))).toBe('ADMIN_ONLY');
    expect(codeOf(() => assertMayGiveRoles(coordinator, ['owner'], ['owner', 'coordinator']))).toBeUndefined();
    expect(codeOf(() => assertMayGiveRoles(coordinator, ['admin', 'owner'], ['admin']))).toBeUndefined(); // admin kept
    expect(codeOf(() => assertMayGiveRoles(admin, ['owner'], ['admin']))).toBeUndefined();
  });

  it('only an admin sets a password for someone', () => {
    expect(codeOf(() => assertMaySetPassword(coordinator))).toBe('ADMIN_ONLY');
    expect(codeOf(() => assertMaySetPassword(admin))).toBeUndefined();
  });

  it('nobody deactivates themselves; an admin is deactivated by admins only', () => {
    expect(codeOf(() => assertMayChangeActivation(coordinator, { id: 'c', roles: ['coordinator'] }))).toBe('CONFLICT');
    expect(codeOf(() => assertMayChangeActivation(coordinator, { id: 'x', roles: ['admin'] }))).toBe('ADMIN_ONLY');
    expect(codeOf(() => assertMayChangeActivation(coordinator, { id: 'x', roles: ['owner'] }))).toBeUndefined();
    expect(codeOf(() => assertMayChangeActivation(admin, { id: 'x', roles: ['admin'] }))).toBeUndefined();
  });

  it('keeps at least one active admin', () => {
    expect(codeOf(() => assertAdminRemains(0))).toBe('LAST_ADMIN');
    expect(codeOf(() => assertAdminRemains(1))).toBeUndefined();
  });
});
