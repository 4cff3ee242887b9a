import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { OccurrencesModule } from '../occurrences/occurrences.module';
import { ReportingController } from './reporting.controller';
import { RoundsService } from './rounds.service';

@Module({ imports: [EngineModule, OccurrencesModule], controllers: [ReportingController], providers: [RoundsService] })
export class ReportingModule {}
