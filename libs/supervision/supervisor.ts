import { ChildProcess, spawn, SpawnOptions } from 'node:child_process';

/**
 * Keeps one child process running: starts it, waits until it says it is ready, and when it stops
 * on its own starts it again after a growing pause. A process that keeps stopping (more than
 * `maxRestarts` times within `windowMs`) is given up on, with a message saying so, and the owner
 * decides what that means (`npm start` stops everything and exits non-zero).
 *
 * Small and general on purpose: `npm start` supervises the API, the worker, the embedded Temporal
 * dev server and the embedded PostgreSQL with it.
 */
export interface SupervisedProcess {
  /** For messages: "worker", "api". */
  name: string;
  command: string;
  args: string[];
  options?: SpawnOptions;
  /** Resolves when the process serves; the default is as soon as it runs. */
  ready?: (child: ChildProcess) => Promise<void>;
  readyTimeoutMs?: number;
  /** How the process is asked to stop, and how long it may take before it is killed. */
  stopSignal?: NodeJS.Signals;
  stopTimeoutMs?: number;
}

export interface RestartPolicy {
  /** Pause before the first restart; doubled for each further stop within the window, up to maxDelayMs. */
  firstDelayMs: number;
  maxDelayMs: number;
  maxRestarts: number;
  windowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = { firstDelayMs: 1_000, maxDelayMs: 30_000, maxRestarts: 5, windowMs: 5 * 60_000 };
/** For a process whose owner handles its stop (the test suites' servers): the first stop gives up. */
export const NEVER_RESTART: RestartPolicy = { firstDelayMs: 0, maxDelayMs: 0, maxRestarts: 0, windowMs: Number.POSITIVE_INFINITY };

export interface SupervisorHooks {
  log: (line: string) => void;
  /** Called once when the process keeps stopping; the supervisor does nothing more after it. */
  gaveUp: (reason: string) => void;
}

export class Supervisor {
  private child?: ChildProcess;
  private stopping = false;
  private restartTimer?: NodeJS.Timeout;
  private readonly stops: number[] = [];

  constructor(
    private readonly process: SupervisedProcess,
    private readonly policy: RestartPolicy,
    private readonly hooks: SupervisorHooks,
  ) {}

  get pid(): number | undefined {
    return this.child?.pid;
  }

  /** The first start: a process that cannot start at all is an error for the caller, not a restart. */
  async start(): Promise<void> {
    await this.launch();
  }

  /** Stops the process and any restart that was due; it is not started again. */
  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.restartTimer);
    const child = this.child;
    if (!child || !isRunning(child)) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.kill(this.process.stopSignal ?? 'SIGTERM');
    const timeout = setTimeout(() => {
      this.hooks.log(`${this.process.name} did not stop within ${seconds(this.stopTimeoutMs())} s; killing it`);
      child.kill('SIGKILL');
    }, this.stopTimeoutMs());
    await exited;
    clearTimeout(timeout);
  }

  private async launch(): Promise<void> {
    const child = spawn(this.process.command, this.process.args, this.process.options ?? {});
    this.child = child;
    const exited = new Promise<string>((resolve) => child.once('exit', (code, signal) => resolve(signal ? `signal ${signal}` : `exit code ${code}`)));
    child.once('error', (error) => child.emit('exit', null, null, error));
    const readyTimeout = this.process.readyTimeoutMs ?? 120_000;
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        (this.process.ready ?? (() => Promise.resolve()))(child),
        exited.then((how) => Promise.reject(new Error(`${this.process.name} stopped before it was ready (${how})`))),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`${this.process.name} was not ready within ${seconds(readyTimeout)} s`)), readyTimeout))),
      ]);
    } catch (error) {
      if (isRunning(child)) child.kill('SIGKILL');
      throw error;
    } finally {
      clearTimeout(timer);
    }
    void exited.then((how) => {
      if (!this.stopping && this.child === child) this.stoppedOnItsOwn(how);
    });
  }

  private stoppedOnItsOwn(how: string): void {
    const now = Date.now();
    this.stops.push(now);
    while (this.stops.length && this.stops[0] <= now - this.policy.windowMs) this.stops.shift();
    const within = Number.isFinite(this.policy.windowMs) ? ` within ${seconds(this.policy.windowMs)} s` : '';
    if (this.stops.length > this.policy.maxRestarts) {
      const reason = `${this.process.name} stopped ${this.stops.length} time${this.stops.length === 1 ? '' : 's'}${within} (last: ${how}); giving up`;
      this.hooks.log(reason);
      this.stopping = true;
      this.hooks.gaveUp(reason);
      return;
    }
    const delay = Math.min(this.policy.maxDelayMs, this.policy.firstDelayMs * 2 ** (this.stops.length - 1));
    this.hooks.log(`${this.process.name} stopped (${how}); restarting in ${seconds(delay)} s (restart ${this.stops.length} of at most ${this.policy.maxRestarts}${within})`);
    this.restartTimer = setTimeout(() => void this.restart(), delay);
  }

  private async restart(): Promise<void> {
    if (this.stopping) return;
    try {
      await this.launch();
      this.hooks.log(`${this.process.name} is running again (pid ${this.child?.pid})`);
    } catch (error) {
      if (!this.stopping) this.stoppedOnItsOwn((error as Error).message);
    }
  }

  private stopTimeoutMs(): number {
    return this.process.stopTimeoutMs ?? 30_000;
  }
}

function seconds(ms: number): string {
  return Number.isInteger(ms / 1000) ? String(ms / 1000) : (ms / 1000).toFixed(1);
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

/** Readiness of a Node child that sends {type: 'ready'} over its IPC channel (see reportReady). */
export function readyMessage(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    const listener = (message: unknown) => {
      if ((message as { type?: string })?.type !== 'ready') return;
      child.off('message', listener);
      resolve();
    };
    child.on('message', listener);
  });
}

/**
 * Readiness of a server that says nothing when it is ready (PostgreSQL, the Temporal dev server):
 * asks `serves` every `intervalMs` until it answers yes. It gives up once the process is gone, so
 * that no probe outlives a start that failed (the supervisor reports the exit or the timeout).
 */
export function whenServing(serves: () => Promise<boolean>, intervalMs = 200): (child: ChildProcess) => Promise<void> {
  return async (child) => {
    while (isRunning(child)) {
      if (await serves()) return;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
    throw new Error('stopped before it served'); // the supervisor's own exit message wins the race
  };
}
