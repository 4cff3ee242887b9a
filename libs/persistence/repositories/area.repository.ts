import { EntityManager } from 'typeorm';
import { AreaEntity } from '../entities/area.entity';

export interface AreaRow {
  id: string;
  title: string;
  position: number;
}

/**
 * A plan's areas (arbetsområden), in the order the plan lists them. Titles are unique per plan.
 * Entity (AreaEntity) for reads and the rename; raw SQL: findOrCreate and reorder, because an
 * ON CONFLICT upsert numbered by a subquery and a renumbering by `unnest … WITH ORDINALITY` are
 * one set-based statement each, which the entity API can only do row by row.
 */
export class AreaRepository {
  constructor(private readonly db: EntityManager) {}

  private get areas() {
    return this.db.getRepository(AreaEntity);
  }

  async list(planId: string): Promise<AreaRow[]> {
    const areas = await this.areas.find({ where: { planId }, order: { position: 'ASC', title: 'ASC' } });
    return areas.map(toRow);
  }

  async find(planId: string, areaId: string): Promise<AreaRow | undefined> {
    const area = await this.areas.findOneBy({ planId, id: areaId });
    return area ? toRow(area) : undefined;
  }

  /** The area of that title, created last in the plan's order if it is new. */
  async findOrCreate(planId: string, title: string): Promise<string> {
    const [row]: Array<{ id: string }> = await this.db.query(
      `INSERT INTO area (plan_id, title, position) VALUES ($1, $2, (SELECT count(*) FROM area WHERE plan_id = $1))
       ON CONFLICT (plan_id, title) DO UPDATE SET title = EXCLUDED.title RETURNING id`,
      [planId, title],
    );
    return row.id;
  }

  /** A new title; another area of the plan with that title is a unique violation (409). */
  async rename(areaId: string, title: string): Promise<void> {
    await this.areas.update({ id: areaId }, { title });
  }

  /** Numbers the plan's areas 0, 1, 2… in the given order (every area of the plan, once). */
  async reorder(planId: string, areaIds: string[]): Promise<void> {
    await this.db.query(
      `UPDATE area a SET position = x.position - 1 FROM unnest($2::uuid[]) WITH ORDINALITY AS x(id, position) WHERE a.id = x.id AND a.plan_id = $1`,
      [planId, areaIds],
    );
  }
}

function toRow(area: AreaEntity): AreaRow {
  return { id: area.id, title: area.title, position: area.position };
}
