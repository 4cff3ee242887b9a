import { createHash } from 'node:crypto';
import { EntityManager, IsNull } from 'typeorm';
import { PersonEntity } from '../entities/person.entity';
import { SessionEntity } from '../entities/session.entity';

export interface SessionPerson {
  id: string;
  name: string;
  email: string;
  roles: string[];
  unitId: string | null;
}

/**
 * Sessions by token hash; the clear token exists only in the client's hands.
 * Entity only (SessionEntity; the query builder for the join and the conditional revocations,
 * which compare with the database's clock, `now()`, not the API's); no raw SQL.
 */
export class SessionRepository {
  constructor(private readonly db: EntityManager) {}

  static hash(token: string): string {
    return createHash('sha256').update(token).digest('hex');
  }

  private get sessions() {
    return this.db.getRepository(SessionEntity);
  }

  async create(token: string, personId: string, expiresAt: Date): Promise<void> {
    await this.sessions.insert({ tokenHash: SessionRepository.hash(token), personId, expiresAt });
  }

  async personFor(token: string): Promise<SessionPerson | undefined> {
    const row: { id: string; name: string; email: string; roles: string[]; unit_id: string | null } | undefined = await this.sessions
      .createQueryBuilder('s')
      .innerJoin(PersonEntity, 'p', 'p.id = s.person_id')
      .select(['p.id AS id', 'p.name AS name', 'p.email AS email', 'p.roles AS roles', 'p.unit_id AS unit_id'])
      .where('s.token_hash = :hash', { hash: SessionRepository.hash(token) })
      .andWhere('s.revoked_at IS NULL')
      .andWhere('s.expires_at > now()')
      .andWhere('p.deactivated_at IS NULL')
      .getRawOne();
    return row && { id: row.id, name: row.name, email: row.email, roles: row.roles, unitId: row.unit_id };
  }

  async revoke(token: string): Promise<void> {
    await this.sessions.update({ tokenHash: SessionRepository.hash(token), revokedAt: IsNull() }, { revokedAt: () => 'now()' });
  }

  /**
   * Ends every open session of a person (password or role change, deactivation), except the one
   * the change was made from when it is theirs. Returns how many ended.
   */
  async revokeAllOf(personId: string, except?: string): Promise<number> {
    const result = await this.sessions
      .createQueryBuilder()
      .update()
      .set({ revokedAt: () => 'now()' })
      .where('person_id = :personId', { personId })
      .andWhere('revoked_at IS NULL')
      .andWhere('expires_at > now()')
      .andWhere('token_hash IS DISTINCT FROM :except', { except: except === undefined ? null : SessionRepository.hash(except) })
      .execute();
    return result.affected ?? 0;
  }
}
