import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import { actingPerson, escalationTarget } from '../../../libs/domain/escalation/ladder';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { NotificationRepository, OutboxEntry } from '../../../libs/persistence/repositories/notification.repository';
import { OccurrenceRepository } from '../../../libs/persistence/repositories/occurrence.repository';
import { OrgChartRepository } from '../../../libs/persistence/repositories/org-chart.repository';
import type { Owners } from '../../../workflows/contracts/engine';
import type { LegacyOccurrenceInput as OccurrenceInput } from '../../../workflows/contracts/legacy';
import type { LegacyEngineActivities, NoticeRequest, NoticeResult, TransitionRecord } from '../../../workflows/contracts/legacy-activities';

/**
 * The activities of the engine's first version (workflows/legacy), kept for its running workflows;
 * do not change what they write. Each activity is one transaction and idempotent by keys the workflow computed,
 * so Temporal may retry it (or a killed worker's successor may run it again) without a duplicate.
 * Escalation targets are resolved here, from the organisation chart as it is when the step fires.
 */
@Injectable()
export class LegacyEngineActivitiesService implements LegacyEngineActivities {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  recordOccurrenceOpened(input: OccurrenceInput & { openedAt: string }): Promise<void> {
    return this.dataSource.transaction((db) => new OccurrenceRepository(db).recordOpened(input));
  }

  recordTransition(transition: TransitionRecord): Promise<void> {
    return this.dataSource.transaction((db) => new OccurrenceRepository(db).recordTransition(transition));
  }

  async recordActionStatus(input: { actionId: string; status: string; at: string }): Promise<void> {
    await new ActionRepository(this.dataSource.manager).setStatusAt(input.actionId, input.status, input.at);
  }

  async deliverNotice(notice: NoticeRequest): Promise<NoticeResult> {
    const result = await this.dataSource.transaction(async (db) => {
      const occurrences = new OccurrenceRepository(db);
      const occurrenceId = await occurrences.idOf(notice.actionId, notice.periodKey);
      const today = DateTime.fromISO(notice.firedAt, { zone: this.config.timezone }).toISODate() as string;
      const recipients = await noticeRecipients(db, notice, today);
      if (notice.kind === 'escalation') {
        await occurrences.recordEscalation({
          occurrenceId,
          generation: notice.generation,
          step: notice.step,
          targetPersonId: recipients.personIds[0] ?? null,
          targetUnitId: recipients.unitId ?? null,
          at: notice.firedAt,
        });
      }
      const payload = await noticePayload(db, notice);
      const entries: OutboxEntry[] = recipients.personIds.map((personId) => ({
        dedupeKey: `${notice.actionId}:${notice.periodKey}:g${notice.generation}:${notice.kind}:${notice.step}:${personId}`,
        recipientPersonId: personId,
        kind: notice.kind === 'escalation' ? `escalation-${notice.step + 1}` : notice.kind,
        planId: notice.planId,
        actionId: notice.actionId,
        occurrenceId,
        payload,
      }));
      await new NotificationRepository(db).enqueue(entries);
      return { recipientPersonIds: recipients.personIds };
    });
    return result;
  }
}

/** Owners for reminders and overdue notices; the ladder for escalations; the last step for repeats. */
async function noticeRecipients(db: EntityManager, notice: NoticeRequest, today: string): Promise<{ personIds: string[]; unitId?: string }> {
  const org = new OrgChartRepository(db);
  const ladderStep = notice.kind === 'escalation' ? notice.step : notice.kind === 'repeat' ? (notice.ladderStep ?? -1) : -1;
  if (ladderStep < 0) {
    // Balanslista: an action nobody owns yet is the coordinator's to hear about until someone does.
    const owners = await ownerPersons(org, notice.owners, today);
    return { personIds: owners.length ? owners : await org.coordinators() };
  }
  const baseUnit = notice.owners.personIds.length ? await org.unitOfPerson(notice.owners.personIds[0]) : notice.owners.unitIds[0];
  const chain = baseUnit ? await org.chainUp(baseUnit) : [];
  const target = escalationTarget(chain, notice.owners.personIds, ladderStep);
  if (!target) return { personIds: await org.coordinators() }; // nobody above: the coordinator must act
  const substitutes = await org.substitutesOn([target.personId], today);
  return { personIds: [actingPerson(target.personId, today, substitutes)], unitId: target.unitId };
}

async function ownerPersons(org: OrgChartRepository, owners: Owners, today: string): Promise<string[]> {
  const people = [...owners.personIds, ...(await org.headsOfUnits(owners.unitIds))];
  const substitutes = await org.substitutesOn(people, today);
  return [...new Set(people.map((p) => actingPerson(p, today, substitutes)))];
}

async function noticePayload(db: EntityManager, notice: NoticeRequest): Promise<Record<string, unknown>> {
  const titles = await new ActionRepository(db).titles(notice.actionId);
  const lateSeconds = Math.max(0, Math.round((Date.parse(notice.firedAt) - Date.parse(notice.dueInstant)) / 1000));
  return {
    actionTitle: titles?.actionTitle,
    planTitle: titles?.planTitle,
    periodKey: notice.periodKey,
    dueInstant: notice.dueInstant,
    lateSeconds,
    step: notice.step,
    generation: notice.generation,
  };
}
