/** Tasks for bounded-worker-pool.spec.ts: answers, throws, eats memory, spins, or exits. */
import { DomainError } from '../../../../libs/domain/errors';
import { serveTasks } from '../worker-task';

export type TestTask = { echo: string } | { fail: 'domain' | 'plain' } | { eatMemory: true } | { spin: true } | { exit: number };

serveTasks((task: TestTask) => {
  if ('echo' in task) return task.echo;
  if ('fail' in task) throw task.fail === 'domain' ? new DomainError('IMPORT_EMPTY', 'nothing here', [{ path: 'file', message: 'empty' }]) : new TypeError('a bug');
  if ('eatMemory' in task) {
    const hoard: number[][] = [];
    for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => i));
  }
  if ('spin' in task) for (;;);
  process.exit(task.exit);
});
