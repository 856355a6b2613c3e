import { areaCodes, areaNames } from '../../domain/areas';
import {
  answerTypes,
  choiceOptionCodes,
  defaultLkeTemplate,
  defaultLkeTemplateVersion,
  findQuestion,
  halfKinds,
  halfWeight,
  isValidTemplate,
  lkeIdPattern,
  questionsOf,
  subAreasOf,
  validateTemplate,
  type HalfKind,
  type LkeArea,
} from '../../domain/lke';

const template = defaultLkeTemplate;
const areas = template.components.pengungkit.areas;

function area(id: string): LkeArea {
  const found = areas.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`area ${id} not in the default template`);
  return found;
}

/** The domain brief's table, sub-area by sub-area: names and weights must match it exactly. */
const briefTable: [string, number, [string, number][], [string, number][]][] = [
  [
    'manajemen_perubahan',
    8,
    [
      ['Tim kerja', 0.5],
      ['Rencana pembangunan ZI', 1.0],
      ['Pemantauan & evaluasi', 1.0],
      ['Perubahan pola pikir & budaya kerja', 1.5],
    ],
    [
      ['Komitmen dalam perubahan', 2.0],
      ['Komitmen pimpinan', 1.0],
      ['Membangun budaya kerja', 1.0],
    ],
  ],
  [
    'penataan_tatalaksana',
    7,
    [
      ['SOP kegiatan utama', 1.0],
      ['SPBE', 2.0],
      ['Keterbukaan informasi publik', 0.5],
    ],
    [
      ['Peta proses bisnis & penyederhanaan', 0.5],
      ['SPBE terintegrasi', 1.0],
      ['Transformasi digital bermanfaat', 2.0],
    ],
  ],
  [
    'penataan_sdm',
    10,
    [
      ['Perencanaan kebutuhan pegawai', 0.25],
      ['Pola mutasi internal', 0.5],
      ['Pengembangan berbasis kompetensi', 1.25],
      ['Penetapan kinerja individu', 2.0],
      ['Penegakan aturan disiplin/kode etik', 0.75],
      ['Sistem informasi kepegawaian', 0.25],
    ],
    [
      ['Kinerja individu', 1.5],
      ['Assessment pegawai', 1.5],
      ['Pelanggaran disiplin pegawai', 2.0],
    ],
  ],
  [
    'akuntabilitas_kinerja',
    10,
    [
      ['Keterlibatan pimpinan', 2.5],
      ['Pengelolaan akuntabilitas kinerja', 2.5],
    ],
    [
      ['Meningkatnya capaian kinerja', 2.0],
      ['Pemberian reward & punishment', 1.5],
      ['Kerangka logis kinerja', 1.5],
    ],
  ],
  [
    'penguatan_pengawasan',
    15,
    [
      ['Pengendalian gratifikasi', 1.5],
      ['SPIP', 1.5],
      ['Pengaduan masyarakat', 1.5],
      ['Whistle-blowing system', 1.5],
      ['Penanganan benturan kepentingan', 1.5],
    ],
    [
      ['Mekanisme pengendalian', 2.5],
      ['Penanganan pengaduan masyarakat', 3.0],
      ['Penyampaian LHKPN/LHKASN', 2.0],
    ],
  ],
  [
    'pelayanan_publik',
    10,
    [
      ['Standar pelayanan', 1.0],
      ['Budaya pelayanan prima', 1.0],
      ['Pengelolaan pengaduan', 1.0],
      ['Penilaian kepuasan terhadap pelayanan', 1.0],
      ['Pemanfaatan teknologi informasi', 1.0],
    ],
    [
      ['Upaya dan/atau inovasi pelayanan publik', 2.5],
      ['Penanganan pengaduan pelayanan & konsultasi', 2.5],
    ],
  ],
];

describe('default LKE template', () => {
  it('is the PermenPAN-RB 90/2021 template, versioned and valid', () => {
    expect(template.name).toBe('LKE ZI — PermenPAN-RB 90/2021');
    expect(template.id).toBe('lke-zi-permenpanrb-90-2021');
    expect(template.year).toBe(2026);
    expect(template.version).toBe(defaultLkeTemplateVersion);
    expect(validateTemplate(template)).toEqual([]);
    expect(isValidTemplate(template)).toBe(true);
  });

  it('has komponen pengungkit 60 and komponen hasil 40', () => {
    expect(template.components.pengungkit.weight).toBe(60);
    expect(template.components.hasil.weight).toBe(40);
  });

  it('lists the six areas in LKE order with their brief weights 8, 7, 10, 10, 15, 10', () => {
    expect(areas.map((candidate) => candidate.id)).toEqual([...areaCodes]);
    expect(areas.map((candidate) => candidate.weight)).toEqual([8, 7, 10, 10, 15, 10]);
    expect(areas.map((candidate) => candidate.name)).toEqual(areaCodes.map((code) => areaNames[code]));
  });

  it.each(briefTable)('%s (%d): every sub-area and weight as in the brief', (id, weight, pemenuhan, reform) => {
    const found = area(id);
    expect(found.weight).toBe(weight);
    expect(found.pemenuhan.subAreas.map((subArea) => [subArea.name, subArea.weight])).toEqual(pemenuhan);
    expect(found.reform.subAreas.map((subArea) => [subArea.name, subArea.weight])).toEqual(reform);
    expect(halfWeight(found, 'pemenuhan')).toBeCloseTo(weight / 2, 12);
    expect(halfWeight(found, 'reform')).toBeCloseTo(weight / 2, 12);
  });

  it('has the komponen hasil indicators IPAK 17.5, capaian kinerja 5.0 and IPKP 17.5', () => {
    expect(
      template.components.hasil.indicators.map((indicator) => [
        indicator.id,
        indicator.name,
        indicator.group,
        indicator.weight,
      ]),
    ).toEqual([
      ['ipak', 'Indeks Persepsi Anti Korupsi (IPAK)', 'Birokrasi bersih dan akuntabel', 17.5],
      ['capaian_kinerja', 'Capaian kinerja lebih baik dari sebelumnya', 'Birokrasi bersih dan akuntabel', 5],
      ['ipkp', 'Indeks Persepsi Kualitas Pelayanan (IPKP)', 'Pelayanan publik prima', 17.5],
    ]);
  });

  it('answers IPAK and IPKP as an index 0–4 and capaian kinerja as one A–E question', () => {
    const answerTypesOf = (id: string) =>
      template.components.hasil.indicators.find((indicator) => indicator.id === id)?.questions.map((q) => q.answerType);
    expect(answerTypesOf('ipak')).toEqual(['indeks']);
    expect(answerTypesOf('ipkp')).toEqual(['indeks']);
    expect(answerTypesOf('capaian_kinerja')).toEqual(['abcde']);
    expect(template.conversion).toEqual({ indexMax: 4 });
  });

  it('has the default thresholds table exactly', () => {
    expect(template.thresholds).toEqual({
      WBK: { halfMinShare: 0.6, hasilMinimums: { ipak: 15.75, capaian_kinerja: 2.5, ipkp: 14 }, totalMinimum: 75 },
      WBBM: {
        halfMinShare: 0.75,
        hasilMinimums: { ipak: 15.75, capaian_kinerja: 3.75, ipkp: 15.75 },
        totalMinimum: 85,
      },
    });
    expect(template.eligibility).toEqual({ wbbmRequiresPriorWbk: true, revocationBarYears: 2 });
  });

  it('has the scoring settings of the brief', () => {
    expect(template.choiceValues).toEqual({
      ya_tidak: [1, 0],
      abc: [1, 0.5, 0],
      abcd: [1, 0.67, 0.33, 0],
      abcde: [1, 0.75, 0.5, 0.25, 0],
    });
    expect(template.rounding).toEqual({ subAreaDecimals: 2 });
    expect(template.tolerance).toBe(1e-9);
    expect(template.percentage).toEqual({ min: 0, max: 1, zeroDenominatorValue: 0 });
  });

  it('has 110 questions, at least one per sub-area, using every answer type', () => {
    const questions = questionsOf(template);
    expect(questions).toHaveLength(110);
    for (const { subArea } of subAreasOf(template)) expect(subArea.questions.length).toBeGreaterThanOrEqual(1);
    const used = new Set(questions.map(({ question }) => question.answerType));
    expect([...used].sort()).toEqual([...answerTypes].sort());
  });

  it('uses unique, well-formed ids for sub-areas and questions', () => {
    const subAreaIds = subAreasOf(template).map(({ subArea }) => subArea.id);
    const questionIds = questionsOf(template).map(({ question }) => question.id);
    expect(new Set(subAreaIds).size).toBe(subAreaIds.length);
    expect(new Set(questionIds).size).toBe(questionIds.length);
    for (const id of [...subAreaIds, ...questionIds]) expect(id).toMatch(lkeIdPattern);
  });

  it('gives every question Indonesian text, evidence documents, and options matching its answer type', () => {
    for (const { question } of questionsOf(template)) {
      expect(question.text.trim()).not.toBe('');
      expect(question.requiredEvidence.length).toBeGreaterThanOrEqual(1);
      if (question.answerType === 'persentase') {
        expect(question.numeratorLabel.trim()).not.toBe('');
        expect(question.denominatorLabel.trim()).not.toBe('');
      } else if (question.answerType !== 'indeks') {
        expect(question.options.map((option) => option.code)).toEqual(choiceOptionCodes[question.answerType]);
        for (const option of question.options) expect(option.label.trim()).not.toBe('');
      }
    }
  });

  it('asks "Tim telah dibentuk" with SK Tim, undangan and daftar hadir, and notulen as evidence', () => {
    const located = findQuestion(template, 'mp_tim_kerja_a');
    expect(located?.question).toMatchObject({
      text: 'Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas',
      answerType: 'ya_tidak',
      options: [
        { code: 'ya', label: 'Ya' },
        { code: 'tidak', label: 'Tidak' },
      ],
      requiredEvidence: ['SK Tim Kerja', 'Undangan dan daftar hadir', 'Notulen'],
    });
    expect(located?.subArea.id).toBe('mp_tim_kerja');
    expect(located?.location).toMatchObject({ component: 'pengungkit', half: 'pemenuhan' });
  });

  it('asks LHKPN as a percentage of sudah lapor over wajib lapor', () => {
    expect(findQuestion(template, 'pw_lhkpn_lhkasn_a')?.question).toMatchObject({
      answerType: 'persentase',
      numeratorLabel: 'Sudah lapor LHKPN',
      denominatorLabel: 'Wajib lapor LHKPN',
      zeroDenominatorValue: 1,
    });
  });

  it('lists sub-areas in LKE order: pemenuhan before reform, area by area, then hasil', () => {
    const order = subAreasOf(template).map(({ location }) =>
      location.component === 'pengungkit' ? `${location.area.id}:${location.half}` : 'hasil',
    );
    const expected = areaCodes.flatMap((code) =>
      halfKinds.flatMap((half: HalfKind) => area(code)[half].subAreas.map(() => `${code}:${half}`)),
    );
    expect(order).toEqual([...expected, 'hasil', 'hasil', 'hasil']);
    expect(findQuestion(template, 'tidak_ada')).toBeUndefined();
  });

  it('is frozen, so no caller can change the shared default', () => {
    expect(Object.isFrozen(template)).toBe(true);
    expect(Object.isFrozen(area('penguatan_pengawasan').reform.subAreas[0])).toBe(true);
    expect(Object.isFrozen(template.thresholds.WBK.hasilMinimums)).toBe(true);
  });
});
