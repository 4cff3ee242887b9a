import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { SystemActivities } from '../../../workflows/contracts/system-check';

@Injectable()
export class SystemActivitiesService implements SystemActivities {
  constructor(private readonly dataSource: DataSource) {}

  async readDatabaseClock(): Promise<string> {
    const [row] = await this.dataSource.query('SELECT now() AS now');
    return new Date(row.now).toISOString();
  }
}
