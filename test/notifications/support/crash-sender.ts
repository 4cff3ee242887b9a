// A mail sender in its own process that dies (SIGKILL, no cleanup) right after the SMTP server
// accepted a mail and before the outcome is recorded: the crash that exactly-once must survive.
// Run by mail-delivery.int.ts with DATABASE_URL and SMTP_URL in the environment.
import { DataSource } from 'typeorm';
import { DEFAULT_SENDER_OPTIONS, MailSender } from '../../../apps/worker/notifications/mail-sender';
import { createMailTransport } from '../../../apps/worker/notifications/mail-transport';
import { dataSourceOptions } from '../../../libs/persistence/data-source';
import { MailOutboxRepository } from '../../../libs/persistence/repositories/mail-outbox.repository';

async function main(): Promise<void> {
  const dataSource = await new DataSource(dataSourceOptions(process.env.DATABASE_URL as string)).initialize();
  const leaseMs = Number(process.env.LEASE_MS);
  const sender = new MailSender(createMailTransport(process.env.SMTP_URL as string), new MailOutboxRepository(dataSource), {
    ...DEFAULT_SENDER_OPTIONS,
    from: 'Bevaka <bevaka@kommun.se>',
    publicUrl: 'http://localhost:3000',
    timezone: 'Europe/Stockholm',
    leaseMs,
    sendTimeoutMs: leaseMs / 2,
    afterTransmit: () => process.kill(process.pid, 'SIGKILL'),
  });
  await sender.sendDue();
  process.exit(3); // not reached when there was something to send
}

main().catch((error) => {
  console.error(error);
  process.exit(2);
});
