import { randomUUID } from 'node:crypto';
import { Org, seedOrganisation } from '../../support/organisation';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../../libs/persistence/data-source';
import { NotificationRepository, OutboxEntry } from '../../../libs/persistence/repositories/notification.repository';

/** The suite's own connection to its test database, for arranging and asserting. */
export async function connect(url: string): Promise<DataSource> {
  const dataSource = new DataSource({ ...dataSourceOptions(url), extra: { max: 4 } });
  return dataSource.initialize();
}

/** Kommunledning (head Kim, kommunchef) above Samhällsbyggnad (head Ulla), where Olle works; Cora coordinates. */
export type People = Org;
export const seedPeople = seedOrganisation;

export async function emailOf(db: DataSource, personId: string): Promise<string> {
  return (await db.query('SELECT email FROM person WHERE id = $1', [personId]))[0].email;
}

export interface Item {
  planId: string;
  actionId: string;
  occurrenceId: string;
}

/** A plan with one action and one occurrence due at `due`, owned by `ownerId`. */
export async function seedItem(db: DataSource, ownerId: string, due = new Date(Date.now() - 3 * 86_400_000).toISOString()): Promise<Item> {
  const [{ id: planId }] = await db.query(`INSERT INTO plan (title, start_date) VALUES ('Handlingsplan för näringslivsklimatet', current_date) RETURNING id`);
  const [{ id: actionId }] = await db.query(
    `INSERT INTO action (plan_id, title, schedule_input, schedule, owner_person_ids) VALUES ($1, 'Informationsmöte om kommande upphandlingar', '{}', '{}', $2) RETURNING id`,
    [planId, [ownerId]],
  );
  const [{ id: occurrenceId }] = await db.query(
    `INSERT INTO occurrence (action_id, plan_id, period_key, period_start, period_end, due_at, original_due_at, status, owner_person_ids, opened_at)
     VALUES ($1, $2, '2024H1', '2024-01-01', '2024-06-30', $3, $3, 'overdue', $4, now()) RETURNING id`,
    [actionId, planId, due, [ownerId]],
  );
  return { planId, actionId, occurrenceId };
}

/** Queues one notice as the engine's deliverNotice does; returns its outbox id. */
export async function enqueueNotice(db: DataSource, item: Item, recipientPersonId: string, kind: string, extra: Partial<OutboxEntry> = {}): Promise<string> {
  const dedupeKey = extra.dedupeKey ?? `${item.actionId}:2024H1:g0:${kind}:${randomUUID()}:${recipientPersonId}`;
  await new NotificationRepository(db.manager).enqueue([
    {
      dedupeKey,
      recipientPersonId,
      kind,
      planId: item.planId,
      actionId: item.actionId,
      occurrenceId: item.occurrenceId,
      payload: { actionTitle: 'Informationsmöte om kommande upphandlingar', planTitle: 'Handlingsplan för näringslivsklimatet', periodKey: '2024H1', dueInstant: '2024-03-28T15:00:00.000Z', lateSeconds: 3 * 86_400, step: 0 },
      ...extra,
    },
  ]);
  return (await db.query('SELECT id FROM notification WHERE dedupe_key = $1', [dedupeKey]))[0].id;
}

export async function notificationRow(db: DataSource, id: string): Promise<Record<string, unknown>> {
  return (await db.query('SELECT * FROM notification WHERE id = $1', [id]))[0];
}

export async function attemptsOf(db: DataSource, id: string): Promise<Array<{ attempt: number; outcome: string | null; error: string | null; finished_at: Date | null }>> {
  return db.query('SELECT attempt, outcome, error, finished_at FROM notification_attempt WHERE notification_id = $1 ORDER BY attempt', [id]);
}
