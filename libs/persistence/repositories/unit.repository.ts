import { EntityManager } from 'typeorm';

export interface UnitRow {
  id: string;
  name: string;
  /** How minutes and plans shorten it ("SBB"), if given. */
  abbreviation: string | null;
  parentId: string | null;
  headPersonId: string | null;
}

const UNIT = `SELECT id, name, abbreviation, parent_id AS "parentId", head_person_id AS "headPersonId" FROM unit`;

/**
 * The units of the organisation chart: a tree (parent) with a head each.
 * Raw SQL: whether one unit lies above another (no cycles in the tree) is a recursive CTE; UnitEntity maps the table and is checked by the entities test.
 */
export class UnitRepository {
  constructor(private readonly db: EntityManager) {}

  list(): Promise<UnitRow[]> {
    return this.db.query(`${UNIT} ORDER BY name`);
  }

  async byId(id: string): Promise<UnitRow | undefined> {
    const [unit]: UnitRow[] = await this.db.query(`${UNIT} WHERE id = $1`, [id]);
    return unit;
  }

  async exists(id: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM unit WHERE id = $1', [id])).length > 0;
  }

  /** Which of these ids are no unit. */
  async missing(ids: string[]): Promise<string[]> {
    if (ids.length === 0) return [];
    const found: Array<{ id: string }> = await this.db.query('SELECT id FROM unit WHERE id = ANY($1::uuid[])', [ids]);
    return ids.filter((id) => !found.some((f) => f.id === id));
  }

  async insert(unit: Omit<UnitRow, 'id' | 'abbreviation'> & { abbreviation?: string | null }): Promise<string> {
    const [row] = await this.db.query('INSERT INTO unit (name, abbreviation, parent_id, head_person_id) VALUES ($1, $2, $3, $4) RETURNING id', [unit.name, unit.abbreviation ?? null, unit.parentId, unit.headPersonId]);
    return row.id;
  }

  /** Held until the transaction ends: one change of the chart as a whole (an import) at a time. */
  async lockChart(): Promise<void> {
    await this.db.query(`SELECT pg_advisory_xact_lock(hashtext('bevaka:organisation-chart'))`);
  }

  /** The name always; abbreviation, parent and head only when given (undefined keeps them, null clears them). */
  async update(id: string, change: { name: string; abbreviation?: string | null; parentId?: string | null; headPersonId?: string | null }): Promise<void> {
    await this.db.query(
      `UPDATE unit SET name = $2,
                       parent_id = CASE WHEN $3 THEN $4::uuid ELSE parent_id END,
                       head_person_id = CASE WHEN $5 THEN $6::uuid ELSE head_person_id END,
                       abbreviation = CASE WHEN $7 THEN $8 ELSE abbreviation END WHERE id = $1`,
      [id, change.name, change.parentId !== undefined, change.parentId ?? null, change.headPersonId !== undefined, change.headPersonId ?? null, change.abbreviation !== undefined, change.abbreviation ?? null],
    );
  }

  /** Whether `ancestorId` is `unitId` or lies above it (walking up at most 100 levels). */
  async isAtOrAbove(unitId: string, ancestorId: string): Promise<boolean> {
    const rows = await this.db.query(
      `WITH RECURSIVE up(id, parent_id, depth) AS (
         SELECT id, parent_id, 0 FROM unit WHERE id = $1
         UNION ALL SELECT u.id, u.parent_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 100
       ) SELECT 1 FROM up WHERE id = $2`,
      [unitId, ancestorId],
    );
    return rows.length > 0;
  }
}
