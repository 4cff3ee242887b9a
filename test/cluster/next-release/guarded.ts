import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { NextReleaseChange } from './change';

/** The next release as it ships: its change behind `patched()` (bundled as a workflow interceptor module). */
export const interceptors: WorkflowInterceptorsFactory = () => ({ outbound: [new NextReleaseChange(true)] });
