import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';

const PROBE_DEADLINE_MS = 2_000;

/**
 * Is Temporal down? A command that did not answer in time may only have been slow (an update waits
 * for a busy worker), so a cheap call with a short deadline decides. While Temporal is known to be
 * down, requests do not wait for it: their intents are left to the reconciler, which probes again
 * each pass and so keeps this knowledge fresh.
 */
@Injectable()
export class TemporalProbe {
  private downUntil = 0;

  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  get knownDown(): boolean {
    return Date.now() < this.downUntil;
  }

  /** Asks Temporal; remembers a failure until the reconciler's next pass has asked again. */
  async answers(): Promise<boolean> {
    try {
      await this.client.withDeadline(Date.now() + PROBE_DEADLINE_MS, () => this.client.workflowService.getSystemInfo({}));
      this.downUntil = 0;
      return true;
    } catch {
      this.downUntil = Date.now() + this.config.temporal.reconcileIntervalMs + 2 * PROBE_DEADLINE_MS + 1_000;
      return false;
    }
  }
}
