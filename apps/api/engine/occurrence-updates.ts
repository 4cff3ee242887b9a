import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import { completeUpdate, legacyOccurrenceWorkflowId, postponeUpdate, reassignUpdate, skipUpdate } from '../../../workflows/contracts/legacy';

export type OccurrenceUpdateName = 'complete' | 'postpone' | 'skip' | 'reassign';

/** What names an occurrence to the engine. */
export interface OccurrenceRef {
  id: string;
  actionId: string;
  periodKey: string;
}

export type UpdateOutcome =
  | { outcome: 'applied' }
  /** The workflow's rules refused it (e.g. already resolved); the message says why. */
  | { outcome: 'rejected'; message: string }
  /** No workflow holds the occurrence any longer (it has closed). */
  | { outcome: 'gone' };

const DEFINITIONS = { complete: completeUpdate, postpone: postponeUpdate, skip: skipUpdate, reassign: reassignUpdate };

/**
 * The one way the API sends an update (complete, postpone, skip, reassign) to an occurrence of
 * the engine's FIRST VERSION, which its own workflow holds and decides (see
 * workflows/contracts/legacy.ts). Occurrences of the current engine are changed in the database
 * and their action's workflow is told (OccurrencesService, intent `occurrence-changed`).
 */
@Injectable()
export class OccurrenceUpdates {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /** The workflow that takes the occurrence's updates; intents of one workflow run in order. */
  workflowIdOf(occurrence: OccurrenceRef): string {
    return legacyOccurrenceWorkflowId(occurrence.actionId, occurrence.periodKey);
  }

  /**
   * Sends the update and waits for the workflow to apply or refuse it. `updateId` makes a resend
   * harmless: the server answers a known update id with the first outcome. Throws when Temporal
   * cannot be reached within `deadlineMs` (see temporal-failures.ts).
   */
  async send(occurrence: OccurrenceRef, update: OccurrenceUpdateName, args: object, options: { deadlineMs: number; updateId?: string }): Promise<UpdateOutcome> {
    const handle = this.client.workflow.getHandle(this.workflowIdOf(occurrence));
    try {
      await this.client.withDeadline(Date.now() + options.deadlineMs, () =>
        handle.executeUpdate(DEFINITIONS[update] as typeof completeUpdate, { args: [args as never], ...(options.updateId ? { updateId: options.updateId } : {}) }),
      );
      return { outcome: 'applied' };
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) return { outcome: 'rejected', message: error.cause?.message ?? error.message };
      if (error instanceof WorkflowNotFoundError) return { outcome: 'gone' };
      throw error;
    }
  }
}
