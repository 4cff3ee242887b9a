/**
 * Runs `work` for every item with at most `limit` in flight. Used where each item is one round
 * trip to a server (starting a workflow), so that a plan of hundreds of actions does not wait for
 * them one by one. After a failure nothing new starts; it rejects with that failure once the
 * items in flight have settled.
 */
export async function forEachConcurrently<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | undefined;
  const lane = async (): Promise<void> => {
    while (!failure && next < items.length) {
      try {
        await work(items[next++]);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  if (failure) throw failure.error;
}
