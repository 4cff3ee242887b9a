import { DataSource, DataSourceOptions } from 'typeorm';
import { PersonEntity } from './entities/person.entity';
import { UnitEntity } from './entities/unit.entity';
import { Organisation1764000000000 } from './migrations/1764000000000-organisation';
import { Engine1764000001000 } from './migrations/1764000001000-engine';
import { Notifications1764000002000 } from './migrations/1764000002000-notifications';
import { Sessions1764000003000 } from './migrations/1764000003000-sessions';
import { FollowUp1764000004000 } from './migrations/1764000004000-follow-up';
import { Accounts1764000005000 } from './migrations/1764000005000-accounts';
import { Intents1764000006000 } from './migrations/1764000006000-intents';
import { PlanArchive1764000007000 } from './migrations/1764000007000-plan-archive';
import { ReportingRounds1764000008000 } from './migrations/1764000008000-reporting-rounds';
import { Quotas1764000009000 } from './migrations/1764000009000-quotas';
import { Minutes1764000010000 } from './migrations/1764000010000-minutes';
import { OidcSubject1764000011000 } from './migrations/1764000011000-oidc-subject';
import { PlanDigests1764000012000 } from './migrations/1764000012000-plan-digests';
import { MeetingEntity } from './entities/meeting.entity';
import { OpenQuestionEntity } from './entities/open-question.entity';
import { PlanEntity } from './entities/plan.entity';
import { AreaEntity } from './entities/area.entity';
import { ActionEntity } from './entities/action.entity';
import { OccurrenceEntity } from './entities/occurrence.entity';
import { QuotaEntryEntity } from './entities/quota-entry.entity';
import { EscalationEntity } from './entities/escalation.entity';
import { AuditLogEntity } from './entities/audit-log.entity';
import { SessionEntity } from './entities/session.entity';
import { NotificationEntity } from './entities/notification.entity';
import { SubstituteEntity } from './entities/substitute.entity';

/**
 * Entities and migrations are listed explicitly (no globs), so the same list works from the
 * TypeScript sources (tests) and from dist/ (production). Schema changes go through migrations
 * only; `synchronize` stays off.
 */
export const ENTITIES = [
  UnitEntity,
  PersonEntity,
  SubstituteEntity,
  PlanEntity,
  AreaEntity,
  ActionEntity,
  OccurrenceEntity,
  QuotaEntryEntity,
  EscalationEntity,
  NotificationEntity,
  SessionEntity,
  AuditLogEntity,
  MeetingEntity,
  OpenQuestionEntity,
];
export const MIGRATIONS = [Organisation1764000000000, Engine1764000001000, Notifications1764000002000, Sessions1764000003000, FollowUp1764000004000, Accounts1764000005000, Intents1764000006000, PlanArchive1764000007000, ReportingRounds1764000008000, Quotas1764000009000, Minutes1764000010000, OidcSubject1764000011000, PlanDigests1764000012000];

export function dataSourceOptions(url: string): DataSourceOptions {
  return {
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migration',
    synchronize: false,
    migrationsRun: false,
    extra: { max: 10 },
  };
}

/** Applies pending migrations; each runs in its own transaction. */
export async function runMigrations(url: string): Promise<string[]> {
  const dataSource = new DataSource(dataSourceOptions(url));
  await dataSource.initialize();
  try {
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await dataSource.destroy();
  }
}

/** For the TypeORM CLI (`npm run migration:generate`): reads DATABASE_URL. */
export default new DataSource(dataSourceOptions(process.env.DATABASE_URL ?? 'postgres://localhost/bevaka'));
