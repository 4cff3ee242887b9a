import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { IntentRepository, IntentState, NewIntent } from '../../../libs/persistence/repositories/intent.repository';
import type { FollowUpState } from './follow-up-state';
import { IntentRunner } from './intent-runner';

/**
 * A request waits this long for Temporal per command before leaving it to the reconciler: long
 * enough for an update on a busy worker (its handler runs an activity), and paid once per outage
 * (see TemporalProbe).
 */
export const REQUEST_DEADLINE_MS = 10_000;

/**
 * What services use to send commands to the engine: written as intents in the change's
 * transaction, carried out right after the commit, and reported as a row's `followUp` state.
 */
@Injectable()
export class FollowUp {
  constructor(
    private readonly dataSource: DataSource,
    private readonly runner: IntentRunner,
  ) {}

  /** In the change's transaction: the command to carry out once the change commits. */
  write(db: EntityManager, intent: NewIntent): Promise<string> {
    return new IntentRepository(db).enqueue(intent);
  }

  /** After the commit: carries out at once what Temporal takes; the reconciler does the rest. */
  carryOut(workflowIds: string[]): Promise<void> {
    return this.runner.runNow(workflowIds, REQUEST_DEADLINE_MS);
  }

  /** The follow-up state of each of these rows (actions, plans, occurrences). */
  async of(subjectIds: string[]): Promise<(subjectId: string) => FollowUpState> {
    const pending = await new IntentRepository(this.dataSource.manager).pendingSubjects(subjectIds);
    return (subjectId) => (pending.has(subjectId) ? 'pending' : 'applied');
  }

  async outcome(intentId: string): Promise<IntentState | undefined> {
    const [state] = await new IntentRepository(this.dataSource.manager).states([intentId]);
    return state;
  }
}
