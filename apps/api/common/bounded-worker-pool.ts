import path from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Runs work that hostile input could make expensive (parsing uploaded files) in worker threads
 * with a heap limit and a deadline, so that the worst a request can do is fail itself: a worker
 * that runs out of memory dies alone, one past its deadline is terminated, and the next task gets
 * a fresh worker. At most `size` tasks run at once and at most `queue` wait; more are refused.
 *
 * The script is a module that answers {id, input} messages with {id, ok, value | error} (see
 * `serveTasks`). From TypeScript sources (tests) it is loaded through @swc-node/register.
 */
export interface BoundedWorkerPoolOptions {
  script: string;
  size: number;
  queue: number;
  deadlineMs: number;
  heapMb: number;
}

export type TaskFailure =
  | { kind: 'thrown'; error: SerializedError }
  | { kind: 'deadline' }
  | { kind: 'memory' }
  | { kind: 'crashed'; message: string }
  | { kind: 'busy' };

export class TaskFailed extends Error {
  constructor(readonly failure: TaskFailure) {
    super(failure.kind === 'thrown' ? failure.error.message : `worker task failed: ${failure.kind}`);
  }
}

export interface SerializedError {
  name: string;
  message: string;
  /** Own enumerable properties of the error (a DomainError's code and details). */
  properties: Record<string, unknown>;
  stack?: string;
}

interface Task {
  input: unknown;
  resolve(value: unknown): void;
  reject(error: TaskFailed): void;
}

interface Slot {
  worker: Worker;
  busy?: { id: number; task: Task; timer: NodeJS.Timeout };
}

export class BoundedWorkerPool<I, O> {
  private readonly slots = new Set<Slot>();
  private readonly waiting: Task[] = [];
  private nextId = 0;
  private closed = false;

  constructor(private readonly options: BoundedWorkerPoolOptions) {}

  run(input: I): Promise<O> {
    if (this.closed) return Promise.reject(new TaskFailed({ kind: 'crashed', message: 'the pool is closed' }));
    return new Promise<O>((resolve, reject) => {
      const task: Task = { input, resolve: resolve as (value: unknown) => void, reject };
      const idle = [...this.slots].find((s) => !s.busy);
      if (idle) return this.dispatch(idle, task);
      if (this.slots.size < this.options.size) return this.dispatch(this.spawn(), task);
      if (this.waiting.length >= this.options.queue) return reject(new TaskFailed({ kind: 'busy' }));
      this.waiting.push(task);
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new TaskFailed({ kind: 'crashed', message: 'the pool is closed' }));
    await Promise.all([...this.slots].map((slot) => this.retire(slot, { kind: 'crashed', message: 'the pool is closed' })));
  }

  private spawn(): Slot {
    const { script, heapMb } = this.options;
    const fromSources = path.extname(script) === '.ts';
    const worker = new Worker(script, {
      execArgv: fromSources ? ['--require', '@swc-node/register'] : [],
      resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: Math.max(16, Math.round(heapMb / 8)) },
      stdout: false,
      stderr: false,
    });
    worker.unref(); // the server keeps the process alive, not an idle parser
    const slot: Slot = { worker };
    this.slots.add(slot);
    worker.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: SerializedError }) => {
      if (slot.busy?.id !== message.id) return;
      const { task, timer } = slot.busy;
      clearTimeout(timer);
      slot.busy = undefined;
      if (message.ok) task.resolve(message.value);
      else task.reject(new TaskFailed({ kind: 'thrown', error: message.error! }));
      this.next(slot);
    });
    worker.on('error', (error: Error & { code?: string }) => {
      const failure: TaskFailure = error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { kind: 'memory' } : { kind: 'crashed', message: error.message };
      void this.retire(slot, failure);
    });
    worker.on('exit', () => void this.retire(slot, { kind: 'crashed', message: 'the worker exited' }));
    return slot;
  }

  private dispatch(slot: Slot, task: Task): void {
    const id = ++this.nextId;
    const timer = setTimeout(() => void this.retire(slot, { kind: 'deadline' }), this.options.deadlineMs);
    slot.busy = { id, task, timer };
    slot.worker.postMessage({ id, input: task.input });
  }

  /** Ends a worker (if it still runs), fails its task, and lets a waiting task have a new one. */
  private async retire(slot: Slot, failure: TaskFailure): Promise<void> {
    if (!this.slots.delete(slot)) return;
    if (slot.busy) {
      clearTimeout(slot.busy.timer);
      slot.busy.task.reject(new TaskFailed(failure));
      slot.busy = undefined;
    }
    await slot.worker.terminate().catch(() => undefined);
    const task = this.waiting.shift();
    if (task && !this.closed) this.dispatch(this.spawn(), task);
  }

  private next(slot: Slot): void {
    const task = this.waiting.shift();
    if (task) this.dispatch(slot, task);
  }
}
