import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { noticeRecipients } from '../../../libs/domain/escalation/recipients';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import { NotificationRepository, OutboxEntry } from '../../../libs/persistence/repositories/notification.repository';
import { OrgChartRepository } from '../../../libs/persistence/repositories/org-chart.repository';
import { ReportRepository } from '../../../libs/persistence/repositories/report.repository';
import { PlanRepository } from '../../../libs/persistence/repositories/plan.repository';
import { ReportingRoundRepository } from '../../../libs/persistence/repositories/reporting-round.repository';
import { closeRound } from '../../../libs/persistence/repositories/round-closing';
import { roundTimes } from '../../../libs/domain/reporting/round';
import type { OpenRoundRequest, OpenRoundResult, ReportingActivities } from '../../../workflows/contracts/activities';
import type { ReportingPeriod } from '../../../workflows/contracts/engine';
import { defaultPolicyFor } from '../../../workflows/contracts/policy';

/**
 * The plan reporting workflow's I/O: the round opened with every action's status report, the
 * report frozen when the round ends (and, for runs recorded before rounds, status requests).
 */
@Injectable()
export class ReportingActivitiesService implements ReportingActivities {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  openRound(request: OpenRoundRequest): Promise<OpenRoundResult> {
    return this.dataSource.transaction(async (db) => {
      const plan = await new PlanRepository(db).lock(request.planId, 'key-share');
      if (!plan) throw new Error(`plan ${request.planId} is gone`); // a deleted plan's workflow is terminated with it
      const times = roundTimes(request.period, request.settings);
      const { round, unresolved } = await new ReportingRoundRepository(db).open({
        planId: request.planId,
        period: request.period,
        deadline: times.deadline,
        freezesAt: times.freezesAt,
        returnFor: request.settings.returnFor,
        openedAt: request.openedAt,
        workflowId: request.workflowId,
      });
      return {
        status: round.status,
        freezesAt: round.freezesAt,
        policy: plan.policy ?? defaultPolicyFor(this.config.calendar),
        timezone: plan.timezone,
        unresolved: unresolved.map(({ actionId, ...state }) => ({ actionId, state })),
      };
    });
  }

  freezeRound(request: { planId: string; periodKey: string; frozenAt: string }): Promise<{ created: boolean }> {
    return this.dataSource.transaction(async (db) => {
      const round = await new ReportingRoundRepository(db).lock(request.planId, request.periodKey);
      if (!round) return { created: false };
      const { frozen } = await closeRound(db, round, { status: 'frozen', at: request.frozenAt });
      return { created: frozen };
    });
  }

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
