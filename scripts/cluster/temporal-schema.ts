import { spawn } from 'node:child_process';
import path from 'node:path';
import { Client } from 'pg';
import { ensureDatabase } from '../../libs/persistence/embedded-postgres';
import type { ServerDatabase } from './temporal-server-config';

/**
 * Temporal's schema on PostgreSQL, applied with Temporal's own SQL tool as the auto-setup image of
 * docker-compose.yml does: each database created when missing, the base schema set up once, then
 * every versioned step after the recorded version (so a second run, or a newer server's schema
 * directory, applies only what is new).
 */
export async function applyTemporalSchema(options: { sqlTool: string; schemaDir: string; db: ServerDatabase; log: (line: string) => void }): Promise<void> {
  const { db } = options;
  const admin = `postgres://${encodeURIComponent(db.user)}:${encodeURIComponent(db.password)}@${db.host}:${db.port}`;
  const stores = [
    { database: db.database, versioned: path.join(options.schemaDir, 'postgresql', 'v12', 'temporal', 'versioned') },
    { database: db.visibilityDatabase, versioned: path.join(options.schemaDir, 'postgresql', 'v12', 'visibility', 'versioned') },
  ];
  for (const store of stores) {
    await ensureDatabase(`${admin}/postgres`, store.database);
    // The tool's own variables, so that the password is not on a command line.
    const env = { ...process.env, SQL_PLUGIN: 'postgres12', SQL_HOST: db.host, SQL_PORT: String(db.port), SQL_USER: db.user, SQL_PASSWORD: db.password, SQL_DATABASE: store.database };
    if (!(await hasSchemaVersion(`${admin}/${store.database}`))) await run(options.sqlTool, ['setup-schema', '-v', '0.0'], env);
    await run(options.sqlTool, ['update-schema', '-d', store.versioned], env);
    options.log(`Temporal schema up to date in ${store.database}`);
  }
}

async function hasSchemaVersion(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT to_regclass('public.schema_version') IS NOT NULL AS present`);
    return rows[0].present;
  } finally {
    await client.end();
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`temporal SQL tool ${args.join(' ')} exited with ${code}:\n${out.slice(-2000)}`))));
  });
}
