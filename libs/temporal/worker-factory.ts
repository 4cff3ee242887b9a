import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, WorkerInterceptors, WorkflowBundleOption } from '@temporalio/worker';
import type { BevakaConfig } from '../config/config';
import { connectionOptions } from './connection';

/** The workflow entry point, as source (ts, tests) or compiled (dist, production): same folder. */
export function workflowsEntry(): string {
  return require.resolve(path.join(__dirname, '..', '..', 'workflows', 'index'));
}

/**
 * Pure modules every workflow needs, loaded once per worker thread and shared by all workflows
 * instead of evaluated again in each workflow's context: the domain (schedule language, notice
 * plan, occurrence lifecycle, working-day calendar) and the date libraries under it. They hold no
 * per-workflow state (their caches are deterministic), which is what sharing requires; the SDK
 * freezes their exports so that no workflow can change them for another.
 */
export function preloadedModules(): string[] {
  const root = path.join(__dirname, '..', '..');
  return ['luxon', 'rrule', ...['occurrence/index', 'reporting/periods'].map((m) => require.resolve(path.join(root, 'libs', 'domain', m)))];
}

/** Bundles the workflow code once; tests share one bundle between many workers. */
export async function bundleWorkflows(): Promise<{ code: string }> {
  return bundleWorkflowCode({ workflowsPath: workflowsEntry(), logger: quietBundlerLogger, preloadModules: preloadedModules() });
}

export interface CreateWorkerOptions {
  temporal: BevakaConfig['temporal'];
  activities: object;
  /** A prebuilt bundle; without one the worker bundles `workflows/` at start (a few seconds). */
  workflowBundle?: WorkflowBundleOption;
  identity?: string;
  interceptors?: WorkerInterceptors;
}

export async function createWorker(options: CreateWorkerOptions): Promise<{ worker: Worker; connection: NativeConnection }> {
  installRuntimeOnce();
  const connection = await NativeConnection.connect(connectionOptions(options.temporal));
  const worker = await Worker.create({
    connection,
    namespace: options.temporal.namespace,
    taskQueue: options.temporal.taskQueue,
    activities: options.activities,
    // Workflows sleep for months between notices: keep a bounded number in memory and replay the
    // rest when their timers fire (unbounded, 2,000 cached workflows exhausted the thread's heap).
    maxCachedWorkflows: options.temporal.maxCachedWorkflows,
    maxConcurrentWorkflowTaskExecutions: options.temporal.workflowTaskSlots,
    maxConcurrentLocalActivityExecutions: options.temporal.localActivitySlots,
    ...(options.identity ? { identity: options.identity } : {}),
    ...(options.interceptors ? { interceptors: options.interceptors } : {}),
    ...(options.workflowBundle ? { workflowBundle: options.workflowBundle } : { workflowsPath: workflowsEntry(), bundlerOptions: { preloadModules: preloadedModules() } }),
  });
  return { worker, connection };
}

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, log: noop, warn: console.warn, error: console.error };

let runtimeInstalled = false;

/**
 * The SDK logs every bundle and poll at INFO; Bevaka wants its warnings only. It would also catch
 * SIGINT/SIGTERM and re-raise them after stopping its workers; the hosting process decides how to
 * shut down instead (Nest shutdown hooks, or the embedded launcher's ordered stop).
 */
function installRuntimeOnce(): void {
  if (runtimeInstalled) return;
  runtimeInstalled = true;
  try {
    Runtime.install({ logger: new DefaultLogger((process.env.TEMPORAL_LOG_LEVEL as 'WARN') ?? 'WARN'), shutdownSignals: [] });
  } catch {
    // Already installed by the host (e.g. a test harness): keep theirs.
  }
}
