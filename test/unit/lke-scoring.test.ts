import { addYears, daysBetween } from '../../domain/lke/dates';
import {
  defaultLkeTemplate,
  formatScore,
  LkeInputError,
  questionsOf,
  roundTo,
  scoreAssessment,
  type AreaScore,
  type AssessmentInput,
  type AssessmentResult,
  type ConditionFailure,
  type LkeAnswer,
  type LkeAnswers,
  type LkeQuestion,
  type LkeTemplate,
  type Predicate,
  type SubAreaScore,
} from '../../domain/lke';

const template = defaultLkeTemplate;
const assessmentDate = '2026-05-31';

const option = (code: string): LkeAnswer => ({ kind: 'option', option: code });
const counts = (numerator: number, denominator: number): LkeAnswer => ({ kind: 'counts', numerator, denominator });
const index = (value: number): LkeAnswer => ({ kind: 'index', index: value });

function bestAnswer(question: LkeQuestion): LkeAnswer {
  switch (question.answerType) {
    case 'ya_tidak':
      return option('ya');
    case 'persentase':
      return counts(20, 20);
    case 'indeks':
      return index(4);
    default:
      return option('A');
  }
}

/** Every question answered at its best, then `changes` applied (`undefined` removes an answer). */
function answers(changes: Record<string, LkeAnswer | undefined> = {}): LkeAnswers {
  const all: Record<string, LkeAnswer | undefined> = {};
  for (const { question } of questionsOf(template)) all[question.id] = bestAnswer(question);
  for (const [id, answer] of Object.entries(changes)) {
    if (answer === undefined) delete all[id];
    else all[id] = answer;
  }
  return all;
}

function score(input: Partial<AssessmentInput> = {}): AssessmentResult {
  return scoreAssessment({ template, answers: answers(), priorPredicate: 'WBK', assessmentDate, ...input });
}

function area(result: AssessmentResult, id: string): AreaScore {
  const found = result.pengungkit.areas.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`area ${id} missing from the result`);
  return found;
}

function subArea(result: AssessmentResult, id: string): SubAreaScore {
  const all = [
    ...result.pengungkit.areas.flatMap((candidate) => [...candidate.pemenuhan.subAreas, ...candidate.reform.subAreas]),
    ...result.hasil.indicators,
  ];
  const found = all.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`sub-area ${id} missing from the result`);
  return found;
}

const hasilScores = (result: AssessmentResult) =>
  Object.fromEntries(result.hasil.indicators.map((indicator) => [indicator.id, indicator.score]));

const codes = (result: AssessmentResult, predicate: Predicate) =>
  result.eligibility[predicate].failures.map((failure) => failure.code);

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

describe('scoreAssessment', () => {
  describe('all answers at their best', () => {
    const result = score();

    it('scores 60 + 40 = 100 with every sub-area at its full weight', () => {
      expect(result.total).toEqual({ weight: 100, score: 100 });
      expect(result.pengungkit).toMatchObject({ weight: 60, score: 60 });
      expect(result.hasil).toMatchObject({ weight: 40, score: 40 });
      expect(hasilScores(result)).toEqual({ ipak: 17.5, capaian_kinerja: 5, ipkp: 17.5 });
      for (const scored of result.pengungkit.areas) {
        expect(scored.score).toBe(scored.weight);
        for (const half of [scored.pemenuhan, scored.reform]) {
          expect(half.score).toBe(scored.weight / 2);
          expect(half.share).toBe(1);
          for (const sub of half.subAreas) {
            expect(sub.score).toBe(sub.weight);
            expect(sub.mean).toBe(1);
            for (const question of sub.questions) expect(question).toMatchObject({ status: 'answered', value: 1 });
          }
        }
      }
    });

    it('earns WBBM for a unit holding WBK, with nothing missing or failing', () => {
      expect(result.predicate).toBe('WBBM');
      expect(result.eligibility.WBK).toEqual({ predicate: 'WBK', eligible: true, failures: [] });
      expect(result.eligibility.WBBM).toEqual({ predicate: 'WBBM', eligible: true, failures: [] });
      expect(result.failures).toEqual([]);
      expect(result.missingAnswers).toEqual([]);
      expect(result.invalidAnswers).toEqual([]);
      expect(result.unknownAnswerIds).toEqual([]);
    });

    it('says which template and date scored it', () => {
      expect(result).toMatchObject({
        templateId: 'lke-zi-permenpanrb-90-2021',
        templateVersion: template.version,
        assessmentDate,
      });
    });
  });

  describe('WBBM requires a prior WBK', () => {
    const priorFailure: ConditionFailure = {
      kind: 'prior_predicate',
      predicate: 'WBBM',
      code: 'prior_predicate',
      condition: 'Predikat WBK sebelumnya',
      actual: null,
      required: 'WBK',
      shortfall: null,
      message: 'Usulan WBBM mensyaratkan predikat WBK; unit belum memiliki predikat WBK',
    };

    it.each<[string, Predicate | null | undefined]>([
      ['no prior predicate given', undefined],
      ['prior predicate null', null],
    ])('a perfect unit with %s earns WBK only, and the WBBM condition is named', (_name, priorPredicate) => {
      const result = score({ priorPredicate });
      expect(result.total.score).toBe(100);
      expect(result.predicate).toBe('WBK');
      expect(result.eligibility.WBK.eligible).toBe(true);
      expect(result.eligibility.WBBM).toEqual({ predicate: 'WBBM', eligible: false, failures: [priorFailure] });
      expect(result.failures).toEqual([priorFailure]);
    });

    it.each<Predicate>(['WBK', 'WBBM'])('a unit already holding %s may earn WBBM', (priorPredicate) => {
      expect(score({ priorPredicate }).predicate).toBe('WBBM');
    });

    it('does not apply when a year switches the rule off', () => {
      const relaxed: LkeTemplate = {
        ...template,
        eligibility: { ...template.eligibility, wbbmRequiresPriorWbk: false },
      };
      expect(score({ template: relaxed, priorPredicate: null }).predicate).toBe('WBBM');
    });
  });

  describe('sub-area scores', () => {
    it.each<[string, Record<string, LkeAnswer>, number, number]>([
      [
        'Tim kerja (0.5): Ya and B → 0.5 × 0.75 = 0.375 → 0.38',
        { mp_tim_kerja_a: option('ya'), mp_tim_kerja_b: option('B') },
        0.75,
        0.38,
      ],
      [
        'Pemberian reward & punishment (1.5): B → 1.5 × 0.67 = 1.005 → 1.01, as the spreadsheet rounds',
        { ak_reward_punishment_a: option('B') },
        0.67,
        1.01,
      ],
      [
        'Perencanaan kebutuhan pegawai (0.25): Ya, C, Tidak → 0.25 × 0.4433 → 0.11',
        {
          sdm_perencanaan_kebutuhan_a: option('ya'),
          sdm_perencanaan_kebutuhan_b: option('C'),
          sdm_perencanaan_kebutuhan_c: option('tidak'),
        },
        (1 + 0.33 + 0) / 3,
        0.11,
      ],
      [
        'Pemantauan & evaluasi (1.0): B, B, C → 1.0 × 0.5567 → 0.56',
        {
          mp_pemantauan_evaluasi_a: option('B'),
          mp_pemantauan_evaluasi_b: option('B'),
          mp_pemantauan_evaluasi_c: option('C'),
        },
        (0.67 + 0.67 + 0.33) / 3,
        0.56,
      ],
      [
        'Penyampaian LHKPN/LHKASN (2.0): 15 of 12 (clamped to 1) and 3 of 4 → 2.0 × 0.875 = 1.75',
        { pw_lhkpn_lhkasn_a: counts(15, 12), pw_lhkpn_lhkasn_b: counts(3, 4) },
        0.875,
        1.75,
      ],
      ['IPAK (17.5): index 3.6 → 3.6 ÷ 4 × 17.5 = 15.75', { ipak_nilai: index(3.6) }, 0.9, 15.75],
      ['IPKP (17.5): index 3.59 → 15.7075 → 15.71', { ipkp_nilai: index(3.59) }, 3.59 / 4, 15.71],
      ['Capaian kinerja (5): C → 2.50', { capaian_kinerja_banding: option('C') }, 0.5, 2.5],
    ])('%s', (_name, changes, mean, expected) => {
      const [firstId] = Object.keys(changes);
      const subAreaId = questionsOf(template).find(({ question }) => question.id === firstId)?.subArea.id ?? '';
      const scored = subArea(score({ answers: answers(changes) }), subAreaId);
      expect(scored.mean).toBeCloseTo(mean, 12);
      expect(scored.score).toBe(expected);
    });

    it('marks a clamped percentage in the breakdown', () => {
      const scored = subArea(score({ answers: answers({ pw_lhkpn_lhkasn_a: counts(15, 12) }) }), 'pw_lhkpn_lhkasn');
      expect(scored.questions.map((question) => [question.questionId, question.value, question.clamped])).toEqual([
        ['pw_lhkpn_lhkasn_a', 1, true],
        ['pw_lhkpn_lhkasn_b', 1, false],
      ]);
      expect(scored.score).toBe(2);
    });

    it('adds rounded sub-areas into halves, areas, components and the total', () => {
      const result = score({
        answers: answers({
          ak_reward_punishment_a: option('B'),
          sdm_perencanaan_kebutuhan_b: option('C'),
          sdm_perencanaan_kebutuhan_c: option('tidak'),
          capaian_kinerja_banding: option('B'),
        }),
      });
      const akuntabilitas = area(result, 'akuntabilitas_kinerja');
      expect([akuntabilitas.pemenuhan.score, akuntabilitas.reform.score, akuntabilitas.score]).toEqual([5, 4.51, 9.51]);
      expect(akuntabilitas.reform.share).toBeCloseTo(0.902, 12);
      const sdm = area(result, 'penataan_sdm');
      expect([sdm.pemenuhan.score, sdm.reform.score, sdm.score]).toEqual([4.86, 5, 9.86]);
      expect(result.pengungkit.score).toBe(59.37);
      expect(result.hasil.score).toBe(38.75);
      expect(result.total.score).toBe(98.12);
      expect(result.predicate).toBe('WBBM');
    });
  });

  it('fails a unit with a high total whose one area half is short, naming it with the shortfall', () => {
    const result = score({
      answers: answers({
        pw_mekanisme_pengendalian_a: option('C'), // 2.5 × 0.5 = 1.25
        pw_penanganan_pengaduan_a: counts(95, 300), // 3.0 × 0.3167 = 0.95
      }),
    });
    const pengawasan = area(result, 'penguatan_pengawasan');
    expect(pengawasan.reform).toMatchObject({ weight: 7.5, score: 4.2 });
    expect(result.total.score).toBe(96.7);
    expect(result.predicate).toBeNull();
    expect(result.failures).toEqual<ConditionFailure[]>([
      {
        kind: 'minimum',
        predicate: 'WBK',
        code: 'half:penguatan_pengawasan:reform',
        condition: 'Reform Penguatan Pengawasan',
        actual: 4.2,
        required: 4.5,
        shortfall: 0.3,
        message: 'Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)',
      },
      {
        kind: 'minimum',
        predicate: 'WBBM',
        code: 'half:penguatan_pengawasan:reform',
        condition: 'Reform Penguatan Pengawasan',
        actual: 4.2,
        required: 5.625,
        shortfall: 1.425,
        message: 'Reform Penguatan Pengawasan 4.20 < 5.625 (kurang 1.425)',
      },
    ]);
  });

  it('counts missing answers as 0 and lists them in LKE order', () => {
    const result = score({
      answers: answers({ ipak_nilai: undefined, mp_tim_kerja_b: undefined, pw_lhkpn_lhkasn_b: undefined }),
    });
    expect(result.missingAnswers).toEqual([
      {
        questionId: 'mp_tim_kerja_b',
        subAreaId: 'mp_tim_kerja',
        text: 'Penentuan anggota tim dipilih melalui prosedur/mekanisme yang jelas',
      },
      {
        questionId: 'pw_lhkpn_lhkasn_b',
        subAreaId: 'pw_lhkpn_lhkasn',
        text: 'Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)',
      },
      {
        questionId: 'ipak_nilai',
        subAreaId: 'ipak',
        text: 'Nilai Indeks Persepsi Anti Korupsi (IPAK) hasil Survei Persepsi Anti Korupsi (SPAK), skala 0–4',
      },
    ]);
    expect(subArea(result, 'mp_tim_kerja')).toMatchObject({ score: 0.25 });
    expect(subArea(result, 'mp_tim_kerja').questions[1]).toMatchObject({ status: 'missing', value: 0 });
    expect(subArea(result, 'pw_lhkpn_lhkasn').score).toBe(1);
    expect(hasilScores(result).ipak).toBe(0);
    expect(result.total.score).toBe(100 - 0.25 - 1 - 17.5);
    expect(result.total.score).toBe(81.25);
    expect(result.failures.map((failure) => [failure.predicate, failure.message])).toEqual([
      ['WBK', 'Indeks Persepsi Anti Korupsi (IPAK) 0.00 < 15.75 (kurang 15.75)'],
      ['WBBM', 'Indeks Persepsi Anti Korupsi (IPAK) 0.00 < 15.75 (kurang 15.75)'],
      ['WBBM', 'Nilai total 81.25 < 85.00 (kurang 3.75)'],
    ]);
  });

  it('scores an empty assessment as 0 and names every failed condition of both predicates', () => {
    const result = score({ answers: {}, priorPredicate: null });
    expect(result.total.score).toBe(0);
    expect(result.missingAnswers).toHaveLength(questionsOf(template).length);
    expect(result.predicate).toBeNull();
    const halves = template.components.pengungkit.areas.flatMap((candidate) => [
      `half:${candidate.id}:pemenuhan`,
      `half:${candidate.id}:reform`,
    ]);
    const hasil = ['hasil:ipak', 'hasil:capaian_kinerja', 'hasil:ipkp'];
    expect(codes(result, 'WBK')).toEqual([...halves, ...hasil, 'total']);
    expect(codes(result, 'WBBM')).toEqual(['prior_predicate', ...halves, ...hasil, 'total']);
    expect(result.failures).toHaveLength(16 + 17);
    expect(result.eligibility.WBK.failures.map((failure) => failure.message).slice(0, 2)).toEqual([
      'Pemenuhan Manajemen Perubahan 0.00 < 2.40 (kurang 2.40)',
      'Reform Manajemen Perubahan 0.00 < 2.40 (kurang 2.40)',
    ]);
    expect(result.eligibility.WBK.failures.at(-1)?.message).toBe('Nilai total 0.00 < 75.00 (kurang 75.00)');
    expect(result.eligibility.WBBM.failures.at(-1)?.message).toBe('Nilai total 0.00 < 85.00 (kurang 85.00)');
  });

  it('lists invalid answers with the reason and answers that name no question', () => {
    const result = score({
      answers: { ...answers({ ipkp_nilai: index(4.5), mp_tim_kerja_a: option('A') }), pertanyaan_lama: option('A') },
    });
    expect(result.invalidAnswers).toEqual([
      { questionId: 'mp_tim_kerja_a', subAreaId: 'mp_tim_kerja', problem: 'pilihan "A" tidak tersedia (ya/tidak)' },
      { questionId: 'ipkp_nilai', subAreaId: 'ipkp', problem: 'indeks 4.5 di luar rentang 0–4' },
    ]);
    expect(result.unknownAnswerIds).toEqual(['pertanyaan_lama']);
    expect(subArea(result, 'mp_tim_kerja').score).toBe(0.25);
    expect(hasilScores(result).ipkp).toBe(0);
  });

  describe('revocation bars any predicate for 2 years', () => {
    it.each<[string, string, string, string, number]>([
      ['revoked one day short of 2 years before', '2024-06-01', assessmentDate, '2026-06-01', 1],
      ['revoked 4½ months before', '2026-01-15', assessmentDate, '2028-01-15', 594],
      ['revoked on 29 February (the bar lifts on 28 February)', '2024-02-29', '2026-02-27', '2026-02-28', 1],
      ['revoked after the assessment date', '2026-07-01', assessmentDate, '2028-07-01', 762],
    ])('barred: %s', (_name, revokedAt, on, liftsOn, daysLeft) => {
      const result = score({ revokedAt, assessmentDate: on });
      expect(result.predicate).toBeNull();
      const expected = (predicate: Predicate): ConditionFailure => ({
        kind: 'revocation',
        predicate,
        code: 'revocation',
        condition: 'Masa larangan 2 tahun setelah pencabutan predikat',
        actual: on,
        required: liftsOn,
        shortfall: daysLeft,
        revokedAt,
        message: `Predikat dicabut pada ${revokedAt}; unit baru dapat diusulkan kembali mulai ${liftsOn} (kurang ${daysLeft} hari)`,
      });
      expect(result.failures).toEqual([expected('WBK'), expected('WBBM')]);
    });

    it.each<[string, string, string]>([
      ['exactly 2 years after the revocation', '2024-05-31', assessmentDate],
      ['more than 2 years after', '2021-03-10', assessmentDate],
      ['on 28 February two years after a 29 February revocation', '2024-02-29', '2026-02-28'],
    ])('allowed: %s', (_name, revokedAt, on) => {
      const result = score({ revokedAt, assessmentDate: on });
      expect(result.predicate).toBe('WBBM');
      expect(result.failures).toEqual([]);
    });

    it('reports the bar together with the other failed conditions', () => {
      const result = score({
        revokedAt: '2025-12-01',
        priorPredicate: null,
        answers: answers({ ipkp_nilai: index(3.2) }),
      });
      expect(codes(result, 'WBK')).toEqual(['revocation']);
      expect(codes(result, 'WBBM')).toEqual(['revocation', 'prior_predicate', 'hasil:ipkp']);
    });

    it('follows the number of years the template sets', () => {
      const oneYear: LkeTemplate = { ...template, eligibility: { ...template.eligibility, revocationBarYears: 1 } };
      expect(score({ template: oneYear, revokedAt: '2025-05-31' }).predicate).toBe('WBBM');
      expect(score({ template: oneYear, revokedAt: '2025-06-01' }).failures[0]?.message).toBe(
        'Predikat dicabut pada 2025-06-01; unit baru dapat diusulkan kembali mulai 2026-06-01 (kurang 1 hari)',
      );
    });
  });

  it.each<[string, Partial<AssessmentInput>, string, string]>([
    [
      'an impossible assessment date',
      { assessmentDate: '2026-02-30' },
      'assessmentDate',
      'tanggal penilaian "2026-02-30" tidak valid',
    ],
    [
      'a revocation date in another format',
      { revokedAt: '31-05-2024' },
      'revokedAt',
      'tanggal pencabutan "31-05-2024" tidak valid',
    ],
    [
      'an unknown prior predicate',
      { priorPredicate: 'WBBK' as unknown as Predicate },
      'priorPredicate',
      'predikat "WBBK" tidak dikenal',
    ],
    [
      'answers that are not an object',
      { answers: null as unknown as LkeAnswers },
      'answers',
      'jawaban harus berupa objek',
    ],
  ])('refuses %s', (_name, input, path, message) => {
    const error = thrownBy(() => score(input));
    expect(error).toBeInstanceOf(LkeInputError);
    expect((error as LkeInputError).issues).toEqual([{ path, message }]);
    expect((error as LkeInputError).message).toBe(`Penilaian LKE tidak dapat dihitung: ${message}`);
  });
});

describe('LKE arithmetic', () => {
  it.each<[number, number, number]>([
    [1.005, 2, 1.01],
    [1.5 * 0.67, 2, 1.01],
    [0.375, 2, 0.38],
    [2.675, 2, 2.68],
    [0.1 + 0.2, 2, 0.3],
    [14.000000000000002, 2, 14],
    [-1.005, 2, -1.01],
    [2.6249, 3, 2.625],
    [0, 2, 0],
  ])('roundTo(%p, %p) = %p, half away from zero', (value, decimals, expected) => {
    expect(roundTo(value, decimals)).toBe(expected);
  });

  it.each<[number, string]>([
    [4.5, '4.50'],
    [0, '0.00'],
    [96.7, '96.70'],
    [2.625, '2.625'],
    [1.425, '1.425'],
    [5.000001, '5.000001'],
  ])('formatScore(%p) = %p', (value, expected) => {
    expect(formatScore(value)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['2024-06-01', 2, '2026-06-01'],
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2025-12-31', 1, '2026-12-31'],
  ])('addYears(%p, %p) = %p', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it.each<[string, string, number]>([
    ['2026-05-31', '2026-06-01', 1],
    ['2026-02-27', '2026-02-28', 1],
    ['2024-02-28', '2024-03-01', 2],
    ['2026-06-01', '2026-05-31', -1],
    ['2026-01-01', '2027-01-01', 365],
  ])('daysBetween(%p, %p) = %p', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });
});
