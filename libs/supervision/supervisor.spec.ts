import path from 'node:path';
import { ChildProcess } from 'node:child_process';
import { NEVER_RESTART, readyMessage, RestartPolicy, Supervisor, whenServing } from './supervisor';

const child = path.join(__dirname, '__fixtures__', 'child.js');
const QUICK: RestartPolicy = { firstDelayMs: 20, maxDelayMs: 80, maxRestarts: 3, windowMs: 60_000 };

/** A supervisor of the fixture child, with what it logs and whether it gave up. */
function supervise(
  mode: string,
  options: { readyTimeoutMs?: number; stopTimeoutMs?: number; ready?: (child: ChildProcess) => Promise<void> } = {},
  policy: RestartPolicy = QUICK,
) {
  const lines: string[] = [];
  let gaveUp: ((reason: string) => void) | undefined;
  const givenUp = new Promise<string>((resolve) => (gaveUp = resolve));
  const supervisor = new Supervisor(
    { name: 'child', command: process.execPath, args: [child, mode], options: { stdio: ['ignore', 'ignore', 'ignore', 'ipc'] }, ready: readyMessage, ...options },
    policy,
    { log: (line) => lines.push(line), gaveUp: (reason) => gaveUp!(reason) },
  );
  return { supervisor, lines, givenUp };
}

const until = async (check: () => boolean) => {
  while (!check()) await new Promise((r) => setTimeout(r, 10));
};
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('Supervisor', () => {
  it('starts a process, waits until it is ready, and stops it', async () => {
    const { supervisor, lines } = supervise('serve');
    await supervisor.start();
    const pid = supervisor.pid!;
    expect(alive(pid)).toBe(true);
    await supervisor.stop();
    expect(alive(pid)).toBe(false);
    expect(lines).toEqual([]);
  });

  it('restarts a process that was killed, and says so', async () => {
    const { supervisor, lines } = supervise('serve');
    await supervisor.start();
    const first = supervisor.pid!;
    process.kill(first, 'SIGKILL');
    await until(() => lines.some((l) => l.startsWith('child is running again')));
    expect(supervisor.pid).not.toBe(first);
    expect(alive(supervisor.pid!)).toBe(true);
    expect(lines[0]).toBe('child stopped (signal SIGKILL); restarting in 0.0 s (restart 1 of at most 3 within 60 s)');
    await supervisor.stop();
  });

  it('waits longer before each restart and gives up on a process that keeps stopping', async () => {
    const { supervisor, lines, givenUp } = supervise('crash-after-ready');
    await supervisor.start();
    expect(await givenUp).toBe('child stopped 4 times within 60 s (last: exit code 3); giving up');
    expect(lines.filter((l) => l.includes('restarting in')).map((l) => /restarting in ([\d.]+) s/.exec(l)![1])).toEqual(['0.0', '0.0', '0.1']);
    expect(lines.at(-1)).toBe('child stopped 4 times within 60 s (last: exit code 3); giving up');
    await supervisor.stop();
  });

  it('a first start that fails is the caller’s error, not a restart', async () => {
    const { supervisor, lines } = supervise('exit-at-once');
    await expect(supervisor.start()).rejects.toThrow('child stopped before it was ready (exit code 2)');
    const slow = supervise('never-ready', { readyTimeoutMs: 300 });
    await expect(slow.supervisor.start()).rejects.toThrow('child was not ready within 0.3 s');
    await until(() => !alive(slow.supervisor.pid!));
    expect([...lines, ...slow.lines]).toEqual([]);
  });

  it('kills a process that does not stop when asked', async () => {
    const { supervisor, lines } = supervise('ignore-term', { stopTimeoutMs: 200 });
    await supervisor.start();
    const pid = supervisor.pid!;
    await supervisor.stop();
    expect(alive(pid)).toBe(false);
    expect(lines).toEqual(['child did not stop within 0.2 s; killing it']);
  });

  it('a restart that is due does not happen after stop', async () => {
    const { supervisor, lines } = supervise('serve');
    await supervisor.start();
    process.kill(supervisor.pid!, 'SIGKILL');
    await until(() => lines.length > 0);
    await supervisor.stop();
    await new Promise((r) => setTimeout(r, 200));
    expect(lines).toEqual(['child stopped (signal SIGKILL); restarting in 0.0 s (restart 1 of at most 3 within 60 s)']);
  });

  it('a server that says nothing is ready once it answers, asked again after each restart', async () => {
    let asked = 0;
    let answerFrom = 3;
    const serves = async () => ++asked >= answerFrom;
    const { supervisor, lines } = supervise('never-ready', { ready: whenServing(serves, 10) });
    await supervisor.start();
    expect(asked).toBe(3);
    answerFrom = 5;
    process.kill(supervisor.pid!, 'SIGKILL');
    await until(() => lines.some((l) => l.startsWith('child is running again')));
    expect(asked).toBe(5);
    await supervisor.stop();
  });

  it('stops asking a server that exits before it answers', async () => {
    let asked = 0;
    const { supervisor } = supervise('exit-at-once', { ready: whenServing(async () => (asked++, false), 10) });
    await expect(supervisor.start()).rejects.toThrow('child stopped before it was ready (exit code 2)');
    const after = asked;
    await new Promise((r) => setTimeout(r, 100));
    expect(asked).toBe(after);
  });

  it('NEVER_RESTART gives up on the first stop', async () => {
    const { supervisor, lines, givenUp } = supervise('serve', {}, NEVER_RESTART);
    await supervisor.start();
    const pid = supervisor.pid!;
    process.kill(pid, 'SIGKILL');
    expect(await givenUp).toBe('child stopped 1 time (last: signal SIGKILL); giving up');
    expect(lines).toEqual(['child stopped 1 time (last: signal SIGKILL); giving up']);
    expect(supervisor.pid).toBe(pid);
  });
});
