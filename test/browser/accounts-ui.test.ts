import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import request from 'supertest';
import { ensureFirstAdmin } from '../../api/auth/first-admin';
import { tokenFor } from '../support/auth';
import { messagesTo, readMessage } from '../support/mailbox';
import { eventually } from '../support/wait';
import { untilVisible, useWebStack } from './support/web';

/**
 * The UI's account and registry screens in Chromium: Bagian Organisasi registers a unit and invites a person with a
 * grant in it, sees the invitation in the email log; the person accepts it, forgets the password and resets it from
 * the email link, names a substitute, and is kept out of the admin screens; the inbox reads on a phone, and an expired access token is
 * refreshed without the person noticing. The server
 * keeps its own paths: an unknown /api path is still a problem, not the UI.
 */
const { stack, web } = useWebStack();

const run = randomUUID().slice(0, 8);
const password = `kata-sandi-uji-${run}`;
const adminPerson = { name: `Organisasi ${run}`, email: `organisasi-akun-${run}@pemkot.test` };
const unitCode = `AKUN-${run.toUpperCase()}`;
const newcomer = { name: `Pegawai Baru ${run}`, email: `pegawai-${run}@pemkot.test` };

async function linkToken(to: string, subject: string, linkPath: string): Promise<string> {
  const message = await eventually(async () => (await messagesTo(to)).find((m) => m.Subject.startsWith(subject)), {
    timeoutMs: 30_000,
    what: `an email "${subject}…" to ${to}`,
  });
  const { Text } = await readMessage(message.ID);
  const token = new RegExp(`${linkPath}\\?token=([A-Za-z0-9_-]+)`).exec(Text)?.[1];
  if (!token) throw new Error(`no ${linkPath} link in "${message.Subject}"`);
  return token;
}

async function signIn(page: Page, email: string, secret: string): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(secret);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

describe('accounts and registers in the web UI', () => {
  it('registers a unit, invites a person who sets, forgets and resets a password, and names a substitute', async () => {
    await ensureFirstAdmin({ models: stack().models }, { ...adminPerson, password });
    const admin = await web().newPage();
    await signIn(admin, adminPerson.email, password);
    await admin.getByRole('heading', { name: 'Dasbor' }).waitFor();

    // A unit in Makassar's zone.
    await admin
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Unit kerja', exact: true })
      .click();
    await admin.getByLabel('Kode unit').fill(unitCode);
    await admin.getByLabel('Nama unit', { exact: true }).fill(`Dinas Akun ${run}`);
    await admin.getByLabel('Zona waktu').selectOption('WITA');
    await admin.getByRole('button', { name: 'Daftarkan unit' }).click();
    await admin.getByText(`Unit ${unitCode} terdaftar.`).waitFor();
    await admin.getByLabel('Cari nama unit').fill(`Dinas Akun ${run}`);
    await admin.getByLabel('Cari nama unit').blur();
    await admin.getByRole('row', { name: new RegExp(`${unitCode}.*WITA`) }).waitFor();

    // A person invited as anggota of that unit.
    await admin
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Orang', exact: true })
      .click();
    const filters = admin.getByRole('form', { name: 'Saring orang' });
    await filters.getByLabel('Unit').fill(unitCode);
    await filters.getByLabel('Unit').blur();
    await admin.waitForURL(new RegExp(`unit=${unitCode}`));
    const invite = admin.locator('form', { hasText: 'Undang orang' });
    await invite.getByLabel('Nama', { exact: true }).fill(newcomer.name);
    await invite.getByLabel('Email').fill(newcomer.email);
    await invite.getByLabel('Peran').selectOption('anggota_tim');
    await invite.getByLabel(/Kode unit/).fill(unitCode);
    await invite.getByRole('button', { name: 'Tambah hak' }).click();
    await invite.getByText(`Anggota Tim Kerja ZI (${unitCode})`).waitFor();
    await invite.getByRole('button', { name: 'Kirim undangan' }).click();
    await admin.getByText(`Undangan terkirim ke ${newcomer.email}.`).waitFor();
    await admin.getByRole('row', { name: new RegExp(`${newcomer.name}.*Diundang`) }).waitFor();

    // The invitation in the email log, sent.
    await admin
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Log email', exact: true })
      .click();
    await admin.getByLabel('Penerima').fill(newcomer.email);
    await admin.getByLabel('Penerima').blur();
    await untilVisible(admin, admin.getByRole('row', { name: /Undangan ZI Orchestrator.*Terkirim/ }));

    // The person accepts the invitation and lands on their (empty) inbox.
    const person = await web().newPage();
    const invitation = await linkToken(newcomer.email, 'Undangan ZI Orchestrator', '/undangan');
    await person.goto(`/undangan?token=${invitation}`);
    await person.getByLabel('Kata sandi baru', { exact: true }).fill(password);
    await person.getByLabel('Ulangi kata sandi baru').fill(`${password}-lain`);
    await person.getByRole('button', { name: 'Aktifkan akun' }).click();
    await person.getByText('Kata sandi tidak sama').waitFor();
    await person.getByLabel('Ulangi kata sandi baru').fill(password);
    await person.getByRole('button', { name: 'Aktifkan akun' }).click();
    await person.getByRole('heading', { name: 'Kotak tugas' }).waitFor();
    await person.getByText('Tidak ada tugas yang cocok').waitFor();

    // Bagian Organisasi's screens are not theirs (the API refuses them too).
    await person.goto('/admin/orang');
    await person.getByRole('heading', { name: 'Halaman ini untuk Bagian Organisasi' }).waitFor();
    expect(await person.getByRole('link', { name: 'Log email' }).count()).toBe(0);

    // A colleague of the same unit (an active account) stands in for them from today (the form's default).
    const colleague = { name: `Rekan ${run}`, email: `rekan-${run}@pemkot.test` };
    await tokenFor(stack(), colleague, [{ role: 'anggota_tim', unitCode }]);
    await person
      .getByRole('navigation', { name: 'Menu utama' })
      .getByRole('link', { name: 'Pengganti', exact: true })
      .click();
    await person.getByLabel('Nama pengganti').fill(colleague.name);
    await person.getByLabel('Email pengganti').fill(colleague.email);
    await person.getByRole('button', { name: 'Simpan pengganti' }).click();
    await person.getByText(`${colleague.name} menjadi pengganti Anda.`).waitFor();
    await person.getByRole('listitem').filter({ hasText: colleague.name }).getByText('Berlaku hari ini').waitFor();

    // Signs out, forgets the password, resets it from the email link, signs in with the new one.
    await person.getByRole('button', { name: 'Keluar' }).click();
    await person.getByRole('heading', { name: 'Masuk' }).waitFor();
    await person.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await person.getByLabel('Email').fill(newcomer.email);
    await person.getByRole('button', { name: 'Kirim tautan' }).click();
    await person.getByText(/tautan untuk mengatur ulang kata sandi telah dikirim/).waitFor();
    const reset = await linkToken(newcomer.email, 'Atur ulang kata sandi', '/atur-ulang-sandi');
    const newPassword = `${password}-baru`;
    await person.goto(`/atur-ulang-sandi?token=${reset}`);
    await person.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
    await person.getByLabel('Ulangi kata sandi baru').fill(newPassword);
    await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await person.getByText('Kata sandi baru tersimpan.').waitFor();
    // The link was single-use.
    await person.goto(`/atur-ulang-sandi?token=${reset}`);
    await person.getByLabel('Kata sandi baru', { exact: true }).fill(newPassword);
    await person.getByLabel('Ulangi kata sandi baru').fill(newPassword);
    await person.getByRole('button', { name: 'Simpan kata sandi' }).click();
    await person.getByText('Tautan sudah dipakai atau kedaluwarsa').waitFor();
    await signIn(person, newcomer.email, password);
    await person.getByRole('alert').waitFor();
    await signIn(person, newcomer.email, newPassword);
    await person.getByRole('heading', { name: 'Kotak tugas' }).waitFor();

    // On a phone the inbox fits the screen: no sideways scrolling.
    const phone = await web().newPage({ width: 390, height: 844 });
    await signIn(phone, newcomer.email, newPassword);
    await phone.getByRole('heading', { name: 'Kotak tugas' }).waitFor();
    const overflow = await phone.evaluate(
      'document.documentElement.scrollWidth - document.documentElement.clientWidth',
    );
    expect(overflow).toBe(0);

    // An access token the server no longer takes (expired) is refreshed with the refresh token, unnoticed.
    await phone.evaluate(`(() => {
      const session = JSON.parse(localStorage.getItem('zi.sesi'));
      localStorage.setItem('zi.sesi', JSON.stringify({ ...session, accessToken: 'kedaluwarsa.${'x'.repeat(40)}' }));
    })()`);
    await phone.reload();
    await phone.getByRole('heading', { name: 'Kotak tugas' }).waitFor();
    expect(await phone.evaluate(`JSON.parse(localStorage.getItem('zi.sesi')).accessToken`)).not.toMatch(/^kedaluwarsa/);
  }, 120_000);

  it('leaves the server’s own paths to the server, and serves the UI under its security policy', async () => {
    const app = stack().app;
    const unknownApi = await request(app).get('/api/v1/tidak-ada').expect(404);
    expect(unknownApi.headers['content-type']).toMatch(/^application\/problem\+json/);
    await request(app).get('/healthz').expect(200);
    const missingAsset = await request(app).get('/assets/tidak-ada.js').expect(404);
    expect(missingAsset.headers['content-type']).toMatch(/problem\+json/);

    const page = await request(app).get('/tugas/tugas:x:y:z').expect(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.headers['cache-control']).toBe('no-cache');
    const policy = page.headers['content-security-policy'] as string;
    expect(policy).toContain("script-src 'self'");
    expect(policy).toContain("style-src 'self'");
    expect(policy).toContain("frame-ancestors 'none'");
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(page.text)?.[1];
    const asset = await request(app).get(script!).expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
  });
});
