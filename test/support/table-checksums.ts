import { DataSource } from 'typeorm';

/**
 * Columns that may change on a request that is refused, by name, in any table: when a session
 * was last seen or used is kept current by every signed-in request, refused or not. Nothing in
 * the schema has them yet; the names are the ones such a column would get.
 */
const VOLATILE_COLUMNS = ['last_seen_at', 'last_used_at'];

/**
 * Audit rows that a refused request may add: failed logins are audited (a login refused for a
 * wrong password is the point of that log). Refusals for malformed input never get that far.
 */
const VOLATILE_AUDIT = `action ILIKE '%login%'`;

export interface TableChecksum {
  table: string;
  rows: number;
  md5: string;
}

/** Row count and an md5 of every row of every table in the public schema, volatile parts left out. */
export async function tableChecksums(db: DataSource): Promise<TableChecksum[]> {
  const tables: Array<{ name: string }> = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name`,
  );
  const sums: TableChecksum[] = [];
  for (const { name } of tables) {
    const where = name === 'audit_log' ? `WHERE NOT (${VOLATILE_AUDIT})` : '';
    const [row] = await db.query(
      `SELECT count(*)::int AS rows, md5(coalesce(string_agg(r, E'\\n' ORDER BY r), '')) AS md5
         FROM (SELECT (to_jsonb(t) - $1::text[])::text AS r FROM "${name}" t ${where}) s`,
      [VOLATILE_COLUMNS],
    );
    sums.push({ table: name, rows: row.rows, md5: row.md5 });
  }
  return sums;
}
