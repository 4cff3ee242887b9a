import { EntityManager } from 'typeorm';

export interface IdempotentRequest {
  personId: string;
  key: string;
  method: string;
  path: string;
  /** A hash of what was asked (method, path, body, file), to tell a retry from a reuse. */
  requestHash: string;
}

export interface StoredAnswer {
  status: number;
  body: unknown;
}

export interface IdempotencyRecord extends IdempotentRequest {
  answer: StoredAnswer | null;
  /** False while the first request may still be answering (its change is committed). */
  completed: boolean;
  createdAt: Date;
}

/**
 * Idempotency keys per person (table idempotency_key). A key is taken inside the transaction of
 * the change it guards, so the change and the key commit together or not at all; a concurrent
 * request with the same key waits on the unique key until the first one commits or rolls back.
 * Raw SQL: a key is taken with INSERT … ON CONFLICT, whose waiting on the unique key is the point; the entity API cannot say it.
 */
export class IdempotencyKeyRepository {
  constructor(private readonly db: EntityManager) {}

  async find(personId: string, key: string): Promise<IdempotencyRecord | undefined> {
    const [row] = await this.db.query(
      `SELECT person_id, key, method, path, request_hash, response_status, response_body, completed, created_at
         FROM idempotency_key WHERE person_id = $1 AND key = $2 AND expires_at > now()`,
      [personId, key],
    );
    if (!row) return undefined;
    return {
      personId: row.person_id,
      key: row.key,
      method: row.method,
      path: row.path,
      requestHash: row.request_hash,
      answer: row.response_status === null ? null : { status: row.response_status, body: row.response_body },
      completed: row.completed,
      createdAt: row.created_at,
    };
  }

  /**
   * Takes the key for this request (an expired one is taken over). False when another request
   * holds it: after waiting for that one's transaction, if it committed.
   */
  async take(request: IdempotentRequest, ttlSeconds: number): Promise<boolean> {
    const rows: unknown[] = await this.db.query(
      `INSERT INTO idempotency_key (person_id, key, method, path, request_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, now() + make_interval(secs => $6))
       ON CONFLICT (person_id, key) DO UPDATE
          SET method = EXCLUDED.method, path = EXCLUDED.path, request_hash = EXCLUDED.request_hash, response_status = NULL, response_body = NULL,
              completed = false, created_at = now(), expires_at = EXCLUDED.expires_at
        WHERE idempotency_key.expires_at <= now()
       RETURNING key`,
      [request.personId, request.key, request.method, request.path, request.requestHash, ttlSeconds],
    );
    return rows.length === 1;
  }

  /** The answer stored with the change; `completed` once the first request has its final answer. */
  async answer(personId: string, key: string, answer: StoredAnswer, completed: boolean): Promise<void> {
    await this.db.query('UPDATE idempotency_key SET response_status = $3, response_body = $4, completed = $5 WHERE person_id = $1 AND key = $2', [
      personId,
      key,
      answer.status,
      JSON.stringify(answer.body),
      completed,
    ]);
  }

  async pruneExpired(): Promise<number> {
    const [, count] = await this.db.query('DELETE FROM idempotency_key WHERE expires_at <= now()');
    return count ?? 0;
  }
}
