import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { DataSource } from 'typeorm';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import { Public } from '../auth/public.decorator';

const CHECK_TIMEOUT_MS = 2_000;

/** GET /health: ok only when PostgreSQL and Temporal both really answer; 503 naming the failing part. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok', db: 'ok', temporal: 'ok' } } })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'error', db: 'ok', temporal: 'unavailable: …' } } })
  async check(@Res() response: Response): Promise<void> {
    const [db, temporal] = await Promise.all([this.checkDatabase(), this.checkTemporal()]);
    const ok = db === 'ok' && temporal === 'ok';
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).json({ status: ok ? 'ok' : 'error', db, temporal });
  }

  private checkDatabase(): Promise<string> {
    return outcome(withTimeout(this.dataSource.query('SELECT 1')));
  }

  private checkTemporal(): Promise<string> {
    const deadline = Date.now() + CHECK_TIMEOUT_MS;
    return outcome(
      this.temporal.connection.withDeadline(deadline, () =>
        this.temporal.workflowService.describeNamespace({ namespace: this.temporal.options.namespace }),
      ),
    );
  }
}

async function outcome(check: Promise<unknown>): Promise<string> {
  try {
    await check;
    return 'ok';
  } catch (error) {
    return `unavailable: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  }
}

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    promise.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}
