import path from 'node:path';
import { BoundedWorkerPool, TaskFailed } from './bounded-worker-pool';
import type { TestTask } from './__fixtures__/test-tasks.worker';

const script = path.join(__dirname, '__fixtures__', 'test-tasks.worker.ts');
const failureOf = (promise: Promise<unknown>) => promise.then(() => undefined, (e: unknown) => (e instanceof TaskFailed ? e.failure : e));

describe('BoundedWorkerPool', () => {
  let pool: BoundedWorkerPool<TestTask, string>;
  afterEach(() => pool?.close());

  it('answers, and passes errors back with their properties', async () => {
    pool = new BoundedWorkerPool({ script, size: 1, queue: 2, deadlineMs: 9_000, heapMb: 64 });
    expect(await pool.run({ echo: 'hej' })).toBe('hej');
    expect(await failureOf(pool.run({ fail: 'domain' }))).toEqual({
      kind: 'thrown',
      error: expect.objectContaining({ name: 'DomainError', message: 'nothing here', properties: { code: 'IMPORT_EMPTY', details: [{ path: 'file', message: 'empty' }], name: 'DomainError' } }),
    });
    expect(await failureOf(pool.run({ fail: 'plain' }))).toMatchObject({ kind: 'thrown', error: { name: 'TypeError', message: 'a bug' } });
    expect(await pool.run({ echo: 'igen' })).toBe('igen');
  });

  it('a task past the heap limit fails alone; the next gets a fresh worker', async () => {
    pool = new BoundedWorkerPool({ script, size: 1, queue: 2, deadlineMs: 9_000, heapMb: 32 });
    const hungry = failureOf(pool.run({ eatMemory: true }));
    const after = pool.run({ echo: 'still here' });
    expect(await hungry).toEqual({ kind: 'memory' });
    expect(await after).toBe('still here');
  });

  it('a task past its deadline is terminated; the next gets a fresh worker', async () => {
    pool = new BoundedWorkerPool({ script, size: 1, queue: 2, deadlineMs: 5_000, heapMb: 64 });
    await pool.run({ echo: 'warm' }); // the first start compiles TypeScript; the deadline is for the task
    const spinning = failureOf(pool.run({ spin: true }));
    const after = pool.run({ echo: 'next' });
    expect(await spinning).toEqual({ kind: 'deadline' });
    expect(await after).toBe('next');
  });

  it('a worker that exits fails its task', async () => {
    pool = new BoundedWorkerPool({ script, size: 1, queue: 2, deadlineMs: 9_000, heapMb: 64 });
    expect(await failureOf(pool.run({ exit: 3 }))).toMatchObject({ kind: 'crashed' });
    expect(await pool.run({ echo: 'again' })).toBe('again');
  });

  it('runs at most `size` tasks and lets at most `queue` wait', async () => {
    pool = new BoundedWorkerPool({ script, size: 1, queue: 1, deadlineMs: 5_000, heapMb: 64 });
    await pool.run({ echo: 'warm' });
    const running = failureOf(pool.run({ spin: true }));
    const waiting = pool.run({ echo: 'waited' });
    expect(await failureOf(pool.run({ echo: 'one too many' }))).toEqual({ kind: 'busy' });
    expect(await running).toEqual({ kind: 'deadline' });
    expect(await waiting).toBe('waited');
  });
});
