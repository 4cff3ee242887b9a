import request from 'supertest';
import { DataSource } from 'typeorm';
import { DEFAULT_SENDER_OPTIONS, MailSender } from '../../apps/worker/notifications/mail-sender';
import { createMailTransport } from '../../apps/worker/notifications/mail-transport';
import { OutboxRouter } from '../../apps/worker/notifications/outbox-router';
import { MailOutboxRepository } from '../../libs/persistence/repositories/mail-outbox.repository';
import { NotificationPreferenceRepository } from '../../libs/persistence/repositories/notification-preference.repository';
import { startTestStack, TestStack } from '../support/test-stack';
import { connect, enqueueNotice, Item, notificationRow, People, seedItem, seedPeople } from './support/fixtures';
import { SmtpPeer, startSmtpPeer } from './support/smtp-peer';

// RFC 8058: the List-Unsubscribe URL of a mail, read from a real SMTP server, POSTed to the API
// without a session as a mail client does; it turns that reader's notice mail down, and a
// forged or malformed token changes nothing.
describe('one-click unsubscribe from a mail', () => {
  let stack: TestStack;
  let db: DataSource;
  let smtp: SmtpPeer;
  let people: People;
  let item: Item;

  beforeAll(async () => {
    stack = await startTestStack({ api: true, worker: false });
    db = await connect(stack.config.database.url as string);
    smtp = await startSmtpPeer();
    people = await seedPeople(db);
    item = await seedItem(db, people.olle);
  });
  afterAll(async () => {
    await db?.destroy();
    await smtp?.close();
    await stack?.close();
  });

  const mailTo = async (personId: string, kind: string, publicUrl = 'https://bevaka.kommun.se') => {
    const id = await enqueueNotice(db, item, personId, kind);
    await new OutboxRouter(db, { smtpEnabled: true, timezone: 'Europe/Stockholm' }).routePending();
    const sender = new MailSender(createMailTransport(smtp.url), new MailOutboxRepository(db), { ...DEFAULT_SENDER_OPTIONS, from: 'Bevaka <bevaka@kommun.se>', publicUrl, timezone: 'Europe/Stockholm' });
    await sender.sendDue();
    const dedupeKey = (await notificationRow(db, id)).dedupe_key as string;
    return { id, mail: smtp.received.find((m) => String(m.headers.get('x-bevaka-dedupe-key')) === dedupeKey) };
  };
  const preferencesOf = async (personId: string) => (await new NotificationPreferenceRepository(db.manager).get(personId))!.kinds;
  const allPreferences = () => db.query(`SELECT person_id, kind, delivery, updated_at FROM notification_preference ORDER BY person_id, kind`);
  /** POSTs as a mail client does: no session, the RFC 8058 body. */
  const oneClick = (pathAndQuery: string) =>
    request(stack.api!.getHttpServer()).post(pathAndQuery).set('Content-Type', 'application/x-www-form-urlencoded').send('List-Unsubscribe=One-Click');

  it('carries the one-click URL and its Post header; the POST turns mail off (escalations to the digest), again and again', async () => {
    const { mail } = await mailTo(people.olle, 'overdue');
    expect(mail).toBeDefined();
    const url = new URL((mail!.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url);
    expect(`${url.origin}${url.pathname}`).toBe('https://bevaka.kommun.se/api/notifications/unsubscribe');
    expect(url.searchParams.get('token')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(mail!.headers.get('list')).toMatchObject({ help: { url: 'https://bevaka.kommun.se/aviseringar' } });
    expect(mail!.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // RFC 8058: the one https URI in List-Unsubscribe is the one-click one.
    expect(mail!.rawHeaders['list-unsubscribe']).toBe(`<${url.href}>`);
    // The reader's token is the same in every mail to them, and nobody else's.
    const second = await mailTo(people.olle, 'reminder');
    expect((second.mail!.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url).toBe(url.href);
    const ulla = await mailTo(people.ulla, 'overdue');
    expect((ulla.mail!.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url).not.toBe(url.href);

    // Opened in a browser (a GET, as a link checker might too), it shows the settings and changes nothing.
    const opened = await request(stack.api!.getHttpServer()).get(url.pathname + url.search);
    expect([opened.status, opened.headers.location]).toEqual([303, '/aviseringar']);
    expect(await preferencesOf(people.olle)).toMatchObject({ overdue: 'immediate' });

    const ullaBefore = await preferencesOf(people.ulla);
    const response = await oneClick(url.pathname + url.search);
    expect(response.status).toBe(200);
    const unsubscribed = { reminder: 'off', overdue: 'off', escalation: 'digest', repeat: 'off', 'status-request': 'off', postponed: 'off', completed: 'off' };
    expect(response.body).toEqual({ kinds: unsubscribed });
    expect(await preferencesOf(people.olle)).toEqual(unsubscribed);
    expect(await preferencesOf(people.ulla)).toEqual(ullaBefore);
    // Idempotent: a mail client may send it twice.
    const again = await oneClick(url.pathname + url.search);
    expect([again.status, again.body]).toEqual([200, { kinds: unsubscribed }]);

    // From now on Olle's notices stay in the app; his escalations come in the digest.
    const { id: overdue } = await mailTo(people.olle, 'overdue');
    expect(await notificationRow(db, overdue)).toMatchObject({ mail_state: 'off' });
    const { id: escalation } = await mailTo(people.olle, 'escalation-1');
    expect(await notificationRow(db, escalation)).toMatchObject({ mail_state: 'queued', digest_key: expect.stringMatching(/^digest:/) });
  });

  it('refuses a forged, malformed or missing token with a 4xx and writes nothing', async () => {
    const { mail } = await mailTo(people.kim, 'escalation-2');
    const real = new URL((mail!.headers.get('list') as { unsubscribe: { url: string } }).unsubscribe.url).searchParams.get('token')!;
    const forged = `${real.slice(0, -1)}${real.endsWith('A') ? 'B' : 'A'}`;
    const before = await allPreferences();
    const cases: Array<[string, number, string]> = [
      [`/api/notifications/unsubscribe?token=${forged}`, 404, 'NOT_FOUND'],
      ['/api/notifications/unsubscribe?token=x', 400, 'VALIDATION_FAILED'],
      ['/api/notifications/unsubscribe', 400, 'VALIDATION_FAILED'],
      [`/api/notifications/unsubscribe?token=${real}&token=${real}`, 400, 'VALIDATION_FAILED'],
      ['/api/notifications/unsubscribe?token=a%00b', 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, status, code] of cases) {
      const response = await oneClick(path);
      expect([path, response.status, response.body.error?.code]).toEqual([path, status, code]);
    }
    expect(await allPreferences()).toEqual(before);
    // A deactivated person's link no longer answers.
    await db.query('UPDATE person SET deactivated_at = now() WHERE id = $1', [people.kim]);
    expect((await oneClick(`/api/notifications/unsubscribe?token=${real}`)).status).toBe(404);
    await db.query('UPDATE person SET deactivated_at = NULL WHERE id = $1', [people.kim]);
    expect(await allPreferences()).toEqual(before);
  });

  it('over plain http, where one-click is not allowed, List-Unsubscribe points at the preferences page', async () => {
    const { mail } = await mailTo(people.cora, 'completed', 'http://localhost:3000');
    expect(mail!.headers.get('list')).toEqual({ unsubscribe: { url: 'http://localhost:3000/aviseringar' } });
    expect(mail!.rawHeaders['list-unsubscribe']).toBe('<http://localhost:3000/aviseringar>');
    expect(mail!.rawHeaders['list-unsubscribe-post']).toBeUndefined();
    expect(mail!.rawHeaders['list-help']).toBeUndefined();
  });
});
