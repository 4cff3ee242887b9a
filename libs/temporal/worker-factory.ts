import { existsSync } from 'node:fs';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger, NativeConnection, Runtime, Worker, WorkerInterceptors, WorkerOptions, WorkflowBundleOption } from '@temporalio/worker';
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
  return [require.resolve(path.join(root, 'workflows', 'runtime', 'promise-stacks')), workflowsEntry(), 'luxon', 'rrule', ...['occurrence/index', 'reporting/periods'].map((m) => require.resolve(path.join(root, 'libs', 'domain', m)))];
}

/**
 * Bundles the workflow code once; tests share one bundle between many workers. `interceptorModules`:
 * workflow interceptors bundled with it (a test's stand-in for the next release's workflow code).
 */
export async function bundleWorkflows(options: { interceptorModules?: string[] } = {}): Promise<{ code: string }> {
  return bundleWorkflowCode({
    workflowsPath: workflowsEntry(),
    logger: quietBundlerLogger,
    preloadModules: preloadedModules(),
    ...(options.interceptorModules ? { workflowInterceptorModules: options.interceptorModules } : {}),
  });
}

/** Where `npm run build` leaves the bundle of the compiled workflows: dist/workflow-bundle.js. */
export const PREBUILT_BUNDLE_FILE = path.join(__dirname, '..', '..', 'workflow-bundle.js');

/**
 * The bundle `npm run build` made, when running compiled code (dist/). A worker that bundles for
 * itself keeps webpack and its caches in memory for good (about 100 MB of RSS); the build does it
 * once, in a process of its own. From the TypeScript sources (tests) there is none.
 */
export function prebuiltWorkflowBundle(): WorkflowBundleOption | undefined {
  return __filename.endsWith('.js') && existsSync(PREBUILT_BUNDLE_FILE) ? { codePath: PREBUILT_BUNDLE_FILE } : undefined;
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
    ...bundleOption(options.workflowBundle ?? prebuiltWorkflowBundle()),
  });
  return { worker, connection };
}

function bundleOption(bundle: WorkflowBundleOption | undefined): Pick<WorkerOptions, 'workflowBundle' | 'workflowsPath' | 'bundlerOptions'> {
  return bundle ? { workflowBundle: bundle } : { workflowsPath: workflowsEntry(), bundlerOptions: { preloadModules: preloadedModules() } };
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
