/**
 * Part of `npm run build`: bundles the compiled workflows (dist/workflows) for the workers, into
 * dist/workflow-bundle.js, written whole or not at all. Workers started from dist load this file
 * instead of running webpack themselves (libs/temporal/worker-factory.ts).
 */
import { rename, writeFile } from 'node:fs/promises';
import { bundleWorkflows, PREBUILT_BUNDLE_FILE } from '../libs/temporal/worker-factory';

async function main(): Promise<void> {
  const { code } = await bundleWorkflows();
  const partial = `${PREBUILT_BUNDLE_FILE}.${process.pid}`;
  await writeFile(partial, code);
  await rename(partial, PREBUILT_BUNDLE_FILE);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
