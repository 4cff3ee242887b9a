import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';

/**
 * A small municipality for tests: Kommunledning (head: Kim, the kommunchef) above Samhällsbyggnad
 * (head: Ulla), where Olle owns the actions; Cora, in Kommunledning, is the coordinator.
 */
export interface Org {
  kim: string;
  ulla: string;
  olle: string;
  cora: string;
  kommunledning: string;
  samhallsbyggnad: string;
}

type Name = 'kim' | 'ulla' | 'olle' | 'cora';

export async function seedOrganisation(db: DataSource, locales: Partial<Record<Name, 'sv' | 'en'>> = {}): Promise<Org> {
  const person = async (name: string, roles: string[]) =>
    (
      await db.query(`INSERT INTO person (name, email, roles, locale) VALUES ($1, $2, $3, $4) RETURNING id`, [
        name,
        `${name.toLowerCase()}-${randomUUID().slice(0, 8)}@kommun.se`,
        roles,
        locales[name.toLowerCase() as Name] ?? 'sv',
      ])
    )[0].id as string;
  const kim = await person('Kim', ['executive']);
  const ulla = await person('Ulla', ['owner']);
  const olle = await person('Olle', ['owner']);
  const cora = await person('Cora', ['coordinator']);
  const [{ id: kommunledning }] = await db.query(`INSERT INTO unit (name, head_person_id) VALUES ('Kommunledning', $1) RETURNING id`, [kim]);
  const [{ id: samhallsbyggnad }] = await db.query(`INSERT INTO unit (name, parent_id, head_person_id) VALUES ('Samhällsbyggnad', $1, $2) RETURNING id`, [kommunledning, ulla]);
  await db.query('UPDATE person SET unit_id = $1 WHERE id = ANY($2::uuid[])', [samhallsbyggnad, [olle, ulla]]);
  await db.query('UPDATE person SET unit_id = $1 WHERE id = ANY($2::uuid[])', [kommunledning, [kim, cora]]);
  return { kim, ulla, olle, cora, kommunledning, samhallsbyggnad };
}
