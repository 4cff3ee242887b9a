import { Body, Controller, Delete, Get, HttpCode, HttpStatus, Param, ParseBoolPipe, Patch, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiAcceptedResponse, ApiBearerAuth, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { IdempotentRequest } from '../../../libs/persistence/repositories/idempotency-key.repository';
import { isReportFormat, REPORT_FORMAT_NAMES, REPORT_FORMATS, reportContentDisposition, reportFormatForMediaType } from '../../../libs/report-rendering';
import { DomainError } from '../../../libs/domain/errors';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Roles } from '../auth/roles.decorator';
import { AuditEntryResponse } from '../common/shared.dto';
import { ImportResponse } from './import.dto';
import { ReportDocumentResponse } from './report.dto';
import { UPLOAD_LIMITS, uploadedDocument } from '../common/uploads';
import { UuidParam } from '../common/uuid';
import { ApiIdempotencyKey, IdempotencyKey } from '../idempotency/idempotency-key.decorator';
import { Idempotency } from '../idempotency/idempotency.service';
import { ActionsService } from './actions.service';
import { ImportService } from './import.service';
import {
  ActionResponse,
  CreateActionRequest,
  CreatePlanRequest,
  ImportTextRequest,
  PauseActionRequest,
  PlanDetailResponse,
  PlanReportsResponse,
  PlanResponse,
  ResumeActionRequest,
  UpdateActionRequest,
} from './plans.dto';
import { PlanAreasService } from './plan-areas.service';
import {
  ArchivePlanRequest,
  AreaResponse,
  CreateAreaRequest,
  PolicyPreviewRequest,
  PolicyPreviewResponse,
  RestorePlanRequest,
  SchedulePreviewRequest,
  SchedulePreviewResponse,
  UpdateAreaRequest,
  UpdatePlanRequest,
  WithdrawActionRequest,
} from './plan-changes.dto';
import { PlansService } from './plans.service';

/** Viewers and everyone signed in read plans; coordinators and admins define them. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly actions: ActionsService,
    private readonly importer: ImportService,
    private readonly areas: PlanAreasService,
    private readonly idempotency: Idempotency,
  ) {}

  @Post('plans')
  @Roles('coordinator')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: PlanResponse })
  create(
    @Body() body: CreatePlanRequest,
    @CurrentPerson() actor: CurrentPersonInfo,
    @IdempotencyKey() key: IdempotentRequest | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.idempotency.run(key, response, (claim) => this.plans.create(body, actor, claim));
  }

  @Get('plans')
  @ApiOkResponse({ type: [PlanResponse] })
  list() {
    return this.plans.list();
  }

  @Get('plans/:id')
  @ApiOkResponse({ type: PlanDetailResponse })
  get(@Param('id', UuidParam) id: string) {
    return this.plans.get(id);
  }

  @Patch('plans/:id')
  @Roles('coordinator')
  @ApiOkResponse({ type: PlanResponse, description: 'Changed; what follows for its actions and its reporting is carried out as the engine answers (`followUp`)' })
  @ApiConflictResponse({ description: 'PLAN_ARCHIVED: restore the plan first' })
  update(@Param('id', UuidParam) id: string, @Body() body: UpdatePlanRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.plans.update(id, body, actor);
  }

  @Post('plans/:id/archive')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: PlanResponse, description: 'Archived (or already so): nothing of it is followed up, nothing in it changes, its reports stay readable' })
  archive(@Param('id', UuidParam) id: string, @Body() body: ArchivePlanRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.plans.archive(id, body.reason, actor);
  }

  @Post('plans/:id/restore')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: PlanResponse, description: 'Followed up again (or was not archived); actions paused on their own stay paused' })
  restore(@Param('id', UuidParam) id: string, @Body() body: RestorePlanRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.plans.restore(id, body.reason, actor);
  }

  @Post('plans/:id/areas')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: AreaResponse, description: 'The area, last in the order (an existing area of that title is answered as it is)' })
  createArea(@Param('id', UuidParam) planId: string, @Body() body: CreateAreaRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.areas.create(planId, body.title, actor);
  }

  @Patch('plans/:id/areas/:areaId')
  @Roles('coordinator')
  @ApiOkResponse({ type: AreaResponse })
  @ApiConflictResponse({ description: 'Another area of the plan has that title, or the plan is archived' })
  updateArea(@Param('id', UuidParam) planId: string, @Param('areaId', UuidParam) areaId: string, @Body() body: UpdateAreaRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.areas.update(planId, areaId, body, actor);
  }

  @Post('plans/:id/schedule-preview')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: SchedulePreviewResponse, description: "A schedule in words as an action of this plan would have it: kind, next due dates, warnings (the import's reading). Writes nothing." })
  schedulePreview(@Param('id', UuidParam) planId: string, @Body() body: SchedulePreviewRequest) {
    return this.actions.preview(planId, body);
  }

  @Post('plans/:id/policy-preview')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: PolicyPreviewResponse, description: 'A notice policy for these owners in words: the reminders, and who gets each escalation step when ("dag 7: enhetschefen Hanna Enhetschef"). Writes nothing.' })
  policyPreview(@Param('id', UuidParam) planId: string, @Body() body: PolicyPreviewRequest) {
    return this.actions.policyPreview(planId, body);
  }

  @Post('plans/:id/actions')
  @Roles('coordinator')
  @ApiIdempotencyKey()
  @ApiCreatedResponse({ type: ActionResponse })
  createAction(
    @Param('id', UuidParam) planId: string,
    @Body() body: CreateActionRequest,
    @CurrentPerson() actor: CurrentPersonInfo,
    @IdempotencyKey() key: IdempotentRequest | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    return this.idempotency.run(key, response, (claim) => this.actions.create(planId, body, actor, claim));
  }

  @Post('plans/:id/import')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiIdempotencyKey()
  @ApiOkResponse({ type: ImportResponse, description: 'The preview (dryRun) or, after the commit, the preview with `created`, `drafts` and `followUp` ("pending" while some new workflows have not started yet)' })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  async import(
    @Param('id', UuidParam) planId: string,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun: boolean | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportTextRequest,
    @CurrentPerson() actor: CurrentPersonInfo,
    @IdempotencyKey() key: IdempotentRequest | undefined,
    @Res({ passthrough: true }) response: Response,
  ) {
    const document = uploadedDocument(file, body);
    if (!document) throw new DomainError('VALIDATION_FAILED', 'Upload the plan in the field "file", or send {"text": …}', [{ path: 'file', message: 'missing' }]);
    const corrections = body.corrections ?? [];
    if (dryRun) return this.importer.preview(planId, document, corrections); // writes nothing: no key needed
    return this.idempotency.run(key, response, (claim) => this.importer.commit(planId, document, actor, corrections, claim));
  }

  @Get('plans/:id/reports')
  @ApiOkResponse({ type: PlanReportsResponse })
  reports(@Param('id', UuidParam) planId: string) {
    return this.plans.reports(planId);
  }

  @Get('plans/:id/reports/:period')
  @ApiQuery({ name: 'format', required: false, enum: REPORT_FORMAT_NAMES, description: 'Else negotiated from the Accept header' })
  @ApiQuery({ name: 'locale', required: false, enum: ['sv', 'en'] })
  @ApiQuery({ name: 'draft', required: false, type: Boolean, description: 'Before the period is frozen: the report as it stands now, marked as a draft' })
  @ApiProduces(...REPORT_FORMAT_NAMES.map((name) => REPORT_FORMATS[name].mediaType))
  @ApiOkResponse({ type: ReportDocumentResponse, description: 'The frozen board report of the period (e.g. 2024H1): JSON as described, or rendered as HTML, PDF, XLSX or DOCX (the officer’s report to the board)' })
  async report(
    @Param('id', UuidParam) planId: string,
    @Param('period') period: string,
    @Query('format') format: string | undefined,
    @Query('locale') locale: string | undefined,
    @Query('draft', new ParseBoolPipe({ optional: true })) draft: boolean | undefined,
    @Req() request: Request,
    @Res() response: Response,
    @CurrentPerson() actor: CurrentPersonInfo,
  ): Promise<void> {
    const chosen = format ?? reportFormatForMediaType(request.accepts(Object.values(REPORT_FORMATS).map((f) => f.mediaType)) || 'application/json') ?? 'json';
    if (!isReportFormat(chosen)) throw new DomainError('VALIDATION_FAILED', `format is one of ${REPORT_FORMAT_NAMES.join(', ')}`, [{ path: 'format', message: String(format) }]);
    const document = draft ? await this.plans.reportDraft(planId, period, actor) : await this.plans.report(planId, period);
    const spec = REPORT_FORMATS[chosen];
    const body = await spec.render(document, { locale: locale === 'en' ? 'en' : 'sv' });
    response.status(200).type(spec.contentType).setHeader('Content-Disposition', reportContentDisposition(document, chosen));
    response.send(body);
  }

  @Get('plans/:id/audit')
  @Roles('coordinator')
  @ApiOkResponse({ type: [AuditEntryResponse], description: 'The plan’s changes, newest first' })
  audit(@Param('id', UuidParam) planId: string) {
    return this.plans.audit(planId);
  }

  @Get('actions/:id')
  @ApiOkResponse({ type: ActionResponse })
  getAction(@Param('id', UuidParam) id: string) {
    return this.actions.get(id);
  }

  @Patch('actions/:id')
  @Roles('coordinator')
  @ApiOkResponse({ type: ActionResponse })
  updateAction(@Param('id', UuidParam) id: string, @Body() body: UpdateActionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.actions.update(id, body, actor);
  }

  @Delete('actions/:id')
  @Roles('coordinator')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Withdrawn, and its workflow has stopped following it up' })
  @ApiAcceptedResponse({ type: ActionResponse, description: 'Withdrawn (committed); its workflow is told as soon as Temporal answers (`followUp: "pending"`)' })
  async deleteAction(@Param('id', UuidParam) id: string, @CurrentPerson() actor: CurrentPersonInfo, @Res({ passthrough: true }) response: Response) {
    const action = await this.actions.withdraw(id, actor);
    if (action.followUp === 'applied') return undefined;
    response.status(HttpStatus.ACCEPTED);
    return action;
  }

  @Post('actions/:id/withdraw')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: ActionResponse, description: 'Withdrawn for good, with the reason in the audit log; `followUp` "pending" until its workflow has heard of it' })
  @ApiConflictResponse({ description: 'The plan is archived' })
  withdrawAction(@Param('id', UuidParam) id: string, @Body() body: WithdrawActionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.actions.withdraw(id, actor, body.reason);
  }

  @Post('actions/:id/pause')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: ActionResponse, description: 'Paused (or already paused): no new occurrence opens until it is resumed; those already open keep their notices' })
  @ApiConflictResponse({ description: 'A draft or a withdrawn action cannot be paused' })
  pauseAction(@Param('id', UuidParam) id: string, @Body() body: PauseActionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.actions.pause(id, body.reason, actor);
  }

  @Post('actions/:id/resume')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOkResponse({ type: ActionResponse, description: 'Followed up again (or was not paused)' })
  @ApiConflictResponse({ description: 'A draft or a withdrawn action cannot be resumed' })
  resumeAction(@Param('id', UuidParam) id: string, @Body() body: ResumeActionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.actions.resume(id, body.reason, actor);
  }

  @Get('actions/:id/audit')
  @Roles('coordinator')
  @ApiOkResponse({ type: [AuditEntryResponse], description: 'The action’s own changes, newest first' })
  actionAudit(@Param('id', UuidParam) id: string) {
    return this.plans.actionAudit(id);
  }
}
