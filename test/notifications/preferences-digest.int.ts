import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { NotificationPreferencesController } from '../../apps/api/notifications/notification-preferences.controller';
import { NotificationPreferencesDto } from '../../apps/api/notifications/notification-preferences.dto';
import { DEFAULT_SENDER_OPTIONS, MailSender } from '../../apps/worker/notifications/mail-sender';
import { createMailTransport } from '../../apps/worker/notifications/mail-transport';
import { OutboxRouter } from '../../apps/worker/notifications/outbox-router';
import { nextWorkingDayAt } from '../../libs/domain/calendar';
import { MailOutboxRepository } from '../../libs/persistence/repositories/mail-outbox.repository';
import { startTestStack, TestStack } from '../support/test-stack';
import { connect, emailOf, enqueueNotice, Item, notificationRow, People, seedItem, seedPeople } from './support/fixtures';
import { SmtpPeer, startSmtpPeer } from './support/smtp-peer';

// Per-kind choices (immediately, daily digest, off; escalations always arrive) and the digest mail.
describe('notification preferences and daily digests', () => {
  let stack: TestStack;
  let db: DataSource;
  let smtp: SmtpPeer;
  let people: People;
  let item: Item;
  let preferences: NotificationPreferencesController;

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    db = await connect(stack.config.database.url as string);
    smtp = await startSmtpPeer();
    people = await seedPeople(db);
    item = await seedItem(db, people.ulla);
    preferences = new NotificationPreferencesController(db);
  });
  afterAll(async () => {
    await db?.destroy();
    await smtp?.close();
    await stack?.close();
  });

  const deliver = async () => {
    await new OutboxRouter(db, { smtpEnabled: true, timezone: 'Europe/Stockholm' }).routePending();
    const sender = new MailSender(createMailTransport(smtp.url), new MailOutboxRepository(db), {
      ...DEFAULT_SENDER_OPTIONS,
      from: 'Bevaka <bevaka@kommun.se>',
      publicUrl: 'https://bevaka.kommun.se',
      timezone: 'Europe/Stockholm',
    });
    return sender.sendDue();
  };
  const createdAt = (id: string, at: string) => db.query('UPDATE notification SET created_at = $2 WHERE id = $1', [id, at]);

  it('defaults to immediately and Swedish; a change keeps the other choices', async () => {
    const me = { id: people.ulla, roles: ['owner'], name: 'Ulla', email: 'ulla@kommun.se', unitId: people.samhallsbyggnad };
    expect(await preferences.get(me)).toEqual({
      locale: 'sv',
      kinds: { reminder: 'immediate', overdue: 'immediate', escalation: 'immediate', repeat: 'immediate', 'status-request': 'immediate', postponed: 'immediate', completed: 'immediate' },
    });
    const after = await preferences.put(me, { kinds: { reminder: 'digest', overdue: 'digest', repeat: 'off' } });
    expect(after.kinds).toMatchObject({ reminder: 'digest', overdue: 'digest', repeat: 'off', escalation: 'immediate' });
  });

  it('refuses to turn escalations off, and unknown kinds or choices', async () => {
    const errors = async (body: unknown) => (await validate(plainToInstance(NotificationPreferencesDto, body), { whitelist: true, forbidNonWhitelisted: true })).map((e) => JSON.stringify(e));
    expect(await errors({ kinds: { escalation: 'off' } })).toEqual([expect.stringContaining('escalations always arrive')]);
    expect(await errors({ kinds: { reminder: 'weekly' } })).toHaveLength(1);
    expect(await errors({ kinds: { gossip: 'off' } })).toHaveLength(1);
    expect(await errors({ locale: 'de' })).toHaveLength(1);
    expect(await errors({ locale: 'en', kinds: { escalation: 'digest', completed: 'off' } })).toEqual([]);
    // The database holds the same rule, whatever writes to it.
    await expect(db.query(`INSERT INTO notification_preference (person_id, kind, delivery) VALUES ($1, 'escalation', 'off')`, [people.kim])).rejects.toThrow(/check constraint/);
  });

  it('bundles digest notices into one mail at 08:00 on the working day; off is not mailed; escalations come at once', async () => {
    // Made at 06:00 on Monday 8 January 2024 (Stockholm): their digest went out at 08:00 that day.
    const reminder = await enqueueNotice(db, item, people.ulla, 'reminder');
    const overdue = await enqueueNotice(db, item, people.ulla, 'overdue');
    const repeat = await enqueueNotice(db, item, people.ulla, 'repeat');
    for (const id of [reminder, overdue, repeat]) await createdAt(id, '2024-01-08T05:00:00Z');
    const escalation = await enqueueNotice(db, item, people.ulla, 'escalation-1');
    // Made now: waits for the next working day's digest.
    const later = await enqueueNotice(db, item, people.ulla, 'reminder');

    expect(await deliver()).toBe(2);
    const toUlla = smtp.received.filter((m) => m.to.startsWith('ulla-'));
    expect(toUlla.map((m) => m.subject).sort()).toEqual(['Bevaka: 2 notiser', 'Eskalering steg 1: Informationsmöte om kommande upphandlingar är försenad']);
    const digest = toUlla.find((m) => m.subject === 'Bevaka: 2 notiser')!;
    expect(digest.to).toBe(await emailOf(db, people.ulla));
    expect(digest.text).toContain('• Påminnelse: Informationsmöte om kommande upphandlingar');
    expect(digest.text).toContain('• Försenad: Informationsmöte om kommande upphandlingar');
    expect(digest.text).toContain(`https://bevaka.kommun.se/occurrences/${item.occurrenceId}`);

    expect(await notificationRow(db, reminder)).toMatchObject({ mail_state: 'sent', digest_key: `digest:${people.ulla}:2024-01-08T07:00:00.000Z` });
    expect(await notificationRow(db, overdue)).toMatchObject({ mail_state: 'sent', message_id: (await notificationRow(db, reminder)).message_id });
    expect(await notificationRow(db, repeat)).toMatchObject({ mail_state: 'off', sent_at: null });
    expect(await notificationRow(db, escalation)).toMatchObject({ mail_state: 'sent', digest_key: null });
    const pending = await notificationRow(db, later);
    expect(pending).toMatchObject({ mail_state: 'queued', sent_at: null });
    expect((pending.mail_due_at as Date).toISOString()).toBe(nextWorkingDayAt((pending.created_at as Date).toISOString()));
    expect(await deliver()).toBe(0);
  });

  it('without SMTP, notices stay in the app only', async () => {
    const id = await enqueueNotice(db, item, people.kim, 'overdue');
    await new OutboxRouter(db, { smtpEnabled: false, timezone: 'Europe/Stockholm' }).routePending();
    expect(await notificationRow(db, id)).toMatchObject({ mail_state: 'in-app', read_at: null });
  });
});
