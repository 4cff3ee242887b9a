import { DataSource, EntityManager } from 'typeorm';
import { dataSourceOptions, ENTITIES } from '../../libs/persistence/data-source';
import { createTestDatabase, TestDatabase } from '../support/test-database';

// Migrations are the only source of the schema (`synchronize` is off), so nothing but this test
// notices an entity that drifts from its table: a migration that adds, drops or changes a column
// without the entity (or an entity edited without a migration) fails here, column by column.

/** A column as both sides describe it: the pg type as information_schema spells it, `[]` for arrays. */
interface ColumnShape {
  type: string;
  nullable: boolean;
}

/**
 * Tables that deliberately have no entity: only set-based raw SQL touches them (ON CONFLICT
 * upserts, leases, CTEs), so an entity would be mapping no one reads. A new table must be added
 * here or get an entity — the last test below makes that a decision.
 */
const RAW_SQL_TABLES = [
  'schema_migration',
  'occurrence_event',
  'occurrence_notice',
  'action_status_update',
  'report_snapshot',
  'notification_attempt',
  'notification_source_event',
  'notification_preference',
  'calendar_feed',
  'notification_digest',
  'notification_unsubscribe_token',
  'temporal_intent',
  'idempotency_key',
  'reporting_round',
  'round_area_summary',
  'status_report',
];

// information_schema names an array's element by its udt name (`_int4`); these are the ones in use.
const UDT_TYPES: Record<string, string> = { int4: 'integer', int8: 'bigint', bool: 'boolean', timestamptz: 'timestamp with time zone' };

async function tableColumns(db: EntityManager, table: string): Promise<Record<string, ColumnShape>> {
  const rows: Array<{ column_name: string; data_type: string; udt_name: string; is_nullable: 'YES' | 'NO' }> = await db.query(
    `SELECT column_name, data_type, udt_name, is_nullable FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
    [table],
  );
  return Object.fromEntries(
    rows.map((r) => {
      const element = r.udt_name.replace(/^_/, '');
      const type = r.data_type === 'ARRAY' ? `${UDT_TYPES[element] ?? element}[]` : r.data_type;
      return [r.column_name, { type, nullable: r.is_nullable === 'YES' }];
    }),
  );
}

function entityColumns(dataSource: DataSource, entity: (typeof ENTITIES)[number]): Record<string, ColumnShape> {
  const metadata = dataSource.getMetadata(entity);
  return Object.fromEntries(
    metadata.columns.map((column) => {
      const type = dataSource.driver.normalizeType(column);
      return [column.databaseName, { type: column.isArray ? `${type}[]` : type, nullable: column.isNullable }];
    }),
  );
}

async function primaryKey(db: EntityManager, table: string): Promise<string[]> {
  const rows: Array<{ column_name: string }> = await db.query(
    `SELECT k.column_name FROM information_schema.table_constraints c
       JOIN information_schema.key_column_usage k ON k.constraint_name = c.constraint_name AND k.table_schema = c.table_schema AND k.table_name = c.table_name
      WHERE c.table_schema = 'public' AND c.table_name = $1 AND c.constraint_type = 'PRIMARY KEY' ORDER BY k.ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

describe('entities match the migrated tables', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  });
  afterAll(async () => {
    await dataSource?.destroy();
    await database?.drop();
  });

  it.each(ENTITIES.map((entity) => [entity.name, entity] as const))('%s: every column, its type and nullability', async (_name, entity) => {
    const table = dataSource.getMetadata(entity).tableName;
    const columns = await tableColumns(dataSource.manager, table);
    expect(Object.keys(columns).length).toBeGreaterThan(0); // the table exists
    expect(entityColumns(dataSource, entity)).toEqual(columns);
  });

  it.each(ENTITIES.map((entity) => [entity.name, entity] as const))('%s: the primary key', async (_name, entity) => {
    const metadata = dataSource.getMetadata(entity);
    expect(metadata.primaryColumns.map((c) => c.databaseName)).toEqual(await primaryKey(dataSource.manager, metadata.tableName));
  });

  it('every table has an entity or is named as raw-SQL only', async () => {
    const rows: Array<{ table_name: string }> = await dataSource.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
    const mapped = ENTITIES.map((entity) => dataSource.getMetadata(entity).tableName);
    expect(mapped.filter((t) => RAW_SQL_TABLES.includes(t))).toEqual([]);
    expect(rows.map((r) => r.table_name).filter((t) => !mapped.includes(t) && !RAW_SQL_TABLES.includes(t))).toEqual([]);
  });

  // The comparison must bite: a column added by a migration but not mapped, and a nullability the
  // entity does not know, are both seen. DDL is transactional in PostgreSQL: rolled back after.
  it('sees a column a migration adds without the entity, and a changed nullability', async () => {
    const runner = dataSource.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query('ALTER TABLE area ADD COLUMN colour text');
      await runner.query('ALTER TABLE area ALTER COLUMN title DROP NOT NULL');
      const area = ENTITIES.find((entity) => dataSource.getMetadata(entity).tableName === 'area')!;
      const columns = await tableColumns(runner.manager, 'area');
      const mapped = entityColumns(dataSource, area);
      expect(columns.colour).toEqual({ type: 'text', nullable: true });
      expect(mapped.colour).toBeUndefined();
      expect(mapped.title).toEqual({ type: 'text', nullable: false });
      expect(columns.title).toEqual({ type: 'text', nullable: true });
      expect(mapped).not.toEqual(columns);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });
});
