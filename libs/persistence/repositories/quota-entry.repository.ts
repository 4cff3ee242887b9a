import { EntityManager } from 'typeorm';
import type { QuotaEntry } from '../../domain/occurrence/quota-log';

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
 */
export class QuotaEntryRepository {
  constructor(private readonly db: EntityManager) {}

  async add(occurrenceId: string, entry: QuotaEntry, at: string): Promise<void> {
    await this.db.query(
      `INSERT INTO quota_entry (occurrence_id, happened_on, note, evidence_url, logged_by, logged_on_behalf_of, logged_at) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [occurrenceId, entry.happenedOn, entry.note ?? null, entry.evidenceUrl ?? null, entry.byPersonId, entry.onBehalfOfPersonId ?? null, at],
    );
  }

  /** The period's times, the latest first. */
  async of(occurrenceId: string): Promise<QuotaEntryRow[]> {
    const rows: Array<{ id: string; happened_on: string; note: string | null; evidence_url: string | null; logged_at: Date; logged_by: string | null; name: string | null }> = await this.db.query(
      `SELECT q.id, to_char(q.happened_on, 'YYYY-MM-DD') AS happened_on, q.note, q.evidence_url, q.logged_at, q.logged_by, p.name
         FROM quota_entry q LEFT JOIN person p ON p.id = q.logged_by
        WHERE q.occurrence_id = $1 ORDER BY q.happened_on DESC, q.logged_at DESC`,
      [occurrenceId],
    );
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
