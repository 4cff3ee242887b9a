import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { BEVAKA_CONFIG, BevakaConfig } from '../config/config';
import { connectClient } from './connection';

export const TEMPORAL_CLIENT = Symbol('TEMPORAL_CLIENT');

/** The Temporal client the API uses to start, signal, update and query workflows (global: one per app). */
@Global()
@Module({
  providers: [
    { provide: TEMPORAL_CLIENT, inject: [BEVAKA_CONFIG], useFactory: (c: BevakaConfig) => connectClient(c.temporal) },
  ],
  exports: [TEMPORAL_CLIENT],
})
export class TemporalClientModule implements OnApplicationShutdown {
  constructor(@Inject(TEMPORAL_CLIENT) private readonly client: Client) {}

  async onApplicationShutdown(): Promise<void> {
    await this.client.connection.close();
  }
}
