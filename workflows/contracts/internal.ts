import { defineSignal } from '@temporalio/workflow';

/** Between the engine's own workflows only: an occurrence tells its action that it is over. */
export const occurrenceClosedSignal = defineSignal<[string]>('occurrenceClosed');
