import { EntityManager } from 'typeorm';

/** A person as the API shows them: never the password hash. */
export interface PersonRow {
  id: string;
  name: string;
  email: string;
  unitId: string | null;
  roles: string[];
  /** ISO instant, or null while the person is active. */
  deactivatedAt: string | null;
}

/** What signing in needs to know about an e-mail address. */
export interface Credentials {
  id: string;
  passwordHash: string | null;
  deactivated: boolean;
}

const PERSON = `SELECT id, name, email, unit_id AS "unitId", roles, deactivated_at AS "deactivatedAt" FROM person`;

/**
 * People and their accounts (roles, password hash, deactivation). Runs in the caller's transaction.
 * Raw SQL: accounts are written with ON CONFLICT (email) upserts and locked FOR UPDATE while they change; PersonEntity maps the table and is checked by the entities test.
 */
export class PersonRepository {
  constructor(private readonly db: EntityManager) {}

  async list(): Promise<PersonRow[]> {
    return (await this.db.query(`${PERSON} ORDER BY name, email`)).map(toPerson);
  }

  /** By e-mail address, as stored (lower case). */
  async byEmail(email: string): Promise<PersonRow | undefined> {
    const [row] = await this.db.query(`${PERSON} WHERE email = $1`, [email.toLowerCase()]);
    return row ? toPerson(row) : undefined;
  }

  /** The person the identity provider knows by this id, if one was recorded. */
  async idBySubject(subject: string): Promise<string | undefined> {
    const [row] = await this.db.query('SELECT id FROM person WHERE oidc_subject = $1', [subject]);
    return row?.id;
  }

  /** The provider's id of the person: null until their first sign-in through it. */
  async subjectOf(id: string): Promise<string | null> {
    const [row] = await this.db.query('SELECT oidc_subject FROM person WHERE id = $1', [id]);
    return row?.oidc_subject ?? null;
  }

  async setSubject(id: string, subject: string): Promise<void> {
    await this.db.query('UPDATE person SET oidc_subject = $2 WHERE id = $1', [id, subject]);
  }

  async byId(id: string, options: { lock?: boolean } = {}): Promise<PersonRow | undefined> {
    const [row] = await this.db.query(`${PERSON} WHERE id = $1${options.lock ? ' FOR UPDATE' : ''}`, [id]);
    return row ? toPerson(row) : undefined;
  }

  /** Of these ids, the people that exist, and whether each is deactivated. */
  async activity(ids: string[]): Promise<Array<{ id: string; deactivated: boolean }>> {
    if (ids.length === 0) return [];
    return this.db.query('SELECT id, deactivated_at IS NOT NULL AS deactivated FROM person WHERE id = ANY($1::uuid[])', [ids]);
  }

  /** Whether anyone can sign in with a password yet (the first admin is made when nobody can). */
  async anyoneWithPassword(): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM person WHERE password_hash IS NOT NULL LIMIT 1')).length > 0;
  }

  /** The first admin: inserted, or an existing row of that address made admin with the password. */
  async upsertFirstAdmin(admin: { name: string; email: string; passwordHash: string }): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO person (name, email, roles, password_hash) VALUES ($1, $2, ARRAY['admin'], $3)
       ON CONFLICT (email) DO UPDATE SET password_hash = EXCLUDED.password_hash, roles = EXCLUDED.roles, deactivated_at = NULL RETURNING id`,
      [admin.name, admin.email, admin.passwordHash],
    );
    return row.id;
  }

  /** The language of a person's mail and calendar: `en` or `sv`. */
  async locale(id: string): Promise<'sv' | 'en'> {
    const [row] = await this.db.query('SELECT locale FROM person WHERE id = $1', [id]);
    return row?.locale === 'en' ? 'en' : 'sv';
  }

  async isActive(id: string): Promise<boolean> {
    const [row] = await this.db.query('SELECT 1 FROM person WHERE id = $1 AND deactivated_at IS NULL', [id]);
    return Boolean(row);
  }

  /** Inserts a person; undefined when the e-mail address is taken (also by a concurrent insert). */
  async insert(person: { name: string; email: string; unitId: string | null; roles: string[]; passwordHash: string | null }): Promise<string | undefined> {
    const [row] = await this.db.query(
      `INSERT INTO person (name, email, unit_id, roles, password_hash) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [person.name, person.email, person.unitId, person.roles, person.passwordHash],
    );
    return row?.id;
  }

  async update(id: string, change: { name: string; roles: string[]; unitId?: string | null }): Promise<void> {
    await this.db.query(`UPDATE person SET name = $2, roles = $3, unit_id = CASE WHEN $4 THEN $5::uuid ELSE unit_id END WHERE id = $1`, [
      id,
      change.name,
      change.roles,
      change.unitId !== undefined,
      change.unitId ?? null,
    ]);
  }

  async setRoles(id: string, roles: string[]): Promise<void> {
    await this.db.query('UPDATE person SET roles = $2 WHERE id = $1', [id, roles]);
  }

  async setPasswordHash(id: string, passwordHash: string): Promise<void> {
    await this.db.query('UPDATE person SET password_hash = $2 WHERE id = $1', [id, passwordHash]);
  }

  async passwordHash(id: string): Promise<string | null> {
    const [row] = await this.db.query('SELECT password_hash FROM person WHERE id = $1', [id]);
    return row?.password_hash ?? null;
  }

  async setDeactivated(id: string, deactivated: boolean): Promise<void> {
    await this.db.query(`UPDATE person SET deactivated_at = CASE WHEN $2 THEN COALESCE(deactivated_at, now()) END WHERE id = $1`, [id, deactivated]);
  }

  async credentials(email: string): Promise<Credentials | undefined> {
    const [row] = await this.db.query('SELECT id, password_hash, deactivated_at FROM person WHERE email = $1', [email]);
    return row && { id: row.id, passwordHash: row.password_hash, deactivated: row.deactivated_at !== null };
  }

  /**
   * The active admins, locked: two admins removing each other's admin role at the same moment
   * are serialised here, and the second sees the first one's change.
   */
  async lockActiveAdmins(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM person WHERE 'admin' = ANY(roles) AND deactivated_at IS NULL ORDER BY id FOR UPDATE`);
    return rows.map((r) => r.id);
  }

  /** Of these people, those still active (deactivated people get no notices). */
  async activeAmong(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const rows: Array<{ id: string }> = await this.db.query('SELECT id FROM person WHERE id = ANY($1::uuid[]) AND deactivated_at IS NULL', [ids]);
    const active = new Set(rows.map((r) => r.id));
    return ids.filter((id) => active.has(id));
  }
}

function toPerson(row: Record<string, unknown>): PersonRow {
  const deactivatedAt = row.deactivatedAt as Date | string | null;
  return {
    id: row.id as string,
    name: row.name as string,
    email: row.email as string,
    unitId: (row.unitId as string) ?? null,
    roles: row.roles as string[],
    deactivatedAt: deactivatedAt === null ? null : new Date(deactivatedAt).toISOString(),
  };
}
