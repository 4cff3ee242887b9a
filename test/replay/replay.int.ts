import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { ENV, requiredEnv } from '../support/services';
import { SCENARIOS } from './scenarios';

const HISTORIES = path.join(__dirname, 'histories');
/** Recorded by the engine's first version (workflows/legacy); its runs must keep replaying until none is left. */
const FIRST_VERSION = path.join(HISTORIES, 'first-version');
/** Recorded by earlier code of today's workflow types, before a `patched()` change: runs of theirs may still be going. */
const EARLIER = path.join(HISTORIES, 'earlier');
const current = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));
const firstVersion = readdirSync(FIRST_VERSION).filter((f) => f.endsWith('.json'));
const earlier = readdirSync(EARLIER).filter((f) => f.endsWith('.json'));

const replay = async (file: string) => {
  const history = historyFromJSON(JSON.parse(readFileSync(file, 'utf8')));
  return Worker.runReplayHistory({ workflowBundle: { codePath: requiredEnv(ENV.workflowBundle) } }, history, path.basename(file));
};

// Replays every recorded history against the current workflow code: a non-deterministic change
// (reordered commands, a removed timer, a renamed activity) fails here instead of in production.
describe('replay of recorded workflow histories', () => {
  it('has a recorded history for every scenario', () => {
    expect(current.map((f) => path.basename(f, '.json')).sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  it.each(current)('%s replays without nondeterminism', async (file) => {
    expect(await replay(path.join(HISTORIES, file))).toBeUndefined();
  });

  it.each(firstVersion)('first version: %s still replays', async (file) => {
    expect(await replay(path.join(FIRST_VERSION, file))).toBeUndefined();
  });

  it.each(earlier)('recorded before a patch: %s still replays', async (file) => {
    expect(await replay(path.join(EARLIER, file))).toBeUndefined();
  });
});
