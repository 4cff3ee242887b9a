import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { historyFromJSON } from '@temporalio/common/lib/proto-utils';
import { Worker } from '@temporalio/worker';
import { ENV, requiredEnv } from '../support/services';
import { SCENARIOS } from './scenarios';

const HISTORIES = path.join(__dirname, 'histories');
const files = readdirSync(HISTORIES).filter((f) => f.endsWith('.json'));

// Replays every recorded history against the current workflow code: a non-deterministic change
// (reordered commands, a removed timer, a renamed activity) fails here instead of in production.
describe('replay of recorded workflow histories', () => {
  it('has a recorded history for every scenario', () => {
    expect(files.map((f) => path.basename(f, '.json')).sort()).toEqual(Object.keys(SCENARIOS).sort());
  });

  it.each(files)('%s replays without nondeterminism', async (file) => {
    const history = historyFromJSON(JSON.parse(readFileSync(path.join(HISTORIES, file), 'utf8')));
    const result = await Worker.runReplayHistory({ workflowBundle: { codePath: requiredEnv(ENV.workflowBundle) } }, history, file);
    expect(result).toBeUndefined();
  });
});
