import { Module } from '@nestjs/common';
import { ActionWorkflows } from './action-workflows.service';
import { ActionsService } from './actions.service';
import { ImportService } from './import.service';
import { PlanParser } from './plan-parser';
import { PlansController } from './plans.controller';
import { PlansService } from './plans.service';

@Module({
  controllers: [PlansController],
  providers: [ActionWorkflows, ActionsService, PlansService, ImportService, PlanParser],
  exports: [ActionWorkflows],
})
export class PlansModule {}
