import { EntityManager } from 'typeorm';

/**
 * The database itself: is it there, what time is it, and a lock for one-time work at boot.
 * Raw SQL: ping, the server's clock and an advisory lock are database functions, not rows.
 */
export class DatabaseRepository {
  constructor(private readonly db: EntityManager) {}

  async ping(): Promise<void> {
    await this.db.query('SELECT 1');
  }

  /** The database server's clock (the system check compares it with Temporal's). */
  async now(): Promise<string> {
    const [row] = await this.db.query('SELECT now() AS now');
    return new Date(row.now).toISOString();
  }

  /** A lock held until the transaction ends, so that replicas booting together take turns. */
  async lockForTransaction(key: number): Promise<void> {
    await this.db.query('SELECT pg_advisory_xact_lock($1)', [key]);
  }
}
