import { Controller, Get, HttpStatus, Inject, Logger, Req, Res } from '@nestjs/common';
import { ApiOkResponse, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { DatabaseRepository } from '../../../libs/persistence/repositories/database.repository';
import { TEMPORAL_CLIENT } from '../../../libs/temporal/temporal-client.module';
import { bearerToken } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { Public } from '../auth/public.decorator';

const CHECK_TIMEOUT_MS = 2_000;

/**
 * GET /health: ok only when PostgreSQL and Temporal both really answer; 503 otherwise. Anyone
 * (a load balancer, a monitor) learns only up or down; with an admin's bearer token the answer
 * also names each part and, when it fails, why (error text that is for admins' eyes only).
 */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(
    private readonly dataSource: DataSource,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    private readonly auth: AuthService,
  ) {}

  @Get()
  @ApiOkResponse({ schema: { example: { status: 'ok' } }, description: 'With an admin’s token also { db: "ok", temporal: "ok" }' })
  @ApiServiceUnavailableResponse({ schema: { example: { status: 'error' } }, description: 'With an admin’s token also which part failed, e.g. { temporal: "unavailable: …" }' })
  async check(@Req() request: Request, @Res() response: Response): Promise<void> {
    const [db, temporal] = await Promise.all([this.checkDatabase(), this.checkTemporal()]);
    const ok = db === 'ok' && temporal === 'ok';
    const status = ok ? 'ok' : 'error';
    // The log names the failing part even when nobody who may read it asked (PostgreSQL down: no token can be checked).
    if (!ok) this.logger.warn(`unhealthy: db ${db}; temporal ${temporal}`);
    const details = (await this.isAdmin(request)) ? { db, temporal } : {};
    response.status(ok ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).setHeader('Cache-Control', 'no-store').json({ status, ...details });
  }

  /** A token that is not an admin's (or that cannot be checked with the database down) shows no details. */
  private async isAdmin(request: Request): Promise<boolean> {
    const token = bearerToken(request);
    if (!token) return false;
    const person = await withTimeout(this.auth.authenticate(token)).catch(() => undefined);
    return Boolean(person?.roles.includes('admin'));
  }

  private checkDatabase(): Promise<string> {
    return outcome(withTimeout(new DatabaseRepository(this.dataSource.manager).ping()));
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
