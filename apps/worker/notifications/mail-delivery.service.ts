import { BeforeApplicationShutdown, Inject, Injectable, Logger, OnApplicationBootstrap, Optional } from '@nestjs/common';
import type { Transporter } from 'nodemailer';
import { DataSource } from 'typeorm';
import { BEVAKA_CONFIG, BevakaConfig } from '../../../libs/config/config';
import { MailOutboxRepository } from '../../../libs/persistence/repositories/mail-outbox.repository';
import { DEFAULT_SENDER_OPTIONS, MailSender } from './mail-sender';
import { createMailTransport, mailFrom } from './mail-transport';
import { OutboxRouter } from './outbox-router';

export const MAIL_POLL_MS = Symbol('MAIL_POLL_MS');

/**
 * The delivery loop, inside the worker process: started on bootstrap, stopped (after the current
 * round) on shutdown. It is a plain poller on the PostgreSQL outbox rather than a Temporal workflow:
 * the outbox row already is the durable state (claims, leases, attempts), any number of worker
 * replicas share the work through row locks, and a workflow would only add a history event per
 * mail without making a single SMTP exchange any safer.
 *
 * Each round: recover expired claims, drop mail queued for people deactivated since, turn new
 * postponements/completions into notices, route new notices by preference (immediate, digest at
 * 08:00 on the next working day, off; never to a deactivated person), send due mail.
 * Without SMTP_URL the first three still run and mail stays in the app's outbox.
 */
@Injectable()
export class MailDeliveryService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryService.name);
  private readonly outbox: MailOutboxRepository;
  private readonly router: OutboxRouter;
  private readonly transport?: Transporter;
  private readonly sender?: MailSender;
  private stopping = false;
  private loop?: Promise<void>;
  private wake?: () => void;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(BEVAKA_CONFIG) config: BevakaConfig,
    @Optional() @Inject(MAIL_POLL_MS) private readonly pollMs: number = 1000,
  ) {
    this.outbox = new MailOutboxRepository(dataSource);
    this.router = new OutboxRouter(dataSource, { smtpEnabled: Boolean(config.mail.smtpUrl), timezone: config.timezone, calendar: config.calendar });
    if (config.mail.smtpUrl) {
      this.transport = createMailTransport(config.mail.smtpUrl);
      this.sender = new MailSender(this.transport, this.outbox, {
        ...DEFAULT_SENDER_OPTIONS,
        from: mailFrom(config.mail.from, config.publicUrl),
        publicUrl: config.publicUrl,
        timezone: config.timezone,
      });
    }
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    this.wake?.();
    await this.loop;
    this.transport?.close();
  }

  /** One round; public so that tests and tools can drive delivery without waiting for the poll. */
  async round(): Promise<void> {
    await this.outbox.recoverExpired();
    await this.outbox.dropForDeactivated();
    await this.router.notifyFromEvents();
    await this.router.routePending();
    await this.sender?.sendDue(() => this.stopping);
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        await this.round();
      } catch (error) {
        if (!this.stopping) this.logger.error(`Mail delivery round failed: ${error instanceof Error ? error.message : error}`);
      }
      if (this.stopping) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, this.pollMs);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }
}
