import type { Api } from './api';

/**
 * Owners at work during the storm: each completes one of their occurrences about once a second
 * (`POST /api/occurrences/:id/complete`), all at the same time, until the storm is over or they
 * run out. Returns every request's latency.
 */
export async function runOwners(owners: Array<{ id: string; api: Api }>, occurrences: Map<string, string[]>, over: () => boolean): Promise<{ latencies: number[]; failed: number }> {
  const latencies: number[] = [];
  let failed = 0;
  await Promise.all(
    owners.map(async (owner, i) => {
      await new Promise((r) => setTimeout(r, (i * 1000) / owners.length)); // spread over the first second
      for (const id of occurrences.get(owner.id) ?? []) {
        if (over()) return;
        const started = Date.now();
        const result = await owner.api.send('POST', `/api/occurrences/${id}/complete`, { note: 'Klart' });
        if (result.status === 200 || result.status === 201) latencies.push(result.ms);
        else if (failed++ === 0) console.log(`first failed completion: ${result.status} ${JSON.stringify(result.body)}`);
        await new Promise((r) => setTimeout(r, Math.max(0, 1000 - (Date.now() - started))));
      }
    }),
  );
  return { latencies, failed };
}
