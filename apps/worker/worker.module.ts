import { DynamicModule, Module } from '@nestjs/common';
import type { WorkerInterceptors, WorkflowBundleOption } from '@temporalio/worker';
import { BevakaConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { PersistenceModule } from '../../libs/persistence/persistence.module';
import { FollowUpActivitiesService } from './activities/follow-up.activities';
import { LegacyEngineActivitiesService } from './activities/legacy-engine.activities';
import { ReportingActivitiesService } from './activities/reporting.activities';
import { NotificationsWorkerModule } from './notifications/notifications-worker.module';
import { SystemActivitiesService } from './activities/system.activities';
import { WORKER_INTERCEPTORS, WORKFLOW_BUNDLE, WorkerService } from './worker.service';

@Module({})
export class WorkerModule {
  /**
   * `workflowBundle`: a prebuilt bundle (tests share one). `interceptors`: activity interceptors,
   * for tests that need a worker to fail at a chosen moment (fault injection stays out of the
   * activities themselves).
   */
  static forRoot(config: BevakaConfig, workflowBundle?: WorkflowBundleOption, interceptors?: WorkerInterceptors): DynamicModule {
    return {
      module: WorkerModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, NotificationsWorkerModule],
      providers: [
        { provide: WORKFLOW_BUNDLE, useValue: workflowBundle },
        { provide: WORKER_INTERCEPTORS, useValue: interceptors },
        SystemActivitiesService,
        FollowUpActivitiesService,
        ReportingActivitiesService,
        LegacyEngineActivitiesService,
        WorkerService,
      ],
    };
  }
}
