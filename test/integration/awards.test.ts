import { randomUUID } from 'node:crypto';
import request from 'supertest';
import type { AssessmentDocument } from '../../activities/models/assessment.model';
import { addYears } from '../../domain/lke/dates';
import { formatScore } from '../../domain/lke';
import type { Grant } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import { localDayOf } from '../../domain/calendar';
import {
  approveProposalUpdate,
  assessmentStateQuery,
  pemantauanStateQuery,
  pemantauanWorkflowId,
  recordProposalUpdate,
  recordTpnUpdate,
  cycleWorkflowId,
  taskWorkflowId,
  type PemantauanView,
} from '../../workflows/definitions';
import { carriedRecommendationTemplates } from '../../domain/carried-recommendations';
import { failingResult, wbkResult } from '../fixtures/award-assessments';
import { openTimeline } from '../fixtures/lifecycle';
import { bearer, tokenFor } from '../support/auth';
import {
  fillMandiriDirectly,
  phaseOf,
  plainPerson,
  reviewAllLayers,
  startAssessmentWorld,
  type AssessmentWorld,
} from '../support/drive-assessment';
import { messagesTo, readMessage } from '../support/mailbox';
import { flat, pdfText } from '../support/pdf-text';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { binaryBody } from '../support/binary-body';

/**
 * Penghargaan over HTTP against real servers: the predikat recorded into a unit's history (idempotently), its
 * announcement, the certificate and the cycle report read back from their PDFs, the carried recommendations, the
 * pemantauan rounds on a compressed clock, and a revocation that stops them and bars a new award for 2 years.
 *
 * Most cases insert the cycle's and the assessments' read models as test data, with the predikat already in the
 * assessment, to check what the award side does with it; the last one records it through a real assessment workflow
 * driven to the TPN results.
 */
const stack = useTestStack();
const run = randomUUID().slice(0, 8);
const cycleId = `2026-awd${run}`;
const laterCycleId = `2027-awd${run}`;
const A = `AWD-A-${run}`;
const B = `AWD-B-${run}`;
const C = `AWD-C-${run}`;
const awardDay = '2026-12-09';
const launcher = { name: 'Bagian Organisasi', email: `organisasi-awd-${run}@pemkot.test` };
const unitName = {
  [A]: 'Dinas Kependudukan dan Pencatatan Sipil',
  [B]: 'Dinas Penanaman Modal dan PTSP',
  [C]: 'Badan Perencanaan',
};
const passing = wbkResult();
const failing = failingResult();

const people = {
  admin: { name: 'Admin Organisasi', email: `admin-awd-${run}@pemkot.test` },
  pimpinanA: { name: 'Kepala Disdukcapil', email: `kepala-a-awd-${run}@pemkot.test` },
  ketuaA: { name: 'Ketua Tim Disdukcapil', email: `ketua-a-awd-${run}@pemkot.test` },
  penilaiA: { name: 'Inspektur Pembantu', email: `penilai-a-awd-${run}@pemkot.test` },
  pimpinanB: { name: 'Kepala DPMPTSP', email: `kepala-b-awd-${run}@pemkot.test` },
  pengamat: { name: 'Pengamat', email: `pengamat-awd-${run}@pemkot.test` },
  outsider: { name: 'Orang lain', email: `lain-awd-${run}@pemkot.test` },
};
const grants: Record<keyof typeof people, Grant[]> = {
  admin: [{ role: 'admin_organisasi' }],
  pimpinanA: [{ role: 'pimpinan', unitCode: A }],
  ketuaA: [{ role: 'ketua_tim', unitCode: A }],
  penilaiA: [{ role: 'penilai', unitCode: A }],
  pimpinanB: [{ role: 'pimpinan', unitCode: B }],
  pengamat: [{ role: 'pengamat' }],
  outsider: [{ role: 'anggota_tim', unitCode: `AWD-X-${run}` }],
};
const tokens = {} as Record<keyof typeof people, string>;

const api = () => request(stack().app);
const predikatPath = (unit: string, cycle = cycleId) => `/api/v1/awards/${cycle}/${unit}/predikat`;
/** Months pass in seconds: one round of a monthly plan takes about seven real seconds, a year of them 80. */
const compressed = { origin: '2026-12-09T01:00:00.000Z', speedup: 400_000 };

function cycleDocument(id: string, year: number, units: string[]) {
  return {
    _id: id,
    name: `Pembangunan ZI Kota Contoh ${year} (${run})`,
    year,
    units: units.map((code) => ({
      code,
      name: unitName[code]!,
      head: code === B ? people.pimpinanB : people.pimpinanA,
      status: code === C ? 'withdrawn' : 'active',
      stage: code === C ? 'persiapan' : 'penghargaan',
    })),
    launchedBy: launcher,
    status: 'launched' as const,
    zone: 'WIB',
    stages: {
      persiapan: { window: { opens: `${year}-01-02`, due: `${year}-01-30` }, status: 'closed', lateUnits: [B] },
      pembentukan_tim: { window: { opens: `${year}-02-02`, due: `${year}-02-27` }, status: 'closed', lateUnits: [] },
      pelaksanaan: { window: { opens: `${year}-03-02`, due: `${year}-09-30` }, status: 'closed', lateUnits: [] },
      monev: { window: { opens: `${year}-03-02`, due: `${year}-10-30` }, status: 'closed', lateUnits: [] },
      penilaian: { window: { opens: `${year}-04-01`, due: `${year}-07-31` }, status: 'closed', lateUnits: [] },
      penghargaan: { window: { opens: `${year}-11-02`, due: `${year}-12-18` }, status: 'open', lateUnits: [] },
    },
    seq: 1,
  };
}

function assessment(unitCode: string, fields: Partial<AssessmentDocument>, cycle = cycleId) {
  return {
    _id: `${cycle}:${unitCode}`,
    cycleId: cycle,
    unitCode,
    templateId: 'lke-zi-permenpanrb-90-2021',
    phase: 'selesai',
    layers: ['unit', 'tpi_anggota', 'tpi_ketua', 'pengendali_teknis'],
    currentLayer: 'pengendali_teknis',
    answers: {},
    evidence: {},
    followUps: [],
    seq: 1,
    ...fields,
  };
}

function task(unitCode: string, key: string, stage: string, status: string) {
  return {
    _id: `tugas:${cycleId}:${unitCode}:${key}`,
    cycleId,
    unitCode,
    templateKey: key,
    title: `Tugas ${key}`,
    stage,
    status,
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    assignees: [],
    due: new Date('2026-01-30T09:00:00Z'),
    seq: 1,
  };
}

const subjectsTo = async (address: string) => (await messagesTo(address)).map((message) => message.Subject);

beforeAll(async () => {
  const { Cycle, Assessment, Task, UnitKerja } = stack().models;
  for (const [key, person] of Object.entries(people)) {
    tokens[key as keyof typeof people] = await tokenFor(stack(), person, grants[key as keyof typeof people]);
  }
  await UnitKerja.create({ _id: A, name: unitName[A], zone: 'WIB' });
  await Cycle.create(cycleDocument(cycleId, 2026, [A, B, C]));
  await Cycle.create(cycleDocument(laterCycleId, 2027, [A]));
  const [bJuly] = ['2026-07-31'];
  await Assessment.create([
    assessment(A, {
      result: passing,
      eligiblePredicate: 'WBK',
      predikat: { predicate: 'WBK', date: awardDay, by: personIdOf(people.admin.email) },
    }),
    assessment(B, {
      phase: 'tidak_diusulkan',
      result: failing,
      eligiblePredicate: null,
      answers: {
        unit: { kp_1: { answer: null, note: 'sudah kami unggah', by: 'unit', at: new Date(bJuly!) } },
        tpi_anggota: {
          pw_upg: { answer: null, note: 'SK UPG belum ditetapkan', by: 'tpi', at: new Date(bJuly!) },
        },
      },
      tpn: { pra_evaluasi: { result: 'tidak_lulus', date: '2026-08-10', note: 'Survei IPKP belum ada', by: 'admin' } },
    }),
  ]);
  await Task.create([
    task(A, 'sk_tim', 'persiapan', 'approved'),
    task(B, 'sk_tim', 'persiapan', 'approved'),
    task(B, 'rencana', 'persiapan', 'claimed'),
  ]);
}, 60_000);

/** Workflows this file started that may still wait: ended with the file, since nothing polls its queue after it. */
const started = [pemantauanWorkflowId(cycleId, A)];
afterAll(async () => {
  await Promise.allSettled(
    started.map((id) => stack().client.workflow.getHandle(id).terminate('awards test finished')),
  );
});

describe('recording a predikat', () => {
  it('takes the award into the unit’s history, audits it, announces it and starts the pemantauan', async () => {
    const response = await api()
      .post(predikatPath(A))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBK', date: awardDay, pemantauan: { everyMonths: 1, periods: 12, clock: compressed } })
      .expect(200);
    expect(response.body).toMatchObject({
      cycleId,
      unitCode: A,
      predikat: { predicate: 'WBK', date: awardDay },
      history: {
        current: 'WBK',
        awards: [{ predicate: 'WBK', cycleId, date: awardDay }],
        revocations: [],
        proposableFrom: null,
        proposalBarred: false,
      },
      pemantauan: { workflowId: pemantauanWorkflowId(cycleId, A), periods: 12 },
    });
    const stored = await stack().models.UnitPredicate.findById(A).lean();
    expect(stored).toMatchObject({ current: 'WBK', awards: [{ predicate: 'WBK', cycleId, date: awardDay }] });
    const audit = await stack().models.AuditEvent.find({ entityId: A, type: 'predikat_recorded' }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ cycleId, unitCode: A, to: 'WBK', by: personIdOf(people.admin.email) });

    const subject = `Selamat: ${unitName[A]} (${A}) meraih predikat WBK — Zona Integritas 2026`;
    for (const person of [people.pimpinanA, people.ketuaA, launcher]) {
      await eventually(async () => ((await subjectsTo(person.email)).includes(subject) ? true : undefined), {
        what: `the announcement to ${person.email}`,
      });
    }
    const [message] = (await messagesTo(people.pimpinanA.email)).filter((m) => m.Subject === subject);
    const body = await readMessage(message!.ID);
    expect(body.Text).toContain('per 9 Desember 2026');
    expect(body.Text).toContain(`/api/v1/awards/${cycleId}/${A}/certificate.pdf`);
    // Penilai are not told of the award; they get the monitoring task.
    expect(await subjectsTo(people.penilaiA.email)).not.toContain(subject);

    // The first round of monitoring opens on the award day: a task for the unit's TPI, reviewed by Bagian Organisasi.
    const round = await eventually(
      () =>
        stack()
          .models.Task.findById(`tugas:${cycleId}:${A}:pemantauan_1`)
          .lean()
          .then((t) => t ?? undefined),
      { what: 'the first pemantauan task' },
    );
    expect(round).toMatchObject({
      stage: 'penghargaan',
      area: 'penguatan_pengawasan',
      assigneeRole: 'penilai',
      reviewerRole: 'admin_organisasi',
      assignees: [personIdOf(people.penilaiA.email)],
      status: 'open',
    });
    expect(round.title).toContain('Pemantauan unit berpredikat WBK');
  }, 60_000);

  it('changes nothing when the same predikat is sent again', async () => {
    const before = await stack().models.Notification.countDocuments({
      _id: { $regex: `^penghargaan-predikat:${cycleId}:${A}:` },
    });
    expect(before).toBe(3);
    await api()
      .post(predikatPath(A))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBK', date: awardDay, pemantauan: { everyMonths: 1, periods: 12, clock: compressed } })
      .expect(200);
    const stored = await stack().models.UnitPredicate.findById(A).lean();
    expect(stored?.awards).toHaveLength(1);
    expect(await stack().models.AuditEvent.countDocuments({ entityId: A, type: 'predikat_recorded' })).toBe(1);
    expect(
      await stack().models.Notification.countDocuments({ _id: { $regex: `^penghargaan-predikat:${cycleId}:${A}:` } }),
    ).toBe(3);
  });

  it('refuses another predikat for a cycle already recorded (409), and anyone but Bagian Organisasi (403)', async () => {
    const other = await api()
      .post(predikatPath(A))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBBM', date: awardDay })
      .expect(409);
    expect(other.body.detail).toContain(`sudah dicatat: WBK per ${awardDay}`);
    for (const who of ['pimpinanA', 'ketuaA', 'penilaiA', 'pengamat'] as const) {
      await api()
        .post(predikatPath(A))
        .auth(tokens[who], bearer)
        .send({ predicate: 'WBK', date: awardDay })
        .expect(403);
    }
  });

  it('records that a unit obtained no predikat, without monitoring, and tells the unit', async () => {
    await stack().models.Assessment.updateOne(
      { _id: `${cycleId}:${B}` },
      { $set: { predikat: { predicate: null, date: awardDay, by: personIdOf(people.admin.email) } } },
    );
    const response = await api()
      .post(predikatPath(B))
      .auth(tokens.admin, bearer)
      .send({ predicate: null, date: awardDay })
      .expect(200);
    expect(response.body).toMatchObject({
      predikat: { predicate: null },
      history: { current: null, awards: [] },
      pemantauan: null,
    });
    const subject = `Hasil penilaian Zona Integritas 2026: ${unitName[B]} (${B}) belum memperoleh predikat`;
    await eventually(async () => ((await subjectsTo(people.pimpinanB.email)).includes(subject) ? true : undefined), {
      what: 'the no-predikat announcement',
    });
  });

  it('answers 404 for a unit with neither an assessment nor its workflow, 400 for a malformed request', async () => {
    const missing = await api()
      .post(predikatPath(C))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBK', date: awardDay });
    expect(missing.status).toBe(404);
    expect(missing.body.detail).toContain(`Penilaian unit ${C}`);
    await api()
      .post(predikatPath(`AWD-NONE-${run}`))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBK', date: awardDay })
      .expect(404);
    const bad = await api()
      .post(predikatPath(A))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBX', date: '9 Desember', extra: 1 })
      .expect(400);
    const fields = (bad.body.errors as { field: string }[]).map((error) => error.field);
    expect(fields).toEqual(expect.arrayContaining(['body.predicate', 'body.date', 'body.extra']));
  });
});

describe('the certificate', () => {
  it('is a PDF naming the unit, predicate, cycle year and day, for whoever may see the unit', async () => {
    for (const who of ['admin', 'pimpinanA', 'pengamat'] as const) {
      const response = await api()
        .get(`/api/v1/awards/${cycleId}/${A}/certificate.pdf`)
        .auth(tokens[who], bearer)
        .buffer(true)
        .parse(binaryBody)
        .expect(200);
      expect(response.type).toBe('application/pdf');
      expect(response.headers['content-disposition']).toContain(`piagam-ZI_2026_${A}_WBK.pdf`);
      const text = flat(pdfText(response.body as Buffer).text);
      expect(text).toContain(unitName[A]);
      expect(text).toContain('WILAYAH BEBAS DARI KORUPSI (WBK)');
      expect(text).toContain('Pembangunan Zona Integritas Tahun 2026');
      expect(text).toContain('Ditetapkan pada tanggal 9 Desember 2026');
    }
  });

  it('answers 404 for a unit without a predikat, and to someone who cannot see the unit', async () => {
    await api().get(`/api/v1/awards/${cycleId}/${B}/certificate.pdf`).auth(tokens.admin, bearer).expect(404);
    await api().get(`/api/v1/awards/${cycleId}/${A}/certificate.pdf`).auth(tokens.pimpinanB, bearer).expect(404);
    await api().get(`/api/v1/awards/${cycleId}/${A}/certificate.pdf`).auth(tokens.outsider, bearer).expect(404);
  });
});

/** Downloads a PDF and reads its text back. */
async function reportText(token: string, expected = 200) {
  const response = await api()
    .get(`/api/v1/awards/cycles/${cycleId}/report.pdf`)
    .auth(token, bearer)
    .buffer(true)
    .parse(binaryBody);
  expect(response.status).toBe(expected);
  if (expected !== 200) return '';
  expect(response.type).toBe('application/pdf');
  return flat(pdfText(response.body as Buffer).text);
}

describe('the cycle report', () => {
  it('gives Bagian Organisasi every unit: stage progress, scores, predikat and failed conditions', async () => {
    const text = await reportText(tokens.admin);
    expect(text).toContain('Laporan Siklus Pembangunan Zona Integritas');
    expect(text).toContain(`Pembangunan ZI Kota Contoh 2026 (${run})`);
    expect(text).toContain('2 Januari 2026 – 30 Januari 2026');
    expect(text).toContain('2/3 (67%)');
    expect(text).toContain(`${unitName[A]} (${A})`);
    expect(text).toContain(`${unitName[B]} (${B})`);
    expect(text).toContain(`${unitName[C]} (${C})`);
    expect(text).toContain(formatScore(passing.total.score));
    expect(text).toContain(formatScore(failing.total.score));
    expect(text).toContain('WBK (9 Desember 2026)');
    expect(text).toContain('Belum berpredikat (9 Desember 2026)');
    for (const failure of failing.failures) expect(text).toContain(`${failure.predicate}: ${failure.message}`);
    expect(text).toContain('Reform Penguatan Pengawasan');
  });

  it('gives a pimpinan their own units only, and refuses other roles', async () => {
    const text = await reportText(tokens.pimpinanB);
    expect(text).toContain(`${unitName[B]} (${B})`);
    expect(text).not.toContain(A);
    expect(text).not.toContain(unitName[A]);
    expect(text).toContain(`hanya memuat unit yang Anda pimpin: ${B}`);
    expect(await reportText(tokens.pengamat)).toContain(A);
    await reportText(tokens.ketuaA, 403);
    await reportText(tokens.penilaiA, 403);
    await reportText(tokens.outsider, 404);
  });
});

describe('recommendations carried into the next cycle', () => {
  it('lists, for units without a predikat, the failed conditions, TPI notes and TPN notes', async () => {
    const response = await api()
      .get(`/api/v1/awards/${cycleId}/recommendations`)
      .auth(tokens.admin, bearer)
      .expect(200);
    const units = response.body.units as {
      unitCode: string;
      target: string;
      assessed: boolean;
      items: { source: string; code: string; text: string }[];
    }[];
    // The awarded unit carries nothing; the withdrawn unit was never assessed.
    expect(units.map((unit) => unit.unitCode)).toEqual([B, C]);
    const b = units[0]!;
    expect(b).toMatchObject({ target: 'WBK', assessed: true });
    const wbkFailures = failing.eligibility.WBK.failures;
    expect(b.items.filter((item) => item.source === 'syarat').map((item) => item.text)).toEqual(
      wbkFailures.map((failure) => failure.message),
    );
    expect(b.items.filter((item) => item.source === 'tpi')).toEqual([
      expect.objectContaining({ code: 'tpi_anggota:pw_upg', text: expect.stringContaining('SK UPG belum ditetapkan') }),
    ]);
    expect(b.items.filter((item) => item.source === 'tpn')).toEqual([
      expect.objectContaining({ text: 'Pra-evaluasi TPN: Survei IPKP belum ada' }),
    ]);
    expect(units[1]).toMatchObject({ unitCode: C, assessed: false, items: [] });
  });

  it('become tasks of the next cycle’s pelaksanaan for the units that carry them, one per area', async () => {
    const launch = {
      name: `Pembangunan ZI lanjutan ${run}`,
      year: 2026,
      units: [A, B].map((code) => ({
        code,
        name: unitName[code]!,
        head: code === B ? people.pimpinanB : people.pimpinanA,
      })),
      timeline: openTimeline,
      clock: { origin: '2026-03-02T00:00:00.000Z', speedup: 1 },
      carryRecommendationsFrom: cycleId,
    };
    const expected = carriedRecommendationTemplates(
      cycleId,
      (await api().get(`/api/v1/awards/${cycleId}/recommendations`).auth(tokens.admin, bearer).expect(200)).body
        .units[0].items,
    );
    // B failed on areas (their failed halves) and carries a TPI note and a TPN note that belong to no area.
    expect(expected.map((t) => t.key)).toEqual(
      expect.arrayContaining([expect.stringMatching(/^rekomendasi_(?!umum)/), 'rekomendasi_umum']),
    );

    const unknown = await api()
      .post('/api/v1/cycles/preview')
      .auth(tokens.admin, bearer)
      .send({ ...launch, carryRecommendationsFrom: `2025-tidakada${run}` })
      .expect(422);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ field: 'body.carryRecommendationsFrom' })]);
    const preview = await api().post('/api/v1/cycles/preview').auth(tokens.admin, bearer).send(launch).expect(200);
    expect(preview.body.carriedTasks).toBe(expected.length);

    const launched = await api().post('/api/v1/cycles').auth(tokens.admin, bearer).send(launch).expect(202);
    started.push(cycleWorkflowId(launched.body.id));
    // Bagian Organisasi moves both units past persiapan and pembentukan tim (done in the earlier cycle). The cycle
    // hears of a unit's move by a signal, so the second step may be refused (422) until it has.
    for (const stage of ['persiapan', 'pembentukan_tim']) {
      for (const code of [A, B]) {
        await eventually(
          async () => {
            const response = await api()
              .post(`/api/v1/cycles/${launched.body.id}/units/${code}/advance`)
              .auth(tokens.admin, bearer)
              .send({ reason: 'Sudah dikerjakan di siklus lalu', stage });
            if (response.status !== 422) expect(response.status).toBe(200);
            return response.status === 200 ? true : undefined;
          },
          { what: `unit ${code} advanced from ${stage}`, intervalMs: 500, timeoutMs: 40_000 },
        );
      }
    }
    const carriedOf = (unitCode: string) =>
      stack()
        .models.Task.find({ cycleId: launched.body.id, unitCode, templateKey: /^rekomendasi_/ })
        .sort({ templateKey: 1 })
        .lean();
    const tasks = await eventually(
      async () => {
        const found = await carriedOf(B);
        return found.length === expected.length ? found : undefined;
      },
      { what: 'the carried recommendation tasks of unit B', timeoutMs: 40_000 },
    );
    for (const template of expected) {
      const stored = tasks.find((t) => t.templateKey === template.key);
      expect(stored).toMatchObject({
        title: template.title,
        stage: 'pelaksanaan',
        assigneeRole: 'ketua_tim',
        reviewerRole: 'penilai',
        ...(template.area ? { area: template.area } : {}),
      });
    }
    // The team reads what to act on on the task itself.
    const ketuaB = await tokenFor(stack(), { name: 'Ketua Tim DPMPTSP', email: `ketua-b-awd-${run}@pemkot.test` }, [
      { role: 'ketua_tim', unitCode: B },
    ]);
    const general = await api()
      .get(`/api/v1/tasks/${encodeURIComponent(tasks.find((t) => t.templateKey === 'rekomendasi_umum')!._id)}`)
      .auth(ketuaB, bearer)
      .expect(200);
    expect(general.body.description).toContain('SK UPG belum ditetapkan');
    expect(general.body.description).toContain('Pra-evaluasi TPN: Survei IPKP belum ada');
    // A won its predikat in that cycle: nothing carried, though its ordinary pelaksanaan tasks are there.
    await eventually(
      async () =>
        (await stack().models.Task.countDocuments({ cycleId: launched.body.id, unitCode: A, stage: 'pelaksanaan' })) > 0
          ? true
          : undefined,
      { what: 'unit A in pelaksanaan', timeoutMs: 40_000 },
    );
    await expect(carriedOf(A)).resolves.toEqual([]);
  }, 150_000);

  it('shows a unit’s people their unit only', async () => {
    const response = await api()
      .get(`/api/v1/awards/${cycleId}/recommendations`)
      .auth(tokens.pimpinanB, bearer)
      .expect(200);
    expect(response.body.units.map((unit: { unitCode: string }) => unit.unitCode)).toEqual([B]);
    await api().get(`/api/v1/awards/${cycleId}/recommendations`).auth(tokens.outsider, bearer).expect(404);
  });
});

describe('pemantauan and revocation', () => {
  it('opens the next round on the plan’s clock', async () => {
    await eventually(
      () =>
        stack()
          .models.Task.findById(`tugas:${cycleId}:${A}:pemantauan_2`)
          .lean()
          .then((t) => t ?? undefined),
      { what: 'the second pemantauan task', timeoutMs: 30_000 },
    );
  }, 40_000);

  it('revokes: history, audit, emails, the bar, no certificate, and every open monitoring task cancelled', async () => {
    const reason = 'Pegawai terjaring operasi tangkap tangan';
    const revokedOn = '2027-01-20';
    const response = await api()
      .post(`/api/v1/awards/units/${A}/revoke`)
      .auth(tokens.admin, bearer)
      .send({ date: revokedOn, reason })
      .expect(200);
    expect(response.body).toMatchObject({
      unitCode: A,
      current: null,
      revocations: [{ predicate: 'WBK', date: revokedOn, reason, by: personIdOf(people.admin.email) }],
      revokedAt: revokedOn,
      proposableFrom: addYears(revokedOn, 2),
    });
    expect(await stack().models.AuditEvent.countDocuments({ entityId: A, type: 'predikat_revoked' })).toBe(1);

    const handle = stack().client.workflow.getHandle(pemantauanWorkflowId(cycleId, A));
    const final = (await handle.result()) as PemantauanView;
    expect(final.stopped).toBe(true);
    const rounds = await stack()
      .models.Task.find({ cycleId, unitCode: A, templateKey: { $regex: '^pemantauan_' } })
      .lean();
    expect(rounds.length).toBeGreaterThanOrEqual(2);
    expect(rounds.length).toBe(final.started);
    await eventually(
      async () => {
        const statuses = (
          await stack()
            .models.Task.find({ cycleId, unitCode: A, templateKey: { $regex: '^pemantauan_' } })
            .lean()
        ).map((round) => round.status);
        return statuses.every((status) => status === 'cancelled') ? statuses : undefined;
      },
      { what: 'every monitoring task cancelled' },
    );
    expect(await handle.query(pemantauanStateQuery).catch(() => final)).toMatchObject({ stopped: true });

    const subject = `Predikat WBK ${unitName[A]} (${A}) dicabut`;
    for (const person of [people.pimpinanA, people.ketuaA, launcher]) {
      await eventually(async () => ((await subjectsTo(person.email)).includes(subject) ? true : undefined), {
        what: `the revocation email to ${person.email}`,
      });
    }
    const [message] = (await messagesTo(people.ketuaA.email)).filter((m) => m.Subject === subject);
    expect((await readMessage(message!.ID)).Text).toContain(`Alasan: ${reason}`);

    const certificate = await api().get(`/api/v1/awards/${cycleId}/${A}/certificate.pdf`).auth(tokens.admin, bearer);
    expect(certificate.status).toBe(404);
    expect(certificate.body.detail).toContain(`dicabut per ${revokedOn}`);
  }, 90_000);

  it('shows the history and the bar to the unit’s people, and hides it from others', async () => {
    const history = await api().get(`/api/v1/awards/units/${A}`).auth(tokens.pimpinanA, bearer).expect(200);
    expect(history.body).toMatchObject({
      current: null,
      awards: [{ predicate: 'WBK', cycleId }],
      proposableFrom: '2029-01-20',
    });
    await api().get(`/api/v1/awards/units/${A}`).auth(tokens.outsider, bearer).expect(404);
    await api().get(`/api/v1/awards/units/AWD-NONE-${run}`).auth(tokens.admin, bearer).expect(404);
  });

  it('is idempotent, refuses a unit holding nothing (409), and bars a new award for 2 years (422)', async () => {
    const reason = 'Pegawai terjaring operasi tangkap tangan';
    await api()
      .post(`/api/v1/awards/units/${A}/revoke`)
      .auth(tokens.admin, bearer)
      .send({ date: '2027-01-20', reason })
      .expect(200);
    expect((await stack().models.UnitPredicate.findById(A).lean())?.revocations).toHaveLength(1);
    await api()
      .post(`/api/v1/awards/units/${A}/revoke`)
      .auth(tokens.admin, bearer)
      .send({ date: '2027-02-01', reason: 'Alasan lain' })
      .expect(409);
    await api()
      .post(`/api/v1/awards/units/${A}/revoke`)
      .auth(tokens.pimpinanA, bearer)
      .send({ date: '2027-02-01', reason })
      .expect(403);

    const barred = await api()
      .post(predikatPath(A, laterCycleId))
      .auth(tokens.admin, bearer)
      .send({ predicate: 'WBK', date: '2027-12-09' })
      .expect(422);
    expect(barred.body.detail).toContain('mulai 2029-01-20');
  });
});

describe('through the penilaian workflow', () => {
  const today = async (world: AssessmentWorld) =>
    localDayOf(new Date((await world.handle.query(assessmentStateQuery)).asOf), 'WIB');

  it('records the predikat in the assessment, which closes it, once TPN has passed the unit; then the certificate', async () => {
    const world = await startAssessmentWorld(stack());
    const { cycleId: id, unit } = world;
    started.push(
      world.handle.workflowId,
      pemantauanWorkflowId(id, unit.code),
      taskWorkflowId(id, unit.code, 'pemantauan_1'),
    );
    await stack().models.Cycle.create({
      ...cycleDocument(id, 2026, []),
      units: [{ code: unit.code, name: unit.name, head: { name: world.pimpinan.name, email: world.pimpinan.email } }],
    });
    await fillMandiriDirectly(stack(), world);
    await reviewAllLayers(world);
    await phaseOf(world, 'usulan');
    const path = `/api/v1/awards/${id}/${unit.code}/predikat`;

    // The workflow refuses a predikat before the TPN results; the unit's history is left as it was.
    const early = await api()
      .post(path)
      .auth(world.admin.token, bearer)
      .send({ predicate: 'WBK', date: await today(world) });
    expect(early.status).toBe(422);
    expect(early.body.detail).toContain('evaluasi lapangan');
    expect(await stack().models.UnitPredicate.findById(unit.code).lean()).toBeNull();

    const admin = plainPerson(world.admin);
    await world.handle.executeUpdate(approveProposalUpdate, { args: [{ actor: plainPerson(world.pimpinan) }] });
    const day = await today(world);
    await world.handle.executeUpdate(recordProposalUpdate, {
      args: [
        {
          actor: admin,
          submittedAt: day,
          documents: {
            coverLetter: 'https://drive.pemkot.test/sp',
            sptjm: 'https://drive.pemkot.test/sptjm',
            reviewedLke: 'https://drive.pemkot.test/lke',
          },
        },
      ],
    });
    for (const stage of ['pra_evaluasi', 'desk', 'lapangan'] as const) {
      await world.handle.executeUpdate(recordTpnUpdate, {
        args: [{ actor: admin, stage, result: 'lulus', date: day }],
      });
    }

    const awarded = await api()
      .post(path)
      .auth(world.admin.token, bearer)
      .send({ predicate: 'WBK', date: day })
      .expect(200);
    expect(awarded.body).toMatchObject({ predikat: { predicate: 'WBK', date: day }, history: { current: 'WBK' } });
    const final = await world.handle.result();
    expect(final).toMatchObject({ phase: 'selesai', predikat: { predicate: 'WBK', date: day, by: admin.personId } });
    const stored = await stack().models.Assessment.findById(`${id}:${unit.code}`).lean();
    expect(stored?.predikat).toMatchObject({ predicate: 'WBK', date: day });
    // Sent again after the workflow has closed: the assessment already holds it, nothing is recorded twice.
    await api().post(path).auth(world.admin.token, bearer).send({ predicate: 'WBK', date: day }).expect(200);
    expect((await stack().models.UnitPredicate.findById(unit.code).lean())?.awards).toHaveLength(1);

    const certificate = await api()
      .get(`/api/v1/awards/${id}/${unit.code}/certificate.pdf`)
      .auth(world.pimpinan.token, bearer)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    const text = flat(pdfText(certificate.body as Buffer).text);
    expect(text).toContain(unit.name);
    expect(text).toContain('(WBK)');
  }, 120_000);
});
