import { createHash } from 'node:crypto';
import type { Transporter } from 'nodemailer';
import { preferencesLink, unsubscribeLink } from '../../../libs/domain/links/web-links';
import { MailClaim, MailOutboxRepository, OutboxMailRow } from '../../../libs/persistence/repositories/mail-outbox.repository';
import { renderDigest } from './templates/digest';
import { RenderedMail, renderNotice } from './templates/render';

export interface MailSenderOptions {
  from: string;
  publicUrl: string;
  timezone: string;
  /** How long a claim is held; must exceed the SMTP time limit below by a safe margin. */
  leaseMs: number;
  /** Hard limit on one SMTP exchange; after it the outcome counts as unknown. */
  sendTimeoutMs: number;
  maxAttempts: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  /** Test-only fault injection: runs after SMTP accepted the mail and before it is recorded. */
  afterTransmit?: (claim: MailClaim) => void;
}

export const DEFAULT_SENDER_OPTIONS = { leaseMs: 120_000, sendTimeoutMs: 60_000, maxAttempts: 8, backoffBaseMs: 30_000, backoffMaxMs: 3_600_000 };

/**
 * Sends the outbox's due mail over SMTP, each notice (or digest) at most once per dedupe key, and
 * records every attempt in `notification_attempt`.
 *
 * Exactly-once, as far as SMTP allows (it has no idempotency key):
 * 1. Claim: one committed transaction moves the row(s) `queued → claimed` with a lease (`lease_until`,
 *    a fresh `claim_id`), opens an attempt, and fixes the Message-ID (a hash of the dedupe key, or of
 *    the digest key), so any resend carries the same Message-ID. A digest is one mail per reader,
 *    plan and window, written once: see MailOutboxRepository's digestRows.
 * 2. Point of no return: a second commit moves `claimed → transmitting` only if the claim still
 *    holds. Only then is SMTP spoken to.
 * 3. Record: `transmitting → sent` (attempt `sent`), or on an SMTP error back to `queued` with
 *    exponential backoff (attempt `failed`), or `failed` for good on a permanent 5xx refusal or after
 *    `maxAttempts`.
 * Recovery (any sender, each poll) for claims whose lease ran out, i.e. whose sender died:
 * - still `claimed`: nothing left this machine → `queued` again (attempt `abandoned`), sent later;
 * - `transmitting`: SMTP may have accepted the mail before the crash → `presumed-sent` (attempt
 *   `unknown`) and never resent. A duplicate is avoided at the price of losing a mail only if the
 *   process dies during the SMTP exchange itself (milliseconds); the notice is still in the app.
 * A live sender can never be taken for a dead one: an SMTP exchange is cut off after
 * `sendTimeoutMs` (well below the lease) and an unfinished exchange is recorded as unknown too.
 */
export class MailSender {
  constructor(
    private readonly transport: Transporter,
    private readonly outbox: MailOutboxRepository,
    private readonly options: MailSenderOptions,
  ) {}

  /** Sends due mail until none is left or `shouldStop` says so; returns how many mails went out. */
  async sendDue(shouldStop: () => boolean = () => false): Promise<number> {
    let sent = 0;
    while (!shouldStop()) {
      const claim = await this.outbox.claimNext(this.options.leaseMs, (rows) => this.messageIdFor(rows));
      if (!claim) break;
      if (await this.deliver(claim)) sent++;
    }
    return sent;
  }

  private async deliver(claim: MailClaim): Promise<boolean> {
    const [first] = claim.rows;
    let mail: RenderedMail;
    try {
      const ctx = { locale: first.recipient.locale, recipientName: first.recipient.name, publicUrl: this.options.publicUrl, timezone: this.options.timezone };
      mail = claim.rows.length === 1 && !first.digestKey ? renderNotice(first, ctx) : renderDigest(claim.rows, ctx);
    } catch (error) {
      await this.outbox.recordFailure(claim.claimId, `render: ${message(error)}`, undefined);
      return false;
    }
    if (!(await this.outbox.markTransmitting(claim.claimId, this.options.leaseMs))) return false; // lease lost: someone recovered it
    try {
      await withTimeout(
        this.transport.sendMail({
          from: this.options.from,
          to: { name: first.recipient.name, address: first.recipient.email },
          subject: mail.subject,
          text: mail.text,
          html: mail.html,
          messageId: first.messageId ?? undefined,
          headers: this.headersFor(claim.rows),
        }),
        this.options.sendTimeoutMs,
      );
    } catch (error) {
      if (error instanceof SendTimeout) return false; // outcome unknown: left transmitting, recovery presumes it sent
      await this.outbox.recordFailure(claim.claimId, message(error), this.retryDelay(first.attempt, error));
      return false;
    }
    this.options.afterTransmit?.(claim);
    await this.outbox.recordSent(claim.claimId);
    return true;
  }

  /**
   * Threading (the later notices of an occurrence answer its first; a digest, about several, is
   * no thread's part), where to stop them, and that no auto-responder should answer (RFC 3834
   * Auto-Submitted). Stopping: over https, the reader's one-click unsubscribe URL (RFC 8058),
   * the only https URI List-Unsubscribe may then hold, with the preferences page as List-Help
   * (RFC 2369) and in the footer; over plain http (a test or a laptop), where one-click is not
   * allowed, the preferences page itself.
   */
  private headersFor(rows: OutboxMailRow[]): Record<string, string> {
    const root = rows.length === 1 ? rows[0].threadRoot : null;
    const publicUrl = this.options.publicUrl;
    const preferences = `<${preferencesLink(publicUrl)}>`;
    const oneClick = publicUrl.startsWith('https://');
    return {
      'X-Bevaka-Dedupe-Key': rows.map((r) => r.dedupeKey).join(', '),
      'Auto-Submitted': 'auto-generated',
      ...(oneClick
        ? { 'List-Unsubscribe': `<${unsubscribeLink(publicUrl, rows[0].recipient.unsubscribeToken)}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click', 'List-Help': preferences }
        : { 'List-Unsubscribe': preferences }),
      ...(root ? { 'In-Reply-To': root, References: root } : {}),
    };
  }

  /** Exponential backoff with jitter; undefined = give up (permanent refusal or too many tries). */
  private retryDelay(attempt: number, error: unknown): number | undefined {
    const code = (error as { responseCode?: number }).responseCode;
    if ((code !== undefined && code >= 500) || attempt >= this.options.maxAttempts) return undefined;
    const base = Math.min(this.options.backoffMaxMs, this.options.backoffBaseMs * 2 ** (attempt - 1));
    return base * (0.8 + Math.random() * 0.4);
  }

  private messageIdFor(rows: OutboxMailRow[]): string {
    // A digest's key is unique to its one mail (reader, plan, window), as a notice's dedupe key is.
    const key = rows[0].digestKey ?? rows[0].dedupeKey;
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 40);
    return `<${hash}@${domainOf(this.options.from)}>`;
  }
}

class SendTimeout extends Error {}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SendTimeout(`SMTP exchange exceeded ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

function domainOf(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'bevaka.local';
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
