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

export function createMailer(options: { url: string; from: string }): Mailer {
  const transport = nodemailer.createTransport(options.url, { from: options.from });
  return {
    async send(email) {
      const info = await transport.sendMail({ ...email, from: options.from });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}
