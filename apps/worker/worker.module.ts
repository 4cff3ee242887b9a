import { DynamicModule, Module } from '@nestjs/common';
import type { WorkflowBundleOption } from '@temporalio/worker';
import { BevakaConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { PersistenceModule } from '../../libs/persistence/persistence.module';
import { EngineActivitiesService } from './activities/engine.activities';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { SystemActivitiesService } from './activities/system.activities';
import { WORKFLOW_BUNDLE, WorkerService } from './worker.service';

@Module({})
export class WorkerModule {
  static forRoot(config: BevakaConfig, workflowBundle?: WorkflowBundleOption): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, NotificationsWorkerModule],
      providers: [{ provide: WORKFLOW_BUNDLE, useValue: workflowBundle }, SystemActivitiesService, EngineActivitiesService, WorkerService],
    };
  }
}
