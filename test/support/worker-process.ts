/**
 * A worker in a process of its own, so that tests can kill it for real (SIGKILL: no shutdown, no
 * cleanup) in the middle of a workflow. Configured by the environment like the production worker,
 * plus BEVAKA_TEST_WORKFLOW_BUNDLE for the shared bundle, and BEVAKA_TEST_CRASH_AFTER_NOTICE
 * (`<kind>:<step>`) to make it die right after sending that notice. Prints "ready" once it polls.
 */
import { NestFactory } from '@nestjs/core';
import { WorkerModule } from '../../apps/worker/worker.module';
import { loadConfig } from '../../libs/config/config';
import { crashAfterNotice } from './crash-interceptor';
import { ENV, requiredEnv } from './services';

async function main(): Promise<void> {
  const config = loadConfig();
  const crashAfter = process.env.BEVAKA_TEST_CRASH_AFTER_NOTICE;
  const interceptors = crashAfter ? { activity: [() => ({ inbound: crashAfterNotice(crashAfter) })] } : undefined;
  const context = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, { codePath: requiredEnv(ENV.workflowBundle) }, interceptors), { logger: ['error'] });
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void context.close().then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
