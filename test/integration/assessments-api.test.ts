import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { codeColumnOf, lkeSheetName, valueColumnOf } from '../../api/assessments/lke-workbook';
import {
  defaultLkeTemplate,
  halfKinds,
  questionsOf,
  type AssessmentResult,
  type LkeAnswer,
  type LkeQuestion,
  type LkeTemplate,
} from '../../domain/lke';
import { adminToken, bearer, tokenFor } from '../support/auth';
import { useTestStack } from '../support/stack';
import { binaryBody } from '../support/binary-body';

const stack = useTestStack({ worker: false });
const api = () => request(stack().app);

/** Ids of this run only: the database is shared with other test files. */
const run = randomUUID().slice(0, 6).toLowerCase();
const officer = { name: 'Bagian Organisasi', email: `organisasi-lke-${run}@pemkot.test` };
const UNIT = `LKE-${run.toUpperCase()}`;
const defaultId = defaultLkeTemplate.id;

const option = (code: string): LkeAnswer => ({ kind: 'option', option: code });
const counts = (numerator: number, denominator: number): LkeAnswer => ({ kind: 'counts', numerator, denominator });

function bestAnswer(question: LkeQuestion): LkeAnswer {
  switch (question.answerType) {
    case 'ya_tidak':
      return option('ya');
    case 'persentase':
      return counts(25, 25);
    case 'indeks':
      return { kind: 'index', index: 4 };
    default:
      return option('A');
  }
}

/** Every question at its best, then `changes`; `null` removes an answer. */
function answers(changes: Record<string, LkeAnswer | null> = {}): Record<string, LkeAnswer> {
  const all: Record<string, LkeAnswer> = {};
  for (const { question } of questionsOf(defaultLkeTemplate)) all[question.id] = bestAnswer(question);
  for (const [id, answer] of Object.entries(changes)) {
    if (answer === null) delete all[id];
    else all[id] = answer;
  }
  return all;
}

/** Reform Penguatan Pengawasan at 1.25 + 1.50 + 1.45 = 4.20 of 7.50: below the WBK 60 % (4.50). */
const weakPengawasan = {
  pw_mekanisme_pengendalian_a: option('C'),
  pw_penanganan_pengaduan_a: counts(50, 100),
  pw_lhkpn_lhkasn_a: counts(29, 40),
  pw_lhkpn_lhkasn_b: counts(29, 40),
};

/** A deep, writable copy of the default template with changes applied by the caller. */
const copyOfDefault = (id: string): LkeTemplate & Record<string, unknown> =>
  ({ ...structuredClone(defaultLkeTemplate), id }) as LkeTemplate & Record<string, unknown>;
type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
const writable = <T>(value: T) => value as Writable<T>;

const fieldsOf = (body: { errors?: { field: string; message: string }[] }) =>
  (body.errors ?? []).map((error) => error.field);

describe('LKE templates, score preview and workbook API', () => {
  let admin: string;
  let anggota: string;
  let pimpinan: string;
  let pengamat: string;
  beforeAll(async () => {
    admin = await adminToken(stack(), officer);
    anggota = await tokenFor(stack(), { name: 'Ani', email: `ani-lke-${run}@pemkot.test` }, [
      { role: 'anggota_tim', unitCode: UNIT },
    ]);
    pimpinan = await tokenFor(stack(), { name: 'Kepala', email: `kepala-lke-${run}@pemkot.test` }, [
      { role: 'pimpinan', unitCode: UNIT },
    ]);
    pengamat = await tokenFor(stack(), { name: 'Pengamat', email: `pengamat-lke-${run}@pemkot.test` }, [
      { role: 'pengamat' },
    ]);
  });

  it('serves the default template to anyone signed in, without publishing it', async () => {
    const list = await api().get('/api/v1/assessments/templates').auth(anggota, bearer).expect(200);
    expect(list.body.items).toContainEqual({
      id: defaultId,
      name: 'LKE ZI — PermenPAN-RB 90/2021',
      year: 2026,
      version: defaultLkeTemplate.version,
      builtIn: true,
      usedBy: [],
    });
    const read = await api().get(`/api/v1/assessments/templates/${defaultId}`).auth(anggota, bearer).expect(200);
    expect(read.body.template).toEqual(JSON.parse(JSON.stringify(defaultLkeTemplate)));
    expect(read.body.template.components.pengungkit.weight + read.body.template.components.hasil.weight).toBe(100);
    expect(read.body.template.thresholds.WBK).toEqual({
      halfMinShare: 0.6,
      hasilMinimums: { ipak: 15.75, capaian_kinerja: 2.5, ipkp: 14 },
      totalMinimum: 75,
    });
    expect(await stack().models.LkeTemplate.exists({ _id: defaultId })).toBeNull();

    await api().get('/api/v1/assessments/templates').expect(401);
    await api().get(`/api/v1/assessments/templates/tidak-ada-${run}`).auth(anggota, bearer).expect(404);
    await api().get('/api/v1/assessments/templates/Bad$Id').auth(anggota, bearer).expect(400);
  });

  it('refuses publishing by anyone but Bagian Organisasi (403), storing nothing', async () => {
    const id = `lke-zi-2027-forbidden-${run}`;
    for (const token of [anggota, pimpinan, pengamat]) {
      const answer = await api()
        .post('/api/v1/assessments/templates')
        .auth(token, bearer)
        .send(copyOfDefault(id))
        .expect(403);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
    }
    expect(await stack().models.LkeTemplate.exists({ _id: id })).toBeNull();
  });

  it('refuses a template whose weights do not add up (400 naming the field and the sums)', async () => {
    const id = `lke-zi-2027-bad-${run}`;
    const subAreaOff = writable(copyOfDefault(id));
    subAreaOff.components.pengungkit.areas[0]!.pemenuhan.subAreas[0]!.weight = 1;
    const first = await api().post('/api/v1/assessments/templates').auth(admin, bearer).send(subAreaOff).expect(400);
    expect(first.body.errors).toEqual(
      expect.arrayContaining([
        {
          field: 'body.components.pengungkit.areas.0.weight',
          message:
            'Area Manajemen Perubahan: jumlah bobot sub-area 8.50, seharusnya 8.00 (pemenuhan 4.50, reform 4.00)',
        },
        {
          field: 'body.components.pengungkit.areas.0',
          message: 'Area Manajemen Perubahan: bobot pemenuhan 4.50 tidak sama dengan bobot reform 4.00',
        },
      ]),
    );

    const hasilOff = writable(copyOfDefault(id));
    hasilOff.components.hasil.weight = 45;
    hasilOff.components.hasil.indicators[0]!.weight = 22.5;
    const second = await api().post('/api/v1/assessments/templates').auth(admin, bearer).send(hasilOff).expect(400);
    expect(second.body.errors).toContainEqual({
      field: 'body.components',
      message: 'Jumlah bobot komponen pengungkit (60.00) dan hasil (45.00) 105.00, seharusnya 100',
    });

    const thresholdOff = writable(copyOfDefault(id));
    thresholdOff.thresholds.WBBM.totalMinimum = 70;
    const third = await api().post('/api/v1/assessments/templates').auth(admin, bearer).send(thresholdOff).expect(400);
    expect(fieldsOf(third.body)).toEqual(['body.thresholds.WBBM.totalMinimum']);

    const shapeOff = { ...copyOfDefault(id), extra: true, year: 'dua ribu' };
    const fourth = await api().post('/api/v1/assessments/templates').auth(admin, bearer).send(shapeOff).expect(400);
    expect(fieldsOf(fourth.body).sort()).toEqual(['body.extra', 'body.year']);
    expect(await stack().models.LkeTemplate.exists({ _id: id })).toBeNull();
  });

  it("publishes next year's template once (201, audited); re-publishing any existing id answers 409", async () => {
    const id = `lke-zi-2027-${run}`;
    const next = writable(copyOfDefault(id));
    next.name = 'LKE ZI 2027';
    next.year = 2027;
    next.version = '2027.1';
    next.thresholds.WBK.halfMinShare = 0.85;
    next.thresholds.WBBM.halfMinShare = 0.9;

    // Sent pretty-printed, as an administrator edits it: larger than the API's usual 100 kB body limit.
    const text = JSON.stringify(next, null, 2);
    expect(text.length).toBeGreaterThan(100_000);
    const published = await api()
      .post('/api/v1/assessments/templates')
      .auth(admin, bearer)
      .set('Content-Type', 'application/json')
      .send(text)
      .expect(201);
    expect(published.headers.location).toBe(`/api/v1/assessments/templates/${id}`);
    expect(published.body).toMatchObject({
      id,
      name: 'LKE ZI 2027',
      year: 2027,
      version: '2027.1',
      builtIn: false,
      publishedBy: officer.email,
      usedBy: [],
    });
    const read = await api().get(published.headers.location!).auth(pengamat, bearer).expect(200);
    expect(read.body.template).toEqual(JSON.parse(text));
    const list = await api().get('/api/v1/assessments/templates').auth(anggota, bearer).expect(200);
    const ids = (list.body.items as { id: string; year: number }[]).map((item) => item.id);
    expect(ids.indexOf(id)).toBeGreaterThanOrEqual(0);
    expect(ids.indexOf(id)).toBeLessThan(ids.indexOf(defaultId));
    expect(await stack().models.AuditEvent.find({ entity: 'lke_template', entityId: id }).lean()).toEqual([
      expect.objectContaining({ type: 'lke_template_published', by: officer.email }),
    ]);

    // Immutable: the same id again (even changed) and the built-in id are refused; there is no update.
    next.thresholds.WBK.totalMinimum = 60;
    const again = await api().post('/api/v1/assessments/templates').auth(admin, bearer).send(next).expect(409);
    expect(again.body.detail).toContain(id);
    await api().post('/api/v1/assessments/templates').auth(admin, bearer).send(copyOfDefault(defaultId)).expect(409);
    await api().put(`/api/v1/assessments/templates/${id}`).auth(admin, bearer).send(next).expect(404);
    await api().patch(`/api/v1/assessments/templates/${id}`).auth(admin, bearer).send({ year: 2028 }).expect(404);
    const stored = await api().get(`/api/v1/assessments/templates/${id}`).auth(admin, bearer).expect(200);
    expect(stored.body.template.thresholds.WBK.totalMinimum).toBe(75);

    // Its thresholds are the ones scoring uses: a reform half at 83 % passes 2026's WBK, not 2027's 85 %.
    const given = answers({ pw_mekanisme_pengendalian_a: option('C') });
    const with2026 = await score(anggota, { templateId: defaultId, answers: given, priorPredicate: 'WBK' });
    expect(with2026.predicate).toBe('WBBM');
    const with2027 = await score(anggota, { templateId: id, answers: given, priorPredicate: 'WBK' });
    expect(with2027.templateId).toBe(id);
    expect(with2027.predicate).toBeNull();
    expect(with2027.failures.map((failure) => failure.message)).toContain(
      'Reform Penguatan Pengawasan 6.25 < 6.375 (kurang 0.125)',
    );
  });

  it('previews a score: the full breakdown, the named failed condition with its shortfall, missing answers', async () => {
    const given = answers({ ...weakPengawasan, mp_tim_kerja_a: null, ipkp_nilai: null });
    const result = await score(anggota, { templateId: defaultId, answers: given, assessmentDate: '2026-05-20' });

    expect(result.templateId).toBe(defaultId);
    expect(result.assessmentDate).toBe('2026-05-20');
    const pengawasan = result.pengungkit.areas.find((area) => area.id === 'penguatan_pengawasan')!;
    expect(pengawasan.reform).toMatchObject({ weight: 7.5, score: 4.2 });
    expect(pengawasan.reform.subAreas.map((sub) => [sub.id, sub.score])).toEqual([
      ['pw_mekanisme_pengendalian', 1.25],
      ['pw_penanganan_pengaduan', 1.5],
      ['pw_lhkpn_lhkasn', 1.45],
    ]);
    expect(pengawasan.pemenuhan.score).toBe(7.5);
    expect(result.pengungkit.areas).toHaveLength(6);
    expect(result.pengungkit.areas.every((area) => area.pemenuhan.subAreas.length > 0)).toBe(true);
    expect(result.hasil.indicators.map((indicator) => [indicator.id, indicator.score])).toEqual([
      ['ipak', 17.5],
      ['capaian_kinerja', 5],
      ['ipkp', 0],
    ]);
    expect(result.total.score).toBeCloseTo(result.pengungkit.score + result.hasil.score, 9);

    expect(result.predicate).toBeNull();
    expect(result.eligibility.WBK.eligible).toBe(false);
    const messages = result.failures.map((failure) => `${failure.predicate}: ${failure.message}`);
    expect(messages).toContain('WBK: Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)');
    expect(messages).toContain('WBK: Indeks Persepsi Kualitas Pelayanan (IPKP) 0.00 < 14.00 (kurang 14.00)');
    expect(messages).toContain('WBBM: Usulan WBBM mensyaratkan predikat WBK; unit belum memiliki predikat WBK');
    expect(result.missingAnswers.map((missing) => missing.questionId)).toEqual(['mp_tim_kerja_a', 'ipkp_nilai']);

    // A revoked unit is barred for two years, named with the days left.
    const revoked = await score(anggota, {
      templateId: defaultId,
      answers: answers(),
      priorPredicate: 'WBK',
      revokedAt: '2025-01-10',
      assessmentDate: '2026-05-20',
    });
    expect(revoked.predicate).toBeNull();
    expect(revoked.failures[0]).toMatchObject({ kind: 'revocation', required: '2027-01-10' });

    await api().post('/api/v1/assessments/score').send({ templateId: defaultId, answers: {} }).expect(401);
  });

  it('refuses bad answers naming body.answers.<questionId>, and an unknown template naming body.templateId', async () => {
    const bad = await api()
      .post('/api/v1/assessments/score')
      .auth(anggota, bearer)
      .send({
        templateId: defaultId,
        answers: {
          ...answers(),
          tidak_ada: option('A'),
          mp_tim_kerja_a: counts(1, 2),
          mp_tim_kerja_b: option('D'),
          ipak_nilai: { kind: 'index', index: 4.5 },
          pw_lhkpn_lhkasn_a: option('A'),
        },
      })
      .expect(400);
    expect(fieldsOf(bad.body).sort()).toEqual([
      'body.answers.ipak_nilai',
      'body.answers.mp_tim_kerja_a',
      'body.answers.mp_tim_kerja_b',
      'body.answers.pw_lhkpn_lhkasn_a',
      'body.answers.tidak_ada',
    ]);
    const messageOf = (field: string) =>
      (bad.body.errors as { field: string; message: string }[]).find((error) => error.field === field)?.message;
    expect(messageOf('body.answers.tidak_ada')).toBe(`pertanyaan tidak_ada tidak ada dalam templat ${defaultId}`);
    expect(messageOf('body.answers.mp_tim_kerja_b')).toContain('pilihan "D" tidak tersedia (A/B/C)');
    expect(messageOf('body.answers.ipak_nilai')).toContain('di luar rentang 0–4');

    const shape = await api()
      .post('/api/v1/assessments/score')
      .auth(anggota, bearer)
      .send({ templateId: defaultId, answers: { mp_tim_kerja_a: { kind: 'option' }, 'Bad.Key': null } })
      .expect(400);
    expect(fieldsOf(shape.body).every((field) => field.startsWith('body.answers.'))).toBe(true);
    expect(fieldsOf(shape.body)).toEqual(
      expect.arrayContaining(['body.answers.mp_tim_kerja_a.option', 'body.answers.Bad.Key']),
    );

    const unknown = await api()
      .post('/api/v1/assessments/score')
      .auth(anggota, bearer)
      .send({ templateId: `tidak-ada-${run}`, answers: {} })
      .expect(422);
    expect(fieldsOf(unknown.body)).toEqual(['body.templateId']);
  });

  it('downloads the LKE workbook whose formulas carry exactly the scores of POST /score', async () => {
    const given = answers({ ...weakPengawasan, ipkp_nilai: { kind: 'index', index: 3.3 } });
    const body = { templateId: defaultId, answers: given, priorPredicate: null, assessmentDate: '2026-05-20' };
    const result = await score(anggota, body);
    const layers = [
      {
        label: 'Penilaian mandiri',
        answers: answers(),
        notes: { pw_lhkpn_lhkasn_a: 'Seluruh pegawai sudah lapor' },
        evidence: { pw_lhkpn_lhkasn_a: [{ document: 'Rekap LHKPN', url: 'https://arsip.example.go.id/lhkpn.pdf' }] },
      },
    ];
    const download = await api()
      .post('/api/v1/assessments/workbook')
      .auth(anggota, bearer)
      .send({ ...body, layers, label: 'TPI ketua', notes: { pw_lhkpn_lhkasn_a: '29 dari 40' }, title: 'Dinas Uji' })
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(download.headers['content-disposition']).toBe(`attachment; filename=${defaultId}-2026-05-20.xlsx`);

    const workbook = new ExcelJS.Workbook();
    // exceljs types its input as an ArrayBuffer.
    await workbook.xlsx.load(Uint8Array.from(download.body as Buffer).buffer);
    const sheet = workbook.getWorksheet(lkeSheetName)!;
    const rowOf = new Map<string, number>();
    sheet.getColumn(codeColumnOf(2)).eachCell((cell, row) => {
      if (typeof cell.value === 'string') rowOf.set(cell.value, row);
    });
    const cached = (code: string, layer = 1) => {
      const cell = sheet.getCell(rowOf.get(code)!, valueColumnOf(layer));
      expect(cell.type).toBe(ExcelJS.ValueType.Formula);
      return cell.result;
    };
    expect(sheet.getCell(5, valueColumnOf(1) - 1).value).toBe('TPI ketua');
    const mismatches: string[] = [];
    const check = (code: string, expected: number) => {
      if (cached(code) !== expected) mismatches.push(`${code}: ${String(cached(code))} ≠ ${expected}`);
    };
    check('pengungkit', result.pengungkit.score);
    check('hasil', result.hasil.score);
    check('total', result.total.score);
    for (const area of result.pengungkit.areas) {
      check(`area:${area.id}`, area.score);
      for (const half of halfKinds) {
        check(`half:${area.id}:${half}`, area[half].score);
        for (const sub of area[half].subAreas) check(`sub:${sub.id}`, sub.score);
      }
    }
    for (const indicator of result.hasil.indicators) check(`sub:${indicator.id}`, indicator.score);
    expect(mismatches).toEqual([]);
    expect(rowOf.size).toBeGreaterThan(150);
    // The self-assessment layer scored on its own (every answer at its best).
    expect(cached('half:penguatan_pengawasan:reform', 0)).toBe(7.5);
    expect(cached('half:penguatan_pengawasan:reform')).toBe(4.2);
    const lhkpn = rowOf.get('q:pw_lhkpn_lhkasn_a')!;
    expect(sheet.getCell(lhkpn, valueColumnOf(0) + 2).value).toEqual({
      text: 'Rekap LHKPN',
      hyperlink: 'https://arsip.example.go.id/lhkpn.pdf',
    });
    expect(sheet.getCell(lhkpn, valueColumnOf(1) + 1).value).toBe('29 dari 40');

    const workbookRequest = (extra: object) =>
      api()
        .post('/api/v1/assessments/workbook')
        .auth(anggota, bearer)
        .send({ ...body, ...extra });
    const badLayer = await workbookRequest({
      layers: [{ label: 'Mandiri', answers: { tidak_ada: option('A') }, notes: { juga_tidak_ada: 'x' } }],
    }).expect(400);
    expect(fieldsOf(badLayer.body).sort()).toEqual([
      'body.layers.0.answers.tidak_ada',
      'body.layers.0.notes.juga_tidak_ada',
    ]);
    const badLink = await workbookRequest({
      evidence: { mp_tim_kerja_a: [{ document: 'SK', url: 'javascript:alert(1)' }] },
    }).expect(400);
    expect(fieldsOf(badLink.body)).toEqual(['body.evidence.mp_tim_kerja_a.0.url']);
  });
});

async function score(token: string, body: object): Promise<AssessmentResult> {
  const answer = await request(stack().app)
    .post('/api/v1/assessments/score')
    .auth(token, bearer)
    .send(body)
    .expect(200);
  return answer.body as AssessmentResult;
}
