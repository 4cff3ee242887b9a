import { DomainError } from '../../../libs/domain/errors';
import { BoundedQueue } from './bounded-queue';

/** A job that finishes when the test says so. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, job: async () => opened };
}

describe('BoundedQueue', () => {
  it('runs at most `concurrency` jobs, queues up to `maxWaiting`, and refuses the rest with BUSY', async () => {
    const queue = new BoundedQueue(2, 1);
    const gates = [gate(), gate(), gate()];
    const runs = gates.map((g) => queue.run(g.job));
    expect(queue.load).toEqual({ running: 2, waiting: 1 });
    await expect(queue.run(async () => 'late')).rejects.toEqual(expect.objectContaining({ code: 'BUSY' }));
    await expect(queue.run(async () => 'late')).rejects.toBeInstanceOf(DomainError);
    gates[0].open();
    await runs[0];
    expect(queue.load).toEqual({ running: 2, waiting: 0 }); // the waiting job took the slot
    gates[1].open();
    gates[2].open();
    await Promise.all(runs);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    await expect(queue.run(async () => 'again')).resolves.toBe('again');
  });

  it('frees the slot when a job fails', async () => {
    const queue = new BoundedQueue(1, 0);
    await expect(queue.run(async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
    await expect(queue.run(async () => 1)).resolves.toBe(1);
  });
});
