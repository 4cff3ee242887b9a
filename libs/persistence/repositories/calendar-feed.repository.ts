import { EntityManager } from 'typeorm';

export interface CalendarFeed {
  id: string;
  personId: string;
  planId: string | null;
  createdAt: string;
}

export interface FeedOccurrence {
  id: string;
  actionId: string;
  planId: string;
  periodKey: string;
  dueAt: string;
  status: string;
  actionTitle: string;
  planTitle: string;
  updatedAt: string;
}

/**
 * Calendar feeds behind secret URLs. Only a hash of the token is stored, so a leaked database
 * does not leak working feed URLs; revoking sets revoked_at and the URL stops working at once.
 * Raw SQL: the feed's occurrences are a set-based read joining occurrence, action and plan; the feed rows themselves would suit an entity and are left for now.
 */
export class CalendarFeedRepository {
  constructor(private readonly db: EntityManager) {}

  async create(personId: string, planId: string | null, tokenHash: string): Promise<CalendarFeed> {
    const [row] = await this.db.query(`INSERT INTO calendar_feed (person_id, plan_id, token_hash) VALUES ($1, $2, $3) RETURNING id, person_id, plan_id, created_at`, [
      personId,
      planId,
      tokenHash,
    ]);
    return toFeed(row);
  }

  async listOf(personId: string): Promise<CalendarFeed[]> {
    const rows = await this.db.query(`SELECT id, person_id, plan_id, created_at FROM calendar_feed WHERE person_id = $1 AND revoked_at IS NULL ORDER BY created_at`, [personId]);
    return rows.map(toFeed);
  }

  async revoke(personId: string, id: string): Promise<boolean> {
    const [, count] = await this.db.query(`UPDATE calendar_feed SET revoked_at = now() WHERE id = $1 AND person_id = $2 AND revoked_at IS NULL`, [id, personId]);
    return count > 0;
  }

  async byTokenHash(tokenHash: string): Promise<CalendarFeed | undefined> {
    const [row] = await this.db.query(`SELECT id, person_id, plan_id, created_at FROM calendar_feed WHERE token_hash = $1 AND revoked_at IS NULL`, [tokenHash]);
    return row ? toFeed(row) : undefined;
  }

  /** Occurrences a person owns, directly or as head of an owning unit. */
  async occurrencesOfPerson(personId: string): Promise<FeedOccurrence[]> {
    return this.occurrences(
      `$1 = ANY(o.owner_person_ids) OR EXISTS (SELECT 1 FROM unit u WHERE u.id = ANY(o.owner_unit_ids) AND u.head_person_id = $1)`,
      [personId],
    );
  }

  async occurrencesOfPlan(planId: string): Promise<FeedOccurrence[]> {
    return this.occurrences(`o.plan_id = $1`, [planId]);
  }

  async planExists(planId: string): Promise<boolean> {
    return (await this.db.query('SELECT 1 FROM plan WHERE id = $1', [planId])).length > 0;
  }

  private async occurrences(where: string, params: unknown[]): Promise<FeedOccurrence[]> {
    const rows: Array<Record<string, unknown>> = await this.db.query(
      `SELECT o.id, o.action_id, o.plan_id, o.period_key, o.due_at, o.status, o.updated_at, a.title AS action_title, p.title AS plan_title
         FROM occurrence o JOIN action a ON a.id = o.action_id JOIN plan p ON p.id = o.plan_id
        WHERE ${where} ORDER BY o.due_at LIMIT 2000`,
      params,
    );
    return rows.map((r) => ({
      id: r.id as string,
      actionId: r.action_id as string,
      planId: r.plan_id as string,
      periodKey: r.period_key as string,
      dueAt: (r.due_at as Date).toISOString(),
      status: r.status as string,
      actionTitle: r.action_title as string,
      planTitle: r.plan_title as string,
      updatedAt: (r.updated_at as Date).toISOString(),
    }));
  }
}

function toFeed(r: Record<string, unknown>): CalendarFeed {
  return { id: r.id as string, personId: r.person_id as string, planId: (r.plan_id as string) ?? null, createdAt: (r.created_at as Date).toISOString() };
}
