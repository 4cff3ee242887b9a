import { EntityManager } from 'typeorm';
import type { QuotaEntry } from '../../domain/occurrence/quota-log';
import { PersonEntity } from '../entities/person.entity';
import { QuotaEntryEntity } from '../entities/quota-entry.entity';

export interface QuotaEntryRow {
  id: string;
  happenedOn: string;
  note: string | null;
  evidenceUrl: string | null;
  loggedAt: string;
  loggedByPersonId: string | null;
  loggedByName: string | null;
}

/**
 * The times a quota's action happened ("minst sex gånger per år"), one row per time its owner
 * logged. Their count is the period's progress (read with the occurrence's state), so a row is
 * written in the transaction that locks the occurrence and decides what the time changes.
 * Entity only (QuotaEntryEntity, the logger's name by a query-builder join); no raw SQL.
 */
export class QuotaEntryRepository {
  constructor(private readonly db: EntityManager) {}

  async add(occurrenceId: string, entry: QuotaEntry, at: string): Promise<void> {
    await this.db.getRepository(QuotaEntryEntity).insert({
      occurrenceId,
      happenedOn: entry.happenedOn,
      note: entry.note ?? null,
      evidenceUrl: entry.evidenceUrl ?? null,
      loggedBy: entry.byPersonId,
      loggedOnBehalfOf: entry.onBehalfOfPersonId ?? null,
      loggedAt: new Date(at),
    });
  }

  /** The period's times, the latest first. */
  async of(occurrenceId: string): Promise<QuotaEntryRow[]> {
    const rows: Array<{ id: string; happened_on: string; note: string | null; evidence_url: string | null; logged_at: Date; logged_by: string | null; name: string | null }> = await this.db
      .getRepository(QuotaEntryEntity)
      .createQueryBuilder('q')
      .leftJoin(PersonEntity, 'p', 'p.id = q.logged_by')
      .select(['q.id AS id', `to_char(q.happened_on, 'YYYY-MM-DD') AS happened_on`, 'q.note AS note', 'q.evidence_url AS evidence_url', 'q.logged_at AS logged_at', 'q.logged_by AS logged_by'])
      .addSelect('p.name', 'name')
      .where('q.occurrence_id = :occurrenceId', { occurrenceId })
      .orderBy('q.happened_on', 'DESC')
      .addOrderBy('q.logged_at', 'DESC')
      .getRawMany();
    return rows.map((r) => ({
      id: r.id,
      happenedOn: r.happened_on,
      note: r.note,
      evidenceUrl: r.evidence_url,
      loggedAt: new Date(r.logged_at).toISOString(),
      loggedByPersonId: r.logged_by,
      loggedByName: r.name,
    }));
  }
}
