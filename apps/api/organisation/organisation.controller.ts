import { Body, Controller, Delete, Get, HttpCode, Param, ParseBoolPipe, Patch, Post, Query, Req, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiConflictResponse, ApiConsumes, ApiCreatedResponse, ApiForbiddenResponse, ApiOkResponse, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { bearerToken } from '../auth/auth.guard';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Roles } from '../auth/roles.decorator';
import { UPLOAD_LIMITS, uploadedDocument } from '../common/uploads';
import { UuidParam } from '../common/uuid';
import { DomainError } from '../../../libs/domain/errors';
import { ChartImportService } from './chart-import.service';
import {
  ChartImportResponse,
  ChartImportTextRequest,
  CreatePersonRequest,
  CreateSubstituteRequest,
  CreateUnitRequest,
  PersonResponse,
  SubstituteResponse,
  UnitResponse,
  UpdatePersonRequest,
  UpdateUnitRequest,
} from './organisation.dto';
import { OrganisationService } from './organisation.service';

/**
 * Everyone signed in reads the organisation chart; coordinators and admins change it. Two powers
 * are the admin's alone (libs/domain/accounts/account-rules): the admin role and passwords.
 */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(
    private readonly organisation: OrganisationService,
    private readonly chartImport: ChartImportService,
  ) {}

  /**
   * The chart from a table (CSV or XLSX, a row per person or per unit): `?dryRun=true` previews
   * it (new, changed, unchanged, missing; warnings; problems) and writes nothing; without, it
   * writes it in one transaction when no row has a problem. Missing people are deactivated only
   * with `deactivateMissing` or `deactivate`.
   */
  @Post('organisation/import')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiConsumes('multipart/form-data', 'application/json')
  @ApiQuery({ name: 'dryRun', required: false, type: Boolean })
  @ApiOkResponse({ type: ChartImportResponse })
  @UseInterceptors(FileInterceptor('file', { limits: UPLOAD_LIMITS }))
  importChart(
    @Query('dryRun', new ParseBoolPipe({ optional: true })) dryRun: boolean | undefined,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() body: ChartImportTextRequest,
    @CurrentPerson() actor: CurrentPersonInfo,
  ) {
    const document = uploadedDocument(file, body);
    if (!document) throw new DomainError('VALIDATION_FAILED', 'Upload the chart in the field "file", or send {"text": …}', [{ path: 'file', message: 'missing' }]);
    return dryRun ? this.chartImport.preview(document, actor) : this.chartImport.commit(document, actor, { deactivateMissing: body.deactivateMissing, deactivate: body.deactivate });
  }

  @Get('units')
  @ApiOkResponse({ type: [UnitResponse] })
  listUnits() {
    return this.organisation.listUnits();
  }

  @Post('units')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: UnitResponse })
  createUnit(@Body() body: CreateUnitRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.createUnit(body, actor);
  }

  @Patch('units/:id')
  @Roles('coordinator')
  @ApiOkResponse({ type: UnitResponse })
  updateUnit(@Param('id', UuidParam) id: string, @Body() body: UpdateUnitRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.updateUnit(id, body, actor);
  }

  @Get('people')
  @ApiOkResponse({ type: [PersonResponse] })
  listPeople() {
    return this.organisation.listPeople();
  }

  @Post('people')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: PersonResponse })
  createPerson(@Body() body: CreatePersonRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.createPerson(body, actor);
  }

  @Patch('people/:id')
  @Roles('coordinator')
  @ApiOkResponse({ type: PersonResponse })
  @ApiForbiddenResponse({ description: 'ADMIN_ONLY: granting or removing admin, or setting a password' })
  @ApiConflictResponse({ description: 'LAST_ADMIN: the last active admin keeps the role' })
  updatePerson(@Param('id', UuidParam) id: string, @Body() body: UpdatePersonRequest, @CurrentPerson() actor: CurrentPersonInfo, @Req() request: Request) {
    return this.organisation.updatePerson(id, body, actor, bearerToken(request)!);
  }

  @Post('people/:id/deactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonResponse, description: 'Deactivated: cannot sign in, sessions ended, no notices; kept for history' })
  @ApiForbiddenResponse({ description: 'ADMIN_ONLY: an admin is deactivated by admins only' })
  @ApiConflictResponse({ description: 'Yourself, or the last active admin' })
  deactivatePerson(@Param('id', UuidParam) id: string, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.setActive(id, false, actor);
  }

  @Post('people/:id/reactivate')
  @Roles('coordinator')
  @HttpCode(200)
  @ApiOkResponse({ type: PersonResponse })
  reactivatePerson(@Param('id', UuidParam) id: string, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.setActive(id, true, actor);
  }

  @Get('people/:id/substitutes')
  @ApiOkResponse({ type: [SubstituteResponse] })
  listSubstitutes(@Param('id', UuidParam) id: string) {
    return this.organisation.listSubstitutes(id);
  }

  @Post('people/:id/substitutes')
  @Roles('coordinator')
  @ApiCreatedResponse({ type: SubstituteResponse })
  createSubstitute(@Param('id', UuidParam) id: string, @Body() body: CreateSubstituteRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.createSubstitute(id, body, actor);
  }

  @Delete('people/:id/substitutes/:substituteId')
  @Roles('coordinator')
  @HttpCode(204)
  deleteSubstitute(@Param('id', UuidParam) id: string, @Param('substituteId', UuidParam) substituteId: string, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.deleteSubstitute(id, substituteId, actor);
  }
}
