import { Inject, Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { noticeRecipients, RecipientContext } from '../../../libs/domain/escalation/recipients';
import { ladderStepOf, noticeFired, noticeKey, noticeReachesOwners } from '../../../libs/domain/occurrence/notices';
import { followedStatus } from '../../../libs/domain/plan/lifecycle';
import type { OccurrenceState, Owners } from '../../../libs/domain/occurrence/state';
import { ActionFacts, ActionRepository } from '../../../libs/persistence/repositories/action.repository';
import { NoticeRecord, OccurrenceStateRepository } from '../../../libs/persistence/repositories/occurrence-state.repository';
import { OrgChartRepository } from '../../../libs/persistence/repositories/org-chart.repository';
import type {
  CloseActionRequest,
  FireNoticesRequest,
  FireNoticesResult,
  FollowUpActivities,
  NoticeToFire,
  OpenOccurrenceRequest,
  OpenOccurrenceResult,
} from '../../../workflows/contracts/activities';

/**
 * The follow-up engine's I/O, run as local activities. Each is one transaction that checks what
 * the workflow asks against the database under row locks (the occurrence row is the arbiter), so
 * a notice made stale by a change the workflow has not heard of yet is refused, and a retried
 * activity finds its own work already done (unique keys) and writes nothing twice. Recipients are
 * resolved here, from the organisation chart as it is when the notice fires.
 */
@Injectable()
export class FollowUpActivitiesService implements FollowUpActivities {
  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) private readonly config: BevakaConfig,
  ) {}

  openOccurrence(request: OpenOccurrenceRequest): Promise<OpenOccurrenceResult> {
    return this.dataSource.transaction(async (db) => {
      const action = await new ActionRepository(db).lock(request.actionId, 'share');
      const status = action ? followedStatus(action.status, action.planArchived) : 'withdrawn';
      if (status === 'withdrawn') return { refused: 'withdrawn' };
      if (status === 'paused') return { refused: 'paused' };
      return { state: await new OccurrenceStateRepository(db).open(request) };
    });
  }

  fireNotices(request: FireNoticesRequest): Promise<FireNoticesResult> {
    return this.dataSource.transaction(async (db) => {
      const repository = new OccurrenceStateRepository(db);
      const { action, occurrences, statusReports } = await repository.lockForNotices(request.actionId, [...new Set(request.notices.map((n) => n.occurrenceId))]);
      const current = new Map<string, OccurrenceState>(occurrences.map((state) => [state.id, state]));
      const status = action ? followedStatus(action.status, action.planArchived) : 'withdrawn';
      if (!action || status === 'paused' || status === 'withdrawn') return { actionStatus: status, occurrences: [...current.values()], sent: [] };

      const today = DateTime.fromISO(request.firedAt, { zone: this.config.timezone }).toISODate() as string;
      const contexts = new ContextCache(new OrgChartRepository(db), today);
      const records: NoticeRecord[] = [];
      for (const notice of request.notices) {
        const before = current.get(notice.occurrenceId);
        if (!before) continue;
        const change = noticeFired(before, notice, request.firedAt);
        if (change.state === before) continue; // stale, already sent, or resolved meanwhile
        const recipients = noticeReachesOwners(before, notice, request.firedAt)
          ? noticeRecipients(ladderStepOf(notice, before.escalationStep), await contexts.for(before.owners))
          : { personIds: [] };
        records.push(noticeRecord(action, before, change, notice, recipients, request.firedAt, statusReports.has(before.id)));
        current.set(before.id, change.state);
      }
      await repository.recordNotices(records, { actionId: action.actionId, planId: action.planId });
      return {
        actionStatus: status,
        occurrences: [...current.values()],
        sent: records.map((r) => ({ periodKey: r.state.periodKey, key: noticeKey(r.kind, r.step), recipientPersonIds: r.recipientPersonIds })),
      };
    });
  }

  closeAction(request: CloseActionRequest): Promise<void> {
    return this.dataSource.transaction(async (db) => {
      await new OccurrenceStateRepository(db).cancelUnresolvedOf(request.actionId, request);
      await new ActionRepository(db).markWithdrawn(request.actionId, request.at);
    });
  }
}

/** The organisation chart around each distinct set of owners, read once per transaction. */
class ContextCache {
  private readonly cache = new Map<string, Promise<RecipientContext>>();
  constructor(
    private readonly org: OrgChartRepository,
    private readonly today: string,
  ) {}

  for(owners: Owners): Promise<RecipientContext> {
    const key = `${owners.personIds.join(',')}|${owners.unitIds.join(',')}`;
    let context = this.cache.get(key);
    if (!context) this.cache.set(key, (context = this.org.recipientContext(owners, this.today)));
    return context;
  }
}

function noticeRecord(
  action: ActionFacts,
  before: OccurrenceState,
  change: ReturnType<typeof noticeFired>,
  notice: NoticeToFire,
  recipients: { personIds: string[]; unitId?: string },
  firedAt: string,
  statusReport: boolean,
): NoticeRecord {
  const payload = {
    ...(statusReport ? { statusReport: true } : {}),
    actionTitle: action.title,
    planTitle: action.planTitle,
    periodKey: before.periodKey,
    dueInstant: before.dueInstant,
    lateSeconds: Math.max(0, Math.round((Date.parse(firedAt) - Date.parse(before.dueInstant)) / 1000)),
    step: notice.step,
    generation: before.generation,
    // A quota's notices say how far the period got: "4 av 6".
    ...(before.quota ? { quota: { count: before.quota.count, target: before.quota.target } } : {}),
  };
  const kind = notice.kind === 'escalation' ? `escalation-${notice.step + 1}` : notice.kind;
  return {
    state: change.state,
    kind: notice.kind,
    step: notice.step,
    generation: before.generation,
    firedAt,
    recipientPersonIds: recipients.personIds,
    escalation: notice.kind === 'escalation' ? { step: notice.step, targetPersonId: recipients.personIds[0] ?? null, targetUnitId: recipients.unitId ?? null } : undefined,
    notifications: recipients.personIds.map((personId) => ({
      dedupeKey: `${action.actionId}:${before.periodKey}:g${before.generation}:${notice.kind}:${notice.step}:${personId}`,
      recipientPersonId: personId,
      kind,
      payload,
    })),
    transition: change.transition,
  };
}
