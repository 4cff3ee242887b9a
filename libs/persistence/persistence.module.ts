import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../config/config';
import { dataSourceOptions } from './data-source';

/** The TypeORM connection, from the resolved DATABASE_URL (embedded or external). */
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [BEVAKA_CONFIG],
      useFactory: (config: BevakaConfig) => {
        if (!config.database.url) throw new Error('DATABASE_URL is not resolved; start through npm start or set it');
        return { ...dataSourceOptions(config.database.url), retryAttempts: 3, retryDelay: 1000 };
      },
    }),
  ],
})
export class PersistenceModule {}
