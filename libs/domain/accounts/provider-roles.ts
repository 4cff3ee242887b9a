/**
 * Roles from the identity provider's groups (issue 16). The roles the group → role map names are
 * the provider's to give: at each sign-in a person holds exactly those of them that their groups
 * map to. Roles the map does not name (often owner and executive, which follow the organisation
 * chart) stay as they were set in Bevaka, so a map of only coordinators and admins cannot take a
 * head's escalations away.
 */
export function rolesAfterSignIn<R extends string>(current: readonly R[], groups: readonly string[], roleMap: ReadonlyArray<{ group: string; role: R }>): R[] {
  const managed = new Set(roleMap.map((entry) => entry.role));
  const member = new Set(groups);
  const granted = new Set(roleMap.filter((entry) => member.has(entry.group)).map((entry) => entry.role));
  const kept = current.filter((role) => !managed.has(role));
  return [...new Set([...kept, ...granted])];
}

/** The groups claim as a list of strings: providers send an array, a single string or nothing. */
export function groupsOf(claim: unknown): string[] {
  if (typeof claim === 'string') return [claim];
  if (Array.isArray(claim)) return claim.filter((group): group is string => typeof group === 'string');
  return [];
}
