import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError } from '../../../libs/domain/errors';
import { SessionPerson, SessionRepository } from '../../../libs/persistence/repositories/session.repository';
import { hashPassword, verifyPassword } from './password';

export const SESSION_HOURS = 12;

// Unknown e-mail addresses still cost one scrypt verification, so timing does not reveal who exists.
const UNKNOWN_USER_HASH = hashPassword(randomBytes(16).toString('hex'));

@Injectable()
export class AuthService {
  constructor(private readonly dataSource: DataSource) {}

  async login(email: string, password: string): Promise<{ token: string; expiresAt: string }> {
    const [person] = await this.dataSource.query('SELECT id, password_hash FROM person WHERE email = $1', [email.trim().toLowerCase()]);
    const valid = await verifyPassword(password, person?.password_hash ?? (await UNKNOWN_USER_HASH));
    if (!person?.password_hash || !valid) throw new DomainError('UNAUTHENTICATED', 'Wrong e-mail address or password');
    const token = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3600_000);
    await new SessionRepository(this.dataSource.manager).create(token, person.id, expiresAt);
    return { token, expiresAt: expiresAt.toISOString() };
  }

  authenticate(token: string): Promise<SessionPerson | undefined> {
    return new SessionRepository(this.dataSource.manager).personFor(token);
  }

  logout(token: string): Promise<void> {
    return new SessionRepository(this.dataSource.manager).revoke(token);
  }
}
