import { Body, Controller, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiConflictResponse, ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../common/uuid';
import { OccurrenceResponse } from '../occurrences/occurrences.dto';
import { OccurrencesService } from '../occurrences/occurrences.service';
import {
  BoardDecisionRequest,
  ReturnStatusReportRequest,
  RoundDetailResponse,
  RoundResponse,
  RoundSummariesRequest,
  StatusReportDetailResponse,
  SubmitStatusReportRequest,
} from './reporting.dto';
import { RoundsService } from './rounds.service';

/**
 * Reporting rounds: everyone signed in sees a plan's rounds and the board's decisions; owners
 * (their substitutes, those it escalated to) read and submit their actions' status reports;
 * coordinators follow the round, send reports back, write the summaries, approve, and record the
 * board's handling. The frozen report itself is read at /plans/{id}/reports/{period}.
 */
@ApiTags('reporting')
@ApiBearerAuth()
@Controller()
export class ReportingController {
  constructor(
    private readonly rounds: RoundsService,
    private readonly occurrences: OccurrencesService,
  ) {}

  @Get('plans/:id/rounds')
  @ApiOkResponse({ type: [RoundResponse], description: "The plan's rounds, newest period first, with their progress and the board's decisions" })
  list(@Param('id', UuidParam) planId: string) {
    return this.rounds.list(planId);
  }

  @Get('plans/:id/rounds/:period')
  @Roles('coordinator')
  @ApiOkResponse({ type: RoundDetailResponse, description: 'The round with every status report and its progress per area and unit' })
  get(@Param('id', UuidParam) planId: string, @Param('period') period: string) {
    return this.rounds.get(planId, period);
  }

  @Get('occurrences/:id/status-report')
  @ApiOkResponse({ type: StatusReportDetailResponse })
  @ApiForbiddenResponse({ description: 'Neither yours nor escalated to you' })
  statusReport(@Param('id', UuidParam) id: string, @CurrentPerson() person: CurrentPersonInfo) {
    return this.rounds.statusReport(id, person);
  }

  @Post('occurrences/:id/status-report')
  @HttpCode(200)
  @ApiOkResponse({ type: OccurrenceResponse, description: 'Submitted: the status report occurrence, completed' })
  @ApiForbiddenResponse({ description: 'Neither yours nor escalated to you' })
  @ApiConflictResponse({ description: 'Already submitted with other content, or the round is frozen' })
  submit(@Param('id', UuidParam) id: string, @Body() body: SubmitStatusReportRequest, @CurrentPerson() person: CurrentPersonInfo) {
    return this.occurrences.submitStatusReport(id, body, person);
  }

  @Post('plans/:id/rounds/:period/status-reports/:occurrenceId/return')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: RoundDetailResponse, description: 'Sent back to its owners for completion, with the note' })
  @ApiConflictResponse({ description: 'Not submitted, or the round is frozen' })
  returnReport(
    @Param('id', UuidParam) planId: string,
    @Param('period') period: string,
    @Param('occurrenceId', UuidParam) occurrenceId: string,
    @Body() body: ReturnStatusReportRequest,
    @CurrentPerson() person: CurrentPersonInfo,
  ) {
    return this.rounds.returnReport(planId, period, occurrenceId, body, person);
  }

  @Put('plans/:id/rounds/:period/summaries')
  @Roles('coordinator')
  @ApiOkResponse({ type: RoundDetailResponse })
  @ApiConflictResponse({ description: 'The round is frozen' })
  saveSummaries(@Param('id', UuidParam) planId: string, @Param('period') period: string, @Body() body: RoundSummariesRequest, @CurrentPerson() person: CurrentPersonInfo) {
    return this.rounds.saveSummaries(planId, period, body, person);
  }

  @Post('plans/:id/rounds/:period/approve')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: RoundDetailResponse, description: 'Approved: the board report is frozen; reports still missing are marked not reported' })
  @ApiConflictResponse({ description: 'The period has not ended, or the round is already frozen' })
  approve(@Param('id', UuidParam) planId: string, @Param('period') period: string, @CurrentPerson() person: CurrentPersonInfo) {
    return this.rounds.approve(planId, period, person);
  }

  @Put('plans/:id/rounds/:period/board-decision')
  @Roles('coordinator')
  @ApiOkResponse({ type: RoundDetailResponse, description: 'The board handled the report: body, date, paragraph ("KS 2026-09-15 § 123")' })
  @ApiConflictResponse({ description: 'The round is still open' })
  recordBoardDecision(@Param('id', UuidParam) planId: string, @Param('period') period: string, @Body() body: BoardDecisionRequest, @CurrentPerson() person: CurrentPersonInfo) {
    return this.rounds.recordBoardDecision(planId, period, body, person);
  }
}
