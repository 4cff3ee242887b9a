import { Module } from '@nestjs/common';
import { PlansModule } from '../plans/plans.module';
import { ChartImportService } from './chart-import.service';
import { OrganisationController } from './organisation.controller';
import { OrganisationService } from './organisation.service';

@Module({ imports: [PlansModule], controllers: [OrganisationController], providers: [OrganisationService, ChartImportService] })
export class OrganisationModule {}
