import { randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { assertAcceptablePassword } from '../../../libs/domain/accounts/password-policy';
import { DomainError } from '../../../libs/domain/errors';
import { AuditRepository } from '../../../libs/persistence/repositories/audit.repository';
import { PersonRepository } from '../../../libs/persistence/repositories/person.repository';
import { SessionPerson, SessionRepository } from '../../../libs/persistence/repositories/session.repository';
import type { CurrentPersonInfo } from './current-person';
import { LoginLimiter, LoginRefused, LoginTicket } from './login-limiter';
import { hashPassword, verifyPassword } from './password';

export const SESSION_HOURS = 12;

// Unknown e-mail addresses still cost one scrypt verification, so timing does not reveal who exists.
const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

type LoginFailure = 'unknown e-mail' | 'no password set' | 'wrong password' | 'deactivated';

/**
 * Sessions (ASVS V3): an opaque random bearer token per sign-in, stored only as a hash, valid
 * SESSION_HOURS, ended by logout, by a password or role change and by deactivation. Every
 * sign-in, failure and lockout is written to the audit log with the client's address.
 */
@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly limiter: LoginLimiter,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  async login(email: string, password: string, address: string): Promise<{ token: string; expiresAt: string }> {
    // Where the organisation's provider is the only way in, a password (e.g. the first admin's) opens nothing.
    if (!this.config.passwordLogin) throw new DomainError('PASSWORD_LOGIN_OFF', `Password sign-in is turned off: sign in with ${this.config.oidc?.displayName}`);
    const normalised = email.trim().toLowerCase();
    const ticket = await this.admit(address, normalised);
    let outcome: Parameters<LoginTicket['settle']>[0] = 'not-checked';
    try {
      const account = await this.people().credentials(normalised);
      const valid = await verifyPassword(password, account?.passwordHash ?? (await UNKNOWN_USER_HASH));
      const failure: LoginFailure | undefined = !account ? 'unknown e-mail' : !account.passwordHash ? 'no password set' : !valid ? 'wrong password' : account.deactivated ? 'deactivated' : undefined;
      outcome = failure ? 'failed' : 'succeeded';
      if (failure) {
        await this.audit(this.dataSource.manager, normalised, account?.id, 'login failed', { reason: failure, address });
        throw new DomainError('UNAUTHENTICATED', 'Wrong e-mail address or password');
      }
      return await this.dataSource.transaction(async (db) => {
        const session = await openSession(db, account!.id);
        await this.audit(db, normalised, account!.id, 'login', { address }, true);
        return session;
      });
    } finally {
      ticket.settle(outcome);
    }
  }

  get passwordLoginOn(): boolean {
    return this.config.passwordLogin;
  }

  authenticate(token: string): Promise<SessionPerson | undefined> {
    return new SessionRepository(this.dataSource.manager).personFor(token);
  }

  async logout(token: string, person: CurrentPersonInfo): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      await new SessionRepository(db).revoke(token);
      await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'person', entityId: person.id, action: 'logout' });
    });
  }

  /**
   * Everyone changes their own password with the current one; the person's other sessions end
   * (a stolen session cannot outlive the change), the one it was changed from goes on. Guesses at
   * the current password count against the same limits as sign-ins.
   */
  async changeOwnPassword(person: CurrentPersonInfo, token: string, change: { currentPassword: string; newPassword: string }, address: string): Promise<void> {
    assertAcceptablePassword(change.newPassword, { email: person.email, path: 'newPassword' });
    const ticket = await this.admit(address, person.email);
    let outcome: Parameters<LoginTicket['settle']>[0] = 'not-checked';
    try {
      const stored = await this.people().passwordHash(person.id);
      const valid = stored !== null && (await verifyPassword(change.currentPassword, stored));
      outcome = valid ? 'succeeded' : 'failed';
      if (!valid) {
        await this.audit(this.dataSource.manager, person.email, person.id, 'password change refused', { reason: 'wrong current password', address }, true);
        throw new DomainError('WRONG_CURRENT_PASSWORD', 'The current password is not right', [{ path: 'currentPassword', message: 'wrong' }]);
      }
      const hash = await hashPassword(change.newPassword);
      await this.dataSource.transaction(async (db) => {
        await new PersonRepository(db).setPasswordHash(person.id, hash);
        const ended = await new SessionRepository(db).revokeAllOf(person.id, token);
        await new AuditRepository(db).append({ actorPersonId: person.id, entity: 'person', entityId: person.id, action: 'password changed', after: { sessionsEnded: ended, address } });
      });
    } finally {
      ticket.settle(outcome);
    }
  }

  /** A turn under the sign-in limits; the first refusal of a window is written down as a lockout. */
  private async admit(address: string, email: string): Promise<LoginTicket> {
    try {
      return this.limiter.begin(address, email);
    } catch (error) {
      if (error instanceof LoginRefused && error.firstInWindow) {
        const account = await this.people().credentials(email);
        await this.audit(this.dataSource.manager, email, account?.id, 'login locked out', { scope: error.scope, address });
      }
      throw error;
    }
  }

  /**
   * About a person when the e-mail is someone's, else about the address tried ("login"). The
   * actor is the person only once they proved who they are (a sign-in, a signed-in request).
   */
  private audit(db: EntityManager, email: string, personId: string | undefined, action: string, after: Record<string, unknown>, byThem = false): Promise<void> {
    const subject = personId ? { entity: 'person' as const, entityId: personId } : { entity: 'login' as const, entityId: email };
    return new AuditRepository(db).append({ actorPersonId: byThem ? personId! : null, ...subject, action, after });
  }

  private people(): PersonRepository {
    return new PersonRepository(this.dataSource.manager);
  }
}

/** A new session of SESSION_HOURS for the person, in the caller's transaction (password and provider sign-ins alike). */
export async function openSession(db: EntityManager, personId: string): Promise<{ token: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
  await new SessionRepository(db).create(token, personId, expiresAt);
  return { token, expiresAt: expiresAt.toISOString() };
}
