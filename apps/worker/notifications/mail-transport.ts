import nodemailer, { Transporter } from 'nodemailer';

/**
 * An SMTP transport from SMTP_URL (smtp:// or smtps://, credentials in the URL). Time limits are
 * explicit and well below MailSender's lease, so a slow server never looks like a dead sender.
 */
export function createMailTransport(smtpUrl: string): Transporter {
  return nodemailer.createTransport(smtpUrl, {
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  } as Parameters<typeof nodemailer.createTransport>[1]);
}

/** MAIL_FROM, or a no-reply address at the web app's host. */
export function mailFrom(configured: string | undefined, publicUrl: string): string {
  return configured ?? `Bevaka <no-reply@${new URL(publicUrl).hostname}>`;
}
