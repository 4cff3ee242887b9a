import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DatabaseRepository } from '../../../libs/persistence/repositories/database.repository';
import type { SystemActivities } from '../../../workflows/contracts/system-check';

@Injectable()
export class SystemActivitiesService implements SystemActivities {
  constructor(private readonly dataSource: DataSource) {}

  async readDatabaseClock(): Promise<string> {
    return new DatabaseRepository(this.dataSource.manager).now();
  }
}
