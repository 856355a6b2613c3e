import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { ensureFirstAdmin } from '../../api/auth/first-admin';
import { defaultLkeTemplate } from '../../domain/lke';
import { stageCodes, stageLabels } from '../../domain/stages';
import { screenshotPath, useWebStack } from './support/web';

/**
 * What the dashboard and the task page read from the API since it gained them, in Chromium: the lagging units of the
 * chosen cycle from its monev verdicts (the latest period's share against the plan, and every period in a list), the
 * count of the cycle's own failed emails (not the instansi's), a task's own description with its line breaks, and the
 * launch wizard carrying the cycle's open recommendations into a new cycle (the confirmation counts their tasks).
 *
 * The read models a running cycle would have written (the cycle, its monev verdicts, its emails, a carried task, an
 * ended assessment with a TPN note to carry) are seeded directly: the workflows that write them are tested on their
 * own (test/integration); what is under test here is that the screens read them through the public API. The servers
 * are real.
 */
const { stack, web } = useWebStack();

const run = randomUUID().slice(0, 8);
const password = `kata-sandi-uji-${run}`;
const adminPerson = { name: `Organisasi Dasbor ${run}`, email: `organisasi-dasbor-${run}@pemkot.test` };
const cycleId = `dasbor-${run}`;
const otherCycleId = `dasbor-lain-${run}`;
const behind = { code: `TGL-${run.toUpperCase()}`, name: `Dinas Tertinggal ${run}` };
const ahead = { code: `MJU-${run.toUpperCase()}`, name: `Dinas Maju ${run}` };
const taskId = `tugas:${cycleId}:${behind.code}:rekomendasi_tpi`;
const recommendations = ['Lengkapi SOP pelayanan', 'Publikasikan survei kepuasan'];
const tpnNote = `Perkuat survei kepuasan ${run}`;

async function seedCycle(): Promise<void> {
  const { Cycle, MonevReview, Notification, Task } = stack().models;
  const unit = (u: { code: string; name: string }) => ({
    code: u.code,
    name: u.name,
    head: { name: `Kepala ${u.code}`, email: `kepala-${u.code.toLowerCase()}@pemkot.test` },
    status: 'active',
    stage: 'pelaksanaan',
  });
  const launchedBy = { name: adminPerson.name, email: adminPerson.email };
  await Cycle.create([
    {
      _id: cycleId,
      name: `Siklus Dasbor ${run}`,
      year: 2026,
      units: [unit(behind), unit(ahead)],
      launchedBy,
      status: 'launched',
      zone: 'WIB',
      seq: 1,
    },
    {
      _id: otherCycleId,
      name: `Siklus Lain ${run}`,
      year: 2026,
      units: [unit(ahead)],
      launchedBy,
      status: 'launched',
      zone: 'WIB',
      seq: 1,
    },
  ]);
  const counts = (approvedBehind: number, approvedAhead: number) => [
    { unitCode: behind.code, unitName: behind.name, planned: 8, approved: approvedBehind },
    { unitCode: ahead.code, unitName: ahead.name, planned: 8, approved: approvedAhead },
  ];
  await MonevReview.create([
    {
      _id: `${cycleId}:2026-04`,
      cycleId,
      periodKey: '2026-04',
      label: 'April 2026',
      at: new Date('2026-04-30T10:00:00Z'),
      expectedShare: 0.25,
      units: counts(2, 3),
      lagging: [],
    },
    {
      _id: `${cycleId}:2026-05`,
      cycleId,
      periodKey: '2026-05',
      label: 'Mei 2026',
      at: new Date('2026-05-29T10:00:00Z'),
      expectedShare: 0.5,
      units: counts(2, 5),
      lagging: [{ unitCode: behind.code, unitName: behind.name, share: 0.25, expected: 0.5, shortfall: 0.25 }],
    },
  ]);
  const email = (id: string, cycle: string, status: 'failed' | 'sent') => ({
    _id: `${id}-${run}`,
    template: 'task-assigned',
    to: `${id}-${run}@pemkot.test`,
    subject: `Tugas baru ${id}`,
    status,
    attempts: status === 'failed' ? 5 : 1,
    ...(status === 'failed' ? { lastError: '550 mailbox unavailable' } : {}),
    cycleId: cycle,
  });
  await Notification.create([
    email('gagal-1', cycleId, 'failed'),
    email('gagal-2', cycleId, 'failed'),
    email('terkirim', cycleId, 'sent'),
    email('gagal-lain', otherCycleId, 'failed'),
  ]);
  // The lagging unit ended the cycle without a predikat, with a TPN note: one recommendation to carry.
  await stack().models.Assessment.create({
    _id: `${cycleId}:${behind.code}`,
    cycleId,
    unitCode: behind.code,
    templateId: defaultLkeTemplate.id,
    phase: 'selesai',
    layers: ['unit'],
    currentLayer: 'unit',
    answers: { unit: {} },
    tpn: { desk: { result: 'tidak_lulus', date: '2026-10-01', note: tpnNote, by: adminPerson.email } },
    predikat: { predicate: null, date: '2026-11-01', by: adminPerson.email },
    seq: 1,
  });
  await Task.create({
    _id: taskId,
    cycleId,
    unitCode: behind.code,
    templateKey: 'rekomendasi_tpi',
    title: 'Tindak lanjut rekomendasi TPI siklus lalu',
    stage: 'pelaksanaan',
    description: `Tindak lanjuti rekomendasi berikut:\n${recommendations.map((r) => `- ${r}`).join('\n')}`,
    status: 'open',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    due: new Date('2026-12-30T10:00:00Z'),
    seq: 1,
  });
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`/masuk?lanjut=${encodeURIComponent(`/dasbor?siklus=${cycleId}`)}`);
  await page.getByLabel('Email').fill(adminPerson.email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

describe('dashboard and task page in the web UI', () => {
  it("shows the cycle's lagging units, its own failed emails, a task's description and carried recommendations", async () => {
    await ensureFirstAdmin({ models: stack().models }, { ...adminPerson, password });
    await seedCycle();
    const page = await web().newPage();
    await signIn(page);
    await page.getByRole('heading', { name: `Siklus Dasbor ${run}` }).waitFor();

    // Monev: the latest period, its lagging unit with share against the plan; the ahead unit is not listed.
    const monev = page.getByTestId('monev');
    await monev.getByText('Periode terakhir: Mei 2026').waitFor();
    const row = monev.locator('#monev-tertinggal').getByRole('row', { name: new RegExp(behind.code) });
    await row.waitFor();
    expect(await row.textContent()).toMatch(/25%.*2\/8 tugas.*50%.*25%/);
    expect(await monev.locator('#monev-tertinggal').textContent()).not.toContain(ahead.code);
    await monev.getByText('Semua periode (2)').click();
    await monev.getByText(/April 2026 — target 25%; tidak ada unit tertinggal/).waitFor();
    await monev.getByText(new RegExp(`Mei 2026 — target 50%; tertinggal: ${behind.code} \\(25%\\)`)).waitFor();

    // Failed emails: the two of this cycle, not the other cycle's.
    await page.locator('[data-kpi="failed-emails"] dd', { hasText: /^2$/ }).waitFor();
    const failed = page.getByRole('region', { name: 'Email gagal terkirim pada siklus ini' });
    await failed.getByText(`gagal-1-${run}@pemkot.test`).waitFor();
    expect(await failed.textContent()).not.toContain(`gagal-lain-${run}`);
    await page.screenshot({ path: screenshotPath('dasbor-monev.png'), fullPage: true });

    // The link opens the email log narrowed to this cycle's failures.
    await failed.getByRole('link', { name: /log email siklus ini/ }).click();
    await page.getByRole('heading', { name: 'Log email' }).waitFor();
    await page.getByText(`gagal-2-${run}@pemkot.test`).waitFor();
    expect(await page.locator('table').textContent()).not.toContain(`gagal-lain-${run}`);

    // The carried task shows its own description, one recommendation per line.
    await page.goto(`/tugas/${encodeURIComponent(taskId)}`);
    const description = page.getByTestId('deskripsi-tugas');
    await description.waitFor();
    const lines = (await description.innerText()).split('\n');
    expect(lines).toEqual(['Tindak lanjuti rekomendasi berikut:', ...recommendations.map((r) => `- ${r}`)]);

    // An email's link to a unit in the cycle lands on that unit's tasks in the cycle.
    await page.goto(`/siklus/${cycleId}/unit/${behind.code}`);
    await page.waitForURL(/\/tugas\?/);
    const landed = new URL(page.url()).searchParams;
    expect(Object.fromEntries(landed)).toMatchObject({ scope: 'unit', cycle: cycleId, unit: behind.code });

    // The launch wizard carries the cycle's open recommendations into a new cycle: the confirmation counts them.
    await page.getByRole('link', { name: 'Luncurkan siklus' }).click();
    await page.getByLabel('Nama siklus').fill(`Siklus Lanjutan ${run}`);
    await page.getByLabel('Tahun').fill('2027');
    await page.getByRole('button', { name: 'Tambah unit' }).click();
    await page.getByLabel('Kode unit 1').fill(behind.code);
    await page.getByLabel('Nama unit 1', { exact: true }).fill(behind.name);
    await page.getByLabel('Nama pimpinan unit 1').fill(`Kepala ${behind.code}`);
    await page.getByLabel('Email pimpinan unit 1').fill(`kepala-${behind.code.toLowerCase()}@pemkot.test`);
    await page.getByLabel('Bawa rekomendasi dari siklus (opsional)').selectOption(cycleId);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    for (const stage of stageCodes) {
      await page.getByLabel(`${stageLabels[stage]} dibuka`).fill('2027-03-01');
      await page.getByLabel(`${stageLabels[stage]} tenggat`).fill('2027-12-30');
    }
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Katalog rencana aksi' }).waitFor();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('heading', { name: 'Konfirmasi' }).waitFor();
    expect(await page.getByTestId('carried-tasks').textContent()).toBe('1 tugas rekomendasi');

    // And on a phone the monev table still reads.
    const phone = await web().newPage({ width: 390, height: 844 });
    await signIn(phone);
    await phone.getByTestId('monev').getByText(behind.name).waitFor();
  }, 120_000);
});
