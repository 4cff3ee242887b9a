/**
 * The Temporal worker as a child of `npm start` (apps/embedded/main.ts), configured by the
 * environment. Compiled (dist/), it loads the bundle `npm run build` made. From the TypeScript
 * sources its argument is where this run of the launcher keeps a bundle: the first worker bundles
 * `workflows/` and leaves it there, so that a restarted worker is back in the time it takes to
 * connect rather than to bundle again.
 */
import { rename, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { NestFactory } from '@nestjs/core';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { loadConfig } from '../../libs/config/config';
import { bundleWorkflows, prebuiltWorkflowBundle } from '../../libs/temporal/worker-factory';
import { WorkerModule } from '../worker/worker.module';
import { failedToStart, reportReady, stopOnRequest } from './child-process';

async function main(): Promise<void> {
  const config = loadConfig();
  const bundleFile = process.argv[2];
  const bundle = bundleFile ? await bundleOnce(bundleFile) : undefined;
  const worker = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, bundle), { logger: ['error', 'warn'] });
  stopOnRequest(() => worker.close());
  reportReady();
}

/**
 * The bundle in `file` when there is one (made by an earlier worker of this run, or given: a
 * rolling upgrade starts a worker on the next release's bundle), else the build's (dist/), else
 * one made here from the TypeScript sources and left in `file` for the workers after this one.
 */
async function bundleOnce(file: string): Promise<WorkflowBundleOption> {
  if (existsSync(file)) return { codePath: file };
  const prebuilt = prebuiltWorkflowBundle();
  if (prebuilt) return prebuilt;
  const partial = `${file}.${process.pid}`;
  await writeFile(partial, (await bundleWorkflows()).code);
  await rename(partial, file); // whole or not at all, should this worker die while writing
  return { codePath: file };
}

main().catch(failedToStart('the worker'));
