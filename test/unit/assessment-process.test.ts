import { createAssessmentActivities, type AssessmentNotificationKind } from '../../activities/assessment';
import type { Models } from '../../activities/models';
import type { NotificationRequest } from '../../activities/notifications';
import { createEmailRenderer, type RenderedEmail } from '../../activities/templates';
import {
  answerProgress,
  effectiveAnswers,
  gapsText,
  submissionGaps,
  type LayerAnswers,
} from '../../domain/assessment-answers';
import {
  answerWindow,
  awaitsPredikat,
  decideAssessment,
  defaultProposalDeadline,
  newAssessmentProcess,
  nextTpnStage,
  openFollowUp,
  proposalTaskDue,
  reviewLayerIssues,
  systemActor,
  type AssessmentCommand,
  type AssessmentProcess,
  type DecisionTime,
} from '../../domain/assessment-process';
import { createWorkingCalendar } from '../../domain/calendar';
import { defaultLkeTemplate, questionsOf, type LkeAnswer } from '../../domain/lke';
import { defaultReminderPolicy } from '../../domain/reminder-policy';
import type { RoleCode } from '../../domain/roles';

const actor = (personId: string, ...roles: RoleCode[]) => ({ personId, roles });
const ketua = actor('ketua@unit.test', 'ketua_tim');
const anggota = actor('anggota@unit.test', 'anggota_tim');
const pimpinan = actor('kepala@unit.test', 'pimpinan');
const penilai = actor('tpi@inspektorat.test', 'penilai');
const organisasi = actor('organisasi@pemkot.test', 'admin_organisasi');

/** 10:00 WIB on Monday 4 May 2026. */
const time: DecisionTime = { at: '2026-05-04T03:00:00.000Z', today: '2026-05-04' };
const later = (days: number): DecisionTime => {
  const at = new Date(Date.parse(time.at) + days * 86_400_000);
  return { at: at.toISOString(), today: at.toISOString().slice(0, 10) };
};

const fresh = () =>
  newAssessmentProcess({ reviewLayers: ['tpi_anggota', 'tpi_ketua'], proposalDeadline: '2026-05-31' });

/** Applies commands in order, failing the test on the first refusal. */
function run(state: AssessmentProcess, ...steps: [AssessmentCommand, DecisionTime?][]): AssessmentProcess {
  for (const [command, at] of steps) {
    const decision = decideAssessment(state, command, at ?? time);
    if (!decision.ok) throw new Error(`${command.type} refused: ${decision.reason}`);
    state = decision.state;
  }
  return state;
}

function refusal(state: AssessmentProcess, command: AssessmentCommand, at: DecisionTime = time): string {
  const decision = decideAssessment(state, command, at);
  if (decision.ok) throw new Error(`${command.type} was accepted`);
  return decision.reason;
}

const submit: AssessmentCommand = { type: 'submit', actor: ketua };
const forward = (layer: string): AssessmentCommand => ({
  type: 'complete_layer',
  actor: penilai,
  layer,
  decision: 'forward',
});
const finalize = (eligiblePredicate: 'WBK' | 'WBBM' | null): AssessmentCommand => ({
  type: 'finalize',
  actor: systemActor,
  eligiblePredicate,
});
const documents = {
  coverLetter: 'https://drive.test/sp',
  sptjm: 'https://drive.test/sptjm',
  reviewedLke: 'file:0123456789abcdef01234567',
};

/** Through both layers to an eligible unit waiting for its proposal. */
const inUsulan = (predicate: 'WBK' | 'WBBM' = 'WBK') =>
  run(fresh(), [submit], [forward('tpi_anggota')], [forward('tpi_ketua')], [finalize(predicate)]);
const proposed = () =>
  run(
    inUsulan(),
    [{ type: 'approve_proposal', actor: pimpinan }],
    [{ type: 'record_proposal', actor: organisasi, submittedAt: '2026-05-04', documents }],
  );
const tpn = (
  stage: 'pra_evaluasi' | 'desk' | 'lapangan',
  result: 'lulus' | 'lulus_dengan_catatan' | 'tidak_lulus',
  date: string,
): AssessmentCommand => ({
  type: 'record_tpn',
  actor: organisasi,
  stage,
  result,
  date,
});
const afterTpn = () =>
  run(
    proposed(),
    [tpn('pra_evaluasi', 'lulus', '2026-06-10'), later(60)],
    [tpn('desk', 'lulus_dengan_catatan', '2026-07-01'), later(60)],
    [tpn('lapangan', 'lulus', '2026-08-01'), later(120)],
  );

describe('a new assessment', () => {
  it('starts in penilaian mandiri with the unit layer before the review layers', () => {
    const state = fresh();
    expect(state).toMatchObject({
      phase: 'mandiri',
      layers: ['unit', 'tpi_anggota', 'tpi_ketua'],
      currentLayer: 'unit',
      proposal: { deadline: '2026-05-31' },
    });
    expect(answerWindow(state)).toEqual({ layer: 'unit', questionIds: 'all' });
  });

  it('defaults the proposal deadline to 31 May of the cycle year', () => {
    expect(defaultProposalDeadline(2027)).toBe('2027-05-31');
  });

  it('refuses review layers that are missing, repeated, the unit itself or not plain codes', () => {
    expect(reviewLayerIssues(['tpi_anggota', 'tpi_ketua', 'pengendali_teknis'])).toEqual([]);
    expect(reviewLayerIssues([])).toHaveLength(1);
    expect(reviewLayerIssues(['tpi', 'tpi'])).toEqual(['lapis tpi disebut lebih dari sekali']);
    expect(reviewLayerIssues(['unit'])[0]).toMatch(/lapis unit sendiri/);
    expect(reviewLayerIssues(['TPI.anggota'])[0]).toMatch(/huruf kecil/);
    expect(() => newAssessmentProcess({ reviewLayers: [], proposalDeadline: '2026-05-31' })).toThrow(RangeError);
  });
});

describe('penilaian mandiri and the TPI layers', () => {
  it('lets only the ketua tim submit, once, and hands the LKE to the first layer', () => {
    expect(refusal(fresh(), { type: 'submit', actor: anggota })).toMatch(/Hanya ketua tim/);
    expect(refusal(fresh(), { type: 'submit', actor: pimpinan })).toMatch(/Hanya ketua tim/);
    const decision = decideAssessment(fresh(), { type: 'submit', actor: ketua, note: 'Lengkap' }, time);
    expect(decision).toMatchObject({
      ok: true,
      state: { phase: 'review', currentLayer: 'tpi_anggota' },
      event: {
        type: 'submit',
        by: ketua.personId,
        from: 'mandiri',
        to: 'review',
        layer: 'tpi_anggota',
        note: 'Lengkap',
      },
    });
    const submitted = run(fresh(), [submit]);
    expect(refusal(submitted, submit)).toMatch(/sudah dikirim/);
    expect(answerWindow(submitted)).toEqual({ layer: 'tpi_anggota', questionIds: 'all' });
  });

  it('lets only a penilai complete the layer that is working, and moves layer by layer to the final score', () => {
    const submitted = run(fresh(), [submit]);
    expect(refusal(submitted, { ...forward('tpi_anggota'), actor: ketua })).toMatch(/Hanya TPI/);
    expect(refusal(submitted, forward('tpi_ketua'))).toMatch(
      /Lapis yang sedang menilai adalah TPI anggota, bukan TPI ketua/,
    );
    expect(refusal(fresh(), forward('tpi_anggota'))).toMatch(/tidak sedang dievaluasi/);

    const second = run(submitted, [forward('tpi_anggota')]);
    expect(second).toMatchObject({ phase: 'review', currentLayer: 'tpi_ketua' });
    const final = run(second, [forward('tpi_ketua')]);
    expect(final).toMatchObject({ phase: 'final', currentLayer: 'tpi_ketua' });
    expect(answerWindow(final)).toBeUndefined();
    expect(final.history.map((event) => `${event.type}:${event.from}>${event.to}@${event.layer}`)).toEqual([
      'submit:mandiri>review@tpi_anggota',
      'complete_layer:review>review@tpi_anggota',
      'complete_layer:review>final@tpi_ketua',
    ]);
  });

  it('sends questions back for tindak lanjut with a deadline, opens only those to the unit, and resumes the layer', () => {
    const submitted = run(fresh(), [submit], [forward('tpi_anggota')]);
    const back: AssessmentCommand = {
      type: 'complete_layer',
      actor: penilai,
      layer: 'tpi_ketua',
      decision: 'tindak_lanjut',
      questionIds: ['mp_tim_kerja_a', 'ppg_spip_a'],
      due: later(7).at,
      note: 'Lengkapi notulen',
    };
    expect(refusal(submitted, { ...back, questionIds: [] })).toMatch(/Pilih pertanyaan/);
    expect(refusal(submitted, { ...back, questionIds: ['a', 'a'] })).toMatch(/berulang/);
    expect(refusal(submitted, { ...back, note: ' ' })).toMatch(/Catatan tindak lanjut wajib/);
    expect(refusal(submitted, { ...back, due: time.at })).toMatch(/harus setelah saat ini/);
    expect(refusal(submitted, { ...back, due: 'besok' })).toMatch(/tidak valid/);

    const returned = run(submitted, [back]);
    expect(returned).toMatchObject({ phase: 'tindak_lanjut', currentLayer: 'unit' });
    expect(openFollowUp(returned)).toMatchObject({
      round: 1,
      layer: 'tpi_ketua',
      questionIds: ['mp_tim_kerja_a', 'ppg_spip_a'],
      due: back.due,
      note: 'Lengkapi notulen',
      requestedBy: penilai.personId,
    });
    expect(answerWindow(returned)).toEqual({ layer: 'unit', questionIds: ['mp_tim_kerja_a', 'ppg_spip_a'] });
    expect(refusal(returned, forward('tpi_ketua'))).toMatch(/tidak sedang dievaluasi/);
    expect(refusal(returned, { type: 'close_follow_up', actor: systemActor, round: 2, outcome: 'approved' })).toMatch(
      /putaran 2 tidak sedang berjalan/,
    );

    const resumed = run(returned, [
      { type: 'close_follow_up', actor: systemActor, round: 1, outcome: 'approved' },
      later(5),
    ]);
    expect(resumed).toMatchObject({ phase: 'review', currentLayer: 'tpi_ketua' });
    expect(resumed.followUps[0]).toMatchObject({ closedAt: later(5).at, outcome: 'approved' });
    expect(openFollowUp(resumed)).toBeUndefined();

    const secondRound = run(resumed, [{ ...back, due: later(20).at }, later(6)]);
    expect(openFollowUp(secondRound)?.round).toBe(2);
  });
});

describe('final score and proposal', () => {
  const final = () => run(fresh(), [submit], [forward('tpi_anggota')], [forward('tpi_ketua')]);

  it('opens the proposal for an eligible unit and closes a unit that is not eligible, saying why', () => {
    expect(run(final(), [finalize('WBK')])).toMatchObject({ phase: 'usulan', eligiblePredicate: 'WBK' });
    const closed = run(final(), [
      { type: 'finalize', actor: systemActor, eligiblePredicate: null, note: 'Nilai total 70.00 < 75.00' },
    ]);
    expect(closed).toMatchObject({
      phase: 'tidak_diusulkan',
      eligiblePredicate: null,
      outcomeNote: 'Nilai total 70.00 < 75.00',
    });
    expect(refusal(closed, submit)).toMatch(/sudah selesai/);
    expect(refusal(fresh(), finalize('WBK'))).toMatch(/belum dapat ditetapkan/);
  });

  it('needs the unit’s pimpinan to approve once before Bagian Organisasi records the proposal', () => {
    const state = inUsulan();
    const record: AssessmentCommand = {
      type: 'record_proposal',
      actor: organisasi,
      submittedAt: '2026-05-04',
      documents,
    };
    expect(refusal(state, record)).toMatch(/belum disetujui pimpinan/);
    expect(refusal(state, { type: 'approve_proposal', actor: ketua })).toMatch(/Hanya pimpinan unit/);
    const approved = run(state, [{ type: 'approve_proposal', actor: pimpinan, note: 'Setuju' }]);
    expect(approved.proposal).toMatchObject({
      approvedBy: pimpinan.personId,
      approvedAt: time.at,
      approvalNote: 'Setuju',
    });
    expect(approved.phase).toBe('usulan');
    expect(refusal(approved, { type: 'approve_proposal', actor: pimpinan })).toMatch(/sudah disetujui/);

    expect(refusal(approved, { ...record, actor: pimpinan })).toMatch(/Hanya Bagian Organisasi/);
    expect(refusal(approved, { ...record, submittedAt: '2026-06-01' })).toMatch(
      /melewati batas waktu usulan 2026-05-31/,
    );
    expect(refusal(approved, { ...record, submittedAt: '2026-05-05' })).toMatch(/masa depan/);
    expect(refusal(approved, { ...record, documents: { ...documents, sptjm: ' ' } })).toMatch(/SPTJM/);
    expect(refusal(approved, record, { at: '2026-06-01T01:00:00.000Z', today: '2026-06-01' })).toMatch(
      /Batas waktu usulan 2026-05-31 sudah lewat/,
    );
    // The deadline day itself still counts.
    const onTheDay = run(approved, [
      { ...record, submittedAt: '2026-05-31' },
      { at: '2026-05-31T08:00:00.000Z', today: '2026-05-31' },
    ]);
    expect(onTheDay).toMatchObject({
      phase: 'diusulkan',
      proposal: { submittedAt: '2026-05-31', documents, recordedBy: organisasi.personId },
    });
  });

  it('closes a unit whose proposal was not recorded by the deadline as not proposed', () => {
    const approved = run(inUsulan(), [{ type: 'approve_proposal', actor: pimpinan }]);
    expect(run(approved, [{ type: 'deadline_passed', actor: systemActor }])).toMatchObject({
      phase: 'tidak_diusulkan',
      outcomeNote: 'Batas waktu usulan 2026-05-31 terlewati tanpa usulan tercatat',
    });
    expect(run(inUsulan(), [{ type: 'deadline_passed', actor: systemActor }]).outcomeNote).toMatch(
      /belum disetujui pimpinan unit/,
    );
    expect(refusal(proposed(), { type: 'deadline_passed', actor: systemActor })).toMatch(/tidak sedang menunggu/);
  });
});

describe('TPN and the predikat', () => {
  it('records the TPN stages in order with dates that move forward, by Bagian Organisasi only', () => {
    const state = proposed();
    expect(nextTpnStage(state)).toBe('pra_evaluasi');
    expect(refusal(inUsulan(), tpn('pra_evaluasi', 'lulus', '2026-05-04'))).toMatch(/belum diusulkan/);
    expect(refusal(state, tpn('desk', 'lulus', '2026-05-04'))).toMatch(/Pra-evaluasi harus dicatat lebih dahulu/);
    expect(refusal(state, { ...tpn('pra_evaluasi', 'lulus', '2026-05-04'), actor: pimpinan })).toMatch(
      /Hanya Bagian Organisasi/,
    );
    expect(refusal(state, tpn('pra_evaluasi', 'lulus', '2026-05-03'))).toMatch(/tidak boleh sebelum 2026-05-04/);
    expect(refusal(state, tpn('pra_evaluasi', 'lulus', '2026-05-05'))).toMatch(/masa depan/);

    const pra = run(state, [tpn('pra_evaluasi', 'lulus_dengan_catatan', '2026-06-10'), later(60)]);
    expect(pra).toMatchObject({
      phase: 'tpn',
      tpn: { pra_evaluasi: { result: 'lulus_dengan_catatan', by: organisasi.personId } },
    });
    expect(nextTpnStage(pra)).toBe('desk');
    expect(refusal(pra, tpn('pra_evaluasi', 'lulus', '2026-06-11'), later(60))).toMatch(/Pra-evaluasi sudah dicatat/);
    expect(refusal(pra, tpn('desk', 'lulus', '2026-06-09'), later(60))).toMatch(/tidak boleh sebelum 2026-06-10/);
    expect(awaitsPredikat(pra)).toBe(false);

    const done = afterTpn();
    expect(nextTpnStage(done)).toBeUndefined();
    expect(awaitsPredikat(done)).toBe(true);
    expect(refusal(done, tpn('lapangan', 'lulus', '2026-08-02'), later(120))).toMatch(/Seluruh tahap/);
  });

  it('ends the assessment at a stage not passed', () => {
    const failed = run(
      proposed(),
      [tpn('pra_evaluasi', 'lulus', '2026-06-10'), later(60)],
      [tpn('desk', 'tidak_lulus', '2026-07-01'), later(60)],
    );
    expect(failed).toMatchObject({ phase: 'selesai', outcomeNote: 'Desk evaluasi TPN: tidak lulus' });
    expect(nextTpnStage(failed)).toBeUndefined();
    expect(awaitsPredikat(failed)).toBe(false);
    expect(
      refusal(failed, { type: 'record_predikat', actor: organisasi, predicate: null, date: '2026-12-09' }),
    ).toMatch(/sudah selesai/);
  });

  it('records the predikat after evaluasi lapangan, never above what the unit was proposed for, and closes', () => {
    const record = (predicate: 'WBK' | 'WBBM' | null, date = '2026-12-09'): AssessmentCommand => ({
      type: 'record_predikat',
      actor: organisasi,
      predicate,
      date,
    });
    expect(refusal(proposed(), record('WBK'))).toMatch(/setelah hasil evaluasi lapangan/);
    const waiting = afterTpn();
    expect(refusal(waiting, { ...record('WBK'), actor: pimpinan })).toMatch(/Hanya Bagian Organisasi/);
    expect(refusal(waiting, record('WBBM'))).toMatch(/diusulkan untuk WBK; predikat WBBM tidak dapat dicatat/);
    expect(refusal(waiting, record('WBK', '2026-07-31'))).toMatch(/tidak boleh sebelum evaluasi lapangan/);
    const awarded = run(waiting, [record('WBK')]);
    expect(awarded).toMatchObject({
      phase: 'selesai',
      predikat: { predicate: 'WBK', date: '2026-12-09', by: organisasi.personId },
    });
    expect(awarded.history.at(-1)).toMatchObject({ type: 'record_predikat', from: 'tpn', to: 'selesai' });
    expect(run(waiting, [record(null)]).predikat?.predicate).toBeNull();
  });
});

describe('reading answers', () => {
  const option = (code: string): LkeAnswer => ({ kind: 'option', option: code });
  const given = (answer: LkeAnswer | null, by = 'x') => ({ answer, by, at: '2026-05-04T03:00:00.000Z' });
  const layers = ['unit', 'tpi_anggota', 'tpi_ketua'];

  it('carries a layer’s answers from the layer before it wherever it gave none of its own', () => {
    const answers: LayerAnswers = {
      unit: { q1: given(option('A')), q2: given(option('A')), q3: given(option('B')) },
      tpi_anggota: { q2: given(option('C')), q3: given(null) },
      tpi_ketua: { q1: given(option('B')) },
    };
    expect(effectiveAnswers(layers, answers, 'unit')).toEqual({ q1: option('A'), q2: option('A'), q3: option('B') });
    expect(effectiveAnswers(layers, answers, 'tpi_anggota')).toEqual({ q1: option('A'), q2: option('C') });
    expect(effectiveAnswers(layers, answers, 'tpi_ketua')).toEqual({ q1: option('B'), q2: option('C') });
    expect(() => effectiveAnswers(layers, answers, 'pengendali_teknis')).toThrow(RangeError);
  });

  it('counts answers and complete evidence per area, and names what keeps the unit from submitting', () => {
    const questions = questionsOf(defaultLkeTemplate);
    const [first, second] = questions;
    const answers = { [first!.question.id]: option('ya'), [second!.question.id]: option('A') };
    const evidence = {
      [first!.question.id]: Object.fromEntries(
        first!.question.requiredEvidence.map((name) => [name, ['https://x.test/a']]),
      ),
      [second!.question.id]: { [second!.question.requiredEvidence[0]!]: ['https://x.test/b'] },
    };
    const progress = answerProgress(defaultLkeTemplate, answers, evidence);
    expect(progress).toMatchObject({ total: questions.length, answered: 2, evidenceComplete: 1 });
    expect(progress.areas.map((area) => area.id)).toEqual([
      'manajemen_perubahan',
      'penataan_tatalaksana',
      'penataan_sdm',
      'akuntabilitas_kinerja',
      'penguatan_pengawasan',
      'pelayanan_publik',
      'hasil',
    ]);
    expect(progress.areas[0]).toMatchObject({ answered: 2, evidenceComplete: 1 });
    expect(progress.areas.reduce((sum, area) => sum + area.total, 0)).toBe(questions.length);
    expect(progress.missingAnswers).toHaveLength(questions.length - 2);
    expect(progress.missingEvidence[0]).toEqual({
      questionId: second!.question.id,
      documents: second!.question.requiredEvidence.slice(1),
    });

    const only = submissionGaps(defaultLkeTemplate, answers, evidence, [first!.question.id, second!.question.id]);
    expect(only).toEqual({ missingAnswers: [], missingEvidence: [progress.missingEvidence[0]] });
    expect(gapsText(only)).toBe(`1 pertanyaan belum lengkap data dukungnya (${second!.question.id})`);
    expect(gapsText(submissionGaps(defaultLkeTemplate, answers, evidence))).toMatch(
      new RegExp(`^${questions.length - 2} pertanyaan belum dijawab \\(.+, …\\); \\d+ pertanyaan belum lengkap`),
    );
  });
});

describe('the proposal reminder task', () => {
  it('is due early enough that every escalation of the policy falls on or before the deadline’s last working day', () => {
    const calendar = createWorkingCalendar({ zone: 'WIB' });
    // 31 May 2026 is a Sunday (and Waisak): the proposal must be in by the working day before.
    const deadline = '2026-05-31';
    const due = proposalTaskDue(deadline, defaultReminderPolicy, calendar);
    const dueDay = calendar.localDay(due);
    const lastWorkingDay = calendar.addWorkingDays(deadline, -1);
    expect(calendar.isWorkingDay(dueDay)).toBe(true);
    expect(calendar.addWorkingDays(dueDay, 5)).toBe(lastWorkingDay);
    expect(due.toISOString()).toBe(calendar.atLocalTime(dueDay, '16:00').toISOString());
    // A policy without escalations needs no lead: due on the deadline itself (a working day).
    expect(calendar.localDay(proposalTaskDue('2026-05-29', { escalations: [] }, calendar))).toBe('2026-05-29');
  });
});

describe('the penilaian emails', () => {
  const render = createEmailRenderer();
  const sent: (RenderedEmail & { request: NotificationRequest })[] = [];
  const activities = createAssessmentActivities({
    // Emails need no database.
    models: {} as Models,
    publicUrl: 'http://zi.test',
    send: async (request) => {
      sent.push({ request, ...render(request.template, request.data) });
      return { status: 'sent', messageId: `<${sent.length}@test>` };
    },
  });
  const unit = { code: 'DPMPTSP', name: 'Dinas Penanaman Modal dan PTSP' };
  const recipient = {
    personId: 'kepala',
    roles: ['pimpinan' as const],
    name: 'Drs. Budi Santoso',
    email: 'kepala@pemkot.test',
  };
  const notify = async (kind: AssessmentNotificationKind, process: AssessmentProcess, extra: object = {}) => {
    sent.length = 0;
    await activities.notifyAssessment({
      kind,
      cycleId: '2026-abc',
      cycleName: 'Pembangunan ZI Kota Contoh 2026',
      unit,
      seq: 7,
      recipients: [recipient, { ...recipient, personId: 'tanpa-email', email: ' ' }],
      process,
      ...extra,
    });
    expect(sent).toHaveLength(1);
    const [email] = sent;
    expect(email!.subject).not.toMatch(/\n/);
    expect(email!.text).toContain('Yth. Drs. Budi Santoso,');
    expect(email!.text).toContain('http://zi.test/siklus/2026-abc/unit/DPMPTSP/penilaian');
    expect(email!.request.dedupeKey).toBe(`${kind}:penilaian:2026-abc:DPMPTSP#7:kepala`);
    return email!;
  };

  it('tells the team the penilaian mandiri began, and the TPI which layer the LKE waits for', async () => {
    expect((await notify('penilaian-dimulai', fresh())).subject).toBe(
      'Penilaian mandiri LKE dimulai: Dinas Penanaman Modal dan PTSP (DPMPTSP)',
    );
    const review = await notify('penilaian-reviu', run(fresh(), [submit]));
    expect(review.subject).toBe('LKE Dinas Penanaman Modal dan PTSP (DPMPTSP) menunggu evaluasi TPI anggota');
    expect(review.html).toContain('<strong>TPI anggota</strong>');
  });

  it('gives the final score with every failed condition, and what happens next', async () => {
    const score = {
      total: 81.5,
      predicate: 'WBK' as const,
      failures: ['WBBM: Nilai total 81.50 < 85.00 (kurang 3.50)'],
      missingAnswers: 0,
    };
    const eligible = await notify('penilaian-hasil', inUsulan(), { score });
    expect(eligible.subject).toBe(
      'Nilai akhir TPI Dinas Penanaman Modal dan PTSP (DPMPTSP): 81.50, layak diusulkan WBK',
    );
    expect(eligible.text).toContain('paling lambat Minggu, 31 Mei 2026');
    expect(eligible.text.split('\n')).toContain('- WBBM: Nilai total 81.50 < 85.00 (kurang 3.50)');
    const closed = run(fresh(), [submit], [forward('tpi_anggota')], [forward('tpi_ketua')], [finalize(null)]);
    const failed = await notify('penilaian-hasil', closed, { score: { ...score, predicate: null } });
    expect(failed.subject).toMatch(/belum memenuhi syarat predikat$/);
    expect(failed.text).toContain('tidak diusulkan pada siklus ini');
  });

  it('asks Bagian Organisasi to record an approved proposal, and says when a unit was not proposed in time', async () => {
    const approved = run(inUsulan(), [{ type: 'approve_proposal', actor: pimpinan }]);
    expect((await notify('penilaian-usulan-disetujui', approved)).subject).toBe(
      'Usulan Dinas Penanaman Modal dan PTSP (DPMPTSP) untuk predikat WBK disetujui pimpinan unit',
    );
    const lapsed = await notify(
      'penilaian-tidak-diusulkan',
      run(approved, [{ type: 'deadline_passed', actor: systemActor }]),
    );
    expect(lapsed.text).toContain('Batas waktu usulan 2026-05-31 terlewati tanpa usulan tercatat');
  });

  it('reports each TPN stage, and the end of the assessment at a stage not passed', async () => {
    const pra = run(proposed(), [tpn('pra_evaluasi', 'lulus_dengan_catatan', '2026-06-10'), later(60)]);
    const passed = await notify('penilaian-tpn', pra, { tpnStage: 'pra_evaluasi' });
    expect(passed.subject).toBe(
      'Hasil Pra-evaluasi TPN Dinas Penanaman Modal dan PTSP (DPMPTSP): Lulus dengan catatan',
    );
    expect(passed.text).toContain('Rabu, 10 Juni 2026');
    const failed = run(pra, [tpn('desk', 'tidak_lulus', '2026-07-01'), later(60)]);
    const ended = await notify('penilaian-tpn', failed, { tpnStage: 'desk' });
    expect(ended.text).toContain('Desk evaluasi TPN: tidak lulus. Penilaian unit ini pada siklus ini selesai.');
  });
});
