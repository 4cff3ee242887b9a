import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { noticeRecipients } from '../../../libs/domain/escalation/recipients';
import { NotificationRepository, OutboxEntry } from '../../../libs/persistence/repositories/notification.repository';
import { OrgChartRepository } from '../../../libs/persistence/repositories/org-chart.repository';
import { ReportRepository } from '../../../libs/persistence/repositories/report.repository';
import type { ReportingActivities } from '../../../workflows/contracts/activities';
import type { ReportingPeriod } from '../../../workflows/contracts/engine';

/** The plan reporting workflow's I/O: status requests before a period ends, the frozen report after. */
@Injectable()
export class ReportingActivitiesService implements ReportingActivities {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  async requestStatusLines(input: { planId: string; period: ReportingPeriod; firedAt: string }): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const actions: Array<{ id: string; title: string; owner_person_ids: string[]; owner_unit_ids: string[] }> = await db.query(
        `SELECT a.id, a.title, a.owner_person_ids, a.owner_unit_ids FROM action a JOIN plan p ON p.id = a.plan_id
          WHERE a.plan_id = $1 AND a.status = 'active' AND a.schedule->>'kind' = 'continuous' AND p.archived_at IS NULL`,
        [input.planId],
      );
      const org = new OrgChartRepository(db);
      const today = DateTime.fromISO(input.firedAt, { zone: this.config.timezone }).toISODate() as string;
      const entries: OutboxEntry[] = [];
      for (const action of actions) {
        const context = await org.recipientContext({ personIds: action.owner_person_ids, unitIds: action.owner_unit_ids }, today);
        for (const personId of noticeRecipients(undefined, context).personIds) {
          entries.push({
            dedupeKey: `${input.planId}:${input.period.key}:status-request:${action.id}:${personId}`,
            recipientPersonId: personId,
            kind: 'status-request',
            planId: input.planId,
            actionId: action.id,
            payload: { actionTitle: action.title, periodKey: input.period.key, periodEndsAt: input.period.endsAt },
          });
        }
      }
      return new NotificationRepository(db).enqueue(entries);
    });
  }

  async freezeReport(input: { planId: string; period: ReportingPeriod; timezone: string; frozenAt: string }): Promise<{ created: boolean }> {
    const created = await this.dataSource.transaction((db) =>
      new ReportRepository(db).freeze({ planId: input.planId, key: input.period.key, startsAt: input.period.startsAt, endsAt: input.period.endsAt, frozenAt: input.frozenAt }),
    );
    return { created };
  }
}
