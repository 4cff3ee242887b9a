import { spawn } from 'node:child_process';
import path from 'node:path';
import { DataSource } from 'typeorm';
import { DEFAULT_SENDER_OPTIONS, MailSender, MailSenderOptions } from '../../apps/worker/notifications/mail-sender';
import { createMailTransport } from '../../apps/worker/notifications/mail-transport';
import { OutboxRouter } from '../../apps/worker/notifications/outbox-router';
import { MailOutboxRepository } from '../../libs/persistence/repositories/mail-outbox.repository';
import { startTestStack, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { attemptsOf, connect, emailOf, enqueueNotice, Item, notificationRow, People, seedItem, seedPeople } from './support/fixtures';
import { SmtpPeer, startSmtpPeer } from './support/smtp-peer';

// Mail from the outbox to a real SMTP server: attempts, retries with backoff, and exactly one
// message per notice even when the sender is killed between the SMTP exchange and its record.
describe('mail delivery from the outbox', () => {
  let stack: TestStack;
  let db: DataSource;
  let smtp: SmtpPeer;
  let people: People;
  let item: Item;
  const fast: MailSenderOptions = {
    ...DEFAULT_SENDER_OPTIONS,
    from: 'Bevaka <bevaka@kommun.se>',
    publicUrl: 'https://bevaka.kommun.se',
    timezone: 'Europe/Stockholm',
    leaseMs: 1500,
    sendTimeoutMs: 750,
    backoffBaseMs: 200,
    maxAttempts: 3,
  };

  beforeAll(async () => {
    stack = await startTestStack({ worker: false });
    db = await connect(stack.config.database.url as string);
    smtp = await startSmtpPeer();
    people = await seedPeople(db, { kim: 'en' });
    item = await seedItem(db, people.olle);
  });
  afterAll(async () => {
    await db?.destroy();
    await smtp?.close();
    await stack?.close();
  });

  const outbox = () => new MailOutboxRepository(db);
  const router = () => new OutboxRouter(db, { smtpEnabled: true, timezone: 'Europe/Stockholm' });
  const sender = (options: Partial<MailSenderOptions> = {}) => new MailSender(createMailTransport(smtp.url), outbox(), { ...fast, ...options });
  const receivedFor = (dedupeKey: string) => smtp.received.filter((m) => String(m.headers.get('x-bevaka-dedupe-key')) === dedupeKey);
  const dedupeKeyOf = async (id: string) => (await notificationRow(db, id)).dedupe_key as string;

  it('sends a queued notice once, in Swedish, with a link, and records the attempt', async () => {
    const id = await enqueueNotice(db, item, people.olle, 'overdue');
    await router().routePending();
    expect(await sender().sendDue()).toBe(1);
    expect(await sender().sendDue()).toBe(0); // nothing left: sent means sent

    const [mail] = receivedFor(await dedupeKeyOf(id));
    expect(mail.to).toBe(await emailOf(db, people.olle));
    expect(mail.subject).toBe('Försenad: Informationsmöte om kommande upphandlingar');
    expect(mail.text).toContain('Plan: Handlingsplan för näringslivsklimatet');
    expect(mail.text).toContain('Försenad: 3 dagar');
    expect(mail.text).toContain('28 mars 2024 kl. 16:00'); // the due instant in Stockholm time
    expect(mail.text).toContain(`https://bevaka.kommun.se/occurrences/${item.occurrenceId}`);
    const row = await notificationRow(db, id);
    expect(row).toMatchObject({ mail_state: 'sent', attempts: 1 });
    expect(row.sent_at).toBeInstanceOf(Date);
    expect(mail.messageId).toBe(row.message_id);
    expect(await attemptsOf(db, id)).toEqual([expect.objectContaining({ attempt: 1, outcome: 'sent', error: null })]);
  });

  it('writes English to a person who chose English, escalation step included', async () => {
    const id = await enqueueNotice(db, item, people.kim, 'escalation-2');
    await router().routePending();
    await sender().sendDue();
    const [mail] = receivedFor(await dedupeKeyOf(id));
    expect(mail.subject).toBe('Escalation step 2: Informationsmöte om kommande upphandlingar is overdue');
    expect(mail.text).toContain('is 3 days late');
    expect(mail.html).toContain(`href="https://bevaka.kommun.se/occurrences/${item.occurrenceId}"`);
  });

  it('retries a temporary refusal with backoff, recording each attempt, then delivers', async () => {
    const id = await enqueueNotice(db, item, people.olle, 'reminder');
    await router().routePending();
    smtp.refuseNext(2, 451);
    await waitFor(
      async () => {
        await sender().sendDue();
        return (await notificationRow(db, id)).mail_state;
      },
      { until: (state) => state === 'sent', what: 'delivery after two refusals', timeoutMs: 15_000 },
    );
    const attempts = await attemptsOf(db, id);
    expect(attempts.map((a) => a.outcome)).toEqual(['failed', 'failed', 'sent']);
    expect(attempts[0].error).toContain('451');
    expect(receivedFor(await dedupeKeyOf(id))).toHaveLength(1);
    // The retry waited for its backoff (base 200 ms, ±20 % jitter) after the first refusal.
    const [first, second] = await db.query('SELECT started_at FROM notification_attempt WHERE notification_id = $1 ORDER BY attempt', [id]);
    const [firstFinished] = attempts;
    expect(second.started_at.getTime() - (firstFinished.finished_at as Date).getTime()).toBeGreaterThanOrEqual(150);
    expect(first.started_at.getTime()).toBeLessThanOrEqual(second.started_at.getTime());
  });

  it('gives up at once on a permanent refusal', async () => {
    const id = await enqueueNotice(db, item, people.olle, 'repeat');
    await router().routePending();
    smtp.refuseNext(1, 550);
    await sender().sendDue();
    expect(await notificationRow(db, id)).toMatchObject({ mail_state: 'failed', attempts: 1 });
    expect((await attemptsOf(db, id))[0]).toMatchObject({ outcome: 'failed' });
    expect(receivedFor(await dedupeKeyOf(id))).toHaveLength(0);
  });

  it('a claim whose sender died before SMTP is recovered and sent once', async () => {
    const id = await enqueueNotice(db, item, people.olle, 'status-request');
    await router().routePending();
    const claim = await outbox().claimNext(fast.leaseMs, () => '<abandoned@kommun.se>'); // ...and then the sender "dies"
    expect(claim?.rows.map((r) => r.id)).toEqual([id]);
    await waitFor(
      async () => {
        await outbox().recoverExpired();
        await sender().sendDue();
        return (await notificationRow(db, id)).mail_state;
      },
      { until: (state) => state === 'sent', what: 'recovery of the abandoned claim' },
    );
    expect((await attemptsOf(db, id)).map((a) => a.outcome)).toEqual(['abandoned', 'sent']);
    const mails = receivedFor(await dedupeKeyOf(id));
    expect(mails).toHaveLength(1);
    expect(mails[0].messageId).toBe('<abandoned@kommun.se>'); // the Message-ID fixed at the first claim
  });

  it('a sender killed between the SMTP exchange and its record: the peer has exactly one message, never resent', async () => {
    const id = await enqueueNotice(db, item, people.ulla, 'escalation-1');
    await router().routePending();
    const child = spawn(process.execPath, ['-r', '@swc-node/register', path.join(__dirname, 'support', 'crash-sender.ts')], {
      env: { ...process.env, DATABASE_URL: stack.config.database.url, SMTP_URL: smtp.url, LEASE_MS: String(fast.leaseMs) },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const exit = await new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
    expect(exit).toEqual({ code: null, signal: 'SIGKILL' });
    const key = await dedupeKeyOf(id);
    expect(receivedFor(key)).toHaveLength(1);
    expect(await notificationRow(db, id)).toMatchObject({ mail_state: 'transmitting' });

    // Any sender's recovery presumes it sent once the dead sender's lease is over; nothing resends it.
    await waitFor(
      async () => {
        await outbox().recoverExpired();
        await sender().sendDue();
        return (await notificationRow(db, id)).mail_state;
      },
      { until: (state) => state === 'presumed-sent', what: 'recovery of the crashed claim' },
    );
    await sender().sendDue();
    expect(receivedFor(key)).toHaveLength(1);
    expect(await attemptsOf(db, id)).toEqual([expect.objectContaining({ attempt: 1, outcome: 'unknown', error: 'sender stopped while transmitting' })]);
  });

  it('mails nothing to a deactivated person: not when routed, and not when deactivated after it was queued', async () => {
    const [{ id: petra }] = await db.query(`INSERT INTO person (name, email, roles) VALUES ('Petra', $1, '{owner}') RETURNING id`, [`petra-${Date.now()}@kommun.se`]);
    const queued = await enqueueNotice(db, item, petra, 'overdue');
    await router().routePending();
    expect(await notificationRow(db, queued)).toMatchObject({ mail_state: 'queued' });
    await db.query('UPDATE person SET deactivated_at = now() WHERE id = $1', [petra]);
    const pending = await enqueueNotice(db, item, petra, 'reminder');
    await router().routePending();
    expect(await outbox().dropForDeactivated()).toBe(1);
    await sender().sendDue();
    expect(await notificationRow(db, pending)).toMatchObject({ mail_state: 'off' });
    expect(await notificationRow(db, queued)).toMatchObject({ mail_state: 'off', last_error: 'recipient deactivated', attempts: 0 });
    for (const id of [queued, pending]) expect(receivedFor(await dedupeKeyOf(id))).toEqual([]);
    // Both stay in the app's list (for the history), and a reactivated person gets mail again.
    await db.query('UPDATE person SET deactivated_at = NULL WHERE id = $1', [petra]);
    const later = await enqueueNotice(db, item, petra, 'overdue');
    await router().routePending();
    await sender().sendDue();
    expect(receivedFor(await dedupeKeyOf(later))).toHaveLength(1);
  });
});
