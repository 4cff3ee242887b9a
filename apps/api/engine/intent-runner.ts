import { Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntentRepository } from '../../../libs/persistence/repositories/intent.repository';
import { forEachConcurrently } from '../common/concurrently';
import { IntentExecutor } from './intent-executor';
import { TemporalProbe } from './temporal-probe';
import { describeError, isTemporalUnreachable, TemporalUnreachableError } from './temporal-failures';

/** A claim outlives any attempt (deadline + the client's last backoff), so two never overlap. */
const LEASE_SECONDS = 60;
/** Workflows served at once: enough to hide round trips, few enough to be gentle. */
export const WORKFLOWS_IN_FLIGHT = 16;

/**
 * Carries out pending intents, one workflow at a time in the order they were written: claims the
 * oldest, carries it out, records how it ended (with the row changes that follow), and goes on
 * with the next one. An attempt that fails leaves the intent pending and stops that workflow's
 * queue, so that a later command never overtakes an earlier one.
 */
@Injectable()
export class IntentRunner {
  private readonly logger = new Logger(IntentRunner.name);
  constructor(
    private readonly dataSource: DataSource,
    private readonly executor: IntentExecutor,
    private readonly probe: TemporalProbe,
  ) {}

  /**
   * Right after a commit: tries the workflows' pending intents at once, so that the normal path
   * stays immediate. Never throws; whatever is left, the reconciler carries out.
   */
  async runNow(workflowIds: string[], deadlineMs: number): Promise<void> {
    if (this.probe.knownDown) return;
    try {
      await this.drainAll([...new Set(workflowIds)], deadlineMs);
    } catch (error) {
      this.logger.warn(`left to the reconciler: ${describeError(error)}`);
      // Down, or only slow? If down, the requests after this one need not wait for it.
      if (error instanceof TemporalUnreachableError) await this.probe.answers();
    }
  }

  /** Drains these workflows; rejects with TemporalUnreachableError as soon as one finds Temporal unreachable. */
  async drainAll(workflowIds: string[], deadlineMs: number): Promise<number> {
    let done = 0;
    await forEachConcurrently(workflowIds, WORKFLOWS_IN_FLIGHT, async (workflowId) => {
      done += await this.drain(workflowId, deadlineMs);
    });
    return done;
  }

  /** Carries out the workflow's pending intents in order; returns how many ended. */
  private async drain(workflowId: string, deadlineMs: number): Promise<number> {
    let done = 0;
    for (;;) {
      const intent = await new IntentRepository(this.dataSource.manager).claimNext(workflowId, LEASE_SECONDS);
      if (!intent) return done;
      let result;
      try {
        result = await this.executor.execute(intent, deadlineMs);
      } catch (error) {
        await new IntentRepository(this.dataSource.manager).release(intent.id, describeError(error));
        if (isTemporalUnreachable(error)) throw new TemporalUnreachableError(error);
        this.logger.error(`intent ${intent.id} (${intent.kind} ${workflowId}, attempt ${intent.attempts}) failed: ${describeError(error)}`);
        return done;
      }
      await this.dataSource.transaction(async (db) => {
        await new IntentRepository(db).finish(intent.id, result.outcome, result.message);
        await result.effects?.(db);
      });
      if (result.outcome === 'rejected') this.logger.warn(`intent ${intent.id} (${intent.kind} ${workflowId}) was refused: ${result.message}`);
      done++;
    }
  }
}
