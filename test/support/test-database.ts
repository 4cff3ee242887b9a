import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { runMigrations } from '../../libs/persistence/data-source';
import { ENV, requiredEnv } from './services';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh, migrated database on the suite's PostgreSQL server, so suites never share rows. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = requiredEnv(ENV.postgresServerUrl);
  const name = `bevaka_test_${randomBytes(5).toString('hex')}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = withDatabase(serverUrl, name);
  await runMigrations(url);
  return { url, name, drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

export function withDatabase(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function admin(serverUrl: string, sql: string): Promise<void> {
  const client = new Client({ connectionString: withDatabase(serverUrl, 'postgres') });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
