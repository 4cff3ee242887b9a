import type { WorkflowInterceptorsFactory } from '@temporalio/workflow';
import { NextReleaseChange } from './change';

/** The same change without `patched()`: what the replay check must catch before it ships. */
export const interceptors: WorkflowInterceptorsFactory = () => ({ outbound: [new NextReleaseChange(false)] });
