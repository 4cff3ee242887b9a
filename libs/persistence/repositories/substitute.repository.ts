import { EntityManager } from 'typeorm';
import { SubstituteEntity } from '../entities/substitute.entity';

/** Who stands in for whom, and when (dates `YYYY-MM-DD`, both days included). */
export interface SubstituteRow {
  id: string;
  personId: string;
  substitutePersonId: string;
  startsOn: string;
  endsOn: string;
}

/**
 * A person's substitutes (ersättare) as people edit them. Entity only (SubstituteEntity); who
 * substitutes on a given day is set-based and lives in substitution.sql.ts (raw SQL).
 */
export class SubstituteRepository {
  constructor(private readonly db: EntityManager) {}

  private get substitutes() {
    return this.db.getRepository(SubstituteEntity);
  }

  async of(personId: string): Promise<SubstituteRow[]> {
    return (await this.substitutes.find({ where: { personId }, order: { startsOn: 'ASC' } })).map(toRow);
  }

  async find(id: string, personId: string): Promise<SubstituteRow | undefined> {
    const substitute = await this.substitutes.findOneBy({ id, personId });
    return substitute ? toRow(substitute) : undefined;
  }

  async insert(substitute: Omit<SubstituteRow, 'id'>): Promise<SubstituteRow> {
    const { identifiers } = await this.substitutes.insert({
      personId: substitute.personId,
      substitutePersonId: substitute.substitutePersonId,
      startsOn: substitute.startsOn,
      endsOn: substitute.endsOn,
    });
    return (await this.find(identifiers[0].id as string, substitute.personId))!;
  }

  async delete(id: string): Promise<void> {
    await this.substitutes.delete({ id });
  }
}

function toRow(s: SubstituteEntity): SubstituteRow {
  return { id: s.id, personId: s.personId, substitutePersonId: s.substitutePersonId, startsOn: s.startsOn, endsOn: s.endsOn };
}
