import {
  defaultLkeTemplate,
  LkeInputError,
  scoreAssessment,
  validateTemplate,
  type LkeTemplate,
  type LkeTemplateIssue,
} from '../../domain/lke';

/** A deep, writable copy of the default template; each case breaks one thing. */
type Writable<T> = { -readonly [K in keyof T]: Writable<T[K]> };
type EditableTemplate = Writable<LkeTemplate>;

function editable(): EditableTemplate {
  return structuredClone(defaultLkeTemplate) as EditableTemplate;
}

function byId<T extends { id: string }>(list: T[], id: string): T {
  const found = list.find((item) => item.id === id);
  if (!found) throw new Error(`${id} not found`);
  return found;
}

const area = (template: EditableTemplate, id: string) => byId(template.components.pengungkit.areas, id);
const subArea = (template: EditableTemplate, areaId: string, half: 'pemenuhan' | 'reform', id: string) =>
  byId(area(template, areaId)[half].subAreas, id);
const indicator = (template: EditableTemplate, id: string) => byId(template.components.hasil.indicators, id);

function question(template: EditableTemplate, id: string) {
  for (const candidate of template.components.pengungkit.areas) {
    for (const half of [candidate.pemenuhan, candidate.reform]) {
      for (const sub of half.subAreas) {
        const found = sub.questions.find((q) => q.id === id);
        if (found) return found as Writable<Record<string, unknown>>;
      }
    }
  }
  throw new Error(`question ${id} not found`);
}

/** A deliberately wrong value, as a template stored as JSON could carry. */
const broken = <T>(value: unknown): T => value as T;

function thrownBy(action: () => unknown): unknown {
  try {
    action();
  } catch (error) {
    return error;
  }
  throw new Error('expected an error');
}

const pairs = (issues: readonly LkeTemplateIssue[]) => issues.map((issue) => [issue.path, issue.message]);

const mp = 'components.pengungkit.areas.0';
const pw = 'components.pengungkit.areas.4';

describe('validateTemplate', () => {
  it('accepts the default template', () => {
    expect(validateTemplate(defaultLkeTemplate)).toEqual([]);
  });

  it.each<[string, (template: EditableTemplate) => void, [string, string][]]>([
    [
      'a sub-area weight that breaks its area total and halves',
      (t) => {
        subArea(t, 'manajemen_perubahan', 'pemenuhan', 'mp_tim_kerja').weight = 1.0;
      },
      [
        [
          `${mp}.weight`,
          'Area Manajemen Perubahan: jumlah bobot sub-area 8.50, seharusnya 8.00 (pemenuhan 4.50, reform 4.00)',
        ],
        [mp, 'Area Manajemen Perubahan: bobot pemenuhan 4.50 tidak sama dengan bobot reform 4.00'],
      ],
    ],
    [
      'an area declared heavier than its sub-areas and than the pengungkit allows',
      (t) => {
        area(t, 'manajemen_perubahan').weight = 9;
      },
      [
        [
          `${mp}.weight`,
          'Area Manajemen Perubahan: jumlah bobot sub-area 8.00, seharusnya 9.00 (pemenuhan 4.00, reform 4.00)',
        ],
        ['components.pengungkit', 'Komponen pengungkit: jumlah bobot area 61.00, seharusnya 60.00'],
      ],
    ],
    [
      'halves of unequal weight even though the area total is right',
      (t) => {
        subArea(t, 'penguatan_pengawasan', 'pemenuhan', 'pw_spip').weight = 2.0;
        subArea(t, 'penguatan_pengawasan', 'reform', 'pw_mekanisme_pengendalian').weight = 2.0;
      },
      [[pw, 'Area Penguatan Pengawasan: bobot pemenuhan 8.00 tidak sama dengan bobot reform 7.00']],
    ],
    [
      'a pengungkit declared at 61 while hasil stays 40',
      (t) => {
        t.components.pengungkit.weight = 61;
      },
      [
        ['components.pengungkit', 'Komponen pengungkit: jumlah bobot area 60.00, seharusnya 61.00'],
        ['components', 'Jumlah bobot komponen pengungkit (61.00) dan hasil (40.00) 101.00, seharusnya 100'],
      ],
    ],
    [
      'hasil indicators that add up to 39.50',
      (t) => {
        indicator(t, 'ipkp').weight = 17;
      },
      [['components.hasil', 'Komponen hasil: jumlah bobot indikator 39.50, seharusnya 40.00']],
    ],
    [
      'a sub-area without questions',
      (t) => {
        subArea(t, 'penguatan_pengawasan', 'pemenuhan', 'pw_spip').questions = [];
      },
      [[`${pw}.pemenuhan.subAreas.1.questions`, 'Sub-area SPIP: belum memiliki pertanyaan']],
    ],
    [
      'a half without sub-areas',
      (t) => {
        area(t, 'manajemen_perubahan').reform.subAreas = [];
      },
      [
        [`${mp}.reform`, 'Area Manajemen Perubahan: bagian Reform belum memiliki sub-area'],
        [
          `${mp}.weight`,
          'Area Manajemen Perubahan: jumlah bobot sub-area 4.00, seharusnya 8.00 (pemenuhan 4.00, reform 0.00)',
        ],
        [mp, 'Area Manajemen Perubahan: bobot pemenuhan 4.00 tidak sama dengan bobot reform 0.00'],
      ],
    ],
    [
      'a duplicate question id',
      (t) => {
        question(t, 'pw_spip_b').id = 'pw_spip_a';
      },
      [[`${pw}.pemenuhan.subAreas.1.questions.1.id`, 'id pertanyaan "pw_spip_a" dipakai lebih dari sekali']],
    ],
    [
      'a duplicate sub-area id',
      (t) => {
        subArea(t, 'penataan_tatalaksana', 'pemenuhan', 'tl_spbe').id = 'tl_sop';
      },
      [['components.pengungkit.areas.1.pemenuhan.subAreas.1.id', 'id sub-area "tl_sop" dipakai lebih dari sekali']],
    ],
    [
      'a malformed sub-area id',
      (t) => {
        subArea(t, 'manajemen_perubahan', 'pemenuhan', 'mp_tim_kerja').id = 'MP Tim';
      },
      [[`${mp}.pemenuhan.subAreas.0.id`, 'id sub-area "MP Tim" hanya boleh berisi huruf kecil, angka dan _']],
    ],
    [
      'an unknown area and a repeated one',
      (t) => {
        area(t, 'penataan_tatalaksana').id = broken('zona_lain');
        area(t, 'penataan_sdm').id = 'manajemen_perubahan';
      },
      [
        ['components.pengungkit.areas.1.id', 'area "zona_lain" tidak dikenal'],
        ['components.pengungkit.areas.2.id', 'Area Manajemen Perubahan muncul lebih dari sekali'],
      ],
    ],
    [
      'an unknown answer type',
      (t) => {
        question(t, 'mp_tim_kerja_a').answerType = 'skala';
      },
      [
        [
          `${mp}.pemenuhan.subAreas.0.questions.0.answerType`,
          'Pertanyaan mp_tim_kerja_a: jenis jawaban "skala" tidak dikenal',
        ],
      ],
    ],
    [
      'options that do not match the answer type',
      (t) => {
        question(t, 'mp_tim_kerja_b').options = [
          { code: 'A', label: 'Ya' },
          { code: 'B', label: 'Tidak' },
        ];
      },
      [
        [
          `${mp}.pemenuhan.subAreas.0.questions.1.options`,
          'Pertanyaan mp_tim_kerja_b: pilihan jawaban harus A, B, C berurutan',
        ],
      ],
    ],
    [
      'an option without a label',
      (t) => {
        question(t, 'mp_tim_kerja_b').options = [
          { code: 'A', label: 'Ya' },
          { code: 'B', label: ' ' },
          { code: 'C', label: 'Tidak' },
        ];
      },
      [
        [
          `${mp}.pemenuhan.subAreas.0.questions.1.options.1.label`,
          'Pertanyaan mp_tim_kerja_b: keterangan pilihan B wajib diisi',
        ],
      ],
    ],
    [
      'a percentage question without labels and with a zero-denominator value outside [0, 1]',
      (t) => {
        const lhkpn = question(t, 'pw_lhkpn_lhkasn_a');
        lhkpn.numeratorLabel = '';
        delete lhkpn.denominatorLabel;
        lhkpn.zeroDenominatorValue = 2;
      },
      [
        [
          `${pw}.reform.subAreas.2.questions.0.numeratorLabel`,
          'Pertanyaan pw_lhkpn_lhkasn_a: label pembilang wajib diisi',
        ],
        [
          `${pw}.reform.subAreas.2.questions.0.denominatorLabel`,
          'Pertanyaan pw_lhkpn_lhkasn_a: label penyebut wajib diisi',
        ],
        [
          `${pw}.reform.subAreas.2.questions.0.zeroDenominatorValue`,
          'Pertanyaan pw_lhkpn_lhkasn_a: nilai untuk penyebut 0 harus bilangan 0–1',
        ],
      ],
    ],
    [
      'a question without text and with a blank and a repeated evidence document',
      (t) => {
        const tim = question(t, 'mp_tim_kerja_a');
        tim.text = '';
        tim.requiredEvidence = ['SK Tim Kerja', '', 'SK Tim Kerja'];
      },
      [
        [`${mp}.pemenuhan.subAreas.0.questions.0.text`, 'Pertanyaan mp_tim_kerja_a: teks pertanyaan wajib diisi'],
        [
          `${mp}.pemenuhan.subAreas.0.questions.0.requiredEvidence.1`,
          'Pertanyaan mp_tim_kerja_a: nama dokumen data dukung wajib diisi',
        ],
        [
          `${mp}.pemenuhan.subAreas.0.questions.0.requiredEvidence.2`,
          'Pertanyaan mp_tim_kerja_a: dokumen "SK Tim Kerja" tercantum lebih dari sekali',
        ],
      ],
    ],
    [
      'a template header without name, version or a plausible year',
      (t) => {
        t.name = ' ';
        t.version = '';
        t.year = 1999;
      },
      [
        ['name', 'nama templat wajib diisi'],
        ['version', 'versi templat wajib diisi'],
        ['year', 'tahun 1999 tidak valid (bilangan bulat 2000–2100)'],
      ],
    ],
    [
      'scoring settings out of range',
      (t) => {
        t.choiceValues.abcd = [1, 0.5, 0];
        t.choiceValues.abc = [1.5, 0.5, 0];
        t.conversion.indexMax = 0;
        t.rounding.subAreaDecimals = 1.5;
        t.tolerance = 0.01;
        t.percentage.min = 0.8;
        t.percentage.max = 0.5;
        t.percentage.zeroDenominatorValue = -1;
      },
      [
        ['choiceValues.abc', 'nilai abc harus 3 bilangan 0–1 untuk A/B/C'],
        ['choiceValues.abcd', 'nilai abcd harus 4 bilangan 0–1 untuk A/B/C/D'],
        ['conversion.indexMax', 'nilai maksimum indeks harus bilangan positif'],
        ['rounding.subAreaDecimals', 'jumlah desimal pembulatan harus bilangan bulat 0–6'],
        ['tolerance', 'toleransi harus bilangan ≥ 0 dan < 0.005'],
        ['percentage', 'batas persentase harus 0 ≤ min ≤ max ≤ 1'],
        ['percentage.zeroDenominatorValue', 'nilai untuk penyebut 0 harus bilangan 0–1'],
      ],
    ],
    [
      'a tolerance as large as half a rounding step',
      (t) => {
        t.tolerance = 0.005;
      },
      [['tolerance', 'toleransi harus bilangan ≥ 0 dan < 0.005']],
    ],
    [
      'thresholds written as percentages, above an indicator weight, or naming no indicator',
      (t) => {
        t.thresholds.WBK.halfMinShare = 60;
        t.thresholds.WBK.hasilMinimums = { ipak: 18, ipkp: 14, survei_lain: 3 };
        t.thresholds.WBK.totalMinimum = 175;
      },
      [
        ['thresholds.WBK.halfMinShare', 'ambang WBK per bagian area harus bilangan 0–1 (proporsi bobot)'],
        ['thresholds.WBK.totalMinimum', 'ambang nilai total WBK harus bilangan 0–100'],
        ['thresholds.WBK.hasilMinimums.ipak', 'ambang WBK untuk "ipak" harus bilangan 0–17.50 (bobot indikator)'],
        ['thresholds.WBK.hasilMinimums.survei_lain', 'ambang WBK: indikator hasil "survei_lain" tidak ada'],
        ['thresholds.WBBM.halfMinShare', 'ambang WBBM untuk bagian area tidak boleh lebih rendah dari ambang WBK (60)'],
        [
          'thresholds.WBBM.totalMinimum',
          'ambang WBBM untuk nilai total tidak boleh lebih rendah dari ambang WBK (175)',
        ],
        [
          'thresholds.WBBM.hasilMinimums.ipak',
          'ambang WBBM untuk "ipak" tidak boleh lebih rendah dari ambang WBK (18)',
        ],
        [
          'thresholds.WBBM.hasilMinimums.survei_lain',
          'ambang WBBM untuk "survei_lain" tidak boleh lebih rendah dari ambang WBK (3)',
        ],
      ],
    ],
    [
      'WBBM minimums below the WBK ones',
      (t) => {
        t.thresholds.WBBM.totalMinimum = 70;
        t.thresholds.WBBM.hasilMinimums.capaian_kinerja = 2;
      },
      [
        ['thresholds.WBBM.totalMinimum', 'ambang WBBM untuk nilai total tidak boleh lebih rendah dari ambang WBK (75)'],
        [
          'thresholds.WBBM.hasilMinimums.capaian_kinerja',
          'ambang WBBM untuk "capaian_kinerja" tidak boleh lebih rendah dari ambang WBK (2.5)',
        ],
      ],
    ],
    [
      'eligibility rules of the wrong kind',
      (t) => {
        t.eligibility.wbbmRequiresPriorWbk = broken('ya');
        t.eligibility.revocationBarYears = -1;
      },
      [
        ['eligibility.wbbmRequiresPriorWbk', 'wbbmRequiresPriorWbk harus bernilai true atau false'],
        ['eligibility.revocationBarYears', 'masa larangan setelah pencabutan harus bilangan bulat tahun ≥ 0'],
      ],
    ],
  ])('rejects %s', (_name, edit, expected) => {
    const template = editable();
    edit(template);
    expect(pairs(validateTemplate(template))).toEqual(expected);
  });

  it('absorbs floating-point noise in weight sums within the tolerance', () => {
    const template = editable();
    // 0.1 + 0.2 + 1.7 is 2.0000000000000004 in binary floating point.
    const weights = [0.1, 0.2, 1.7, 2.0, 0.75, 0.25];
    area(template, 'penataan_sdm').pemenuhan.subAreas.forEach((sub, index) => (sub.weight = weights[index] ?? 0));
    expect(validateTemplate(template)).toEqual([]);
  });

  it('rejects a sum off by more than the tolerance', () => {
    const template = editable();
    subArea(template, 'penataan_sdm', 'pemenuhan', 'sdm_pola_mutasi').weight = 0.500001;
    expect(pairs(validateTemplate(template))).toEqual([
      [
        'components.pengungkit.areas.2.weight',
        'Area Penataan Sistem Manajemen SDM: jumlah bobot sub-area 10.000001, seharusnya 10.00 (pemenuhan 5.000001, reform 5.00)',
      ],
      [
        'components.pengungkit.areas.2',
        'Area Penataan Sistem Manajemen SDM: bobot pemenuhan 5.000001 tidak sama dengan bobot reform 5.00',
      ],
    ]);
  });

  it('rejects something that is not a template at all', () => {
    expect(validateTemplate(broken<LkeTemplate>(null))).toEqual([{ path: '', message: 'templat harus berupa objek' }]);
    expect(pairs(validateTemplate(broken<LkeTemplate>({ ...defaultLkeTemplate, components: undefined })))).toEqual([
      ['components', 'komponen pengungkit dan hasil wajib diisi'],
    ]);
  });

  it('makes scoring refuse a template whose weights do not add up, naming the area and the sum found', () => {
    const template = editable();
    subArea(template, 'penguatan_pengawasan', 'reform', 'pw_penanganan_pengaduan').weight = 2.5;
    const score = () => scoreAssessment({ template, answers: {}, assessmentDate: '2026-05-31' });
    const error = thrownBy(score);
    expect(error).toBeInstanceOf(LkeInputError);
    expect((error as LkeInputError).message).toBe(
      'Penilaian LKE tidak dapat dihitung: Area Penguatan Pengawasan: jumlah bobot sub-area 14.50, seharusnya 15.00 ' +
        '(pemenuhan 7.50, reform 7.00); Area Penguatan Pengawasan: bobot pemenuhan 7.50 tidak sama dengan bobot reform 7.00',
    );
    expect((error as LkeInputError).issues.map((issue) => issue.path)).toEqual([
      'template.components.pengungkit.areas.4.weight',
      'template.components.pengungkit.areas.4',
    ]);
  });
});
