import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ActionsService } from './actions.service';
import { ImportService } from './import.service';
import { PlanAreasService } from './plan-areas.service';
import { PlanParser } from './plan-parser';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [EngineModule, IdempotencyModule],
  controllers: [PlansController],
  providers: [ActionsService, PlansService, PlanAreasService, ImportService, PlanParser],
  // The document workers read the organisation chart's tables too.
  exports: [PlanParser],
})
export class PlansModule {}
