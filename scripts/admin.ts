/**
 * `npm run admin -- --email x@instansi.go.id --name "Nama"`: creates an active Bagian Organisasi account
 * (instansi-wide admin_organisasi) with the password from ZI_ADMIN_PASSWORD, or read from stdin when that is not set.
 * An email that already has an account is left unchanged. The same code the API runs at start-up for ZI_ADMIN_*.
 */
import { createInterface } from 'node:readline';
import { Writable } from 'node:stream';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { connectMongo } from '../activities/models';
import { ensureFirstAdmin } from '../api/auth/first-admin';
import { minPasswordLength } from '../api/auth/passwords';
import { loadConfig } from '../config';

const usage =
  'Pemakaian: npm run admin -- --email <email> --name "<nama>"   (kata sandi: ZI_ADMIN_PASSWORD atau stdin)';

/** One line from stdin (a pipe, or typed on a terminal without echo). */
async function readPassword(): Promise<string> {
  const terminal = process.stdin.isTTY === true;
  if (terminal) process.stderr.write(`Kata sandi (minimal ${minPasswordLength} karakter): `);
  // On a terminal readline echoes into `output`: a sink, so the password never shows on screen.
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const lines = createInterface({ input: process.stdin, output: sink, terminal });
  try {
    for await (const line of lines) {
      if (terminal) process.stderr.write('\n');
      return line;
    }
    return '';
  } finally {
    lines.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { email: { type: 'string' }, name: { type: 'string' } } });
  const email = z.email().safeParse(values.email);
  const name = z.string().trim().min(1).max(200).safeParse(values.name);
  if (!email.success || !name.success) {
    console.error(usage);
    return 2;
  }
  const password = process.env.ZI_ADMIN_PASSWORD || (await readPassword());
  if (password.length < minPasswordLength) {
    console.error(`Kata sandi minimal ${minPasswordLength} karakter.`);
    return 2;
  }
  const config = loadConfig();
  const { connection, models } = await connectMongo(config.mongodb, () =>
    console.error('MongoDB belum dapat dihubungi; mencoba lagi…'),
  );
  try {
    const admin = await ensureFirstAdmin({ models }, { email: email.data, name: name.data, password });
    console.log(
      admin.created
        ? `Akun admin Bagian Organisasi dibuat: ${admin.personId}`
        : `Sudah ada akun untuk ${admin.personId}; tidak diubah.`,
    );
    return 0;
  } finally {
    await connection.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
