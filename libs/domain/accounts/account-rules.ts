import { DomainError } from '../errors';

/**
 * Who may do what to an account (ASVS V2/V3). Coordinators manage people — create, rename, move,
 * give roles, deactivate — but two powers are the admin's alone: granting or removing `admin`,
 * and setting another person's password. Everyone changes their own password, with the current
 * one, at POST /api/me/password. An admin's account is changed in those ways by admins only.
 */
export interface Actor {
  id: string;
  roles: readonly string[];
}

export interface AccountBefore {
  id: string;
  roles: readonly string[];
}

const ADMIN = 'admin';

export function isAdmin(who: { roles: readonly string[] }): boolean {
  return who.roles.includes(ADMIN);
}

/** Roles may be given by people managers, except `admin`, which only an admin grants or removes. */
export function assertMayGiveRoles(actor: Actor, before: readonly string[], after: readonly string[]): void {
  if (before.includes(ADMIN) !== after.includes(ADMIN) && !isAdmin(actor)) {
    throw new DomainError('ADMIN_ONLY', 'Only an admin can grant or remove the admin role', [{ path: 'roles', message: 'admin only' }]);
  }
}

/**
 * Setting a password for someone (a new person's first one, or a reset) is the admin's. A
 * coordinator cannot set even their own this way: that would skip the current password.
 */
export function assertMaySetPassword(actor: Actor): void {
  if (!isAdmin(actor)) {
    throw new DomainError('ADMIN_ONLY', 'Only an admin can set or reset a password; change your own at POST /api/me/password', [{ path: 'password', message: 'admin only' }]);
  }
}

/** Deactivating or reactivating: never oneself; an admin's account only by an admin. */
export function assertMayChangeActivation(actor: Actor, target: AccountBefore): void {
  if (actor.id === target.id) throw new DomainError('CONFLICT', 'You cannot deactivate or reactivate yourself');
  if (isAdmin(target) && !isAdmin(actor)) throw new DomainError('ADMIN_ONLY', 'Only an admin can deactivate or reactivate an admin');
}

/** Someone must always be able to administer Bevaka: the last active admin stays one. */
export function assertAdminRemains(activeAdminsAfter: number): void {
  if (activeAdminsAfter < 1) throw new DomainError('LAST_ADMIN', 'This is the last active admin: make someone else an admin first');
}
