import { Logger } from '@nestjs/common';
import { loadConfig } from '../../libs/config/config';
import { createApiApp } from './create-api-app';

/**
 * The API alone (`npm run start:api`), for production next to separate workers. It needs an
 * existing PostgreSQL (DATABASE_URL) and Temporal (TEMPORAL_ADDRESS); migrations are applied by
 * the worker or by `npm start`, never by several replicas at once from here.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url || !config.temporal.address) {
    throw new Error('start:api needs DATABASE_URL and TEMPORAL_ADDRESS; for the embedded stack use `npm start`');
  }
  const app = await createApiApp(config);
  app.enableShutdownHooks();
  await app.listen(config.port);
  new Logger('Bevaka').log(`API on http://localhost:${config.port} (docs: /api/docs)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
