import { DynamicModule, Global, Module } from '@nestjs/common';
import { BEVAKA_CONFIG, BevakaConfig } from './config';

/** Makes the configuration resolved at boot injectable everywhere as BEVAKA_CONFIG. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: BevakaConfig): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: BEVAKA_CONFIG, useValue: config }], exports: [BEVAKA_CONFIG] };
  }
}
