import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { loadConfig } from '../../libs/config/config';
import { runMigrations } from '../../libs/persistence/data-source';
import { WorkerModule } from './worker.module';

/**
 * A worker alone (`npm run start:worker`): any number of replicas against an existing Temporal and
 * PostgreSQL. Migrations run first (they take a lock table, so concurrent replicas are safe).
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url || !config.temporal.address) {
    throw new Error('start:worker needs DATABASE_URL and TEMPORAL_ADDRESS; for the embedded stack use `npm start`');
  }
  const applied = await runMigrations(config.database.url);
  if (applied.length) new Logger('Bevaka').log(`Migrations applied: ${applied.join(', ')}`);
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config));
  context.enableShutdownHooks();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
