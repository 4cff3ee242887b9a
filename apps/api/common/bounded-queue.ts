import { DomainError } from '../../../libs/domain/errors';

/**
 * At most `concurrency` jobs run at once and at most `maxWaiting` wait for a turn; beyond that a
 * job is refused at once with BUSY (503) instead of queueing without end. For work that is
 * expensive by design, like password hashing, so that a flood cannot take all CPU and memory.
 */
export class BoundedQueue {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
    private readonly busyMessage = 'The server is busy; try again in a moment',
  ) {}

  async run<T>(job: () => Promise<T>): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new DomainError('BUSY', this.busyMessage);
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      return await job();
    } finally {
      // Hand the slot straight to the next job, so that `running` never drops and rises again.
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
