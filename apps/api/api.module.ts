import { DynamicModule, Module } from '@nestjs/common';
import { BevakaConfig } from '../../libs/config/config';
import { ConfigModule } from '../../libs/config/config.module';
import { PersistenceModule } from '../../libs/persistence/persistence.module';
import { TemporalClientModule } from '../../libs/temporal/temporal-client.module';
import { AuthModule } from './auth/auth.module';
import { HealthController } from './health/health.controller';
import { MinutesModule } from './minutes/minutes.module';
import { NotificationsApiModule } from './notifications/notifications-api.module';
import { OccurrencesModule } from './occurrences/occurrences.module';
import { OrganisationModule } from './organisation/organisation.module';
import { PlansModule } from './plans/plans.module';
import { ReportingModule } from './reporting/reporting.module';

@Module({})
export class ApiModule {
  static forRoot(config: BevakaConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [ConfigModule.forRoot(config), PersistenceModule, TemporalClientModule, AuthModule, OrganisationModule, PlansModule, MinutesModule, OccurrencesModule, ReportingModule, NotificationsApiModule],
      controllers: [HealthController],
    };
  }
}
