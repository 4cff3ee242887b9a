/**
 * A worker in a process of its own, so that tests can kill it for real (SIGKILL: no shutdown, no
 * cleanup) in the middle of a workflow. Configured by the environment like the production worker,
 * plus BEVAKA_TEST_WORKFLOW_BUNDLE for the shared bundle. Prints "ready" once it polls.
 */
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/worker.module';
import { loadConfig } from '../../libs/config/config';
import { ENV, requiredEnv } from './services';

async function main(): Promise<void> {
  const config = loadConfig();
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { codePath: requiredEnv(ENV.workflowBundle) }), { logger: ['error'] });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void context.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
