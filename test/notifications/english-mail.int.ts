import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { startTestStack, startWorker, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { connect, emailOf, enqueueNotice, People, seedItem, seedPeople } from './support/fixtures';
import { outboxOf, startAction } from './support/engine';
import { ReceivedMail, SmtpPeer, startSmtpPeer } from './support/smtp-peer';

const MONTH = '(January|February|March|April|May|June|July|August|September|October|November|December)';
/** Words of a Swedish notice that must not reach a reader who chose English. */
const SWEDISH = /Hej |Ansvariga|Enhet:|Slutdatum|Försenad|Markera som klar|Be om nytt datum|Kvittera|Sätt nytt datum|Ge till någon annan|Öppna i Bevaka|Har haft ärendet|januari|februari|mars|april|maj|juni|juli|augusti|september|oktober|november|december|sekunder|dagar/;

// Issue 19, point 7: the notices of one escalation ladder to people who read English, from the
// real engine through the worker's mail loop to a real SMTP server, read as the peer received
// them: who owns it, the period in words, the actions as links, one thread per reader,
// List-Unsubscribe and Auto-Submitted — and not a Swedish word of Bevaka's own.
describe('e-mail in English, from a real SMTP peer', () => {
  let stack: TestStack;
  let db: DataSource;
  let smtp: SmtpPeer;
  let people: People;
  let worker: INestApplicationContext | undefined;
  const keyOf = (m: ReceivedMail) => String(m.headers.get('x-bevaka-dedupe-key'));

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    stack = await startTestStack({ worker: false, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Bevaka <bevaka@kommun.se>', BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se' } });
    worker = await startWorker(stack.config);
    db = await connect(stack.config.database.url as string);
    people = await seedPeople(db, { olle: 'en', ulla: 'en', kim: 'en' });
  });
  afterAll(async () => {
    await worker?.close();
    await db?.destroy();
    await stack?.close();
    await smtp?.close();
  });

  it('the ladder in English: owner named, period and lateness in words, action links, one thread, List-Unsubscribe', async () => {
    const title = 'Information meetings on coming procurements';
    const { actionId, occurrenceId } = await startAction(stack, db, { owners: { personIds: [people.olle], unitIds: [] }, dueInSeconds: 4, title, createdBy: people.cora });
    const mails = await waitFor(async () => smtp.received.filter((m) => keyOf(m).startsWith(`${actionId}:`)), { until: (m) => m.length >= 4, what: 'four ladder mails' });
    const outbox = await outboxOf(db, actionId);
    const mailOf = (kind: string) => mails.find((m) => keyOf(m) === outbox.find((r) => r.kind === kind)!.dedupe_key)!;
    const [reminder, overdue, step1, step2] = ['reminder', 'overdue', 'escalation-1', 'escalation-2'].map(mailOf);
    expect([reminder.to, overdue.to, step1.to, step2.to]).toEqual([await emailOf(db, people.olle), await emailOf(db, people.olle), await emailOf(db, people.ulla), await emailOf(db, people.kim)]);
    expect([reminder.subject, overdue.subject, step1.subject, step2.subject]).toEqual([
      `Reminder: ${title}`,
      `Overdue: ${title}`,
      `Escalation step 1: ${title} is overdue`,
      `Escalation step 2: ${title} is overdue`,
    ]);

    const link = (action?: string) => `https://bevaka.kommun.se/occurrences/${occurrenceId}${action ? `?gora=${action}` : ''}`;
    for (const mail of [reminder, overdue, step1, step2]) {
      // What it is about, whose it is, and when, in English words.
      expect(mail.text).toContain('Plan: Näringslivsplan 2024');
      expect(mail.text).toContain(`Action: ${title}`);
      expect(mail.text).toContain('Responsible: Olle');
      expect(mail.text).toContain('Unit: Samhällsbyggnad');
      expect(mail.text).toMatch(new RegExp(`^Period: \\d{1,2} ${MONTH} \\d{4}( \\d{2}:\\d{2})?$`, 'm'));
      expect(mail.text).toMatch(new RegExp(`^Due: \\d{1,2} ${MONTH} \\d{4}, \\d{2}:\\d{2}$`, 'm'));
      expect(mail.text).toContain(`- Open in Bevaka: ${link()}`);
      expect(mail.text).toContain('Choose which notices you get and how often: https://bevaka.kommun.se/aviseringar');
      expect(mail.html).toContain('<html lang="en">');
      expect(mail.text).not.toMatch(SWEDISH);
      // One-click unsubscribe of the reader's own (RFC 8058), and the preferences page as List-Help.
      expect(mail.headers.get('list')).toMatchObject({
        unsubscribe: { url: expect.stringMatching(/^https:\/\/bevaka\.kommun\.se\/api\/notifications\/unsubscribe\?token=[\w-]{43}$/) },
        help: { url: 'https://bevaka.kommun.se/aviseringar' },
      });
      expect(mail.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(mail.headers.get('auto-submitted')).toBe('auto-generated');
    }
    expect(reminder.text).toMatch(/^Hello Olle,$/m);
    expect(reminder.text).toMatch(new RegExp(`Reminder: this action is due by \\d{1,2} ${MONTH} \\d{4}, \\d{2}:\\d{2}\\.`));
    // The overdue notice fires at the due instant (this ladder's timing is exact): not "0 seconds late".
    expect(overdue.text).toMatch(new RegExp(`This action was due \\d{1,2} ${MONTH} \\d{4}, \\d{2}:\\d{2} and (has not been marked as done|is now [1-9]\\d* seconds? late)\\.`));
    expect(step1.text).toMatch(/and is [1-9]\d* seconds? late\. It has been escalated to you\./);
    expect(step1.text).toMatch(/^Late by: [1-9]\d* seconds?$/m);
    expect(step2.text).toMatch(/^Hello Kim,$/m);
    expect(step2.text).toContain('Had it before you: Olle (responsible); step 1: Ulla');

    // The owner may mark it done or ask for a new date; the heads acknowledge, set a date or give it on.
    for (const mail of [reminder, overdue]) {
      expect(mail.text).toContain('Do it straight in Bevaka:');
      expect(mail.text).toContain(`- Mark as done: ${link('klarmarkera')}`);
      expect(mail.text).toContain(`- Ask for a new date: ${link('be-om-nytt-datum')}`);
      expect(mail.text).not.toContain('Acknowledge');
    }
    for (const mail of [step1, step2]) {
      expect(mail.text).toContain(`- Acknowledge: ${link('kvittera')}`);
      expect(mail.text).toContain(`- Set a new date: ${link('nytt-datum')}`);
      expect(mail.text).toContain(`- Give to someone else: ${link('ge-till-annan')}`);
      expect(mail.html).toContain(`<a href="${link('ge-till-annan')}">Give to someone else</a>`);
      expect(mail.text).not.toContain('Mark as done');
    }

    // Olle's second mail answers his first: one thread in his mail client. Ulla's and Kim's first
    // mails about it start their own.
    expect([overdue.headers.get('in-reply-to'), overdue.headers.get('references')]).toEqual([reminder.messageId, reminder.messageId]);
    expect([reminder, step1, step2].map((m) => m.headers.get('in-reply-to'))).toEqual([undefined, undefined, undefined]);
  });

  it('a half-year occurrence says its period in English months', async () => {
    const item = await seedItem(db, people.olle);
    await enqueueNotice(db, item, people.olle, 'overdue');
    const mail = await waitFor(async () => smtp.received.find((m) => keyOf(m).startsWith(`${item.actionId}:`)), { what: 'the overdue mail' });
    expect(mail.subject).toBe('Overdue: Informationsmöte om kommande upphandlingar');
    expect(mail.text).toMatch(/^Period: January–June 2024$/m);
    expect(mail.text).toMatch(/^Due: 28 March 2024, 16:00$/m);
    expect(mail.text).toMatch(/^Late by: 3 days$/m);
    expect(mail.text).toContain('This action was due 28 March 2024, 16:00 and is now 3 days late.');
  });
});
