/** The API as a child of `npm start` (apps/embedded/main.ts), configured by the environment. */
import { Logger } from '@nestjs/common';
import { loadConfig } from '../../libs/config/config';
import { createApiApp } from '../api/create-api-app';
import { failedToStart, reportReady, stopOnRequest } from './child-process';

async function main(): Promise<void> {
  const config = loadConfig();
  // Warnings and errors only, as the worker: `npm start` shows Bevaka's own lines, not Nest's start-up.
  Logger.overrideLogger(['error', 'warn']);
  const api = await createApiApp(config);
  await api.listen(config.port);
  stopOnRequest(() => api.close());
  reportReady();
}

main().catch(failedToStart('the API'));
