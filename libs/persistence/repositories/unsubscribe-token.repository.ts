import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';

/** A token's shape: 32 random bytes in base64url. Anything else is refused before the database is asked. */
export const UNSUBSCRIBE_TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * Each reader's one-click unsubscribe token (RFC 8058), which the List-Unsubscribe URL of every
 * mail to them carries. A random token stored per person rather than an HMAC of the person's id:
 * Bevaka has no server secret that the API and every worker share (an HMAC would need one more
 * setting to configure, distribute and rotate, and rotating it would break every mail already
 * sent), while the database is already shared; and a stored token can be replaced for one person
 * (delete the row: the next mail makes a new one) without touching anyone else's. It is kept in
 * clear because each mail must carry it again; what it grants — turning one's own notice mail
 * down — is much less than read access to this database gives anyway.
 * Raw SQL: the token is made once per person with INSERT … ON CONFLICT DO NOTHING.
 */
export class UnsubscribeTokenRepository {
  constructor(private readonly db: EntityManager) {}

  /** The person's token, made now if they have none; concurrent callers get the same one. */
  async tokenFor(personId: string): Promise<string> {
    await this.db.query(`INSERT INTO notification_unsubscribe_token (person_id, token) VALUES ($1, $2) ON CONFLICT (person_id) DO NOTHING`, [
      personId,
      randomBytes(32).toString('base64url'),
    ]);
    const [row] = await this.db.query(`SELECT token FROM notification_unsubscribe_token WHERE person_id = $1`, [personId]);
    return row.token as string;
  }

  /** Whose token this is, if it is one and its person is still active. */
  async activePersonOf(token: string): Promise<string | undefined> {
    if (!UNSUBSCRIBE_TOKEN.test(token)) return undefined;
    const [row] = await this.db.query(
      `SELECT t.person_id FROM notification_unsubscribe_token t JOIN person p ON p.id = t.person_id WHERE t.token = $1 AND p.deactivated_at IS NULL`,
      [token],
    );
    return row?.person_id;
  }
}
