import { randomUUID } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import express from 'express';
import { simpleParser, type AddressObject } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/**
 * A real SMTP server on loopback that keeps every message it accepts, for developers (`npm start`) and tests.
 * Its read API is a small subset of Mailpit's (`/api/v1/messages`, `/api/v1/message/:id`), so tests can read
 * back from Mailpit as well when SMTP_URL points at one.
 */
export interface StoredMessage {
  ID: string;
  MessageID: string;
  From: Address;
  To: Address[];
  Subject: string;
  Created: string;
  Text: string;
  HTML: string;
  Headers: Record<string, string>;
}

interface Address {
  Name: string;
  Address: string;
}

export interface SmtpSink {
  smtpPort: number;
  httpPort: number;
  messages: StoredMessage[];
  /** When set, the sink answers 421 to new connections: lets a test take SMTP "down" without losing the port. */
  setAvailable(available: boolean): void;
  close(): Promise<void>;
}

export interface SmtpSinkOptions {
  host?: string;
  smtpPort?: number;
  httpPort?: number;
  /** Folder where each message is also written as <id>.eml. */
  storeDir?: string;
}

/** Recipients at this domain are refused with 550, as a real server refuses an unknown mailbox. */
export const rejectedDomain = '@ditolak.test';

export async function startSmtpSink(options: SmtpSinkOptions = {}): Promise<SmtpSink> {
  const host = options.host ?? '127.0.0.1';
  const messages: StoredMessage[] = [];
  let available = true;
  if (options.storeDir) mkdirSync(options.storeDir, { recursive: true });

  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      if (!available) {
        const refusal = Object.assign(new Error('Layanan SMTP sedang tidak tersedia'), { responseCode: 421 });
        callback(refusal);
        return;
      }
      callback();
    },
    // Like a real server refusing an unknown mailbox: lets tests see a permanent failure (550) end in `failed`.
    onRcptTo(address, _session, callback) {
      if (address.address.toLowerCase().endsWith(rejectedDomain)) {
        callback(Object.assign(new Error(`Mailbox ${address.address} tidak dikenal`), { responseCode: 550 }));
        return;
      }
      callback();
    },
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw)
          .then((parsed) => {
            const id = randomUUID();
            messages.push({
              ID: id,
              MessageID: parsed.messageId ?? '',
              From: firstAddress(parsed.from),
              To: allAddresses(parsed.to),
              Subject: parsed.subject ?? '',
              Created: new Date().toISOString(),
              Text: parsed.text ?? '',
              HTML: typeof parsed.html === 'string' ? parsed.html : '',
              Headers: Object.fromEntries([...parsed.headerLines].map((line) => [line.key, line.line])),
            });
            if (options.storeDir) writeFileSync(path.join(options.storeDir, `${id}.eml`), raw);
            callback();
          })
          .catch((error: Error) => callback(error));
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 0, host, () => {
      smtp.off('error', reject);
      resolve();
    });
  });
  // A client that dies mid-message (a killed worker) resets its connection, and smtp-server re-emits that on the
  // server. It concerns that one connection only; unheard, the 'error' event would take the whole process down.
  smtp.on('error', () => {});

  const api = express();
  api.get('/api/v1/messages', (_req, res) => {
    const newestFirst = [...messages].reverse();
    res.json({ total: messages.length, messages: newestFirst.map(({ Text, HTML, Headers, ...summary }) => summary) });
  });
  api.get('/api/v1/message/:id', (req, res) => {
    const message = messages.find((m) => m.ID === req.params.id);
    if (message) res.json(message);
    else res.status(404).json({ error: 'not found' });
  });
  api.delete('/api/v1/messages', (_req, res) => {
    messages.length = 0;
    res.status(204).end();
  });
  api.get('/', (_req, res) => {
    res.type('html').send(renderInbox(messages));
  });
  const web = http.createServer(api);
  await new Promise<void>((resolve, reject) => {
    web.once('error', reject);
    web.listen(options.httpPort ?? 0, host, () => resolve());
  });

  return {
    smtpPort: portOf(smtp.server.address()),
    httpPort: portOf(web.address()),
    messages,
    setAvailable(value) {
      available = value;
    },
    async close() {
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
      web.closeAllConnections();
      await new Promise<void>((resolve) => web.close(() => resolve()));
    },
  };
}

function portOf(address: string | { port: number } | null): number {
  if (address && typeof address === 'object') return address.port;
  throw new Error('server is not listening on a TCP port');
}

function firstAddress(from: AddressObject | undefined): Address {
  return allAddresses(from)[0] ?? { Name: '', Address: '' };
}

function allAddresses(field: AddressObject | AddressObject[] | undefined): Address[] {
  const groups = field === undefined ? [] : Array.isArray(field) ? field : [field];
  return groups.flatMap((group) => group.value.map((a) => ({ Name: a.name, Address: a.address ?? '' })));
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** A plain page so a developer can look at what the system sent without any other tool. */
function renderInbox(messages: StoredMessage[]): string {
  const rows = [...messages]
    .reverse()
    .map(
      (m) =>
        `<tr><td>${escapeHtml(m.Created)}</td><td>${escapeHtml(m.To.map((t) => t.Address).join(', '))}</td>` +
        `<td><details><summary>${escapeHtml(m.Subject)}</summary><pre>${escapeHtml(m.Text)}</pre></details></td></tr>`,
    )
    .join('');
  return `<!doctype html><html lang="id"><head><meta charset="utf-8"><title>Kotak surat pengembangan</title></head>
<body><h1>Kotak surat pengembangan (${messages.length} pesan)</h1>
<table><thead><tr><th>Waktu</th><th>Kepada</th><th>Subjek</th></tr></thead><tbody>${rows}</tbody></table></body></html>`;
}
