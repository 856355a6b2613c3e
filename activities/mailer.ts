import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Deterministic, so a message that was sent twice despite the dedupe record is recognisable as one. */
  messageId: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
  close(): void;
}

/**
 * Sends through a small pool of kept-open SMTP connections: a launch sends an email per task, and a connection (with
 * its greeting, EHLO and, on a real relay, TLS handshake) per message cost the worker and the mail server more than
 * the messages did. A connection lost mid-message still fails that send (test/integration/mailer.test.ts), so the
 * notification log (notifications.ts) decides the retry and flags a possible duplicate; the pool only re-queues a
 * message whose connection closed before it was sent.
 */
export function createMailer(options: { url: string; from: string; maxConnections?: number }): Mailer {
  const transport = nodemailer.createTransport(
    { url: options.url, pool: true, maxConnections: options.maxConnections ?? 3 },
    { from: options.from },
  );
  return {
    async send(email) {
      const info = await transport.sendMail({ ...email, from: options.from });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
