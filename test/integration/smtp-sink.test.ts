import net from 'node:net';
import nodemailer from 'nodemailer';
import { startSmtpSink, type SmtpSink } from '../../scripts/services/smtp-sink';

/**
 * The project's SMTP sink is the server every test and `npm start` read mail back from. A worker killed mid-send
 * resets its connection inside an SMTP transaction; the sink must shrug that off and keep accepting mail, not throw
 * the reset at the process that hosts it (jest's, or the dev stack's).
 */
let sink: SmtpSink;

beforeAll(async () => {
  sink = await startSmtpSink();
});

afterAll(async () => {
  await sink.close();
});

/** Opens a raw SMTP session, starts a message (DATA), and resets the connection (TCP RST) before sending it. */
async function resetMidMessage(port: number): Promise<void> {
  const socket = net.connect(port, '127.0.0.1');
  let heard = '';
  const waitFor = (code: string) =>
    new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        heard += chunk.toString();
        if (heard.split('\r\n').some((line) => line.startsWith(`${code} `))) {
          socket.off('data', onData);
          heard = '';
          resolve();
        }
      };
      socket.on('data', onData);
      socket.once('error', reject);
    });
  await waitFor('220');
  socket.write('EHLO worker.test\r\n');
  await waitFor('250');
  socket.write('MAIL FROM:<zi@instansi.test>\r\n');
  await waitFor('250');
  socket.write('RCPT TO:<pimpinan@instansi.test>\r\n');
  await waitFor('250');
  socket.write('DATA\r\n');
  await waitFor('354');
  socket.resetAndDestroy();
  await new Promise((resolve) => socket.once('close', resolve));
}

it('keeps accepting mail after a client resets its connection mid-message', async () => {
  await resetMidMessage(sink.smtpPort);
  await resetMidMessage(sink.smtpPort);

  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: sink.smtpPort, secure: false });
  await transport.sendMail({
    from: 'zi@instansi.test',
    to: 'pimpinan@instansi.test',
    subject: 'Setelah koneksi terputus',
    text: 'Pesan ini tetap diterima.',
  });
  transport.close();

  expect(sink.messages.map((message) => message.Subject)).toEqual(['Setelah koneksi terputus']);
});
