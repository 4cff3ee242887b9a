import { Module } from '@nestjs/common';
import { FollowUp } from './follow-up';
import { IntentExecutor } from './intent-executor';
import { IntentReconciler } from './intent-reconciler';
import { IntentRunner } from './intent-runner';
import { OccurrenceUpdates } from './occurrence-updates';
import { TemporalProbe } from './temporal-probe';

/** Everything the API sends to the follow-up engine (Temporal): intents, their reconciler, occurrence updates. */
@Module({
  providers: [OccurrenceUpdates, IntentExecutor, IntentRunner, IntentReconciler, FollowUp, TemporalProbe],
  exports: [FollowUp, OccurrenceUpdates, IntentReconciler],
})
export class EngineModule {}
