import type { AddressInfo, Socket } from 'node:net';
import { SMTPServer, type SMTPServerDataStream } from 'smtp-server';
import { createMailer, type Mailer } from '../../activities/mailer';

/**
 * The worker's mailer against a real SMTP server on loopback: it keeps its connections open across messages, and a
 * connection lost mid-message fails that send instead of the transport quietly sending it again, because only the
 * notification log (activities/notifications.ts) may decide a retry and flag it as a possible duplicate.
 */
interface Server {
  url: string;
  connections: number;
  messages: number;
  close(): Promise<void>;
}

async function startServer(onMessage: () => 'accept' | 'drop'): Promise<Server> {
  const state = { connections: 0, messages: 0 };
  const sockets = new Set<Socket>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onConnect(_session, callback) {
      state.connections += 1;
      callback();
    },
    onData(stream: SMTPServerDataStream, _session, callback) {
      stream.resume();
      stream.on('end', () => {
        state.messages += 1;
        // `drop`: the message arrived in full, and the connection dies before the server can say it was accepted.
        if (onMessage() === 'drop') for (const socket of sockets) socket.destroy();
        else callback();
      });
    },
  });
  server.on('error', () => undefined);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    get connections() {
      return state.connections;
    },
    get messages() {
      return state.messages;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const email = (n: number) => ({
  to: `anggota${n}@instansi.test`,
  subject: `Tugas ${n}`,
  html: `<p>Tugas ${n}</p>`,
  text: `Tugas ${n}`,
  messageId: `<tugas-${n}@zi-orchestrator>`,
});

let server: Server | undefined;
let mailer: Mailer | undefined;

afterEach(async () => {
  mailer?.close();
  await server?.close();
  mailer = undefined;
  server = undefined;
});

it('sends many messages over a few kept-open connections', async () => {
  server = await startServer(() => 'accept');
  mailer = createMailer({ url: server.url, from: 'zi@instansi.test', maxConnections: 2 });

  const sent = await Promise.all(Array.from({ length: 20 }, (_, n) => mailer!.send(email(n))));

  expect(sent.map((info) => info.messageId)).toEqual(
    Array.from({ length: 20 }, (_, n) => `<tugas-${n}@zi-orchestrator>`),
  );
  expect(server.messages).toBe(20);
  expect(server.connections).toBeGreaterThanOrEqual(1);
  expect(server.connections).toBeLessThanOrEqual(2);
});

it('fails a send whose connection is lost mid-message, and does not send it again by itself', async () => {
  // The first message is dropped; any later one would be accepted, so a transport that re-sent it would succeed.
  let dropped = false;
  server = await startServer(() => (dropped ? 'accept' : ((dropped = true), 'drop')));
  mailer = createMailer({ url: server.url, from: 'zi@instansi.test' });

  await expect(mailer.send(email(1))).rejects.toThrow();
  // Time for a transport that re-sends on its own to do it (nodemailer's pool waits 50 ms, then backs off).
  await new Promise((resolve) => setTimeout(resolve, 1000));
  expect(server.messages).toBe(1);
  // The pool recovers: the next send goes out on a new connection.
  await mailer.send(email(2));
  expect(server.messages).toBe(2);
});
