import { Body, Controller, Get, HttpCode, Param, ParseBoolPipe, Post, Query, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConflictResponse, ApiConsumes, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { DomainError } from '../../../libs/domain/errors';
import type { IdempotentRequest } from '../../../libs/persistence/repositories/idempotency-key.repository';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Roles } from '../auth/roles.decorator';
import { UPLOAD_LIMITS, uploadedDocument } from '../common/uploads';
import { UuidParam } from '../common/uuid';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { Idempotency } from '../idempotency/idempotency.service';
import { AssignQuestionRequest, CloseQuestionRequest, MeetingResponse, MinutesRequest, MinutesResponse, OpenQuestionResponse, OpenQuestionsQuery } from './minutes.dto';
import { MinutesInput, MinutesService } from './minutes.service';
import { OpenQuestionsService } from './open-questions.service';

@ApiTags('minutes')
@ApiBearerAuth()
@Controller()
export class MinutesController {
  constructor(
    private readonly minutes: MinutesService,
    private readonly questions: OpenQuestionsService,
    private readonly idempotency: Idempotency,
  ) {}

  @Post('plans/:id/minutes')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean, description: 'Preview: read the minutes and match owners, write nothing' })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: MinutesResponse, description: 'The preview (dryRun), or after the commit the preview with the meeting, the actions and open questions created, and `followUp`' })
  @ApiConflictResponse({ description: 'These minutes were read into the plan before, or the plan is archived' })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  async read(
    @Param('id', UuidParam) planId: string,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun: boolean | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: MinutesRequest,
    @CurrentPerson() actor: CurrentPersonInfo,
    @IdempotencyKey() key: IdempotentRequest | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const document = uploadedDocument(file, body);
    if (!document) throw new DomainError('VALIDATION_FAILED', 'Upload the minutes in the field "file", or send {"text": …}', [{ path: 'file', message: 'missing' }]);
    const input: MinutesInput = { document, title: body.title, meetingDate: body.meetingDate, nextMeetingDate: body.nextMeetingDate, choices: body.choices };
    if (dryRun) return this.minutes.preview(planId, input); // writes nothing: no key needed
    return this.idempotency.run(key, response, (claim) => this.minutes.commit(planId, input, actor, claim));
  }

  @Get('plans/:id/meetings')
  @ApiOkResponse({ type: [MeetingResponse], description: 'Meetings whose minutes were read into the plan, the latest first' })
  meetings(@Param('id', UuidParam) planId: string) {
    return this.minutes.meetings(planId);
  }

  @Get('plans/:id/open-questions')
  @ApiOkResponse({ type: [OpenQuestionResponse], description: "The plan's open questions from minutes (the balance list), the open ones first" })
  openQuestions(@Param('id', UuidParam) planId: string, @Query() query: OpenQuestionsQuery) {
    return this.questions.ofPlan(planId, query.status);
  }

  @Post('open-questions/:id/assign')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: OpenQuestionResponse, description: 'The question, assigned: `actionId` is the action it became' })
  @ApiConflictResponse({ description: 'Already assigned or closed, or the plan is archived' })
  assign(@Param('id', UuidParam) id: string, @Body() body: AssignQuestionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.questions.assign(id, body, actor);
  }

  @Post('open-questions/:id/close')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: OpenQuestionResponse })
  @ApiConflictResponse({ description: 'Already assigned or closed, or the plan is archived' })
  close(@Param('id', UuidParam) id: string, @Body() body: CloseQuestionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.questions.close(id, body.reason, actor);
  }
}
