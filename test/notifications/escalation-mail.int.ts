import { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { actingAs } from '../engine/fixtures';
import { startTestStack, startWorker, TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait-for';
import { connect, emailOf, People, seedPeople } from './support/fixtures';
import { outboxOf, startAction } from './support/engine';
import { SmtpPeer, startSmtpPeer } from './support/smtp-peer';

// A real occurrence through reminder → overdue → escalation 1 → escalation 2 on a real Temporal
// dev server, delivered by the worker's mail loop to a real SMTP server, with the worker killed
// in the middle: exactly one message per notice, none lost.
describe('e-mail through the whole escalation ladder', () => {
  let stack: TestStack;
  let db: DataSource;
  let smtp: SmtpPeer;
  let people: People;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    smtp = await startSmtpPeer();
    stack = await startTestStack({ worker: false, api: true, env: { SMTP_URL: smtp.url, MAIL_FROM: 'Bevaka <bevaka@kommun.se>', BEVAKA_PUBLIC_URL: 'https://bevaka.kommun.se' } });
    worker = await startWorker(stack.config);
    db = await connect(stack.config.database.url as string);
    people = await seedPeople(db);
  });
  afterAll(async () => {
    await worker?.close();
    await db?.destroy();
    await stack?.close();
    await smtp?.close();
  });

  const keyOf = (m: SmtpPeer['received'][number]) => String(m.headers.get('x-bevaka-dedupe-key'));
  const mailsFor = (actionId: string) => smtp.received.filter((m) => keyOf(m).startsWith(`${actionId}:`));

  it('mails reminder, overdue and both escalation steps exactly once, across a worker restart; completion sends a receipt', async () => {
    const { actionId, occurrenceId } = await startAction(stack, db, {
      owners: { personIds: [people.olle], unitIds: [] },
      dueInSeconds: 4,
      title: 'Informationsmöte om kommande upphandlingar',
      createdBy: people.cora,
    });

    // The reminder arrives; then the worker (Temporal worker and mail loop) is stopped and replaced.
    await waitFor(async () => mailsFor(actionId).length, { until: (n) => n >= 1, what: 'the reminder mail' });
    await worker!.close();
    worker = await startWorker(stack.config);

    const mails = await waitFor(async () => mailsFor(actionId), { until: (m) => m.length >= 4, what: 'four ladder mails', timeoutMs: 40_000 });
    const expected = [
      ['reminder', people.olle, 'Påminnelse: Informationsmöte om kommande upphandlingar'],
      ['overdue', people.olle, 'Försenad: Informationsmöte om kommande upphandlingar'],
      ['escalation-1', people.ulla, 'Eskalering steg 1: Informationsmöte om kommande upphandlingar är försenad'],
      ['escalation-2', people.kim, 'Eskalering steg 2: Informationsmöte om kommande upphandlingar är försenad'],
    ];
    const outbox = await outboxOf(db, actionId);
    expect(outbox.map((r) => [r.kind, r.recipient_person_id])).toEqual(expected.map(([kind, person]) => [kind, person]));
    for (const [kind, person, subject] of expected) {
      const row = outbox.find((r) => r.kind === kind)!;
      const received = mails.filter((m) => keyOf(m) === row.dedupe_key);
      expect(received).toHaveLength(1);
      expect(received[0].to).toBe(await emailOf(db, person));
      expect(received[0].subject).toBe(subject);
      expect(received[0].text).toContain(`https://bevaka.kommun.se/occurrences/${occurrenceId}`);
    }
    expect(mails.find((m) => m.subject.startsWith('Eskalering steg 2'))?.text).toMatch(/är \d+ sekunder försenad/);
    // The step-2 mail says who owns it, where, and who had it before Kim.
    const lastStep = mails.find((m) => m.subject.startsWith('Eskalering steg 2'))!.text;
    expect(lastStep).toContain('Ansvariga: Olle');
    expect(lastStep).toContain('Enhet: Samhällsbyggnad');
    expect(lastStep).toContain('Har haft ärendet: Olle (ansvarig); steg 1: Ulla');
    // Each offers its reader's actions as links to their forms: the owner done or a new date, the
    // heads acknowledge, a new date or reassign.
    const link = (action: string) => `https://bevaka.kommun.se/occurrences/${occurrenceId}?gora=${action}`;
    const overdueText = mails.find((m) => m.subject.startsWith('Försenad'))!.text;
    expect(overdueText).toContain(`- Markera som klar: ${link('klarmarkera')}`);
    expect(overdueText).toContain(`- Be om nytt datum: ${link('be-om-nytt-datum')}`);
    expect(overdueText).not.toContain('Kvittera');
    for (const step of mails.filter((m) => m.subject.startsWith('Eskalering'))) {
      expect(step.text).toContain(`- Kvittera: ${link('kvittera')}`);
      expect(step.text).toContain(`- Sätt nytt datum: ${link('nytt-datum')}`);
      expect(step.text).toContain(`- Ge till någon annan: ${link('ge-till-annan')}`);
      expect(step.html).toContain(`<a href="${link('kvittera')}">Kvittera</a>`);
      expect(step.text).not.toContain('Markera som klar');
    }
    // Olle's overdue notice answers his reminder, so a mail client shows one thread; Ulla's and
    // Kim's first mail about it starts their own. Every notice says where to stop such mail: the
    // reader's own one-click unsubscribe (RFC 8058), and the preferences page.
    const mailOf = (kind: string) => mails.find((m) => keyOf(m) === outbox.find((r) => r.kind === kind)!.dedupe_key)!;
    const reminder = mailOf('reminder');
    expect([mailOf('overdue').headers.get('in-reply-to'), mailOf('overdue').headers.get('references')]).toEqual([reminder.messageId, reminder.messageId]);
    expect([reminder.headers.get('in-reply-to'), mailOf('escalation-1').headers.get('in-reply-to'), mailOf('escalation-2').headers.get('in-reply-to')]).toEqual([undefined, undefined, undefined]);
    for (const m of mails) {
      // mailparser reads the List-* headers into one structure.
      expect(m.headers.get('list')).toMatchObject({
        unsubscribe: { url: expect.stringMatching(/^https:\/\/bevaka\.kommun\.se\/api\/notifications\/unsubscribe\?token=[\w-]{43}$/) },
        help: { url: 'https://bevaka.kommun.se/aviseringar' },
      });
      expect(m.rawHeaders['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
      expect(m.headers.get('auto-submitted')).toBe('auto-generated');
    }

    // Completion (late) sends the coordinator a receipt, produced from the engine's recorded event.
    await actingAs(stack, people.olle).complete(occurrenceId, { note: 'Mötet hölls' });
    const receipt = await waitFor(async () => smtp.received.find((m) => keyOf(m).startsWith('event:') && m.text.includes(occurrenceId)), { what: 'the completion receipt' });
    expect(receipt.to).toBe(await emailOf(db, people.cora));
    expect(receipt.subject).toBe('Klarmarkerad: Informationsmöte om kommande upphandlingar');
    expect(receipt.text).toContain('Olle har markerat aktiviteten som klar');
    expect(receipt.text).toContain('Kommentar: Mötet hölls');
    expect(receipt.text).not.toContain('?gora=');

    // Every outbox row of this action was mailed once; nothing more arrives.
    const final = await waitFor(() => outboxOf(db, actionId), { until: (rows) => rows.every((r) => r.mail_state === 'sent'), what: 'all rows sent' });
    const keys = smtp.received.map(keyOf);
    for (const row of final) expect(keys.filter((k) => k === row.dedupe_key)).toHaveLength(1);
  });

  it('a postponement tells the owner and the coordinator, not the person who postponed', async () => {
    const { occurrenceId, handle } = await startAction(stack, db, {
      owners: { personIds: [people.olle], unitIds: [] },
      dueInSeconds: 30,
      title: 'Internutbildning i upphandlingar',
      createdBy: people.cora,
    });
    const newDue = new Date(Date.now() + 3_600_000).toISOString();
    await actingAs(stack, people.ulla, ['coordinator']).postpone(occurrenceId, newDue, 'Väntar på upphandlingen');
    const notices = await waitFor(async () => smtp.received.filter((m) => m.subject === 'Nytt slutdatum: Internutbildning i upphandlingar'), {
      until: (m) => m.length >= 2,
      what: 'postponement mails',
    });
    expect(notices.map((m) => m.to).sort()).toEqual([await emailOf(db, people.olle), await emailOf(db, people.cora)].sort());
    expect(notices[0].text).toContain('Ulla har flyttat slutdatumet till');
    expect(notices[0].text).toContain('Skäl: Väntar på upphandlingen');
    expect(notices[0].text).toContain(`/occurrences/${occurrenceId}`);
    await handle.terminate('test over');
  });
});
