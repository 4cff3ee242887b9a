import { DataSource } from 'typeorm';
import { nextWorkingDayAt } from '../../../libs/domain/calendar';
import type { OutboxEntry } from '../../../libs/persistence/repositories/notification.repository';
import { OccurrenceEventForNotice, OutboxRoutingRepository, PendingNotice } from '../../../libs/persistence/repositories/outbox-routing.repository';

export interface RouterOptions {
  /** Without SMTP, notices stay in the app: they are marked so, and not mailed if SMTP comes later. */
  smtpEnabled: boolean;
  timezone: string;
  calendar?: 'SE' | 'DK' | 'NO';
  batchSize?: number;
}

/** When a notice goes out by mail, given the recipient's choice for its kind; never to a deactivated person. */
export function mailRoute(notice: Pick<PendingNotice, 'recipientPersonId' | 'planId' | 'createdAt' | 'delivery' | 'recipientActive'>, options: RouterOptions): { state: 'queued' | 'off' | 'in-app'; dueAt?: string; digestKey?: string } {
  if (!options.smtpEnabled) return { state: 'in-app' };
  if (!notice.recipientActive) return { state: 'off' };
  if (notice.delivery === 'off') return { state: 'off' };
  if (notice.delivery === 'immediate') return { state: 'queued' };
  // The daily digest: 08:00 local on the next working day (today's, if it is still ahead).
  const dueAt = nextWorkingDayAt(notice.createdAt, { timezone: options.timezone, country: options.calendar });
  return { state: 'queued', dueAt, digestKey: digestKeyOf(notice.recipientPersonId, notice.planId, dueAt) };
}

/**
 * One digest mail per reader, plan and window: the key the outbox groups a digest's notices by,
 * and (in notification_digest) the unique key that lets the mail be written only once. Notices
 * of no plan share a digest of their own.
 */
export function digestKeyOf(recipientPersonId: string, planId: string | null, dueAt: string): string {
  return `digest:${recipientPersonId}:${dueAt}:${planId ?? 'no-plan'}`;
}

/** The outbox rows a postponement or a completion produces, one per recipient. */
export function eventNotices(event: OccurrenceEventForNotice, recipients: string[]): OutboxEntry[] {
  const completed = event.kind === 'completed';
  const dueInstant = completed ? event.dueAt : ((event.data.dueInstant as string) ?? event.dueAt);
  const lateSeconds = completed ? Math.max(0, Math.round((Date.parse(event.at) - Date.parse(event.dueAt)) / 1000)) : 0;
  const payload = {
    actionTitle: event.actionTitle,
    planTitle: event.planTitle,
    periodKey: event.periodKey,
    dueInstant,
    lateSeconds,
    actorName: event.actorName ?? undefined,
    reason: completed ? undefined : event.data.reason,
    note: completed ? event.data.note : undefined,
    onTime: completed ? event.data.onTime === true : undefined,
    at: event.at,
  };
  return recipients.map((personId) => ({
    dedupeKey: `event:${event.eventId}:${personId}`,
    recipientPersonId: personId,
    kind: event.kind,
    planId: event.planId,
    actionId: event.actionId,
    occurrenceId: event.occurrenceId,
    payload,
  }));
}

/**
 * Routes outbox rows by preference and turns the engine's postponements and completions into
 * notices, without touching the workflows: the engine records those transitions in
 * occurrence_event, and this reads them back. Each batch is one transaction.
 */
export class OutboxRouter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly options: RouterOptions,
  ) {}

  async routePending(): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const repo = new OutboxRoutingRepository(db);
      const pending = await repo.lockPending(this.options.batchSize ?? 200);
      await repo.route(pending.map((notice) => ({ id: notice.id, ...mailRoute(notice, this.options) })));
      return pending.length;
    });
  }

  /** Postponement: the owners and the coordinator, not whoever postponed. Completion: the coordinator. Active people only. */
  async notifyFromEvents(): Promise<number> {
    return this.dataSource.transaction(async (db) => {
      const repo = new OutboxRoutingRepository(db);
      let created = 0;
      for (const event of await repo.newOccurrenceEvents(this.options.batchSize ?? 200)) {
        if (!(await repo.claimEvent(event.eventId))) continue;
        const coordinators = await repo.coordinatorsOf(event.planCreatedBy);
        const recipients =
          event.kind === 'completed'
            ? coordinators
            : [...new Set([...(await repo.ownersOf(event.ownerPersonIds, event.ownerUnitIds)), ...coordinators])].filter((p) => p !== event.actorPersonId);
        created += await repo.enqueue(eventNotices(event, await repo.activeAmong(recipients)));
      }
      return created;
    });
  }
}
