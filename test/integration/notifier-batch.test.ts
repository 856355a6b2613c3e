import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { createMailer, type Mailer } from '../../activities/mailer';
import { createBatchNotifier, type NotificationRequest } from '../../activities/notifications';
import { createSignInLinks } from '../../activities/sign-in-links';
import { createEmailRenderer } from '../../activities/templates';
import { useTestStack } from '../support/stack';

/**
 * Many emails at once (a unit opening a stage mails its head once per task), against the real MongoDB-wire server
 * and a real SMTP server on loopback: each message is sent once and logged as the single-email notifier logs it, with
 * the claims made for the whole batch, and a failing message does not hold up the others.
 */
const stack = useTestStack();

interface Inbox {
  url: string;
  received: string[];
  close(): Promise<void>;
}

/** Accepts everyone but `@refused.test` (550, for good) and `@busy.test` (451, try later); records what it accepted. */
async function startInbox(): Promise<Inbox> {
  const received: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.endsWith('@refused.test'))
        return callback(Object.assign(new Error('Mailbox tidak dikenal'), { responseCode: 550 }));
      if (address.address.endsWith('@busy.test'))
        return callback(Object.assign(new Error('Kotak surat sibuk'), { responseCode: 451 }));
      callback();
    },
    onData(stream: SMTPServerDataStream, session, callback) {
      stream.resume();
      stream.on('end', () => {
        received.push(...session.envelope.rcptTo.map((to) => to.address));
        callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let inbox: Inbox;
let mailer: Mailer;
beforeAll(async () => {
  inbox = await startInbox();
  mailer = createMailer({ url: inbox.url, from: 'ZI <zi@pemkot.test>' });
});
afterAll(async () => {
  mailer?.close();
  await inbox?.close();
});

/** Counts the commands mongoose sends per collection while `work` runs. */
async function commandsDuring(work: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  stack().mongo.set('debug', (collection: string) => {
    counts[collection] = (counts[collection] ?? 0) + 1;
  });
  try {
    await work();
  } finally {
    stack().mongo.set('debug', false);
  }
  return counts;
}

const launched = (to: string, tag: string): NotificationRequest => ({
  dedupeKey: `cycle-launched:${tag}:${to}`,
  template: 'cycle-launched',
  to,
  data: {
    recipient: { name: 'Bagian Organisasi', email: to },
    cycle: { id: tag, name: 'Siklus uji batch', year: 2026, units: [] },
    link: 'http://zi.test/siklus',
  },
});

const notifier = () =>
  createBatchNotifier({ Notification: stack().models.Notification, mailer, render: createEmailRenderer() });
const recordOf = (key: string) => stack().models.Notification.findById(key).lean();
const countIn = (received: string[], address: string) => received.filter((to) => to === address).length;

it('sends a batch once per message, with two database commands per message and one for the batch, and a retry sends nothing', async () => {
  const tag = randomUUID().slice(0, 8);
  const requests = Array.from({ length: 12 }, (_, n) => launched(`org${n}-${tag}@pemkot.test`, tag));
  const sendAll = notifier();

  let outcomes: Awaited<ReturnType<typeof sendAll>> = [];
  const commands = await commandsDuring(async () => {
    outcomes = await sendAll(requests);
  });

  expect(outcomes.map((outcome) => outcome.status)).toEqual(requests.map(() => 'sent'));
  for (const request of requests) expect(countIn(inbox.received, request.to)).toBe(1);
  // The claims for all twelve at once, then each marked `sending` just before its SMTP transaction and recorded sent.
  expect(commands.notifications).toBe(1 + 2 * requests.length);
  const record = await recordOf(requests[0]!.dedupeKey);
  expect(record).toMatchObject({ status: 'sent', attempts: 1, cycleId: tag, subject: expect.any(String) });
  expect(record?.createdAt).toBeInstanceOf(Date);
  expect(record?.messageId).toBe(
    `<${createHash('sha256').update(requests[0]!.dedupeKey).digest('hex').slice(0, 32)}@zi-orchestrator>`,
  );

  // Temporal retries the activity: the log holds every message as sent, so nothing goes out again.
  const again = await sendAll(requests);
  expect(again.map((outcome) => outcome.status)).toEqual(requests.map(() => 'already-sent'));
  for (const request of requests) expect(countIn(inbox.received, request.to)).toBe(1);
});

it('sends the rest when one is refused for good and another must wait, then throws for the one to retry', async () => {
  const tag = randomUUID().slice(0, 8);
  const [good, refused, busy] = [
    launched(`baik-${tag}@pemkot.test`, tag),
    launched(`salah-${tag}@refused.test`, tag),
    launched(`penuh-${tag}@busy.test`, tag),
  ];
  const sendAll = notifier();

  await expect(sendAll([busy, refused, good])).rejects.toMatchObject({ responseCode: 451 });

  expect(countIn(inbox.received, good.to)).toBe(1);
  expect(await recordOf(good.dedupeKey)).toMatchObject({ status: 'sent', attempts: 1 });
  expect(await recordOf(refused.dedupeKey)).toMatchObject({
    status: 'failed',
    lastError: expect.stringContaining('550'),
  });
  expect(await recordOf(busy.dedupeKey)).toMatchObject({ status: 'retrying', attempts: 1 });

  // The retry: the sent one is not sent again, the refused one is not tried again, the busy one is tried again.
  await expect(sendAll([busy, refused, good])).rejects.toMatchObject({ responseCode: 451 });
  expect(countIn(inbox.received, good.to)).toBe(1);
  expect(await recordOf(refused.dedupeKey)).toMatchObject({ attempts: 1 });
  expect(await recordOf(busy.dedupeKey)).toMatchObject({ status: 'retrying', attempts: 2 });
});

it('counts the failures when several messages must wait', async () => {
  const tag = randomUUID().slice(0, 8);
  const busy = [launched(`a-${tag}@busy.test`, tag), launched(`b-${tag}@busy.test`, tag)];
  await expect(notifier()(busy)).rejects.toThrow(/^2 emails not sent yet: .*451/);
});

it('sends again, flagged as a possible duplicate, a message an earlier attempt was interrupted sending', async () => {
  const tag = randomUUID().slice(0, 8);
  const [interrupted, fresh] = [launched(`putus-${tag}@pemkot.test`, tag), launched(`baru-${tag}@pemkot.test`, tag)];
  await stack().models.Notification.create({
    _id: interrupted.dedupeKey,
    template: interrupted.template,
    to: interrupted.to,
    subject: 'Siklus diluncurkan',
    status: 'sending',
    attempts: 0,
  });

  const outcomes = await notifier()([interrupted, fresh]);

  expect(outcomes.map((outcome) => outcome.status)).toEqual(['sent', 'sent']);
  expect(await recordOf(interrupted.dedupeKey)).toMatchObject({ status: 'sent', possibleDuplicate: true });
  const freshRecord = await recordOf(fresh.dedupeKey);
  expect(freshRecord).toMatchObject({ status: 'sent' });
  expect(freshRecord?.possibleDuplicate).toBeUndefined();
});

it('mints the sign-in links asked for at once in one lookup and one write, for active accounts only', async () => {
  const tag = randomUUID().slice(0, 8);
  const { Account, OneTimeToken } = stack().models;
  const [active, invited] = [`aktif-${tag}@pemkot.test`, `diundang-${tag}@pemkot.test`];
  await Account.insertMany([
    { _id: active, email: active, name: 'Aktif', status: 'active' },
    { _id: invited, email: invited, name: 'Diundang', status: 'invited' },
  ]);
  const links = createSignInLinks({ Account, OneTimeToken, publicUrl: 'http://zi.test' });

  let minted: (string | undefined)[] = [];
  const commands = await commandsDuring(async () => {
    minted = await Promise.all([
      links.linkFor({ personId: active, taskId: `tugas-1-${tag}` }),
      links.linkFor({ personId: invited, taskId: `tugas-1-${tag}` }),
      links.linkFor({ personId: active, taskId: `tugas-2-${tag}` }),
    ]);
  });

  expect(commands).toEqual({ accounts: 1, one_time_tokens: 1 });
  expect(minted[1]).toBeUndefined();
  const tokens = [minted[0], minted[2]].map((link) => new URL(link!).searchParams.get('token')!);
  expect(new Set(tokens).size).toBe(2);
  const stored = await OneTimeToken.find({ personId: active }).lean();
  expect(stored.map((token) => token.target).sort()).toEqual([`tugas-1-${tag}`, `tugas-2-${tag}`]);
  expect(stored.map((token) => token._id).sort()).toEqual(
    tokens.map((token) => createHash('sha256').update(token).digest('hex')).sort(),
  );
  expect(await OneTimeToken.countDocuments({ personId: invited })).toBe(0);
});
