import { ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string;
  messageId: string;
  subject: string;
  text: string;
  html: string;
  headers: ParsedMail['headers'];
  /** Each header as it was sent (mailparser folds the List-* headers into one structure in `headers`). */
  rawHeaders: Record<string, string>;
}

export interface SmtpPeer {
  url: string;
  received: ReceivedMail[];
  /** Makes the next `count` messages fail with this SMTP reply code (e.g. 451 temporary, 550 permanent). */
  refuseNext(count: number, code: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (a free port), keeping every message it accepted, parsed. */
export async function startSmtpPeer(): Promise<SmtpPeer> {
  const received: ReceivedMail[] = [];
  let refusals = { count: 0, code: 451 };
  const server = new SMTPServer({
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          if (refusals.count > 0) {
            refusals.count--;
            return callback(Object.assign(new Error(`Refused for the test (${refusals.code})`), { responseCode: refusals.code }));
          }
          received.push({
            to: session.envelope.rcptTo.map((r) => r.address).join(','),
            messageId: mail.messageId ?? '',
            subject: mail.subject ?? '',
            text: mail.text ?? '',
            html: typeof mail.html === 'string' ? mail.html : '',
            headers: mail.headers,
            rawHeaders: Object.fromEntries(mail.headerLines.map((h) => [h.key, h.line.slice(h.line.indexOf(':') + 1).replace(/\r?\n[ \t]+/g, ' ').trim()])),
          });
          callback();
        })
        .catch(callback);
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    refuseNext: (count, code) => {
      refusals = { count, code };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
