import { Module } from '@nestjs/common';
import { EngineModule } from '../engine/engine.module';
import { IdempotencyModule } from '../idempotency/idempotency.module';
import { PlansModule } from '../plans/plans.module';
import { MinutesController } from './minutes.controller';
import { MinutesService } from './minutes.service';
import { OpenQuestionsService } from './open-questions.service';

/** Minutes into plans, and the open questions they leave on the balance list (issue 15). */
@Module({
  imports: [EngineModule, IdempotencyModule, PlansModule],
  controllers: [MinutesController],
  providers: [MinutesService, OpenQuestionsService],
})
export class MinutesModule {}
