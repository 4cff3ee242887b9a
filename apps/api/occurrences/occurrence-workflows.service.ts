import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError, WorkflowUpdateFailedError } from '@temporalio/client';
import { DomainError } from '../../../libs/domain/errors';
import type { OccurrenceCommand } from '../../../libs/domain/occurrence/commands';
import type { OccurrenceState } from '../../../libs/domain/occurrence/state';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import { occurrenceChangedSignal } from '../../../workflows/contracts/engine';
import { completeUpdate, legacyOccurrenceWorkflowId, postponeUpdate, reassignUpdate, skipUpdate } from '../../../workflows/contracts/legacy';

/**
 * The API's side of the workflows that follow occurrences. An occurrence of the current engine is
 * changed in the database (the arbiter) and its action's workflow is then told, so that its
 * timers follow; if that message is lost, the workflow still learns the change from the row the
 * next time one of its notices falls due. An occurrence opened by the engine's first version is
 * held by its own workflow, which decides: it gets the change as an update.
 */
@Injectable()
export class OccurrenceWorkflows {
  private readonly logger = new Logger(OccurrenceWorkflows.name);

  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  /** Tells the workflow; does not wait for it (a storm of notices must not slow people down). */
  changed(workflowId: string, state: OccurrenceState): void {
    this.client.workflow
      .getHandle(workflowId)
      .signal(occurrenceChangedSignal, state)
      .catch((error) => this.logger.warn(`could not tell ${workflowId} that ${state.periodKey} changed: ${error}`));
  }

  /** A first-version occurrence: its workflow validates and records the change (legacy path). */
  async legacy(actionId: string, periodKey: string, command: Exclude<OccurrenceCommand, { kind: 'cancel' }>): Promise<'done' | 'closed'> {
    const handle = this.client.workflow.getHandle(legacyOccurrenceWorkflowId(actionId, periodKey));
    try {
      const { kind, ...args } = command;
      if (kind === 'complete') await handle.executeUpdate(completeUpdate, { args: [args as never] });
      else if (kind === 'postpone') await handle.executeUpdate(postponeUpdate, { args: [args as never] });
      else if (kind === 'skip') await handle.executeUpdate(skipUpdate, { args: [args as never] });
      else await handle.executeUpdate(reassignUpdate, { args: [args as never] });
      return 'done';
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw new DomainError('INVALID_TRANSITION', error.cause?.message ?? error.message);
      if (error instanceof WorkflowNotFoundError) return 'closed';
      throw error;
    }
  }
}
