import { ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import type { BevakaConfig } from '../../libs/config/config';

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<number | null>;
  kill(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts test/support/worker-process.ts for the stack's database and task queue. */
export async function spawnWorker(config: BevakaConfig, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const root = path.resolve(__dirname, '..', '..');
  const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(root, 'test', 'support', 'worker-process.ts')], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: config.database.url,
      TEMPORAL_ADDRESS: config.temporal.address,
      TEMPORAL_TASK_QUEUE: config.temporal.taskQueue,
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('ready') && resolve());
    void exited.then((code) => reject(new Error(`worker process exited with ${code} before it was ready`)));
  });
  return {
    child,
    exited,
    kill: async (signal = 'SIGKILL') => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}
