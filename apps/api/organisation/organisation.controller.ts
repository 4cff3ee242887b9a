import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPerson, CurrentPersonInfo } from '../auth/current-person';
import { Roles } from '../auth/roles.decorator';
import { UuidParam } from '../common/uuid';
import {
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

/** Everyone signed in reads the organisation chart; coordinators and admins change it. */
@ApiTags('organisation')
@ApiBearerAuth()
@Controller()
export class OrganisationController {
  constructor(private readonly organisation: OrganisationService) {}

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
  updatePerson(@Param('id', UuidParam) id: string, @Body() body: UpdatePersonRequest, @CurrentPerson() actor: CurrentPersonInfo) {
    return this.organisation.updatePerson(id, body, actor);
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
