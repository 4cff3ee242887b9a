import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { OccurrencesController } from './occurrences.controller';
import { OccurrencesService } from './occurrences.service';

@Module({ imports: [EngineModule, IdempotencyModule], controllers: [OccurrencesController], providers: [OccurrencesService], exports: [OccurrencesService] })
export class OccurrencesModule {}
