import { patched, sleep, type LocalActivityInput, type Next, type WorkflowOutboundCallsInterceptor } from '@temporalio/workflow';

/** The patch id of the next release's change (what `deprecatePatch` would name once it is old). */
export const NEXT_RELEASE_PATCH = 'bevaka-next-gather-notice-rounds';
/** How long the next release waits before a round of notices. */
export const GATHERING_MS = 1_000;

/**
 * A stand-in for the next release's workflow code, for the rolling-upgrade test: before each round
 * of notices a workflow now waits a second, so that notices falling due within it go out in one
 * round. That is a new timer in the history, the kind of change that breaks a running workflow
 * unless it is behind `patched()`: the guarded variant is the release as it should ship, the
 * unguarded one the same change forgotten, which the test shows failing replay. (A memo or search
 * attribute would not do: the SDK's replay does not hold those commands to the history.)
 */
export class NextReleaseChange implements WorkflowOutboundCallsInterceptor {
  constructor(private readonly guarded: boolean) {}

  async scheduleLocalActivity(input: LocalActivityInput, next: Next<WorkflowOutboundCallsInterceptor, 'scheduleLocalActivity'>): Promise<unknown> {
    if (input.activityType === 'fireNotices' && (!this.guarded || patched(NEXT_RELEASE_PATCH))) await sleep(GATHERING_MS);
    return next(input);
  }
}
