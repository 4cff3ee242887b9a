import { Body, Controller, Get, HttpCode, Param, Post, Query, Res } from '@nestjs/common';
import { ApiBadRequestResponse, ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiQuery, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../../libs/domain/errors';
import type { IdempotentRequest } from '../../../libs/persistence/repositories/idempotency-key.repository';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { UuidParam } from '../common/uuid';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { Idempotency } from '../idempotency/idempotency.service';
import {
  CompleteRequest,
  EscalationResponse,
  HistoryEntry,
  LogQuotaEntryRequest,
  OccurrencePage,
  OccurrenceQuery,
  OccurrenceResponse,
  PostponeRequest,
  QuotaEntryResponse,
  ReassignRequest,
  SkipRequest,
} from './occurrences.dto';
import { OccurrencesService } from './occurrences.service';

@ApiTags('occurrences')
@ApiBearerAuth()
@Controller()
export class OccurrencesController {
  constructor(
    private readonly occurrences: OccurrencesService,
    private readonly idempotency: Idempotency,
  ) {}

  @Get('occurrences')
  @ApiOkResponse({ type: OccurrencePage })
  list(@Query() query: OccurrenceQuery) {
    const { page, pageSize, ...filter } = query;
    return this.occurrences.list(filter, page, pageSize);
  }

  @Get('occurrences/:id')
  @ApiOkResponse({ type: OccurrenceResponse })
  get(@Param('id', UuidParam) id: string) {
    return this.occurrences.get(id);
  }

  @Get('occurrences/:id/history')
  @ApiOkResponse({ type: [HistoryEntry], description: 'Transitions (who, when) and notices sent (to whom, when)' })
  history(@Param('id', UuidParam) id: string) {
    return this.occurrences.history(id);
  }

  @Post('occurrences/:id/complete')
  @HttpCode(200)
  @ApiOkResponse({ type: OccurrenceResponse })
  @ApiForbiddenResponse({ description: 'Not yours, not escalated to you' })
  @ApiConflictResponse({ description: 'Skipped or cancelled: it cannot be completed' })
  @ApiServiceUnavailableResponse({ description: 'ENGINE_UNAVAILABLE: Temporal does not answer; nothing was changed' })
  complete(@Param('id', UuidParam) id: string, @Body() body: CompleteRequest, @CurrentPerson() person: CurrentPersonInfo) {
    return this.occurrences.complete(id, body, person);
  }

  @Post('occurrences/:id/postpone')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OccurrenceResponse, description: 'The occurrence as it now is; with `followUp: "pending"` the postponement is saved and reaches the engine as soon as Temporal answers' })
  @ApiConflictResponse({ description: 'Already resolved, or the new due date is not in the future' })
  postpone(
    @Param('id', UuidParam) id: string,
    @Body() body: PostponeRequest,
    @CurrentPerson() person: CurrentPersonInfo,
    @IdempotencyKey() key: IdempotentRequest | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.idempotency.run(key, response, (claim) => this.occurrences.postpone(id, body, person, claim));
  }

  @Post('occurrences/:id/entries')
  @HttpCode(200)
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: OccurrenceResponse, description: 'The period as it now is, its count one higher; the time that reaches the target completes it' })
  @ApiForbiddenResponse({ description: 'Not yours, not escalated to you' })
  @ApiConflictResponse({ description: 'Not a quota, or its period is skipped or cancelled' })
  @ApiBadRequestResponse({ description: 'VALIDATION_FAILED: the date is outside the period or in the future' })
  logEntry(
    @Param('id', UuidParam) id: string,
    @Body() body: LogQuotaEntryRequest,
    @CurrentPerson() person: CurrentPersonInfo,
    @IdempotencyKey() key: IdempotentRequest | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.idempotency.run(key, response, (claim) => this.occurrences.logEntry(id, body, person, claim));
  }

  @Get('occurrences/:id/entries')
  @ApiOkResponse({ type: [QuotaEntryResponse], description: "The times logged in a quota's period, the latest first" })
  @ApiConflictResponse({ description: 'Not a quota' })
  entries(@Param('id', UuidParam) id: string) {
    return this.occurrences.entries(id);
  }

  @Post('occurrences/:id/skip')
  @HttpCode(200)
  @ApiOkResponse({ type: OccurrenceResponse })
  skip(@Param('id', UuidParam) id: string, @Body() body: SkipRequest, @CurrentPerson() person: CurrentPersonInfo) {
    return this.occurrences.skip(id, body, person);
  }

  @Post('occurrences/:id/reassign')
  @HttpCode(200)
  @ApiOkResponse({ type: OccurrenceResponse })
  reassign(@Param('id', UuidParam) id: string, @Body() body: ReassignRequest, @CurrentPerson() person: CurrentPersonInfo) {
    return this.occurrences.reassign(id, body, person);
  }

  @Get('me/tasks')
  @ApiOkResponse({ type: [OccurrenceResponse], description: 'My open occurrences (and those I substitute for), by due date' })
  tasks(@CurrentPerson() person: CurrentPersonInfo) {
    return this.occurrences.tasks(person);
  }

  @Get('escalations')
  @ApiQuery({ name: 'to', enum: ['me'] })
  @ApiOkResponse({ type: [EscalationResponse] })
  escalations(@Query('to') to: string | undefined, @CurrentPerson() person: CurrentPersonInfo) {
    if (to !== 'me') throw new DomainError('VALIDATION_FAILED', 'Only ?to=me is supported', [{ path: 'to', message: 'must be "me"' }]);
    return this.occurrences.escalations(person);
  }

  @Post('escalations/:id/acknowledge')
  @HttpCode(200)
  @ApiOkResponse({ type: EscalationResponse })
  acknowledge(@Param('id', UuidParam) id: string, @CurrentPerson() person: CurrentPersonInfo) {
    return this.occurrences.acknowledge(id, person);
  }
}
