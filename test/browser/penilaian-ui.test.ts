import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
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
import { bearer } from '../support/auth';
import { bestAnswer, linksFor, startAssessmentWorld, type AssessmentWorld } from '../support/drive-assessment';
import { screenshotPath, untilVisible, useWebStack } from './support/web';

/**
 * Issue 6's penilaian screens in Chromium, on a real assessment workflow. The unit's team has answered most of the
 * LKE over the API; the ketua tim answers the rest in the form — an option with an evidence link typed in, an option
 * with an uploaded file, a percentage — and watches the live score preview name a failed condition, its shortfall
 * shrink and the condition disappear as the answers change; then submits. A TPI anggota opens the layer view, sees the
 * unit's answers and evidence beside their own, changes an answer with a note and forwards the layer; the next layer's
 * view shows that answer beside the unit's. The LKE workbook downloaded from the page is read back with exceljs.
 * Then Bagian Organisasi's templates screen: the list, a refused template with its field errors, a published one.
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
  const emails = [world.ketua, world.penilai[0], world.penilai[1], world.admin].map((p) => personIdOf(p.email));
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
    await world?.handle.terminate('penilaian UI test finished').catch(() => undefined);
  });

  it('the team answers in the LKE form with a live score, submits; the TPI reviews layer by layer; xlsx', async () => {
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
    const [download] = await Promise.all([
      tpi.waitForEvent('download'),
      tpi.getByRole('button', { name: 'Unduh LKE (xlsx)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`lke-${world.cycleId}-${world.unit.code}.xlsx`);
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'zi-lke-')), download.suggestedFilename());
    await download.saveAs(file);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
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
  }, 240_000);

  it('Bagian Organisasi lists LKE templates, sees a refused template’s field errors and publishes one', async () => {
    const admin = await web().newPage();
    await signIn(admin, world.admin.email, '/');
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
    const listed = await api().get(`/api/v1/assessments/templates/${id}`).auth(world.admin.token, bearer).expect(200);
    expect(listed.body).toMatchObject({ id, year: 2027, builtIn: false, publishedBy: personIdOf(world.admin.email) });
  }, 60_000);
});
