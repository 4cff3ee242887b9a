/**
 * The baseline's worker process: pg-boss `work()` handlers (PGBOSS_WORKERS of them, each fetching
 * PGBOSS_BATCH jobs at a time, polling every 0.5 s, pg-boss's minimum) that do for each job what
 * Bevaka's workflow does when its timer fires: the notices due now, from the same domain code,
 * recorded by the same activity code (FollowUpActivitiesService.fireNotices).
 */
import PgBoss from 'pg-boss';
import { DataSource } from 'typeorm';
import { FollowUpActivitiesService } from '../../apps/worker/activities/follow-up.activities';
import { loadConfig } from '../../libs/config/config';
import { noticesDueBy } from '../../libs/domain/occurrence/notices';
import type { OccurrenceState } from '../../libs/domain/occurrence/state';
import { policyFrom } from '../../libs/domain/escalation/policy';
import { dataSourceOptions } from '../../libs/persistence/data-source';
import { QUEUE } from './pg-boss';

interface Job {
  actionId: string;
  planId: string;
  state: OccurrenceState;
}

async function main(): Promise<void> {
  const config = loadConfig();
  const policy = policyFrom(JSON.parse(process.env.PGBOSS_POLICY ?? '{}'));
  const dataSource = await new DataSource(dataSourceOptions(config.database.url!)).initialize();
  const activities = new FollowUpActivitiesService(dataSource, config);
  const boss = new PgBoss({ connectionString: config.database.url!, schedule: false });
  boss.on('error', (error) => console.error(error));
  await boss.start();
  const handler = async (jobs: Array<PgBoss.Job<Job>>) => {
    await Promise.all(
      jobs.map(async ({ data }) => {
        const now = new Date().toISOString();
        const notices = noticesDueBy(data.state, policy, config.timezone, now).map(({ notice }) => ({
          occurrenceId: data.state.id,
          periodKey: data.state.periodKey,
          generation: data.state.generation,
          kind: notice.kind,
          step: notice.step,
        }));
        if (notices.length) await activities.fireNotices({ actionId: data.actionId, planId: data.planId, notices, firedAt: now });
      }),
    );
  };
  for (let i = 0; i < Number(process.env.PGBOSS_WORKERS ?? 4); i++) {
    await boss.work<Job>(QUEUE, { batchSize: Number(process.env.PGBOSS_BATCH ?? 50), pollingIntervalSeconds: 0.5 }, handler);
  }
  process.stdout.write('ready\n');
  process.on('SIGTERM', () => void boss.stop({ graceful: false }).then(() => dataSource.destroy()).then(() => process.exit(0)));
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
