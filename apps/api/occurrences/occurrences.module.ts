import { Module } from '@nestjs/common';
import { OccurrenceWorkflows } from './occurrence-workflows.service';
import { OccurrencesController } from './occurrences.controller';
import { OccurrencesService } from './occurrences.service';

@Module({ controllers: [OccurrencesController], providers: [OccurrencesService, OccurrenceWorkflows] })
export class OccurrencesModule {}
