import { EntityManager } from 'typeorm';
import { substitutionInForce } from './substitution.sql';
import { LadderLevel, SubstitutePeriod } from '../../domain/escalation/ladder';
import type { RecipientContext } from '../../domain/escalation/recipients';
import type { Owners } from '../../domain/occurrence/state';

/**
 * Reads of the organisation chart that escalation and notifications need, at the moment they fire.
 * Raw SQL: the chain of heads up the unit tree is a recursive CTE, and substitutes come from the shared substitute rule.
 */
export class OrgChartRepository {
  constructor(private readonly db: EntityManager) {}

  /** The unit chain from `unitId` up to the root, with each unit's head. */
  async chainUp(unitId: string): Promise<LadderLevel[]> {
    const rows: Array<{ id: string; head_person_id: string | null }> = await this.db.query(
      `WITH RECURSIVE up(id, parent_id, head_person_id, depth) AS (
         SELECT id, parent_id, head_person_id, 0 FROM unit WHERE id = $1
         UNION ALL
         SELECT u.id, u.parent_id, u.head_person_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 50
       ) SELECT id, head_person_id FROM up ORDER BY depth`,
      [unitId],
    );
    return rows.map((r) => ({ unitId: r.id, headPersonId: r.head_person_id }));
  }

  async unitOfPerson(personId: string): Promise<string | undefined> {
    const [row] = await this.db.query('SELECT unit_id FROM person WHERE id = $1', [personId]);
    return row?.unit_id ?? undefined;
  }

  async headsOfUnits(unitIds: string[]): Promise<string[]> {
    if (unitIds.length === 0) return [];
    const rows: Array<{ head_person_id: string }> = await this.db.query(
      'SELECT head_person_id FROM unit WHERE id = ANY($1::uuid[]) AND head_person_id IS NOT NULL',
      [unitIds],
    );
    return rows.map((r) => r.head_person_id);
  }

  async substitutesOn(personIds: string[], date: string): Promise<SubstitutePeriod[]> {
    if (personIds.length === 0) return [];
    const rows: Array<{ person_id: string; substitute_person_id: string; starts_on: string; ends_on: string }> = await this.db.query(
      `SELECT person_id, substitute_person_id, to_char(starts_on, 'YYYY-MM-DD') AS starts_on, to_char(ends_on, 'YYYY-MM-DD') AS ends_on
         FROM substitute WHERE person_id = ANY($1::uuid[]) AND ${substitutionInForce('$2')}`,
      [personIds, date],
    );
    return rows.map((r) => ({ personId: r.person_id, substitutePersonId: r.substitute_person_id, startsOn: r.starts_on, endsOn: r.ends_on }));
  }

  /**
   * Everything `noticeRecipients` needs about one set of owners on `today`, in one round trip:
   * the chain of units above the first owner (person's unit, else the first unit), the heads of
   * the owner units, the substitutions in force and the coordinators.
   */
  async recipientContext(owners: Owners, today: string): Promise<RecipientContext> {
    const [row] = await this.db.query(
      `WITH RECURSIVE
         base AS (SELECT COALESCE((SELECT unit_id FROM person WHERE id = ($1::uuid[])[1]), ($2::uuid[])[1]) AS id),
         up(id, parent_id, head_person_id, depth) AS (
           SELECT u.id, u.parent_id, u.head_person_id, 0 FROM unit u JOIN base ON u.id = base.id
           UNION ALL
           SELECT u.id, u.parent_id, u.head_person_id, up.depth + 1 FROM unit u JOIN up ON u.id = up.parent_id WHERE up.depth < 50)
       SELECT
         COALESCE((SELECT json_agg(json_build_object('unitId', id, 'headPersonId', head_person_id) ORDER BY depth) FROM up), '[]') AS chain,
         ARRAY(SELECT head_person_id FROM unit WHERE id = ANY($2::uuid[]) AND head_person_id IS NOT NULL ORDER BY array_position($2::uuid[], id)) AS unit_heads,
         COALESCE((SELECT json_agg(json_build_object('personId', person_id, 'substitutePersonId', substitute_person_id,
                                                     'startsOn', to_char(starts_on, 'YYYY-MM-DD'), 'endsOn', to_char(ends_on, 'YYYY-MM-DD')))
                     FROM substitute WHERE ${substitutionInForce('$3')}), '[]') AS substitutes,
         ARRAY(SELECT id FROM person WHERE 'coordinator' = ANY(roles) AND deactivated_at IS NULL ORDER BY created_at) AS coordinators,
         ARRAY(SELECT id FROM person WHERE deactivated_at IS NOT NULL AND (id = ANY($1::uuid[]) OR id IN (SELECT head_person_id FROM up)
                 OR id IN (SELECT head_person_id FROM unit WHERE id = ANY($2::uuid[]))
                 OR id IN (SELECT substitute_person_id FROM substitute WHERE ${substitutionInForce('$3')}))) AS inactive`,
      [owners.personIds, owners.unitIds, today],
    );
    return {
      ownerPersonIds: owners.personIds,
      ownerUnitHeads: row.unit_heads,
      chain: row.chain,
      substitutes: row.substitutes,
      coordinators: row.coordinators,
      today,
      inactive: row.inactive,
    };
  }

  async coordinators(): Promise<string[]> {
    const rows: Array<{ id: string }> = await this.db.query(`SELECT id FROM person WHERE 'coordinator' = ANY(roles) ORDER BY created_at`);
    return rows.map((r) => r.id);
  }
}
