import { randomBytes } from 'node:crypto';
import { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Client } from '@temporalio/client';
import { createApiApp } from '../../apps/api/create-api-app';
import { WorkerModule } from '../../apps/worker/worker.module';
import { BevakaConfig, loadConfig } from '../../libs/config/config';
import { connectClient } from '../../libs/temporal/connection';
import { dataSourceOptions } from '../../libs/persistence/data-source';
import { DataSource } from 'typeorm';
import { ENV, requiredEnv } from './services';
import { createTestDatabase, TestDatabase } from './test-database';

export const TEST_ADMIN = { email: 'admin@test.bevaka', password: 'test-admin-password' };

export interface TestStack {
  config: BevakaConfig;
  database: TestDatabase;
  client: Client;
  /** The suite's own connection to its database, for arranging and asserting. */
  dataSource: DataSource;
  worker?: INestApplicationContext;
  api?: NestExpressApplication;
  close(): Promise<void>;
}

/**
 * The real app for one suite: its own database and task queue on the shared Temporal dev server
 * and PostgreSQL, with the worker and/or the HTTP API as the suite needs.
 */
export async function startTestStack(options: { api?: boolean; worker?: boolean; env?: Record<string, string> } = {}): Promise<TestStack> {
  const database = await createTestDatabase();
  const config = loadConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: requiredEnv(ENV.temporalAddress),
    TEMPORAL_TASK_QUEUE: `test-${randomBytes(4).toString('hex')}`,
    BEVAKA_ADMIN_EMAIL: TEST_ADMIN.email,
    BEVAKA_ADMIN_PASSWORD: TEST_ADMIN.password,
    LOG_LEVEL: 'silent',
    // Plans made through the API open their reporting round when the period ends, not 30 days
    // before: whether a round is open must not depend on the day the suite runs. The round's own
    // tests give their workflows seconds-long periods and settings.
    BEVAKA_ROUND_OPENS_BEFORE: 'P0D',
    ...options.env,
  });
  const client = await connectClient(config.temporal);
  const dataSource = await new DataSource(dataSourceOptions(database.url)).initialize();
  const closers: Array<() => Promise<void>> = [() => database.drop(), () => client.connection.close(), () => dataSource.destroy()];
  const stack: TestStack = { config, database, client, dataSource, close: async () => { for (const c of closers.reverse()) await c(); } };
  try {
    if (options.worker !== false) {
      stack.worker = await startWorker(config);
      const worker = stack.worker;
      closers.push(() => worker.close());
    }
    if (options.api) {
      const api = await createApiApp(config);
      await api.init();
      stack.api = api;
      closers.push(() => api.close());
    }
  } catch (error) {
    await stack.close();
    throw error;
  }
  return stack;
}

/** A worker context on the suite's task queue; suites that kill and restart workers call this again. */
export async function startWorker(config: BevakaConfig): Promise<INestApplicationContext> {
  const bundle = { codePath: requiredEnv(ENV.workflowBundle) };
  return NestFactory.createApplicationContext(WorkerModule.forRoot(config, bundle), { logger: false });
}
