import ExcelJS from 'exceljs';
import request from 'supertest';
import { codeColumnOf, lkeSheetName, valueColumnOf } from '../../api/assessments/lke-workbook';
import type { AssessmentDocument } from '../../activities/models/assessment.model';
import { effectiveAnswers } from '../../domain/assessment-answers';
import { followUpTaskKey, proposalTaskKey } from '../../domain/assessment-process';
import { addCalendarDays, localDayOf } from '../../domain/calendar';
import { requiredTasksForStage, defaultCatalogue, type TaskCatalogue } from '../../domain/catalogue';
import { defaultLkeTemplate, questionsOf, scoreAssessment, type LkeAnswer } from '../../domain/lke';
import {
  assessmentStateQuery,
  assessmentWorkflowId,
  recordPredikatUpdate,
  taskWorkflowId,
  unitWorkflowId,
  unitWorkflowType,
  type UnitView,
  type UnitWorkflowInput,
} from '../../workflows/definitions';
import { openTimeline, teamOf } from '../fixtures/lifecycle';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { adminToken, bearer, launchRequest } from '../support/auth';
import {
  bestAnswer,
  fillMandiriDirectly,
  linksFor,
  phaseOf,
  plainPerson,
  reviewAllLayers,
  startAssessmentWorld,
  worstAnswer,
  type AssessmentPerson,
  type AssessmentWorld,
} from '../support/drive-assessment';
import { messagesTo } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { binaryBody } from '../support/binary-body';

/**
 * Issue 5's penilaian over HTTP on real Temporal, MongoDB and SMTP: one unit from penilaian mandiri through the TPI
 * layers (with a tindak lanjut round that is a real task) to the final score, the proposal, TPN and the predikat.
 */
const stack = useTestStack();
const questions = questionsOf(defaultLkeTemplate).map(({ question }) => question);

const api = () => request(stack().app);
const put = (who: AssessmentPerson, path: string, body: object) => api().put(path).auth(who.token, bearer).send(body);
const post = (who: AssessmentPerson, path: string, body: object = {}) =>
  api().post(path).auth(who.token, bearer).send(body);
const get = (who: AssessmentPerson, path: string) => api().get(path).auth(who.token, bearer);

/** The workflow's day (its clock is compressed): dates people record must not lie in its future. */
async function today(world: AssessmentWorld): Promise<string> {
  const view = await world.handle.query(assessmentStateQuery);
  return localDayOf(new Date(view.asOf), 'WIB');
}

const subjectsOf = async (email: string) => (await messagesTo(email)).map((message) => message.Subject);

describe('penilaian of one unit over HTTP', () => {
  let world: AssessmentWorld;
  afterAll(async () => {
    await world?.handle.terminate('test finished').catch(() => undefined);
  });

  it('runs from penilaian mandiri through layered TPI review with tindak lanjut to TPN and the predikat', async () => {
    world = await startAssessmentWorld(stack());
    const { path, ketua, anggota, pimpinan, admin, outsider } = world;
    const [tpi1, tpi2] = world.penilai;

    // ---- Penilaian mandiri ----
    const started = await get(anggota, path).expect(200);
    expect(started.body).toMatchObject({
      phase: 'mandiri',
      layers: ['unit', 'tpi_anggota', 'tpi_ketua', 'pengendali_teknis'],
      currentLayer: 'unit',
      templateId: defaultLkeTemplate.id,
      progress: { total: questions.length, answered: 0, evidenceComplete: 0 },
    });
    await get(outsider, path).expect(404);
    await eventually(
      async () =>
        (await subjectsOf(ketua.email)).some((s) => s.startsWith('Penilaian mandiri LKE dimulai')) ? true : undefined,
      {
        what: 'the start email to the ketua tim',
      },
    );

    const [first, second] = questions;
    // A wrong answer for the type, a document the question does not ask for: 400 naming the field.
    const bad = await put(anggota, `${path}/answers/${first!.id}`, { answer: { kind: 'option', option: 'Z' } }).expect(
      400,
    );
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'body.answer' })]);
    const badDocument = await put(anggota, `${path}/answers/${first!.id}`, {
      answer: bestAnswer(first!),
      evidence: { 'Dokumen lain': ['https://drive.pemkot.test/x'] },
    }).expect(400);
    expect(badDocument.body.errors).toEqual([expect.objectContaining({ field: 'body.evidence.Dokumen lain' })]);
    await put(anggota, `${path}/answers/tidak_ada`, { answer: bestAnswer(first!) }).expect(400);
    await put(outsider, `${path}/answers/${first!.id}`, { answer: bestAnswer(first!) }).expect(404);
    await put(admin, `${path}/answers/${first!.id}`, { answer: bestAnswer(first!) }).expect(403);
    // TPI cannot answer for its layer before the unit submits.
    await put(tpi1, `${path}/layers/tpi_anggota/answers/${first!.id}`, { answer: bestAnswer(first!) }).expect(409);

    // One document is a file uploaded to the assessment, the rest links.
    const upload = await api()
      .post(`${path}/files`)
      .auth(anggota.token, bearer)
      .field('document', first!.requiredEvidence[0]!)
      .attach('file', Buffer.from('SK Tim Kerja ZI\n'), { filename: 'sk-tim.txt', contentType: 'text/plain' })
      .expect(201);
    expect(upload.body.ref).toMatch(/^file:[0-9a-f]{24}$/);
    // Listed with its name for whoever may read the assessment, and for nobody else.
    const files = await get(ketua, `${path}/files`).expect(200);
    expect(files.body.items).toEqual([
      expect.objectContaining({ ref: upload.body.ref, name: 'sk-tim.txt', document: first!.requiredEvidence[0] }),
    ]);
    await get(outsider, `${path}/files`).expect(404);
    const firstEvidence = { ...linksFor(first!), [first!.requiredEvidence[0]!]: [upload.body.ref as string] };
    const saved = await put(anggota, `${path}/answers/${first!.id}`, {
      answer: bestAnswer(first!),
      note: 'SK ditetapkan Januari',
      evidence: firstEvidence,
    }).expect(200);
    expect(saved.body).toMatchObject({
      questionId: first!.id,
      layer: 'unit',
      value: 1,
      status: 'answered',
      missingDocuments: [],
    });
    await put(anggota, `${path}/answers/${second!.id}`, {
      answer: bestAnswer(second!),
      evidence: { [second!.requiredEvidence[0]!]: ['file:0123456789abcdef01234567'] },
    }).expect(400);

    // Submitting early names what is missing.
    const early = await post(ketua, `${path}/submit`).expect(422);
    expect(early.body.missingAnswers).toHaveLength(questions.length - 1);
    expect(early.body.errors).toEqual(
      expect.arrayContaining([{ field: `answers.${second!.id}`, message: 'belum dijawab' }]),
    );

    const unitAnswers: Record<string, LkeAnswer> = { [first!.id]: bestAnswer(first!) };
    for (const question of questions.slice(1)) {
      unitAnswers[question.id] = bestAnswer(question);
      await put(question === second ? pimpinan : ketua, `${path}/answers/${question.id}`, {
        answer: unitAnswers[question.id],
        evidence: linksFor(question),
      }).expect(200);
    }
    const filled = await get(ketua, path).expect(200);
    expect(filled.body.progress).toMatchObject({ answered: questions.length, evidenceComplete: questions.length });
    expect(filled.body.progress.areas[0]).toMatchObject({ id: 'manajemen_perubahan', answered: expect.any(Number) });
    expect(filled.body.preview).toMatchObject({ layer: 'unit', result: { total: { score: 100 }, missingAnswers: [] } });

    // Only the ketua tim submits (the API lets the team through; the workflow decides).
    const byAnggota = await post(anggota, `${path}/submit`).expect(422);
    expect(byAnggota.body.detail).toMatch(/Hanya ketua tim/);
    const submitted = await post(ketua, `${path}/submit`, { note: 'LKE lengkap' }).expect(200);
    expect(submitted.body).toMatchObject({ phase: 'review', currentLayer: 'tpi_anggota' });
    await put(ketua, `${path}/answers/${first!.id}`, { answer: bestAnswer(first!) }).expect(409);

    // ---- Layer 1 (TPI anggota): lowers one answer, forwards ----
    const [, , third, fourth] = questions;
    const layerAnswers: Record<string, Record<string, LkeAnswer>> = {
      tpi_anggota: { [third!.id]: worstAnswer(third!) },
      tpi_ketua: {},
      pengendali_teknis: {},
    };
    const lowered = await put(tpi1, `${path}/layers/tpi_anggota/answers/${third!.id}`, {
      answer: layerAnswers.tpi_anggota![third!.id],
      note: 'Bukti pelaksanaan belum ada',
    }).expect(200);
    expect(lowered.body).toMatchObject({ layer: 'tpi_anggota', value: 0, by: tpi1.personId });
    await put(ketua, `${path}/layers/tpi_anggota/answers/${third!.id}`, { answer: bestAnswer(third!) }).expect(403);
    await post(tpi1, `${path}/layers/tpi_ketua/complete`, { decision: 'forward' }).expect(422);
    await post(tpi1, `${path}/layers/tpi_anggota/complete`, { decision: 'forward' }).expect(200);

    // ---- Layer 2 (TPI ketua): sends two questions back for tindak lanjut ----
    const due = addCalendarDays(await today(world), 7);
    const incomplete = await post(tpi2, `${path}/layers/tpi_ketua/complete`, { decision: 'tindak_lanjut' }).expect(400);
    expect(incomplete.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(
      ['body.due', 'body.note', 'body.questionIds'].sort(),
    );
    const returned = await post(tpi2, `${path}/layers/tpi_ketua/complete`, {
      decision: 'tindak_lanjut',
      questionIds: [first!.id, fourth!.id],
      due,
      note: 'Lampirkan notulen rapat pembentukan tim',
    }).expect(200);
    expect(returned.body).toMatchObject({ phase: 'tindak_lanjut', currentLayer: 'unit' });
    expect(returned.body.followUps[0]).toMatchObject({
      round: 1,
      layer: 'tpi_ketua',
      questionIds: [first!.id, fourth!.id],
    });

    // The round is a task in the ketua's inbox, which reminds like any task.
    const taskId = taskWorkflowId(world.cycleId, world.unit.code, followUpTaskKey(1));
    const inbox = await eventually(
      async () => {
        const page = await get(ketua, `/api/v1/tasks?scope=mine&cycle=${world.cycleId}`).expect(200);
        return page.body.items.some((item: { id: string }) => item.id === taskId) ? page.body.items : undefined;
      },
      { what: 'the tindak lanjut task in the ketua’s inbox' },
    );
    expect(inbox.find((item: { id: string }) => item.id === taskId)).toMatchObject({
      stage: 'penilaian',
      status: 'open',
    });
    const reminders = await eventually(
      async () => {
        const subjects = (await subjectsOf(ketua.email)).filter((s) =>
          s.includes('Tindak lanjut evaluasi TPI putaran 1'),
        );
        return subjects.some((s) => s.startsWith('Pengingat: tenggat 1 hari kerja lagi')) ? subjects : undefined;
      },
      { what: 'reminders of the tindak lanjut task', timeoutMs: 30_000 },
    );
    expect(reminders).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^Tugas baru/),
        expect.stringMatching(/^Pengingat: tenggat 3 hari kerja lagi/),
      ]),
    );

    // The unit revises only the questions sent back.
    await put(ketua, `${path}/answers/${second!.id}`, { answer: worstAnswer(second!) }).expect(409);
    unitAnswers[fourth!.id] = worstAnswer(fourth!);
    await put(ketua, `${path}/answers/${fourth!.id}`, {
      answer: unitAnswers[fourth!.id],
      note: 'Dikoreksi sesuai catatan TPI',
      evidence: linksFor(fourth!),
    }).expect(200);
    await post(ketua, `/api/v1/tasks/${taskId}/claim`).expect(200);
    await post(ketua, `/api/v1/tasks/${taskId}/submit`, { evidence: [], note: 'Sudah diperbaiki' }).expect(200);
    await post(tpi2, `/api/v1/tasks/${taskId}/review`, { decision: 'approve' }).expect(200);
    const resumed = await eventually(
      async () => {
        const body = (await get(tpi2, path).expect(200)).body;
        return body.phase === 'review' ? body : undefined;
      },
      { what: 'the layer to resume once the tindak lanjut task is approved' },
    );
    expect(resumed).toMatchObject({
      currentLayer: 'tpi_ketua',
      followUps: [{ round: 1, outcome: 'approved', taskId }],
    });

    // ---- Layer 2 resumes and forwards; layer 3 (pengendali teknis) forwards: the final score ----
    layerAnswers.tpi_ketua![second!.id] = worstAnswer(second!);
    await put(tpi2, `${path}/layers/tpi_ketua/answers/${second!.id}`, {
      answer: layerAnswers.tpi_ketua![second!.id],
    }).expect(200);
    await post(tpi2, `${path}/layers/tpi_ketua/complete`, { decision: 'forward' }).expect(200);
    // The same TPI person may act in another layer: the layer is a role in the process, recorded with who acted.
    await post(tpi1, `${path}/layers/pengendali_teknis/complete`, { decision: 'forward', note: 'Sesuai' }).expect(200);
    const usulan = await eventually(
      async () => {
        const body = (await get(pimpinan, path).expect(200)).body;
        return body.phase === 'usulan' ? body : undefined;
      },
      { what: 'the final score and the proposal phase' },
    );

    // The final score is scoreAssessment of the last layer's answers (each layer over the one before).
    const finalAnswers = { ...unitAnswers, ...layerAnswers.tpi_anggota, ...layerAnswers.tpi_ketua };
    const expected = scoreAssessment({
      template: defaultLkeTemplate,
      answers: finalAnswers,
      priorPredicate: null,
      assessmentDate: usulan.result.assessmentDate,
    });
    expect(usulan.result).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(usulan.result.total.score).toBeLessThan(100);
    expect(usulan.eligiblePredicate).toBe('WBK');
    const stored = (await stack()
      .models.Assessment.findById(`${world.cycleId}:${world.unit.code}`)
      .lean()) as AssessmentDocument;
    expect(effectiveAnswers(stored.layers, stored.answers, 'pengendali_teknis')).toEqual(finalAnswers);
    expect(stored.history!.filter((e) => e.type === 'complete_layer').map((e) => [e.layer, e.by])).toEqual([
      ['tpi_anggota', tpi1.personId],
      ['tpi_ketua', tpi2.personId],
      ['tpi_ketua', tpi2.personId],
      ['pengendali_teknis', tpi1.personId],
    ]);
    await eventually(
      async () => ((await subjectsOf(pimpinan.email)).some((s) => s.startsWith('Nilai akhir TPI')) ? true : undefined),
      {
        what: 'the final score email to the pimpinan',
      },
    );

    // The unit's LKE workbook reads back the same figures, one column group per layer.
    const download = await api()
      .get(`${path}/workbook`)
      .auth(pimpinan.token, bearer)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Uint8Array.from(download.body as Buffer).buffer);
    const sheet = workbook.getWorksheet(lkeSheetName)!;
    const rowOf = new Map<string, number>();
    sheet.getColumn(codeColumnOf(4)).eachCell((cell, row) => {
      if (typeof cell.value === 'string') rowOf.set(cell.value, row);
    });
    const cached = (code: string, layer: number) => sheet.getCell(rowOf.get(code)!, valueColumnOf(layer)).result;
    expect([0, 1, 2, 3].map((layer) => sheet.getCell(5, valueColumnOf(layer) - 1).value)).toEqual([
      'Penilaian mandiri unit',
      'TPI anggota',
      'TPI ketua',
      'Pengendali teknis',
    ]);
    expect(cached('total', 3)).toBe(expected.total.score);
    for (const area of expected.pengungkit.areas)
      expect([area.id, cached(`area:${area.id}`, 3)]).toEqual([area.id, area.score]);

    // Eligible units are listed with score, predicate and the conditions they fail (here: WBBM needs WBK first).
    const listed = await get(admin, `/api/v1/assessments?cycle=${world.cycleId}`).expect(200);
    expect(listed.body.items).toEqual([
      expect.objectContaining({
        unitCode: world.unit.code,
        phase: 'usulan',
        score: expected.total.score,
        eligiblePredicate: 'WBK',
        failures: expect.arrayContaining([expect.stringMatching(/^WBBM: Usulan WBBM mensyaratkan predikat WBK/)]),
      }),
    ]);
    expect((await get(outsider, `/api/v1/assessments?cycle=${world.cycleId}`).expect(200)).body.items).toEqual([]);

    // ---- Pimpinan approves; Bagian Organisasi records the proposal (a reminder task ran meanwhile) ----
    const proposalTask = taskWorkflowId(world.cycleId, world.unit.code, proposalTaskKey);
    await eventually(
      () =>
        stack()
          .models.Task.findById(proposalTask)
          .lean()
          .then((t) => t ?? undefined),
      {
        what: 'the proposal reminder task',
      },
    );
    const notApproved = await post(admin, `${path}/proposal`, {
      submittedAt: await today(world),
      documents: {
        coverLetter: 'https://drive.pemkot.test/sp',
        sptjm: 'https://drive.pemkot.test/sptjm',
        reviewedLke: 'https://drive.pemkot.test/lke',
      },
    }).expect(422);
    expect(notApproved.body.detail).toMatch(/belum disetujui pimpinan/);
    await post(ketua, `${path}/proposal/approve`).expect(403);
    const approved = await post(pimpinan, `${path}/proposal/approve`, { note: 'Setuju diusulkan' }).expect(200);
    expect(approved.body.proposal).toMatchObject({ approvedBy: pimpinan.personId });
    const sptjm = await api()
      .post(`${path}/files`)
      .auth(admin.token, bearer)
      .field('document', 'SPTJM')
      .attach('file', Buffer.from('SPTJM\n'), { filename: 'sptjm.txt', contentType: 'text/plain' })
      .expect(201);
    const submittedAt = await today(world);
    const proposed = await post(admin, `${path}/proposal`, {
      submittedAt,
      documents: {
        coverLetter: 'https://drive.pemkot.test/surat-pengantar',
        sptjm: sptjm.body.ref,
        reviewedLke: 'https://drive.pemkot.test/lke-tpi',
      },
    }).expect(200);
    expect(proposed.body).toMatchObject({ phase: 'diusulkan', proposal: { submittedAt, recordedBy: admin.personId } });
    await eventually(
      () =>
        stack()
          .models.Task.findById(proposalTask)
          .lean()
          .then((t) => (t?.status === 'cancelled' ? t : undefined)),
      { what: 'the proposal reminder task to stop' },
    );

    // ---- TPN stages, in order ----
    const tpnDay = await today(world);
    await post(admin, `${path}/tpn`, { stage: 'desk', result: 'lulus', date: tpnDay }).expect(422);
    await post(pimpinan, `${path}/tpn`, { stage: 'pra_evaluasi', result: 'lulus', date: tpnDay }).expect(403);
    await post(admin, `${path}/tpn`, { stage: 'pra_evaluasi', result: 'lulus', date: tpnDay }).expect(200);
    await post(admin, `${path}/tpn`, {
      stage: 'desk',
      result: 'lulus_dengan_catatan',
      date: tpnDay,
      note: 'Perbaiki SOP',
    }).expect(200);
    const fieldDone = await post(admin, `${path}/tpn`, { stage: 'lapangan', result: 'lulus', date: tpnDay }).expect(
      200,
    );
    expect(fieldDone.body).toMatchObject({ phase: 'tpn', awaitingPredikat: true, nextTpnStage: null });
    expect(Object.keys(fieldDone.body.tpn).sort()).toEqual(['desk', 'lapangan', 'pra_evaluasi']);

    // ---- The predikat, as penghargaan records it through the workflow ----
    const awarded = await world.handle.executeUpdate(recordPredikatUpdate, {
      args: [{ actor: plainPerson(admin), predicate: 'WBK', date: tpnDay, note: 'Keputusan MenPAN-RB' }],
    });
    expect(awarded).toMatchObject({
      phase: 'selesai',
      predikat: { predicate: 'WBK', date: tpnDay, by: admin.personId },
    });
    const final = await world.handle.result();
    expect(final.phase).toBe('selesai');
    const closed = await get(admin, path).expect(200);
    expect(closed.body).toMatchObject({ phase: 'selesai', predikat: { predicate: 'WBK' } });
    await post(admin, `${path}/tpn`, { stage: 'lapangan', result: 'lulus', date: tpnDay }).expect(409);

    // Every change is in the audit trail: the workflow's steps and the answers written through the API.
    const trail = await stack()
      .models.AuditEvent.find({ entityId: assessmentWorkflowId(world.cycleId, world.unit.code) })
      .lean();
    const types = trail.map((event) => event.type);
    for (const type of [
      'started',
      'submit',
      'complete_layer',
      'close_follow_up',
      'finalize',
      'approve_proposal',
      'record_proposal',
      'record_tpn',
      'record_predikat',
      'answer',
      'evidence_uploaded',
    ]) {
      expect(types).toContain(type);
    }
    expect(types.filter((type) => type === 'answer').length).toBeGreaterThanOrEqual(questions.length + 3);
  }, 180_000);
});

describe('assessments that end without a proposal', () => {
  it('closes an eligible unit whose proposal was not recorded by the deadline', async () => {
    // Monday 25 May 2026, a deadline that Friday: the compressed clock passes it within seconds.
    const world = await startAssessmentWorld(stack(), {
      origin: '2026-05-25T00:00:00.000Z',
      proposalDeadline: '2026-05-29',
    });
    try {
      await fillMandiriDirectly(stack(), world, bestAnswer);
      await reviewAllLayers(world);
      const closed = await phaseOf(world, 'tidak_diusulkan');
      expect(closed.eligiblePredicate).toBe('WBK');
      expect(closed.outcomeNote).toMatch(/Batas waktu usulan 2026-05-29 terlewati tanpa usulan tercatat/);
      await world.handle.result();
      const task = await stack()
        .models.Task.findById(taskWorkflowId(world.cycleId, world.unit.code, proposalTaskKey))
        .lean();
      if (task)
        await eventually(
          async () =>
            (await stack().models.Task.findById(task._id).lean())?.status === 'cancelled' ? true : undefined,
          { what: 'the reminder task to stop' },
        );
      await eventually(
        async () =>
          (await subjectsOf(world.pimpinan.email)).some((s) => s.includes('tidak diusulkan')) ? true : undefined,
        { what: 'the not-proposed email' },
      );
      const listed = await get(world.admin, `/api/v1/assessments?cycle=${world.cycleId}&phase=tidak_diusulkan`).expect(
        200,
      );
      expect(listed.body.items).toEqual([
        expect.objectContaining({ unitCode: world.unit.code, eligiblePredicate: 'WBK' }),
      ]);
    } finally {
      await world.handle.terminate('test finished').catch(() => undefined);
    }
  }, 90_000);

  it('closes a unit whose final score is not enough, naming the failed conditions', async () => {
    const world = await startAssessmentWorld(stack());
    try {
      await fillMandiriDirectly(stack(), world, worstAnswer);
      await reviewAllLayers(world);
      const closed = await phaseOf(world, 'tidak_diusulkan');
      expect(closed.eligiblePredicate).toBeNull();
      expect(closed.outcomeNote).toMatch(
        /^Nilai akhir TPI 0\.00 belum memenuhi syarat WBK: Pemenuhan Manajemen Perubahan 0\.00 < /,
      );
      const view = (await get(world.ketua, world.path).expect(200)).body;
      expect(view.failures).toEqual(
        expect.arrayContaining([expect.stringMatching(/^WBK: Nilai total 0\.00 < 75\.00/)]),
      );
      await expect(
        stack()
          .models.Task.findById(taskWorkflowId(world.cycleId, world.unit.code, proposalTaskKey))
          .lean(),
      ).resolves.toBeNull();
    } finally {
      await world.handle.terminate('test finished').catch(() => undefined);
    }
  }, 90_000);
});

describe('the unit workflow and the launch', () => {
  it('starts the unit’s assessment when penilaian opens, with the cycle’s template, deadline and layers', async () => {
    const cycleId = `2026-pnlunit${Date.now().toString(36)}`;
    const unit = { code: 'DISDUKCAPIL', name: 'Dinas Kependudukan dan Pencatatan Sipil' };
    // Only the penilaian stage has a task, so the unit walks straight to it.
    const catalogue: TaskCatalogue = {
      version: 'test-penilaian',
      templates: requiredTasksForStage(defaultCatalogue, 'penilaian').slice(0, 1),
    };
    const input: UnitWorkflowInput = {
      cycleId,
      unit,
      catalogue,
      timeline: openTimeline,
      team: teamOf(unit.code),
      penilaian: { lkeTemplateId: defaultLkeTemplate.id, proposalDeadline: '2026-06-30', reviewLayers: ['tpi'] },
    };
    const unitHandle = await stack().client.workflow.start<(i: UnitWorkflowInput) => Promise<UnitView>>(
      unitWorkflowType,
      {
        workflowId: unitWorkflowId(cycleId, unit.code),
        taskQueue: stack().config.temporal.taskQueue,
        args: [input],
      },
    );
    const assessment = stack().client.workflow.getHandle(assessmentWorkflowId(cycleId, unit.code));
    try {
      const view = await eventually(() => assessment.query(assessmentStateQuery), { what: 'the assessment workflow' });
      expect(view).toMatchObject({
        phase: 'mandiri',
        layers: ['unit', 'tpi'],
        templateId: defaultLkeTemplate.id,
        proposal: { deadline: '2026-06-30' },
      });
      const stored = await eventually(
        () =>
          stack()
            .models.Assessment.findById(`${cycleId}:${unit.code}`)
            .lean()
            .then((d) => d ?? undefined),
        { what: 'the assessment read model' },
      );
      expect(stored).toMatchObject({ unitName: unit.name, phase: 'mandiri', currentLayer: 'unit' });
      const state = await unitHandle.query('unitState');
      expect((state as UnitView).stage).toBe('penilaian');
    } finally {
      await unitHandle.terminate('test finished').catch(() => undefined);
      await assessment.terminate('test finished').catch(() => undefined);
    }
  });

  it('refuses a launch naming an LKE template that does not exist, and fills the penilaian defaults otherwise', async () => {
    const body = pinnedLaunchBody();
    const token = await adminToken(stack(), body.launchedBy);
    const unknown = await api()
      .post('/api/v1/cycles/preview')
      .auth(token, bearer)
      .send({ ...launchRequest(body), lkeTemplateId: 'lke-tidak-ada' })
      .expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'body.lkeTemplateId' })]);
    const badLayers = await api()
      .post('/api/v1/cycles/preview')
      .auth(token, bearer)
      .send({ ...launchRequest(body), reviewLayers: ['unit'], proposalDeadline: '2027-05-31' })
      .expect(400);
    expect(badLayers.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.proposalDeadline',
      'body.reviewLayers',
    ]);
    await api()
      .post('/api/v1/cycles/preview')
      .auth(token, bearer)
      .send({
        ...launchRequest(body),
        lkeTemplateId: defaultLkeTemplate.id,
        proposalDeadline: '2026-06-15',
        reviewLayers: ['tpi'],
      })
      .expect(200);
  });
});
