import { forEachConcurrently } from './concurrently';

describe('forEachConcurrently', () => {
  const tick = () => new Promise((resolve) => setImmediate(resolve));

  it('does every item once, never more than the limit at a time', async () => {
    let inFlight = 0;
    let most = 0;
    const done: number[] = [];
    await forEachConcurrently([...Array(50).keys()], 4, async (n) => {
      most = Math.max(most, ++inFlight);
      await tick();
      done.push(n);
      inFlight--;
    });
    expect(done.sort((a, b) => a - b)).toEqual([...Array(50).keys()]);
    expect(most).toBe(4);
  });

  it('rejects with a failure and starts nothing new after it', async () => {
    const started: number[] = [];
    const run = forEachConcurrently([1, 2, 3, 4, 5], 1, async (n) => {
      started.push(n);
      if (n === 2) throw new Error('no server');
    });
    await expect(run).rejects.toThrow('no server');
    expect(started).toEqual([1, 2]);
  });

  it('lets the items in flight finish before it rejects', async () => {
    const finished: number[] = [];
    const run = forEachConcurrently([1, 2, 3, 4, 5, 6], 3, async (n) => {
      if (n === 1) throw new Error('no server');
      await tick();
      finished.push(n);
    });
    await expect(run).rejects.toThrow('no server');
    expect(finished.sort()).toEqual([2, 3]);
  });

  it('does nothing for no items', async () => {
    await expect(forEachConcurrently([], 3, async () => undefined)).resolves.toBeUndefined();
  });
});
