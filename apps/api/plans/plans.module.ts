import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { ActionsService } from './actions.service';
import { ImportService } from './import.service';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  imports: [EngineModule, IdempotencyModule],
  controllers: [PlansController],
  providers: [ActionsService, PlansService, ImportService],
})
export class PlansModule {}
