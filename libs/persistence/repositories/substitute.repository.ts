import { EntityManager } from 'typeorm';

/** Who stands in for whom, and when (dates `YYYY-MM-DD`, both days included). */
export interface SubstituteRow {
  id: string;
  personId: string;
  substitutePersonId: string;
  startsOn: string;
  endsOn: string;
}

const SUBSTITUTE = `SELECT id, person_id AS "personId", substitute_person_id AS "substitutePersonId",
                           to_char(starts_on, 'YYYY-MM-DD') AS "startsOn", to_char(ends_on, 'YYYY-MM-DD') AS "endsOn" FROM substitute`;

export class SubstituteRepository {
  constructor(private readonly db: EntityManager) {}

  of(personId: string): Promise<SubstituteRow[]> {
    return this.db.query(`${SUBSTITUTE} WHERE person_id = $1 ORDER BY starts_on`, [personId]);
  }

  async find(id: string, personId: string): Promise<SubstituteRow | undefined> {
    const [row]: SubstituteRow[] = await this.db.query(`${SUBSTITUTE} WHERE id = $1 AND person_id = $2`, [id, personId]);
    return row;
  }

  async insert(substitute: Omit<SubstituteRow, 'id'>): Promise<SubstituteRow> {
    const [row] = await this.db.query('INSERT INTO substitute (person_id, substitute_person_id, starts_on, ends_on) VALUES ($1, $2, $3, $4) RETURNING id', [
      substitute.personId,
      substitute.substitutePersonId,
      substitute.startsOn,
      substitute.endsOn,
    ]);
    return (await this.find(row.id, substitute.personId))!;
  }

  async delete(id: string): Promise<void> {
    await this.db.query('DELETE FROM substitute WHERE id = $1', [id]);
  }
}
