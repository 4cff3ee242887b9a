import { EntityManager } from 'typeorm';

export interface AreaRow {
  id: string;
  title: string;
  position: number;
}

/** A plan's areas (arbetsområden), in the order the plan lists them. Titles are unique per plan. */
export class AreaRepository {
  constructor(private readonly db: EntityManager) {}

  async list(planId: string): Promise<AreaRow[]> {
    return this.db.query('SELECT id, title, position FROM area WHERE plan_id = $1 ORDER BY position, title', [planId]);
  }

  async find(planId: string, areaId: string): Promise<AreaRow | undefined> {
    const [row]: AreaRow[] = await this.db.query('SELECT id, title, position FROM area WHERE plan_id = $1 AND id = $2', [planId, areaId]);
    return row;
  }

  /** The area of that title, created last in the plan's order if it is new. */
  async findOrCreate(planId: string, title: string): Promise<string> {
    const [row] = await this.db.query(
      `INSERT INTO area (plan_id, title, position) VALUES ($1, $2, (SELECT count(*) FROM area WHERE plan_id = $1))
       ON CONFLICT (plan_id, title) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
      [planId, title],
    );
    return row.id;
  }

  /** A new title; another area of the plan with that title is a unique violation (409). */
  async rename(areaId: string, title: string): Promise<void> {
    await this.db.query('UPDATE area SET title = $2 WHERE id = $1', [areaId, title]);
  }

  /** Numbers the plan's areas 0, 1, 2… in the given order (every area of the plan, once). */
  async reorder(planId: string, areaIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE area a SET position = x.position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, position) WHERE a.id = x.id AND a.plan_id = $1`,
      [planId, areaIds],
    );
  }
}
