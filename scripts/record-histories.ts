/**
 * Re-records the workflow histories replayed by test/replay/replay.int.ts:
 *   npm run replay:record            (all scenarios)
 *   npm run replay:record -- NAME    (one)
 * Runs each scenario on a real (embedded or configured) Temporal and PostgreSQL.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import globalSetup from '../test/support/global-setup';
import globalTeardown from '../test/support/global-teardown';
import { startTestStack } from '../test/support/test-stack';
import { SCENARIOS } from '../test/replay/scenarios';

async function main(): Promise<void> {
  const names = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(SCENARIOS);
  const unknown = names.filter((n) => !SCENARIOS[n]);
  if (unknown.length) throw new Error(`unknown scenario(s): ${unknown.join(', ')}; known: ${Object.keys(SCENARIOS).join(', ')}`);
  await globalSetup();
  try {
    for (const name of names) {
      const stack = await startTestStack({ api: true });
      try {
        const handle = await SCENARIOS[name](stack);
        const file = path.join(__dirname, '..', 'test', 'replay', 'histories', `${name}.json`);
        await writeFile(file, historyToJSON(await handle.fetchHistory()));
        console.log(`recorded ${name} → ${path.relative(process.cwd(), file)}`);
      } finally {
        await stack.close();
      }
    }
  } finally {
    await globalTeardown();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
