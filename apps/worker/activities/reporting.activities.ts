import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { noticeRecipients } from '../../../libs/domain/escalation/recipients';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
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
      const actions = await new ActionRepository(db).continuousRunningOf(input.planId);
      const org = new OrgChartRepository(db);
      const today = DateTime.fromISO(input.firedAt, { zone: this.config.timezone }).toISODate() as string;
      const entries: OutboxEntry[] = [];
      for (const action of actions) {
        const context = await org.recipientContext({ personIds: action.ownerPersonIds, unitIds: action.ownerUnitIds }, today);
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
