import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';

export interface SessionPerson {
  id: string;
  name: string;
  email: string;
  roles: string[];
  unitId: string | null;
}

/** Sessions by token hash; the clear token exists only in the client's hands. */
export class SessionRepository {
  constructor(private readonly db: EntityManager) {}

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  async create(token: string, personId: string, expiresAt: Date): Promise<void> {
    await this.db.query('INSERT INTO session (token_hash, person_id, expires_at) VALUES ($1, $2, $3)', [SessionRepository.hash(token), personId, expiresAt]);
  }

  async personFor(token: string): Promise<SessionPerson | undefined> {
    const [row] = await this.db.query(
      `SELECT p.id, p.name, p.email, p.roles, p.unit_id FROM session s JOIN person p ON p.id = s.person_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now() AND p.deactivated_at IS NULL`,
      [SessionRepository.hash(token)],
    );
    return row && { id: row.id, name: row.name, email: row.email, roles: row.roles, unitId: row.unit_id };
  }

  async revoke(token: string): Promise<void> {
    await this.db.query('UPDATE session SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [SessionRepository.hash(token)]);
  }

  /**
   * Ends every open session of a person (password or role change, deactivation), except the one
   * the change was made from when it is theirs. Returns how many ended.
   */
  async revokeAllOf(personId: string, except?: string): Promise<number> {
    const [, count] = await this.db.query(
      `UPDATE session SET revoked_at = now() WHERE person_id = $1 AND revoked_at IS NULL AND expires_at > now() AND token_hash IS DISTINCT FROM $2`,
      [personId, except === undefined ? null : SessionRepository.hash(except)],
    );
    return count;
  }
}
