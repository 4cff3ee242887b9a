import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, EntityManager } from 'typeorm';
import { actingPerson, escalationTarget } from '../../../libs/domain/escalation/ladder';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { NotificationRepository, OutboxEntry } from '../../../libs/persistence/repositories/notification.repository';
import { OccurrenceRepository } from '../../../libs/persistence/repositories/occurrence.repository';
import { OrgChartRepository } from '../../../libs/persistence/repositories/org-chart.repository';
import { ReportRepository } from '../../../libs/persistence/repositories/report.repository';
import type { EngineActivities, NoticeRequest, NoticeResult, TransitionRecord } from '../../../workflows/contracts/activities';
import type { OccurrenceInput, Owners, ReportingPeriod } from '../../../workflows/contracts/engine';

/**
 * The engine's I/O. Each activity is one transaction and idempotent by keys the workflow computed,
 * so Temporal may retry it (or a killed worker's successor may run it again) without a duplicate.
 * Escalation targets are resolved here, from the organisation chart as it is when the step fires.
 */
@Injectable()
export class EngineActivitiesService implements EngineActivities {
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
    await this.dataSource.query('UPDATE action SET status = $2, updated_at = $3 WHERE id = $1', [input.actionId, input.status, input.at]);
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
    crashIfInjected(notice);
    return result;
  }

  async requestStatusLines(input: { planId: string; period: ReportingPeriod; firedAt: string }): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const actions: Array<{ id: string; title: string; owner_person_ids: string[]; owner_unit_ids: string[] }> = await db.query(
        `SELECT id, title, owner_person_ids, owner_unit_ids FROM action
          WHERE plan_id = $1 AND status = 'active' AND schedule->>'kind' = 'continuous'`,
        [input.planId],
      );
      const org = new OrgChartRepository(db);
      const today = DateTime.fromISO(input.firedAt, { zone: this.config.timezone }).toISODate() as string;
      const entries: OutboxEntry[] = [];
      for (const action of actions) {
        const owners = await ownerPersons(org, { personIds: action.owner_person_ids, unitIds: action.owner_unit_ids }, today);
        for (const personId of owners) {
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
  const [row] = await db.query('SELECT a.title AS action_title, p.title AS plan_title FROM action a JOIN plan p ON p.id = a.plan_id WHERE a.id = $1', [notice.actionId]);
  const lateSeconds = Math.max(0, Math.round((Date.parse(notice.firedAt) - Date.parse(notice.dueInstant)) / 1000));
  return {
    actionTitle: row?.action_title,
    planTitle: row?.plan_title,
    periodKey: notice.periodKey,
    dueInstant: notice.dueInstant,
    lateSeconds,
    step: notice.step,
    generation: notice.generation,
  };
}

/**
 * Fault injection for the crash tests: with BEVAKA_FAULT_CRASH_AFTER_NOTICE=<kind>, the worker
 * process dies (SIGKILL, no cleanup) right after the notice's transaction commits and before
 * Temporal hears the activity completed — the worst moment for exactly-once delivery.
 */
function crashIfInjected(notice: NoticeRequest): void {
  const kind = process.env.BEVAKA_FAULT_CRASH_AFTER_NOTICE;
  if (kind && kind === `${notice.kind}:${notice.step}`) process.kill(process.pid, 'SIGKILL');
}
