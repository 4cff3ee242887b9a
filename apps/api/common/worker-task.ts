import { parentPort } from 'node:worker_threads';
import type { SerializedError } from './bounded-worker-pool';

/** The worker side of BoundedWorkerPool: answers each {id, input} with its result or its error. */
export function serveTasks<I, O>(handle: (input: I) => O | Promise<O>): void {
  const port = parentPort;
  if (!port) throw new Error('serveTasks runs in a worker thread');
  port.on('message', async ({ id, input }: { id: number; input: I }) => {
    try {
      port.postMessage({ id, ok: true, value: await handle(input) });
    } catch (error) {
      port.postMessage({ id, ok: false, error: serialize(error) });
    }
  });
}

function serialize(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { name: 'Error', message: String(error), properties: {} };
  // Own properties such as a DomainError's code and details; they are plain data.
  const properties = JSON.parse(JSON.stringify({ ...error })) as Record<string, unknown>;
  return { name: error.name, message: error.message, properties, stack: error.stack };
}
