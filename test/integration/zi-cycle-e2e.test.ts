import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { xlsxContentType } from '../../api/assessments/lke-workbook';
import { areaCodes } from '../../domain/areas';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import {
  defaultLkeTemplate,
  questionsOf,
  type AssessmentResult,
  type LkeAnswer,
  type LkeQuestion,
} from '../../domain/lke';
import { personIdOf } from '../../domain/people';
import type { StageCode } from '../../domain/stages';
import { pemantauanWorkflowId, taskWorkflowId } from '../../workflows/definitions';
import { openTimeline } from '../fixtures/lifecycle';
import { arrives, mailTo, type ArrivedPerson } from '../support/arrival';
import { bearer, tokenFor } from '../support/auth';
import { bestAnswer, linksFor } from '../support/drive-assessment';
import { readLkeWorkbook, workbookMismatches } from '../support/lke-workbook-read';
import { messagesTo, readMessage } from '../support/mailbox';
import { flat, pdfText } from '../support/pdf-text';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { binaryBody } from '../support/binary-body';

/**
 * Issue 5's "done when", literally: one cycle launched and driven through HTTP by the people it brings in, with two
 * units. Each unit's assessment starts by itself when penilaian opens; both teams fill the LKE with evidence, the TPI
 * reviews in three layers; unit A ends eligible for WBK, unit B — with a high total — fails exactly one named condition
 * (Reform Penguatan Pengawasan 4.20 < 4.50) and closes not proposed. A's proposal is approved and recorded, TPN's
 * stages and the predikat are recorded, the certificate is read back from its PDF, and A's LKE workbook read back
 * with exceljs equals the API's score breakdown, layer by layer. MongoDB and the mailbox are only read.
 *
 * The cycle runs on a clock pinned to Monday 2 March 2026 07:00 WIB at real speed, so every date people record is
 * that day and no reminder falls due. Its catalogue keeps one required task per stage; Bagian Organisasi moves each
 * unit past persiapan, pelaksanaan and monev (POST …/units/:code/advance), while pembentukan tim is worked for real:
 * the pimpinan submits the Tim Kerja, whose approval brings the ketua and anggota in with their roles.
 */
const stack = useTestStack();
const api = () => request(stack().app);

const run = randomUUID().slice(0, 8);
const password = `kata-sandi-panjang-${run}`;
const today = '2026-03-02';
const awardDay = '2026-12-09';
const templateId = defaultLkeTemplate.id;

const someone = (label: string) => ({
  name: `${label} ${run}`,
  email: `${label.toLowerCase().replace(/\s+/g, '-')}-${run}@pemkot.test`,
});
const unitA = {
  code: `ZIA-${run.toUpperCase()}`,
  name: 'Dinas Kependudukan dan Pencatatan Sipil',
  head: someone('Kepala Disdukcapil'),
  team: { ketua: someone('Ketua Tim Disdukcapil'), anggota: someone('Anggota Tim Disdukcapil') },
};
const unitB = {
  code: `ZIB-${run.toUpperCase()}`,
  name: 'Dinas Penanaman Modal dan PTSP',
  head: someone('Kepala DPMPTSP'),
  team: { ketua: someone('Ketua Tim DPMPTSP'), anggota: someone('Anggota Tim DPMPTSP') },
};
type Unit = typeof unitA;
const tpi = { anggota: someone('Auditor Inspektorat'), ketua: someone('Inspektur Pembantu') };

/** One required task per stage, so every stage can close; the team task is the one worked through. */
const teamTaskKey = 'submit_tim_kerja';
const kept = new Set([
  'pencanangan_zi',
  teamTaskKey,
  'agen_perubahan',
  'laporan_kemajuan_bulanan',
  'penilaian_mandiri_lke',
  'pencatatan_predikat',
]);
const catalogue = { drop: defaultCatalogue.templates.map((t) => t.key).filter((key) => !kept.has(key)) };

// ---- The answers ----

const questions = questionsOf(defaultLkeTemplate).map(({ question }) => question);
const option = (code: string): LkeAnswer => ({ kind: 'option', option: code });
const counts = (numerator: number, denominator: number): LkeAnswer => ({ kind: 'counts', numerator, denominator });
const index = (value: number): LkeAnswer => ({ kind: 'index', index: value });
const everyBest = (): Record<string, LkeAnswer> =>
  Object.fromEntries(questions.map((question) => [question.id, bestAnswer(question)]));

/**
 * Unit A: good, not perfect, over every answer type — a few B/C options, one "Tidak", two ratios below 100 %, IPAK
 * 3.7 (16.19 points) and IPKP 3.4 (14.88: enough for WBK, not for WBBM).
 */
const answersA: Record<string, LkeAnswer> = {
  ...everyBest(),
  mp_komitmen_pimpinan_a: option('B'),
  tl_transformasi_digital_b: option('C'),
  sdm_pola_mutasi_b: option('B'),
  pw_benturan_kepentingan_a: option('B'),
  pw_pengaduan_masyarakat_b: option('tidak'),
  pw_lhkpn_lhkasn_a: counts(38, 40),
  pp_inovasi_pelayanan_b: counts(3, 4),
  capaian_kinerja_banding: option('B'),
  ipak_nilai: index(3.7),
  ipkp_nilai: index(3.4),
};
/** What each TPI layer changes in A's LKE (the last layer's values count). */
const layerChangesA: Record<string, { questionId: string; answer: LkeAnswer; note: string }[]> = {
  tpi_anggota: [{ questionId: 'tl_sop_b', answer: option('C'), note: 'SOP baru diterapkan pada sebagian layanan' }],
  tpi_ketua: [],
  pengendali_teknis: [
    {
      questionId: 'tl_transformasi_digital_b',
      answer: option('B'),
      note: 'Dasbor layanan daring menunjukkan manfaat bagi sebagian besar bidang',
    },
  ],
};
/**
 * Unit B: every question at its best except Reform Penguatan Pengawasan (weight 7.50, WBK needs 60 %: 4.50):
 * no tiered control of the main activities (E: 0), 80 % of public complaints followed up (3.00 × 0.8 = 2.40), 90 %
 * of LHKPN and LHKASN filed (2.00 × 0.9 = 1.80) — 4.20 in all, in a total of 96.70.
 */
const answersB: Record<string, LkeAnswer> = {
  ...everyBest(),
  pw_mekanisme_pengendalian_a: option('E'),
  pw_penanganan_pengaduan_a: counts(32, 40),
  pw_lhkpn_lhkasn_a: counts(36, 40),
  pw_lhkpn_lhkasn_b: counts(36, 40),
};
const failedCondition = 'Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)';

// ---- HTTP as a person ----

interface Person {
  name: string;
  email: string;
  id: string;
  token: string;
}

/** One request as `who`; anything but `status` fails with the problem the API answered. */
async function call(who: Person, method: 'get' | 'post' | 'put', path: string, body?: object, status = 200) {
  const pending = api()[method](path).auth(who.token, bearer);
  const response = body === undefined ? await pending : await pending.send(body);
  if (response.status !== status) {
    throw new Error(
      `${method.toUpperCase()} ${path} as ${who.email}: ${response.status} (wanted ${status}) ${JSON.stringify(response.body)}`,
    );
  }
  return response.body;
}

/** The raw bytes of a download (xlsx, pdf). */
async function download(who: Person, path: string): Promise<{ type: string; disposition: string; body: Buffer }> {
  const response = await api().get(path).auth(who.token, bearer).buffer(true).parse(binaryBody);
  if (response.status !== 200) throw new Error(`GET ${path} as ${who.email}: ${response.status}`);
  return {
    type: response.type,
    disposition: String(response.headers['content-disposition']),
    body: response.body as Buffer,
  };
}

async function upload(who: Person, path: string, document: string, name: string, type: string, content: Buffer) {
  const response = await api()
    .post(`${path}/files`)
    .auth(who.token, bearer)
    .field('document', document)
    .attach('file', content, { filename: name, contentType: type });
  if (response.status !== 201) throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body as { ref: string; fileId: string };
}

/** `work` over `items`, `limit` at a time: a team of a few people filling the LKE side by side. */
async function inParallel<T>(items: readonly T[], limit: number, work: (item: T, at: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    for (let at = next++; at < items.length; at = next++) await work(items[at]!, at);
  };
  await Promise.all(Array.from({ length: limit }, worker));
}

const assessmentPath = (cycleId: string, unit: Unit) => `/api/v1/assessments/${cycleId}/${unit.code}`;

describe('a ZI cycle from launch to predikat, through HTTP only', () => {
  const cleanup: (() => Promise<unknown>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step().catch(() => undefined);
  });

  it('ends with one unit awarded WBK (proposal, TPN, certificate, workbook) and one failing a named condition', async () => {
    // ---- Launch: Bagian Organisasi launches two units with two TPI assessors ----
    const adminPerson = someone('Bagian Organisasi');
    const admin: Person = {
      ...adminPerson,
      id: personIdOf(adminPerson.email),
      token: await tokenFor(stack(), adminPerson, [{ role: 'admin_organisasi' }]),
    };
    const launched = await call(
      admin,
      'post',
      '/api/v1/cycles',
      {
        name: `Pembangunan ZI Kota Contoh 2026 (${run})`,
        year: 2026,
        units: [unitA, unitB].map(({ code, name, head }) => ({ code, name, head })),
        assessors: [tpi.anggota, tpi.ketua],
        timeline: openTimeline,
        catalogue,
        clock: { origin: '2026-03-02T00:00:00.000Z', speedup: 1 },
      },
      202,
    );
    const cycleId = launched.id as string;
    // Cancelling stops the units' timers and tasks; waiting for it lets every email of the cancellation go out while
    // this file's worker still runs.
    cleanup.push(async () => {
      await call(admin, 'post', `/api/v1/cycles/${cycleId}/cancel`, { reason: 'Uji siklus ujung ke ujung selesai' });
      await eventually(
        async () => ((await call(admin, 'get', `/api/v1/cycles/${cycleId}`)).status === 'cancelled' ? true : undefined),
        { what: 'the cycle cancelled' },
      );
    });
    const pathA = assessmentPath(cycleId, unitA);
    const pathB = assessmentPath(cycleId, unitB);

    // The unit heads and the TPI arrive by the invitations the launch sent, holding the roles it gave them.
    const [headA, headB, tpiAnggota, tpiKetua] = await Promise.all(
      [unitA.head, unitB.head, tpi.anggota, tpi.ketua].map((person) => arrives(stack().app, person, password)),
    );
    expect(headA!.unitRoles).toEqual({ [unitA.code]: ['pimpinan'] });
    expect(tpiAnggota!.unitRoles).toEqual({ [unitA.code]: ['penilai'], [unitB.code]: ['penilai'] });

    /** Bagian Organisasi moves a unit past a stage; the cycle refuses (changing nothing) until it knows the unit is there. */
    const advance = (unit: Unit, stage: StageCode) =>
      eventually(
        () =>
          call(admin, 'post', `/api/v1/cycles/${cycleId}/units/${unit.code}/advance`, {
            stage,
            reason: 'Dipercepat: siklus uji berfokus pada penilaian',
          }),
        { what: `${unit.code} to be advanced past ${stage}`, timeoutMs: 30_000 },
      );
    const inInbox = (who: Person, unit: Unit, key: string) =>
      eventually(
        async () => {
          const page = await call(who, 'get', `/api/v1/tasks?scope=mine&cycle=${cycleId}&unit=${unit.code}`);
          return (page.items as { id: string; templateKey: string }[]).find((item) => item.templateKey === key);
        },
        { what: `${key} of ${unit.code} in ${who.email}'s inbox`, timeoutMs: 30_000 },
      );

    /** Persiapan skipped, the Tim Kerja formed for real, pelaksanaan and monev skipped: penilaian opens. */
    const bringToPenilaian = async (unit: Unit, head: ArrivedPerson) => {
      await advance(unit, 'persiapan');
      const teamTask = await inInbox(head, unit, teamTaskKey);
      await call(head, 'post', `/api/v1/tasks/${teamTask.id}/claim`, {});
      await call(head, 'post', `/api/v1/tasks/${teamTask.id}/submit`, {
        evidence: findTemplate(defaultCatalogue, teamTaskKey)!.evidence.documents.map((document) => ({
          document,
          ref: `https://drive.pemkot.test/${run}/${unit.code}/${encodeURIComponent(document)}`,
        })),
        team: {
          members: [
            { ...unit.team.ketua, role: 'ketua_tim' },
            { ...unit.team.anggota, role: 'anggota_tim' },
          ],
          coordinators: Object.fromEntries(areaCodes.map((area) => [area, unit.team.anggota.email])),
        },
      });
      const approved = await call(admin, 'post', `/api/v1/tasks/${teamTask.id}/review`, {
        decision: 'approve',
        note: 'SK Tim Kerja sesuai',
      });
      expect(approved.teamGrants).toEqual([
        { personId: personIdOf(unit.team.ketua.email), role: 'ketua_tim', granted: true, invited: true },
        { personId: personIdOf(unit.team.anggota.email), role: 'anggota_tim', granted: true, invited: true },
      ]);
      const [ketua, anggota] = await Promise.all(
        [unit.team.ketua, unit.team.anggota].map((person) => arrives(stack().app, person, password)),
      );
      expect(ketua!.unitRoles).toEqual({ [unit.code]: ['ketua_tim'] });
      expect(anggota!.unitRoles).toEqual({ [unit.code]: ['anggota_tim'] });
      await advance(unit, 'pelaksanaan');
      // No assessment before penilaian; nobody starts it then either: the unit does, as the stage opens.
      await call(ketua!, 'get', assessmentPath(cycleId, unit), undefined, 404);
      await advance(unit, 'monev');
      const started = await eventually(
        async () => {
          const response = await api().get(assessmentPath(cycleId, unit)).auth(ketua!.token, bearer);
          return response.status === 200 ? response.body : undefined;
        },
        { what: `the assessment of ${unit.code} to start`, timeoutMs: 30_000 },
      );
      return { ketua: ketua!, anggota: anggota!, started };
    };
    const [teamA, teamB] = await Promise.all([bringToPenilaian(unitA, headA!), bringToPenilaian(unitB, headB!)]);

    for (const [team, unit] of [
      [teamA, unitA],
      [teamB, unitB],
    ] as const) {
      expect(team.started).toMatchObject({
        unitCode: unit.code,
        unitName: unit.name,
        phase: 'mandiri',
        layers: ['unit', 'tpi_anggota', 'tpi_ketua', 'pengendali_teknis'],
        currentLayer: 'unit',
        templateId,
        proposalDeadline: '2026-05-31',
        progress: { total: questions.length, answered: 0, evidenceComplete: 0 },
      });
      // The unit started it with its roster: the Tim Kerja approved in pembentukan tim is told to begin.
      await mailTo(team.ketua.email, `Penilaian mandiri LKE dimulai: ${unit.name} (${unit.code})`);
    }

    // ---- Penilaian mandiri: each team answers every question with evidence per required document ----
    const first = questions[0]!;
    const skTim = await upload(
      teamA.ketua,
      pathA,
      first.requiredEvidence[0]!,
      'sk-tim-kerja-zi.txt',
      'text/plain',
      Buffer.from(`SK Tim Kerja ZI ${unitA.name}\n`),
    );
    const evidenceOf = (question: LkeQuestion, unit: Unit) =>
      unit === unitA && question === first
        ? { ...linksFor(question), [first.requiredEvidence[0]!]: [skTim.ref] }
        : linksFor(question);
    const fill = (unit: Unit, team: typeof teamA, answers: Record<string, LkeAnswer>) =>
      inParallel(questions, 4, async (question, at) => {
        const saved = await call(
          at % 2 === 0 ? team.anggota : team.ketua,
          'put',
          `${assessmentPath(cycleId, unit)}/answers/${question.id}`,
          { answer: answers[question.id], evidence: evidenceOf(question, unit) },
        );
        expect(saved).toMatchObject({ layer: 'unit', status: 'answered', missingDocuments: [] });
      });
    await Promise.all([fill(unitA, teamA, answersA), fill(unitB, teamB, answersB)]);

    const filledA = await call(teamA.ketua, 'get', pathA);
    const filledB = await call(teamB.ketua, 'get', pathB);
    for (const filled of [filledA, filledB]) {
      expect(filled.progress).toMatchObject({ answered: questions.length, evidenceComplete: questions.length });
    }
    expect(filledA.evidence[first.id][first.requiredEvidence[0]!]).toEqual([skTim.ref]);
    // Before sending it, B's team already sees what will hold it back.
    expect(filledB.preview.result.total.score).toBe(96.7);
    expect(filledB.preview.result.eligibility.WBK.failures.map((f: { message: string }) => f.message)).toEqual([
      failedCondition,
    ]);

    for (const [team, path] of [
      [teamA, pathA],
      [teamB, pathB],
    ] as const) {
      const submitted = await call(team.ketua, 'post', `${path}/submit`, { note: 'LKE dan data dukung lengkap' });
      expect(submitted).toMatchObject({ phase: 'review', currentLayer: 'tpi_anggota' });
    }

    // ---- TPI: anggota, ketua and pengendali teknis, each recording its own answers and notes ----
    const complete = (who: Person, path: string, layer: string, note: string) =>
      call(who, 'post', `${path}/layers/${layer}/complete`, { decision: 'forward', note });
    const reviewA = async () => {
      for (const [layer, who] of [
        ['tpi_anggota', tpiAnggota!],
        ['tpi_ketua', tpiKetua!],
        ['pengendali_teknis', tpiKetua!],
      ] as const) {
        for (const change of layerChangesA[layer]!) {
          const given = await call(who, 'put', `${pathA}/layers/${layer}/answers/${change.questionId}`, {
            answer: change.answer,
            note: change.note,
          });
          expect(given).toMatchObject({ layer, by: who.id });
        }
        await complete(who, pathA, layer, `Reviu ${layer} selesai`);
      }
    };
    const reviewB = async () => {
      await call(tpiAnggota!, 'put', `${pathB}/layers/tpi_anggota/answers/pw_mekanisme_pengendalian_a`, {
        answer: option('E'),
        note: 'Belum ada pengendalian aktivitas utama yang berjenjang',
      });
      await complete(tpiAnggota!, pathB, 'tpi_anggota', 'Sesuai bukti');
      await complete(tpiKetua!, pathB, 'tpi_ketua', 'Sesuai bukti');
      await complete(tpiKetua!, pathB, 'pengendali_teknis', 'Sesuai bukti');
    };
    await Promise.all([reviewA(), reviewB()]);

    const settled = (who: Person, path: string, phase: string) =>
      eventually(
        async () => {
          const body = await call(who, 'get', path);
          return body.phase === phase ? body : undefined;
        },
        { what: `${path} to reach ${phase}`, timeoutMs: 30_000 },
      );
    const [finalA, finalB] = await Promise.all([
      settled(headA!, pathA, 'usulan'),
      settled(headB!, pathB, 'tidak_diusulkan'),
    ]);

    // ---- The final scores are the API's breakdown of the last layer's answers ----
    const layerAnswersA = (layer: number) =>
      Object.assign(
        { ...answersA },
        ...['tpi_anggota', 'tpi_ketua', 'pengendali_teknis']
          .slice(0, layer)
          .flatMap((code) => layerChangesA[code]!.map((change) => ({ [change.questionId]: change.answer }))),
      ) as Record<string, LkeAnswer>;
    const score = async (answers: Record<string, LkeAnswer>): Promise<AssessmentResult> =>
      call(teamA.ketua, 'post', '/api/v1/assessments/score', {
        templateId,
        answers,
        assessmentDate: finalA.result.assessmentDate,
      });
    const scoredA = await score(layerAnswersA(3));
    expect(finalA.result).toEqual(scoredA);
    expect(finalA.result.total.score).toBe(93.36);
    expect(finalA).toMatchObject({ eligiblePredicate: 'WBK', outcomeNote: null });
    expect(finalA.result.eligibility.WBK).toEqual({ predicate: 'WBK', eligible: true, failures: [] });

    expect(finalB.result).toEqual(await score(answersB));
    expect(finalB.result.total.score).toBe(96.7);
    expect(finalB.eligiblePredicate).toBeNull();
    expect(finalB.result.eligibility.WBK.failures).toEqual([
      {
        kind: 'minimum',
        predicate: 'WBK',
        code: 'half:penguatan_pengawasan:reform',
        condition: 'Reform Penguatan Pengawasan',
        actual: 4.2,
        required: 4.5,
        shortfall: 0.3,
        message: failedCondition,
      },
    ]);
    expect(finalB.outcomeNote).toBe(`Nilai akhir TPI 96.70 belum memenuhi syarat WBK: ${failedCondition}`);

    const listed = await call(admin, 'get', `/api/v1/assessments?cycle=${cycleId}`);
    expect(listed.items).toEqual([
      expect.objectContaining({ unitCode: unitA.code, phase: 'usulan', score: 93.36, eligiblePredicate: 'WBK' }),
      expect.objectContaining({
        unitCode: unitB.code,
        phase: 'tidak_diusulkan',
        score: 96.7,
        eligiblePredicate: null,
        failures: expect.arrayContaining([`WBK: ${failedCondition}`]),
      }),
    ]);
    // B's pimpinan is told why, by name and shortfall.
    const resultMail = await mailTo(headB!.email, `Nilai akhir TPI ${unitB.name} (${unitB.code}): 96.70`);
    expect(resultMail.Subject).toContain('belum memenuhi syarat predikat');
    expect((await readMessage(resultMail.ID)).Text).toContain(`- WBK: ${failedCondition}`);

    // ---- A's LKE workbook, read back with exceljs, equals the API's breakdown in every layer ----
    const workbookFile = await download(headA!, `${pathA}/workbook`);
    expect(workbookFile.type).toBe(xlsxContentType);
    const workbook = await readLkeWorkbook(workbookFile.body);
    expect(workbook.layers).toEqual(['Penilaian mandiri unit', 'TPI anggota', 'TPI ketua', 'Pengendali teknis']);
    // The last layer: the stored final result; earlier layers: the score preview of what each layer stood for.
    expect(workbookMismatches(workbook, 3, finalA.result)).toEqual([]);
    for (const layer of [0, 1, 2])
      expect(workbookMismatches(workbook, layer, await score(layerAnswersA(layer)))).toEqual([]);
    expect(workbook.value('total', 3)).toMatchObject({ cached: 93.36, recalculated: 93.36 });
    expect(workbook.value('total', 0).cached).toBe(93.37);
    expect(workbook.note('tl_sop_b', 1)).toBe(layerChangesA.tpi_anggota![0]!.note);
    expect(workbook.note('tl_transformasi_digital_b', 3)).toBe(layerChangesA.pengendali_teknis![0]!.note);

    // ---- Proposal: the pimpinan approves, Bagian Organisasi records it with its documents ----
    await call(tpiKetua!, 'post', `${pathA}/proposal/approve`, {}, 403);
    const approved = await call(headA!, 'post', `${pathA}/proposal/approve`, { note: 'Setuju diusulkan' });
    expect(approved.proposal).toMatchObject({ approvedBy: headA!.id });
    const sptjm = await upload(admin, pathA, 'SPTJM', 'sptjm.txt', 'text/plain', Buffer.from('SPTJM\n'));
    const reviewedLke = await upload(
      admin,
      pathA,
      'LKE hasil evaluasi TPI',
      `lke-${unitA.code}.xlsx`,
      xlsxContentType,
      workbookFile.body,
    );
    const documents = {
      coverLetter: `https://drive.pemkot.test/${run}/surat-pengantar.pdf`,
      sptjm: sptjm.ref,
      reviewedLke: reviewedLke.ref,
    };
    const proposed = await call(admin, 'post', `${pathA}/proposal`, { submittedAt: today, documents });
    expect(proposed).toMatchObject({
      phase: 'diusulkan',
      proposal: { submittedAt: today, documents, recordedBy: admin.id, approvedBy: headA!.id },
    });

    // ---- TPN, in order ----
    await call(admin, 'post', `${pathA}/tpn`, { stage: 'pra_evaluasi', result: 'lulus', date: today });
    await call(admin, 'post', `${pathA}/tpn`, {
      stage: 'desk',
      result: 'lulus_dengan_catatan',
      date: today,
      note: 'Perkuat bukti penerapan SOP',
    });
    const tpnDone = await call(admin, 'post', `${pathA}/tpn`, { stage: 'lapangan', result: 'lulus', date: today });
    expect(tpnDone).toMatchObject({ phase: 'tpn', awaitingPredikat: true, nextTpnStage: null });
    expect(tpnDone.tpn).toMatchObject({
      pra_evaluasi: { result: 'lulus', date: today, by: admin.id },
      desk: { result: 'lulus_dengan_catatan', note: 'Perkuat bukti penerapan SOP' },
      lapangan: { result: 'lulus' },
    });

    // ---- Penghargaan: the predikat, its announcement, the certificate, the monitoring that follows ----
    const awarded = await call(admin, 'post', `/api/v1/awards/${cycleId}/${unitA.code}/predikat`, {
      predicate: 'WBK',
      date: awardDay,
      // The plan's own clock, pinned to the award day: the first round opens now, the next in three months.
      pemantauan: { clock: { origin: '2026-12-09T01:00:00.000Z', speedup: 1 } },
    });
    cleanup.push(
      () => stack().client.workflow.getHandle(pemantauanWorkflowId(cycleId, unitA.code)).terminate('uji selesai'),
      () =>
        stack()
          .client.workflow.getHandle(taskWorkflowId(cycleId, unitA.code, 'pemantauan_1'))
          .terminate('uji selesai'),
    );
    expect(awarded).toMatchObject({
      cycleId,
      unitCode: unitA.code,
      predikat: { predicate: 'WBK', date: awardDay },
      history: { current: 'WBK', awards: [{ predicate: 'WBK', cycleId, date: awardDay }] },
      pemantauan: { workflowId: pemantauanWorkflowId(cycleId, unitA.code) },
    });
    const closedA = await call(headA!, 'get', pathA);
    expect(closedA).toMatchObject({ phase: 'selesai', predikat: { predicate: 'WBK', date: awardDay, by: admin.id } });

    const certificate = await download(headA!, `/api/v1/awards/${cycleId}/${unitA.code}/certificate.pdf`);
    expect(certificate.type).toBe('application/pdf');
    expect(certificate.disposition).toContain(`piagam-ZI_2026_${unitA.code}_WBK.pdf`);
    const certificateText = flat(pdfText(certificate.body).text);
    expect(certificateText).toContain(unitA.name);
    expect(certificateText).toContain('WILAYAH BEBAS DARI KORUPSI (WBK)');
    expect(certificateText).toContain('Pembangunan Zona Integritas Tahun 2026');
    expect(certificateText).toContain('Ditetapkan pada tanggal 9 Desember 2026');
    await call(admin, 'get', `/api/v1/awards/${cycleId}/${unitB.code}/certificate.pdf`, undefined, 404);

    const announcement = `Selamat: ${unitA.name} (${unitA.code}) meraih predikat WBK — Zona Integritas 2026`;
    for (const who of [headA!, teamA.ketua]) await mailTo(who.email, announcement);
    // Pemantauan begins: the first monitoring round is a task for the unit's TPI, who are told of it.
    await inInbox(tpiAnggota!, unitA, 'pemantauan_1');
    for (const who of [tpiAnggota!, tpiKetua!]) {
      await eventually(
        async () =>
          (await messagesTo(who.email)).some(
            (m) => m.Subject.startsWith('Tugas baru: Pemantauan') && m.Subject.includes(unitA.code),
          )
            ? true
            : undefined,
        { what: `the first monitoring task's email to ${who.email}` },
      );
    }

    // ---- B carries its failed condition into the next cycle; the cycle report shows both outcomes ----
    const carried = await call(admin, 'get', `/api/v1/awards/${cycleId}/recommendations`);
    expect(carried.units.map((unit: { unitCode: string }) => unit.unitCode)).toEqual([unitB.code]);
    expect(carried.units[0]).toMatchObject({ target: 'WBK', assessed: true });
    expect(
      carried.units[0].items
        .filter((item: { source: string }) => item.source === 'syarat')
        .map((item: { text: string }) => item.text),
    ).toEqual([failedCondition]);

    const report = flat(pdfText((await download(admin, `/api/v1/awards/cycles/${cycleId}/report.pdf`)).body).text);
    expect(report).toContain(`${unitA.name} (${unitA.code})`);
    expect(report).toContain(`${unitB.name} (${unitB.code})`);
    expect(report).toContain('WBK (9 Desember 2026)');
    expect(report).toContain(`WBK: ${failedCondition}`);
  }, 120_000);
});
