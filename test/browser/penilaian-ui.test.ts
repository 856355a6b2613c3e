import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import type { Locator, Page } from 'playwright-core';
import request from 'supertest';
import { hashPassword } from '../../api/auth/passwords';
import {
  defaultLkeTemplate,
  findQuestion,
  questionsOf,
  scoreAssessment,
  type LkeAnswer,
  type PercentageQuestion,
} from '../../domain/lke';
import { personIdOf } from '../../domain/people';
import { localDayOf } from '../../domain/calendar';
import { assessmentStateQuery, pemantauanWorkflowId } from '../../workflows/definitions';
import { bearer, tokenFor } from '../support/auth';
import { bestAnswer, linksFor, startAssessmentWorld, type AssessmentWorld } from '../support/drive-assessment';
import { flat, pdfText } from '../support/pdf-text';
import { eventually } from '../support/wait';
import { screenshotPath, untilVisible, useWebStack } from './support/web';

/**
 * Issue 6's penilaian screens in Chromium, on a real assessment workflow. The unit's team has answered most of the
 * LKE over the API; the ketua tim answers the rest in the form — an option with an evidence link typed in, an option
 * with an uploaded file, a percentage — and watches the live score preview name a failed condition, its shortfall
 * shrink and the condition disappear as the answers change; then submits. A TPI anggota opens the layer view, sees the
 * unit's answers and evidence (the uploaded file by its name) beside their own, changes an answer with a note and
 * forwards the layer; the next layer's view shows that answer beside the unit's. The LKE workbook downloaded from
 * the page is read back with exceljs. The TPI ketua sends a question back for tindak lanjut; Bagian Organisasi steers
 * its task (refused and accepted due dates, reassignment, cancellation); after the last layers the pimpinan approves
 * the proposal and Bagian Organisasi records it, the TPN stages and the predikat; the certificate and the cycle report
 * download as PDFs; then Bagian Organisasi revokes the predikat from the unit's page after a confirmation.
 * Separately, Bagian Organisasi's templates screen: the list, a refused template with its field errors, a published one.
 *
 * The assessment runs on the drive-assessment clock (one day per second from 2 March 2026): dates the workflow judges
 * (proposal, TPN, predikat) are taken from that clock, not from today.
 */
const { stack, web } = useWebStack();
const api = () => request(stack().app);

const run = randomUUID().slice(0, 8);
const password = `kata-sandi-uji-${run}`;
const template = defaultLkeTemplate;
const question = (id: string) => findQuestion(template, id)!.question;

/** The questions answered in the browser; the rest are answered over the API first. */
const linked = question('mp_tim_kerja_a'); // ya/tidak, 3 documents: the last one gets a link typed in the form
const uploaded = question('mp_tim_kerja_b'); // A/B/C, 3 documents: the last one gets an uploaded file
const counted = question('mp_komitmen_perubahan_a') as PercentageQuestion; // a percentage, its evidence already there
/** Answered B over the API: keeps the reform half of Manajemen Perubahan just below WBBM's minimum. */
const weakened = question('mp_komitmen_pimpinan_a');
const inBrowser = [linked.id, uploaded.id, counted.id];
const linkUrl = `https://drive.pemkot.test/${run}/notulen-pembentukan-tim`;

/** The day it is on the assessment's compressed clock (WIB): the workflow judges dates by it. */
async function workflowToday(world: AssessmentWorld): Promise<string> {
  return localDayOf(new Date((await world.handle.query(assessmentStateQuery)).asOf), 'WIB');
}

/** Clicks a download button and returns the file's bytes and name. */
async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Buffer; file: string }> {
  const [started] = await Promise.all([page.waitForEvent('download'), button.click()]);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'zi-unduhan-')), started.suggestedFilename());
  await started.saveAs(file);
  return { name: started.suggestedFilename(), bytes: readFileSync(file), file };
}

/** A failed condition as the screen writes it: Indonesian decimals ("2,75 < 3,00 (kurang 0,25)"). */
const indonesian = (message: string) => message.replace(/(\d)\.(\d)/g, '$1,$2');

/** The failed minimums (WBK and WBBM) these answers leave, as the domain scores them. */
function failedMinimums(answers: Record<string, LkeAnswer>): string[] {
  const result = scoreAssessment({ template, answers, assessmentDate: '2026-06-01' });
  return result.failures.filter((failure) => failure.kind === 'minimum').map((f) => indonesian(f.message));
}

async function signIn(page: Page, email: string, next: string): Promise<void> {
  await page.goto(`/masuk?lanjut=${encodeURIComponent(next)}`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
}

/** The people of the world sign in with a password, as anyone would. */
async function givePasswords(world: AssessmentWorld): Promise<void> {
  const passwordHash = await hashPassword(password);
  const emails = [world.ketua, world.pimpinan, world.penilai[0], world.penilai[1], world.admin].map((p) =>
    personIdOf(p.email),
  );
  await stack().models.Account.updateMany({ _id: { $in: emails } }, { $set: { passwordHash } });
}

/** The cycle's read model, as a launch would have written it, so the cycle pickers and the report find it. */
async function registerCycle(world: AssessmentWorld): Promise<void> {
  await stack().models.Cycle.create({
    _id: world.cycleId,
    name: world.input.cycleName,
    year: 2026,
    units: [
      {
        code: world.unit.code,
        name: world.unit.name,
        head: { name: world.pimpinan.name, email: world.pimpinan.email },
        status: 'active',
        stage: 'penilaian',
      },
    ],
    launchedBy: { name: world.admin.name, email: world.admin.email },
    status: 'launched',
    zone: 'WIB',
    seq: 1,
  });
}

/** Every question but the browser's over the API, with a link per document; the browser's get part of theirs. */
async function answerOverApi(world: AssessmentWorld): Promise<void> {
  const put = (id: string, body: object) =>
    api()
      .put(`${world.path}/answers/${id}`)
      .auth(world.ketua.token, bearer)
      .send(body)
      .expect(200)
      .then(() => undefined);
  const bodies = questionsOf(template).map(({ question: q }) => {
    const evidence = linksFor(q);
    if (q.id === linked.id || q.id === uploaded.id) delete evidence[q.requiredEvidence.at(-1)!];
    if (inBrowser.includes(q.id)) return [q.id, { answer: null, evidence }] as const;
    const answer = q.id === weakened.id ? { kind: 'option', option: 'B' } : bestAnswer(q);
    return [q.id, { answer, evidence }] as const;
  });
  for (let i = 0; i < bodies.length; i += 10) {
    await Promise.all(bodies.slice(i, i + 10).map(([id, body]) => put(id, body)));
  }
}

const card = (page: Page, id: string): Locator => page.locator(`article[data-question="${id}"]`);
const failures = (page: Page) => page.getByTestId('pratinjau-nilai').locator('ul.failures');

describe('penilaian in the web UI', () => {
  let world: AssessmentWorld;

  afterAll(async () => {
    // Whatever this file started and may still wait: the assessment (if a test stopped early) and the pemantauan.
    for (const id of world ? [world.handle.workflowId, pemantauanWorkflowId(world.cycleId, world.unit.code)] : []) {
      await stack()
        .client.workflow.getHandle(id)
        .terminate('penilaian UI test finished')
        .catch(() => undefined);
    }
  });

  it('the team answers the LKE with a live score and submits; TPI layers, tindak lanjut, proposal, TPN, predikat', async () => {
    world = await startAssessmentWorld(stack());
    await Promise.all([givePasswords(world), registerCycle(world), answerOverApi(world)]);
    const prefilled = Object.fromEntries(
      questionsOf(template)
        .filter(({ question: q }) => !inBrowser.includes(q.id))
        .map(({ question: q }) => [q.id, q.id === weakened.id ? { kind: 'option', option: 'B' } : bestAnswer(q)]),
    ) as Record<string, LkeAnswer>;
    const before = failedMinimums(prefilled);
    // The reform half of Manajemen Perubahan is short of WBBM's minimum, and only that.
    expect(before).toEqual([expect.stringMatching(/^Reform Manajemen Perubahan .* \(kurang 0,25\)$/)]);

    // 1. The ketua tim finds the penilaian through the menu: Penilaian → the cycle → the unit → the form.
    const ketua = await web().newPage({ width: 1280, height: 1000 });
    await signIn(ketua, world.ketua.email, '/penilaian');
    await ketua.getByRole('heading', { name: 'Penilaian dan penghargaan' }).waitFor();
    await ketua.getByLabel('Siklus').selectOption(world.cycleId);
    await ketua.getByRole('link', { name: world.unit.name }).click();
    await ketua.getByRole('heading', { name: `Penilaian ${world.unit.name}` }).waitFor();
    await ketua.getByTestId('tahap-penilaian').getByText('Penilaian mandiri').waitFor();
    await ketua.getByRole('link', { name: 'Isi formulir LKE' }).click();
    await ketua.getByRole('heading', { name: `Formulir LKE ${world.unit.name}` }).waitFor();
    await ketua.getByText(`107 dari ${questionsOf(template).length} pertanyaan dijawab`).waitFor();

    // Progress per area: Manajemen Perubahan is the area with the three open questions.
    const area = ketua
      .getByRole('navigation', { name: 'Area LKE' })
      .getByRole('button', { name: /Manajemen Perubahan/ });
    await area.getByText('13/16 dijawab · 14/16 data dukung lengkap').waitFor();
    await area.click();
    await ketua.getByRole('heading', { name: /^Manajemen Perubahan/, level: 2 }).waitFor();
    await ketua.getByLabel('Tampilkan pertanyaan').selectOption({ label: 'Belum lengkap' });
    await ketua.waitForURL(/tampil=belum/);
    expect(await ketua.locator('article[data-question]').count()).toBe(inBrowser.length);

    // 2. The preview names the failed condition with its shortfall…
    await failures(ketua).getByText(before[0]!).waitFor();

    // …which shrinks as the percentage is typed in (not saved yet), and disappears with a better one.
    const percentage = card(ketua, counted.id);
    await percentage.getByLabel(counted.numeratorLabel).fill('1');
    await percentage.getByLabel(counted.denominatorLabel).fill('10');
    const partly = failedMinimums({ ...prefilled, [counted.id]: { kind: 'counts', numerator: 1, denominator: 10 } });
    expect(partly).toEqual([expect.stringMatching(/^Reform Manajemen Perubahan .* \(kurang 0,15\)$/)]);
    await failures(ketua).getByText(partly[0]!).waitFor();
    await ketua.getByText('termasuk 1 perubahan yang belum disimpan').waitFor();
    await ketua.evaluate('window.scrollTo(0, 0)');
    await ketua.screenshot({ path: screenshotPath('formulir-lke.png') });
    await percentage.getByLabel(counted.numeratorLabel).fill('8');
    const full = { ...prefilled, [counted.id]: { kind: 'counts', numerator: 8, denominator: 10 } as LkeAnswer };
    expect(failedMinimums(full)).toEqual([]);
    await failures(ketua)
      .getByText(/Reform Manajemen Perubahan/)
      .waitFor({ state: 'detached' });
    await percentage.getByText('= 80,00%').waitFor();
    await percentage.getByRole('button', { name: /Simpan jawaban/ }).click();
    await percentage.getByText('Jawaban tersimpan.').waitFor();

    // 3. A ya/tidak question: the answer, a note, and the missing document as a link typed in.
    const yesNo = card(ketua, linked.id);
    const linkedDocument = linked.requiredEvidence.at(-1)!;
    await yesNo.getByLabel('Ya', { exact: true }).check();
    await yesNo.getByLabel(/^Catatan untuk pertanyaan/).fill('Tim dibentuk dengan SK kepala dinas');
    await yesNo.getByLabel(`Tautan https untuk ${linkedDocument}`).fill('drive.pemkot.test/tanpa-https');
    await yesNo.getByRole('button', { name: `Tambah tautan untuk ${linkedDocument}` }).click();
    await yesNo.getByText(/harus diawali https:\/\//).waitFor();
    await yesNo.getByLabel(`Tautan https untuk ${linkedDocument}`).fill(linkUrl);
    await yesNo.getByRole('button', { name: `Tambah tautan untuk ${linkedDocument}` }).click();
    await yesNo.getByRole('link', { name: linkUrl }).waitFor();
    await yesNo.getByRole('button', { name: /Simpan jawaban/ }).click();
    await yesNo.getByText('Jawaban tersimpan.').waitFor();
    await yesNo.getByText('Lengkap', { exact: true }).waitFor();

    // 4. A question answered A whose last document is an uploaded file.
    const choice = card(ketua, uploaded.id);
    const uploadedDocument = uploaded.requiredEvidence.at(-1)!;
    await choice.getByLabel(/^A\. /).check();
    await choice.getByLabel(`Unggah berkas untuk ${uploadedDocument}`).setInputFiles({
      name: 'riwayat-hidup-tim.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% riwayat hidup ${run}\n%%EOF\n`),
    });
    await choice.getByText(`Berkas riwayat-hidup-tim.pdf terunggah untuk "${uploadedDocument}"`).waitFor();
    await choice.getByRole('button', { name: 'riwayat-hidup-tim.pdf', exact: true }).waitFor();
    await choice.getByRole('button', { name: /Simpan jawaban/ }).click();
    await choice.getByText('Jawaban tersimpan.').waitFor();

    await ketua.getByText(`110 dari ${questionsOf(template).length} pertanyaan dijawab`).waitFor();
    await area.getByText('16/16 dijawab · 16/16 data dukung lengkap').waitFor();
    const answered = {
      ...full,
      [linked.id]: { kind: 'option', option: 'ya' },
      [uploaded.id]: { kind: 'option', option: 'A' },
    };
    const total = scoreAssessment({
      template,
      answers: answered as Record<string, LkeAnswer>,
      assessmentDate: '2026-06-01',
    }).total.score;
    await ketua
      .getByTestId('nilai-total')
      .getByText(indonesian(total.toFixed(2)))
      .waitFor();

    // The answers reached the read model as typed, with the link and the file as evidence.
    const stored = await stack().models.Assessment.findById(`${world.cycleId}:${world.unit.code}`).lean();
    expect(stored!.answers.unit![linked.id]).toMatchObject({
      answer: { kind: 'option', option: 'ya' },
      note: 'Tim dibentuk dengan SK kepala dinas',
      by: personIdOf(world.ketua.email),
    });
    expect(stored!.answers.unit![counted.id]!.answer).toEqual({ kind: 'counts', numerator: 8, denominator: 10 });
    expect(stored!.evidence[linked.id]![linkedDocument]).toEqual([linkUrl]);
    expect(stored!.evidence[uploaded.id]![uploadedDocument]).toEqual([expect.stringMatching(/^file:[0-9a-f]{24}$/)]);

    // 5. Submit to the TPI.
    await ketua.getByLabel('Catatan untuk TPI (opsional)').fill('Mohon dievaluasi');
    await ketua.getByRole('button', { name: 'Kirim ke TPI' }).click();
    await ketua.getByText('Penilaian mandiri terkirim ke TPI.').waitFor();
    await ketua.getByText(/Jawaban unit tidak dapat diubah pada tahap ini \(Evaluasi TPI\)/).waitFor();

    // 6. A TPI anggota opens the layer view: the unit's answers and evidence beside their own editable answer.
    const tpi = await web().newPage();
    await signIn(tpi, world.penilai[0].email, `/penilaian?siklus=${world.cycleId}`);
    await tpi.getByRole('link', { name: world.unit.name }).click();
    await tpi.getByRole('link', { name: 'Nilai sebagai TPI anggota' }).click();
    await tpi.getByRole('heading', { name: `Evaluasi TPI ${world.unit.name}` }).waitFor();
    await tpi
      .getByRole('navigation', { name: 'Area LKE' })
      .getByRole('button', { name: /Manajemen Perubahan/ })
      .click();
    const row = card(tpi, linked.id);
    const unitCell = row.getByRole('group', { name: 'Penilaian mandiri unit' });
    await unitCell.getByText('Ya', { exact: true }).waitFor();
    await unitCell.getByText('“Tim dibentuk dengan SK kepala dinas”').waitFor();
    await unitCell.getByRole('link', { name: linkUrl }).waitFor();
    // The file the ketua uploaded shows by its name in another person's view (the assessment's file list).
    await card(tpi, uploaded.id)
      .getByRole('group', { name: 'Penilaian mandiri unit' })
      .getByRole('button', { name: 'riwayat-hidup-tim.pdf', exact: true })
      .waitFor();
    const mine = row.getByRole('group', { name: 'TPI anggota (lapis Anda)' });
    // Until the layer answers, it stands for the unit's answer.
    await expect(mine.getByLabel('Ya', { exact: true }).isChecked()).resolves.toBe(true);
    await card(tpi, counted.id)
      .getByRole('group', { name: 'Penilaian mandiri unit' })
      .getByText('8 dari 10 (80,00%)')
      .waitFor();

    await mine.getByLabel('Tidak', { exact: true }).check();
    await mine.getByLabel(/^Catatan TPI anggota/).fill('SK tim belum ditandatangani');
    const lowered = scoreAssessment({
      template,
      answers: { ...answered, [linked.id]: { kind: 'option', option: 'tidak' } } as Record<string, LkeAnswer>,
      assessmentDate: '2026-06-01',
    }).total.score;
    await tpi
      .getByTestId('nilai-total')
      .getByText(indonesian(lowered.toFixed(2)))
      .waitFor();
    await mine.getByRole('button', { name: /^Simpan/ }).click();
    await mine.getByText('Jawaban TPI anggota tersimpan.').waitFor();
    await tpi.getByLabel('Catatan lapis').fill('Lapis anggota selesai');
    await tpi.getByRole('button', { name: 'Teruskan ke TPI ketua' }).click();
    await tpi.getByText('Lapis TPI anggota selesai dan diteruskan ke TPI ketua.').waitFor();

    // The next layer's view: the unit's "Ya" and the anggota's "Tidak" with its note, side by side.
    await tpi
      .getByRole('navigation', { name: 'Area LKE' })
      .getByRole('button', { name: /Manajemen Perubahan/ })
      .click();
    await row.getByRole('group', { name: 'Penilaian mandiri unit' }).getByText('Ya', { exact: true }).waitFor();
    const anggotaCell = row.getByRole('group', { name: 'TPI anggota', exact: true });
    await anggotaCell.getByText('Tidak', { exact: true }).waitFor();
    await anggotaCell.getByText('“SK tim belum ditandatangani”').waitFor();
    await row.getByRole('group', { name: 'TPI ketua (lapis Anda)' }).waitFor();
    await card(tpi, counted.id)
      .getByRole('group', { name: 'TPI anggota', exact: true })
      .getByText('Mengikuti lapis sebelumnya')
      .waitFor();

    // 7. The LKE workbook from the unit's page, read back: the unit's and the anggota's answers and the link.
    await tpi.getByRole('link', { name: '← Ringkasan penilaian' }).click();
    await tpi.getByTestId('tahap-penilaian').getByText('Evaluasi TPI').waitFor();
    const workbookFile = await download(tpi, tpi.getByRole('button', { name: 'Unduh LKE (xlsx)' }));
    expect(workbookFile.name).toBe(`lke-${world.cycleId}-${world.unit.code}.xlsx`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(workbookFile.file);
    const sheet = workbook.getWorksheet('LKE')!;
    expect(String(sheet.getRow(1).getCell(1).value)).toContain(world.unit.name);
    const rowOf = (code: string) => {
      let found: ExcelJS.Row | undefined;
      sheet.eachRow((candidate) => {
        const values = candidate.values as unknown[];
        if (values.includes(code)) found = candidate;
      });
      if (!found) throw new Error(`no row ${code} in the workbook`);
      return (found.values as unknown[]).map((value) =>
        value && typeof value === 'object' && 'text' in value ? (value as { text: string }).text : value,
      );
    };
    const linkedRow = rowOf(`q:${linked.id}`);
    expect(linkedRow).toEqual(expect.arrayContaining(['Ya', 'Tidak', 'Tim dibentuk dengan SK kepala dinas']));
    expect(linkedRow.join('\n')).toContain(linkUrl);
    expect(rowOf(`q:${counted.id}`)).toEqual(expect.arrayContaining(['8 / 10']));

    // 8. The TPI ketua sends the first question back to the unit with a deadline and a note.
    const ketuaTpi = await web().newPage();
    await signIn(ketuaTpi, world.penilai[1].email, `/penilaian/${world.cycleId}/${world.unit.code}/tpi`);
    await ketuaTpi.getByRole('heading', { name: `Evaluasi TPI ${world.unit.name}` }).waitFor();
    await ketuaTpi.getByRole('button', { name: 'Kembalikan 0 pertanyaan untuk tindak lanjut' }).waitFor();
    await card(ketuaTpi, linked.id).getByLabel('Kembalikan pertanyaan 1 untuk tindak lanjut').check();
    await ketuaTpi.getByText('Dipilih: pertanyaan 1.').waitFor();
    await ketuaTpi.getByLabel('Tenggat tindak lanjut').fill('2026-12-30');
    await ketuaTpi.getByLabel('Catatan lapis').fill('Unggah SK tim yang sudah ditandatangani');
    await ketuaTpi.getByRole('button', { name: 'Kembalikan 1 pertanyaan untuk tindak lanjut' }).click();
    await ketuaTpi.getByText('1 pertanyaan dikembalikan ke unit untuk tindak lanjut.').waitFor();
    await ketuaTpi.getByText(/Tindak lanjut putaran 1: 1 pertanyaan dikembalikan ke unit oleh TPI ketua/).waitFor();

    // The ketua tim's form, on a phone, opens just that question, with the round's note and its task.
    const phone = await web().newPage({ width: 390, height: 844 });
    await signIn(
      phone,
      world.ketua.email,
      `/penilaian/${world.cycleId}/${world.unit.code}/lke?area=manajemen_perubahan`,
    );
    await phone.getByText('“Unggah SK tim yang sudah ditandatangani”').waitFor();
    await card(phone, linked.id)
      .getByRole('button', { name: /Simpan jawaban/ })
      .waitFor();
    expect(
      await card(phone, uploaded.id)
        .getByRole('button', { name: /Simpan jawaban/ })
        .count(),
    ).toBe(0);
    const sideways = 'document.documentElement.scrollWidth - document.documentElement.clientWidth';
    expect(await phone.evaluate(sideways)).toBe(0);

    // 9. Bagian Organisasi steers the tindak lanjut task from its page: the API's refusals are shown as they come.
    const admin = await web().newPage();
    await signIn(admin, world.admin.email, `/penilaian/${world.cycleId}/${world.unit.code}`);
    await admin.getByRole('link', { name: 'Tugas tindak lanjut' }).click();
    await admin.getByRole('link', { name: 'Buka pertanyaan tindak lanjut di formulir LKE' }).waitFor();
    const steering = admin.locator('section', { has: admin.getByRole('heading', { name: 'Kelola tugas' }) });
    await steering.getByLabel('Tenggat baru').fill('2026-12-29');
    await steering.getByLabel('Alasan perpanjangan').fill('Penandatangan SK sedang dinas luar');
    await steering.getByRole('button', { name: 'Perpanjang tenggat' }).click();
    await steering.getByRole('alert').getByText('Tenggat baru harus setelah tenggat saat ini').waitFor();
    await steering.getByLabel('Tenggat baru').fill('2027-01-08');
    await steering.getByRole('button', { name: 'Perpanjang tenggat' }).click();
    await steering.getByText('Tenggat tugas diperpanjang.').waitFor();
    await admin
      .locator('.facts')
      .getByText(/8 Januari 2027 pukul 16\.00 WIB/)
      .waitFor();
    await steering.getByLabel('Nama penerima').fill('Belum Terdaftar');
    await steering.getByLabel('Email penerima').fill(`belum-terdaftar-${run}@pemkot.test`);
    await steering.getByRole('button', { name: 'Alihkan tugas' }).click();
    await steering.getByRole('alert').waitFor();
    await steering.getByLabel('Nama penerima').fill(world.anggota.name);
    await steering.getByLabel('Email penerima').fill(world.anggota.email);
    await steering.getByRole('button', { name: 'Alihkan tugas' }).click();
    await steering.getByText(`Tugas dialihkan kepada ${world.anggota.name}.`).waitFor();
    await steering.getByLabel('Alasan pembatalan').fill('Ditinjau ulang oleh TPI ketua');
    await steering.getByRole('button', { name: 'Batalkan tugas' }).click();
    await admin.getByText('Tugas dibatalkan.').waitFor();
    await admin.locator('.facts').getByText('Dibatalkan').waitFor();
    // A cancelled round gives the review back to the layer that asked.
    await eventually(
      async () => {
        const view = await world.handle.query(assessmentStateQuery);
        return view.phase === 'review' && view.currentLayer === 'tpi_ketua' ? true : undefined;
      },
      { what: 'the review back with TPI ketua', timeoutMs: 30_000 },
    );

    // The remaining layers forward over the API; the final score makes the unit eligible for WBK.
    for (const layer of ['tpi_ketua', 'pengendali_teknis']) {
      await api()
        .post(`${world.path}/layers/${layer}/complete`)
        .auth(world.penilai[1].token, bearer)
        .send({ decision: 'forward' })
        .expect(200);
    }
    await eventually(
      async () => ((await world.handle.query(assessmentStateQuery)).phase === 'usulan' ? true : undefined),
      { what: 'the assessment waiting for its proposal', timeoutMs: 30_000 },
    );

    // 10. The pimpinan approves the proposal.
    const pimpinan = await web().newPage();
    await signIn(pimpinan, world.pimpinan.email, `/penilaian/${world.cycleId}/${world.unit.code}`);
    await pimpinan.getByTestId('tahap-penilaian').getByText('Menunggu usulan').waitFor();
    await pimpinan.getByLabel('Catatan persetujuan (opsional)').fill('Disetujui untuk diusulkan WBK');
    await pimpinan.getByRole('button', { name: 'Setujui usulan' }).click();
    await pimpinan.getByText('Usulan disetujui pimpinan unit.').waitFor();

    // 11. Bagian Organisasi records the proposal (a cover letter uploaded, the rest as links), the TPN stages and the predikat.
    await admin.goto(`/penilaian/${world.cycleId}/${world.unit.code}`);
    const day = await workflowToday(world);
    await admin.getByLabel('Tanggal usulan dikirim').fill(day);
    await admin.getByLabel('atau unggah Surat pengantar').setInputFiles({
      name: 'surat-pengantar.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from(`%PDF-1.4\n% surat pengantar ${run}\n%%EOF\n`),
    });
    await admin.getByText('Terunggah: surat-pengantar.pdf').waitFor();
    await admin.getByLabel('Tautan https SPTJM').fill(`https://drive.pemkot.test/${run}/sptjm`);
    await admin.getByLabel('Tautan https LKE hasil evaluasi TPI').fill(`https://drive.pemkot.test/${run}/lke`);
    await admin.getByRole('button', { name: 'Catat usulan' }).click();
    await admin.getByText('Usulan ke KemenPAN-RB tercatat.').waitFor();
    await admin.getByTestId('tahap-penilaian').getByText('Diusulkan ke KemenPAN-RB').waitFor();
    for (const stage of ['Pra-evaluasi', 'Desk evaluasi', 'Evaluasi lapangan']) {
      await admin.getByRole('heading', { name: `Catat ${stage}` }).waitFor();
      await admin.getByLabel('Tanggal hasil').fill(day);
      await admin.getByRole('button', { name: `Catat hasil ${stage}` }).click();
      await admin.getByText(`Hasil ${stage} tercatat.`).waitFor();
    }
    await admin.getByRole('heading', { name: 'Catat predikat' }).waitFor();
    await admin.getByLabel('Tanggal penetapan').fill(day);
    await admin.getByRole('button', { name: 'Catat predikat' }).click();
    await admin.getByText('Predikat WBK tercatat dan diumumkan.').waitFor();
    await admin.getByTestId('tahap-penilaian').getByText('Selesai').waitFor();

    // 12. The certificate from the unit's page, the cycle report from the cycle's penilaian list.
    const certificate = await download(admin, admin.getByRole('button', { name: 'Unduh piagam (pdf)' }));
    expect(certificate.name).toMatch(new RegExp(`${world.unit.code}.*\\.pdf$`));
    expect(certificate.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    await admin.getByRole('link', { name: '← Penilaian siklus' }).click();
    await admin.locator(`tr[data-unit="${world.unit.code}"]`).getByText('WBK').first().waitFor();
    const report = await download(admin, admin.getByRole('button', { name: 'Unduh laporan siklus (pdf)' }));
    expect(report.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(flat(pdfText(report.bytes).text)).toContain(world.unit.code);

    // 13. Bagian Organisasi revokes the predikat from the unit's page, confirming first; cancelling changes nothing.
    await admin.goto(`/penilaian/${world.cycleId}/${world.unit.code}`);
    const revokeForm = admin.getByRole('form', { name: 'Cabut predikat' });
    await revokeForm.getByLabel('Tanggal pencabutan').fill(day);
    await revokeForm.getByLabel('Alasan pencabutan').fill('Pelanggaran integritas terbukti');
    await revokeForm.getByRole('button', { name: 'Cabut predikat…' }).click();
    await revokeForm.getByRole('button', { name: 'Batal' }).click();
    await revokeForm.getByRole('button', { name: 'Cabut predikat…' }).click();
    await revokeForm
      .getByRole('alertdialog')
      .getByText(/Yakin mencabut predikat .*WBK/)
      .waitFor();
    await revokeForm.getByRole('button', { name: 'Ya, cabut predikat' }).click();
    await admin.getByText(`Predikat WBK unit ${world.unit.code} dicabut dan diumumkan.`).waitFor();
    await admin
      .getByTestId('predikat-dicabut')
      .getByText(/dapat diusulkan kembali mulai/)
      .waitFor();
    const revoked = await api()
      .get(`/api/v1/awards/units/${world.unit.code}`)
      .auth(world.admin.token, bearer)
      .expect(200);
    expect(revoked.body).toMatchObject({ current: null, revokedAt: day });
    expect(revoked.body.revocations).toEqual([expect.objectContaining({ reason: 'Pelanggaran integritas terbukti' })]);
  }, 300_000);

  it('Bagian Organisasi lists LKE templates, sees a refused template’s field errors and publishes one', async () => {
    const officer = { name: `Organisasi Templat ${run}`, email: `organisasi-templat-${run}@pemkot.test` };
    const token = await tokenFor(stack(), officer, [{ role: 'admin_organisasi' }]);
    await stack().models.Account.updateOne(
      { _id: personIdOf(officer.email) },
      { $set: { passwordHash: await hashPassword(password) } },
    );
    const admin = await web().newPage();
    await signIn(admin, officer.email, '/');
    await admin.getByRole('link', { name: 'Templat LKE' }).click();
    await admin.getByRole('heading', { name: 'Templat LKE', level: 1 }).waitFor();
    const builtIn = admin.locator(`tr[data-template="${template.id}"]`);
    await builtIn.getByText('Bawaan').waitFor();

    // Not JSON at all: said so before anything is sent.
    await admin.getByLabel('Isi templat (JSON)').fill('{ "id": ');
    await admin.getByRole('button', { name: 'Terbitkan templat' }).click();
    await admin.getByRole('alert').getByText('JSON tidak valid').waitFor();

    // A template whose weights do not add up, from a file: the API names the fields.
    const id = `lke-uji-${run}`;
    const broken = { ...template, id, version: `uji-${run}` };
    const areas = broken.components.pengungkit.areas.map((a, index) =>
      index === 0 ? { ...a, weight: a.weight + 5 } : a,
    );
    const file = {
      ...broken,
      components: { ...broken.components, pengungkit: { ...broken.components.pengungkit, areas } },
    };
    await admin.getByLabel('Berkas JSON templat').setInputFiles({
      name: 'templat-salah.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(file)),
    });
    await admin.getByText('Berkas templat-salah.json dimuat').waitFor();
    await admin.getByRole('button', { name: 'Terbitkan templat' }).click();
    const refusal = admin.getByRole('alert');
    await refusal.locator('code', { hasText: 'body.components.pengungkit.areas.0' }).first().waitFor();
    expect(await admin.locator(`tr[data-template="${id}"]`).count()).toBe(0);

    // Started from the built-in one and given its own id: published, listed.
    await builtIn.getByRole('button', { name: /Salin sebagai dasar/ }).click();
    await admin.getByText(`Isi templat ${template.id} disalin ke formulir`).waitFor();
    const copied = JSON.parse(await admin.getByLabel('Isi templat (JSON)').inputValue()) as typeof template;
    expect(copied.id).toBe(`${template.id}-baru`);
    await admin
      .getByLabel('Isi templat (JSON)')
      .fill(JSON.stringify({ ...copied, id, name: `LKE uji ${run}`, year: 2027, version: `uji-${run}` }));
    await admin.getByRole('button', { name: 'Terbitkan templat' }).click();
    await admin.getByText(`Templat ${id} (LKE uji ${run}, tahun 2027) terbit.`).waitFor();
    await untilVisible(admin, admin.locator(`tr[data-template="${id}"]`).getByText('Diterbitkan'));
    const listed = await api().get(`/api/v1/assessments/templates/${id}`).auth(token, bearer).expect(200);
    expect(listed.body).toMatchObject({ id, year: 2027, builtIn: false, publishedBy: personIdOf(officer.email) });
  }, 60_000);
});
