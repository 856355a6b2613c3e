/** Reads back what the SMTP server received, through its Mailpit-compatible API (SMTP_READ_URL). */
export interface MailSummary {
  ID: string;
  MessageID: string;
  To: { Name: string; Address: string }[];
  Subject: string;
}

export interface MailMessage extends MailSummary {
  Text: string;
  HTML: string;
}

function readUrl(): string {
  const url = process.env.SMTP_READ_URL;
  if (!url)
    throw new Error('SMTP_READ_URL is not set: name the read API (Mailpit-compatible) of the SMTP server under test');
  return url.replace(/\/$/, '');
}

export async function messagesTo(address: string): Promise<MailSummary[]> {
  const response = await fetch(`${readUrl()}/api/v1/messages`);
  const body = (await response.json()) as { messages: MailSummary[] };
  return body.messages.filter((m) => m.To.some((to) => to.Address.toLowerCase() === address.toLowerCase()));
}

export async function readMessage(id: string): Promise<MailMessage> {
  const response = await fetch(`${readUrl()}/api/v1/message/${encodeURIComponent(id)}`);
  return (await response.json()) as MailMessage;
}
