import { Body, Controller, Delete, Get, HttpCode, Param, ParseBoolPipe, Patch, Post, Query, Req, Res, UploadedFile, UseInterceptors } from '@nestjs/common';
import type { Request, Response } from 'express';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConsumes, ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { isReportFormat, REPORT_FORMATS, reportContentDisposition, ReportDocument, reportFormatForMediaType } from '../../../libs/report-rendering';
import { DomainError } from '../../../libs/domain/errors';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Roles } from '../auth/roles.decorator';
import { REQUEST_LIMITS } from '../common/request-limits';
import { UuidParam } from '../common/uuid';
import { ActionsService } from './actions.service';
import { ImportService } from './import.service';
import { ActionResponse, CreateActionRequest, CreatePlanRequest, ImportTextRequest, PlanDetailResponse, PlanReportsResponse, PlanResponse, UpdateActionRequest } from './plans.dto';
import { PlansService } from './plans.service';

/** One plan file, a few form fields (text, filename, corrections) each within the body limit. */
const UPLOAD_LIMITS = { fileSize: REQUEST_LIMITS.uploadBytes, files: 1, fields: 8, parts: 9, fieldSize: REQUEST_LIMITS.bodyBytes };

/** Viewers and everyone signed in read plans; coordinators and admins define them. */
@ApiTags('plans')
@ApiBearerAuth()
@Controller()
export class PlansController {
  constructor(
    private readonly plans: PlansService,
    private readonly actions: ActionsService,
    private readonly importer: ImportService,
  ) {}

  @Post('plans')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: PlanResponse })
  create(@Body() body: CreatePlanRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.plans.create(body, actor);
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

  @Post('plans/:id/actions')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: ActionResponse })
  createAction(@Param('id', UuidParam) planId: string, @Body() body: CreateActionRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.actions.create(planId, body, actor);
  }

  @Post('plans/:id/import')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  async import(
    @Param('id', UuidParam) planId: string,
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun: boolean | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ImportTextRequest,
    @CurrentPerson() actor: CurrentPersonInfo,
  ) {
    const document = file ? { filename: storableFilename(file.originalname), content: new Uint8Array(file.buffer) } : body.text !== undefined ? { filename: body.filename, content: body.text } : undefined;
    if (!document) throw new DomainError('VALIDATION_FAILED', 'Upload the plan in the field "file", or send {"text": …}', [{ path: 'file', message: 'missing' }]);
    const corrections = body.corrections ?? [];
    return dryRun ? this.importer.preview(planId, document, corrections) : this.importer.commit(planId, document, actor, corrections);
  }

  @Get('plans/:id/reports')
  @ApiOkResponse({ type: PlanReportsResponse })
  reports(@Param('id', UuidParam) planId: string) {
    return this.plans.reports(planId);
  }

  @Get('plans/:id/reports/:period')
  @ApiQuery({ name: 'format', required: false, enum: ['json', 'html', 'pdf', 'xlsx'], description: 'Else negotiated from the Accept header' })
  @ApiQuery({ name: 'locale', required: false, enum: ['sv', 'en'] })
  @ApiQuery({ name: 'draft', required: false, type: Boolean, description: 'Before the period is frozen: the report as it stands now, marked as a draft' })
  @ApiProduces('application/json', 'text/html', 'application/pdf', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
  @ApiOkResponse({ description: 'The frozen board report of the period (e.g. 2024H1)' })
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
    if (!isReportFormat(chosen)) throw new DomainError('VALIDATION_FAILED', 'format is json, html, pdf or xlsx', [{ path: 'format', message: String(format) }]);
    const document = (draft ? await this.plans.reportDraft(planId, period, actor) : await this.plans.report(planId, period)) as unknown as ReportDocument;
    const spec = REPORT_FORMATS[chosen];
    const body = await spec.render(document, { locale: locale === 'en' ? 'en' : 'sv' });
    response.status(200).type(spec.contentType).setHeader('Content-Disposition', reportContentDisposition(document, chosen));
    response.send(body);
  }

  @Get('plans/:id/audit')
  @Roles('coordinator')
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
  deleteAction(@Param('id', UuidParam) id: string, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.actions.remove(id, actor);
  }

  @Get('actions/:id/audit')
  @Roles('coordinator')
  actionAudit(@Param('id', UuidParam) id: string) {
    return this.plans.actionAudit(id);
  }
}

/** The client's name of an uploaded file, as text the audit log can store (it is only a label). */
function storableFilename(name: string): string {
  // eslint-disable-next-line no-control-regex
  return name.toWellFormed().replace(/[\u0000-\u001f\u007f]/g, '').slice(0, 300);
}
