import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { DataSource } from 'typeorm';
import { NotificationPreferencesController } from '../../apps/api/notifications/notification-preferences.controller';
import { NotificationPreferencesDto } from '../../apps/api/notifications/notification-preferences.dto';
import { DEFAULT_SENDER_OPTIONS, MailSender, MailSenderOptions } from '../../apps/worker/notifications/mail-sender';
import { createMailTransport } from '../../apps/worker/notifications/mail-transport';
import { OutboxRouter } from '../../apps/worker/notifications/outbox-router';
import { nextWorkingDayAt } from '../../libs/domain/calendar';
import { MailOutboxRepository } from '../../libs/persistence/repositories/mail-outbox.repository';
import { startTestStack, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { connect, emailOf, enqueueNotice, Item, notificationRow, People, seedItem, seedPeople } from './support/fixtures';
import { SmtpPeer, startSmtpPeer } from './support/smtp-peer';

// Per-kind choices (immediately, daily digest, off; escalations always arrive) and the digest mails,
// one per reader and plan, read back from a real SMTP server.
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

  const router = () => new OutboxRouter(db, { smtpEnabled: true, timezone: 'Europe/Stockholm' });
  const sender = (options: Partial<MailSenderOptions> = {}) =>
    new MailSender(createMailTransport(smtp.url), new MailOutboxRepository(db), {
      ...DEFAULT_SENDER_OPTIONS,
      from: 'Bevaka <bevaka@kommun.se>',
      publicUrl: 'https://bevaka.kommun.se',
      timezone: 'Europe/Stockholm',
      ...options,
    });
  /** Another action of the plan, with an occurrence owned by `ownerId`. */
  const itemIn = async (planId: string, ownerId: string, title: string): Promise<Item> => {
    const [{ id: actionId }] = await db.query(`INSERT INTO action (plan_id, title, schedule_input, schedule, owner_person_ids) VALUES ($1, $2, '{}', '{}', $3) RETURNING id`, [planId, title, [ownerId]]);
    const [{ id: occurrenceId }] = await db.query(
      `INSERT INTO occurrence (action_id, plan_id, period_key, period_start, period_end, due_at, original_due_at, status, owner_person_ids, opened_at)
       VALUES ($1, $2, '2023H2', '2023-07-01', '2023-12-31', '2023-12-31T23:00:00Z', '2023-12-31T23:00:00Z', 'overdue', $3, now()) RETURNING id`,
      [actionId, planId, [ownerId]],
    );
    return { planId, actionId, occurrenceId };
  };
  const deliver = async () => {
    await router().routePending();
    return sender().sendDue();
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
    for (const [id, at] of [[reminder, '2024-01-08T05:00:00Z'], [overdue, '2024-01-08T05:01:00Z'], [repeat, '2024-01-08T05:02:00Z']]) await createdAt(id, at);
    const escalation = await enqueueNotice(db, item, people.ulla, 'escalation-1');
    // Made now: waits for the next working day's digest.
    const later = await enqueueNotice(db, item, people.ulla, 'reminder');

    expect(await deliver()).toBe(2);
    const toUlla = smtp.received.filter((m) => m.to.startsWith('ulla-'));
    const digestSubject = 'Bevaka: 2 notiser om Handlingsplan för näringslivsklimatet';
    expect(toUlla.map((m) => m.subject).sort()).toEqual([digestSubject, 'Eskalering steg 1: Informationsmöte om kommande upphandlingar är försenad']);
    const digest = toUlla.find((m) => m.subject === digestSubject)!;
    expect(digest.to).toBe(await emailOf(db, people.ulla));
    expect(digest.text).toMatch(/^1 +Informationsmöte om kommande upphandlingar +Ulla +3 dagar +påminnelse$/m);
    expect(digest.text).toMatch(/^2 +Informationsmöte om kommande upphandlingar +Ulla +3 dagar +försenad$/m);
    expect(digest.text).toContain(`https://bevaka.kommun.se/occurrences/${item.occurrenceId}?gora=klarmarkera`);

    expect(await notificationRow(db, reminder)).toMatchObject({ mail_state: 'sent', digest_key: `digest:${people.ulla}:2024-01-08T07:00:00.000Z:${item.planId}` });
    expect(await notificationRow(db, overdue)).toMatchObject({ mail_state: 'sent', message_id: (await notificationRow(db, reminder)).message_id });
    expect(await notificationRow(db, repeat)).toMatchObject({ mail_state: 'off', sent_at: null });
    expect(await notificationRow(db, escalation)).toMatchObject({ mail_state: 'sent', digest_key: null });
    const pending = await notificationRow(db, later);
    expect(pending).toMatchObject({ mail_state: 'queued', sent_at: null });
    expect((pending.mail_due_at as Date).toISOString()).toBe(nextWorkingDayAt((pending.created_at as Date).toISOString()));
    expect(await deliver()).toBe(0);
  });

  it('the morning after a period end: one digest mail per plan with its own rows, written once; escalations chosen at once come at once', async () => {
    const [{ id: disa }] = await db.query(`INSERT INTO person (name, email, roles, unit_id) VALUES ('Disa', $1, '{owner}', $2) RETURNING id`, [`disa-${Date.now()}@kommun.se`, people.samhallsbyggnad]);
    await preferences.put({ id: disa, roles: ['owner'], name: 'Disa', email: '', unitId: people.samhallsbyggnad }, { kinds: { reminder: 'digest', overdue: 'digest', repeat: 'digest' } });
    // Two plans: "Plan A" with two actions, "Plan B" with one, all Disa's and overdue since the period ended.
    const planA = await seedItem(db, disa);
    const planB = await seedItem(db, disa);
    await db.query(`UPDATE plan SET title = CASE id WHEN $1::uuid THEN 'Plan A' ELSE 'Plan B' END WHERE id = ANY($2::uuid[])`, [planA.planId, [planA.planId, planB.planId]]);
    const secondInA = await itemIn(planA.planId, disa, 'Trygghetsvandring');
    const notice = async (item: Item, kind: string, plan: string, action: string, at: string) => {
      const id = await enqueueNotice(db, item, disa, kind, { payload: { actionTitle: action, planTitle: plan, periodKey: '2023H2', dueInstant: '2023-12-31T23:00:00.000Z', lateSeconds: 7 * 86_400, step: 0 } });
      await createdAt(id, at);
      return id;
    };
    const a1 = await notice(planA, 'overdue', 'Plan A', 'Informationsmöte om kommande upphandlingar', '2024-01-08T05:00:00Z');
    const a2 = await notice(secondInA, 'overdue', 'Plan A', 'Trygghetsvandring', '2024-01-08T05:01:00Z');
    const b1 = await notice(planB, 'repeat', 'Plan B', 'Informationsmöte om kommande upphandlingar', '2024-01-08T05:02:00Z');
    const escalation = await notice(planA, 'escalation-1', 'Plan A', 'Informationsmöte om kommande upphandlingar', '2024-01-08T05:03:00Z');

    // The first digest is refused once by the SMTP server: retried, it is still one mail.
    smtp.refuseNext(1, 451);
    await router().routePending();
    await waitFor(
      async () => {
        await sender({ backoffBaseMs: 50 }).sendDue();
        return db.query(`SELECT DISTINCT mail_state FROM notification WHERE id = ANY($1::uuid[])`, [[a1, a2, b1, escalation]]);
      },
      { until: (states) => states.length === 1 && states[0].mail_state === 'sent', what: "Disa's mail sent" },
    );
    const toDisa = () => smtp.received.filter((m) => m.to.startsWith('disa-'));
    expect(toDisa().map((m) => m.subject).sort()).toEqual([
      'Bevaka: 1 notis om Plan B',
      'Bevaka: 2 notiser om Plan A',
      'Eskalering steg 1: Informationsmöte om kommande upphandlingar är försenad',
    ]);
    const digestA = toDisa().find((m) => m.subject.endsWith('Plan A'))!;
    const digestB = toDisa().find((m) => m.subject.endsWith('Plan B'))!;
    expect(digestA.text).toMatch(/^1 +Informationsmöte om kommande upphandlingar +Disa +7 dagar +försenad$/m);
    expect(digestA.text).toMatch(/^2 +Trygghetsvandring +Disa +7 dagar +försenad$/m);
    expect(digestA.text).toContain(`- Markera som klar: https://bevaka.kommun.se/occurrences/${secondInA.occurrenceId}?gora=klarmarkera`);
    expect(digestA.text).not.toContain(planB.occurrenceId);
    expect(digestA.html).toContain('<th align="left">Aktivitet</th><th align="left">Ansvariga</th><th align="left">Försenad / slutdatum</th><th align="left">Steg</th>');
    expect(digestA.html.match(/<tr><td>/g)).toHaveLength(2);
    expect(digestB.text).toMatch(/^1 +Informationsmöte om kommande upphandlingar +Disa +7 dagar +påminnelse igen$/m);
    expect(digestB.text).toContain(`https://bevaka.kommun.se/occurrences/${planB.occurrenceId}?gora=be-om-nytt-datum`);
    expect(digestB.html.match(/<tr><td>/g)).toHaveLength(1);
    expect(digestB.text).not.toContain(planA.occurrenceId);
    // A digest is about several occurrences: in no thread, but with where to stop such mail.
    for (const digest of [digestA, digestB]) {
      expect(digest.headers.get('in-reply-to')).toBeUndefined();
      expect(digest.headers.get('auto-submitted')).toBe('auto-generated');
      expect(digest.headers.get('list')).toMatchObject({ unsubscribe: { url: expect.stringMatching(/^https:\/\/bevaka\.kommun\.se\/api\/notifications\/unsubscribe\?token=/) } });
    }
    const attempts = await db.query(`SELECT outcome FROM notification_attempt WHERE notification_id = ANY($1::uuid[]) ORDER BY started_at`, [[a1, b1]]);
    expect(attempts.map((a: { outcome: string }) => a.outcome).sort()).toEqual(['failed', 'sent', 'sent']);
    expect(await db.query(`SELECT digest_key FROM notification_digest WHERE recipient_person_id = $1 ORDER BY digest_key`, [disa])).toEqual(
      [planA.planId, planB.planId].sort().map((planId) => ({ digest_key: `digest:${disa}:2024-01-08T07:00:00.000Z:${planId}` })),
    );
    // The escalation arrived on its own, at once (Disa chose so), not in the digest.
    expect(await notificationRow(db, escalation)).toMatchObject({ digest_key: null });
    expect(digestA.text).not.toContain('eskalering');

    // A notice of the same window that reaches the outbox after its digest went out is mailed
    // on its own: Plan A gets no second digest.
    const late = await notice(secondInA, 'repeat', 'Plan A', 'Trygghetsvandring', '2024-01-08T05:04:00Z');
    await router().routePending();
    expect(await notificationRow(db, late)).toMatchObject({ digest_key: `digest:${disa}:2024-01-08T07:00:00.000Z:${planA.planId}` });
    expect(await sender().sendDue()).toBe(1);
    expect(await notificationRow(db, late)).toMatchObject({ mail_state: 'sent', digest_key: null });
    expect(toDisa().map((m) => m.subject).filter((subject) => subject.startsWith('Bevaka:'))).toHaveLength(2);
    expect(toDisa().at(-1)!.subject).toBe('Fortfarande inte klar: Trygghetsvandring');
    expect(await sender().sendDue()).toBe(0);
  });

  it('a reader whose language is English gets the digest in English, as the SMTP server received it', async () => {
    const [{ id: eve }] = await db.query(`INSERT INTO person (name, email, roles, unit_id) VALUES ('Eve', $1, '{owner}', $2) RETURNING id`, [`eve-${Date.now()}@kommun.se`, people.samhallsbyggnad]);
    await preferences.put({ id: eve, roles: ['owner'], name: 'Eve', email: '', unitId: people.samhallsbyggnad }, { locale: 'en', kinds: { overdue: 'digest', repeat: 'digest' } });
    const first = await seedItem(db, eve);
    await db.query(`UPDATE plan SET title = 'Business climate plan' WHERE id = $1`, [first.planId]);
    const second = await itemIn(first.planId, eve, 'Safety walk');
    const notice = async (item: Item, kind: string, action: string, at: string) => {
      const id = await enqueueNotice(db, item, eve, kind, { payload: { actionTitle: action, planTitle: 'Business climate plan', periodKey: '2023H2', dueInstant: '2023-12-31T23:00:00.000Z', lateSeconds: 7 * 86_400, step: 0 } });
      await createdAt(id, at);
      return id;
    };
    await notice(first, 'overdue', 'Information meeting on coming procurements', '2024-01-08T05:00:00Z');
    await notice(second, 'repeat', 'Safety walk', '2024-01-08T05:01:00Z');

    expect(await deliver()).toBe(1);
    const toEve = smtp.received.filter((m) => m.to.startsWith('eve-'));
    expect(toEve.map((m) => m.subject)).toEqual(['Bevaka: 2 notices on Business climate plan']);
    const [digest] = toEve;
    expect(digest.text).toContain('Hello Eve,');
    expect(digest.text).toContain('Here is your digest for Business climate plan: 2 notices.');
    expect(digest.text).toMatch(/^# +Action +Responsible +Late \/ due +Step$/m);
    expect(digest.text).toMatch(/^1 +Information meeting on coming procurements +Eve +7 days +overdue$/m);
    expect(digest.text).toMatch(/^2 +Safety walk +Eve +7 days +reminder again$/m);
    expect(digest.text).toContain(`- Mark as done: https://bevaka.kommun.se/occurrences/${second.occurrenceId}?gora=klarmarkera`);
    expect(digest.text).toContain('You receive this e-mail from Bevaka. Choose which notices you get and how often: https://bevaka.kommun.se/aviseringar');
    expect(digest.html).toContain('<html lang="en">');
    expect(digest.html).toContain('<th align="left">Action</th><th align="left">Responsible</th><th align="left">Late / due</th><th align="left">Step</th><th align="left">Do it in Bevaka</th>');
    expect(digest.html.match(/<tr><td>/g)).toHaveLength(2);
    expect(digest.text).not.toMatch(/Aktivitet|Ansvariga|försenad|Markera som klar/);
    expect(digest.headers.get('list')).toMatchObject({ unsubscribe: { url: expect.stringMatching(/^https:\/\/bevaka\.kommun\.se\/api\/notifications\/unsubscribe\?token=/) } });
  });

  it('without SMTP, notices stay in the app only', async () => {
    const id = await enqueueNotice(db, item, people.kim, 'overdue');
    await new OutboxRouter(db, { smtpEnabled: false, timezone: 'Europe/Stockholm' }).routePending();
    expect(await notificationRow(db, id)).toMatchObject({ mail_state: 'in-app', read_at: null });
  });
});
