import type { AreaCode } from '../../domain/areas';
import {
  defaultLkeTemplate,
  formatScore,
  halfKinds,
  halfLabels,
  roundTo,
  scoreAssessment,
  validateTemplate,
  type AssessmentResult,
  type ConditionFailure,
  type HalfKind,
  type LkeAnswer,
  type LkeAnswers,
  type LkeArea,
  type LkeSubArea,
  type LkeTemplate,
  type Predicate,
} from '../../domain/lke';

/**
 * The default template's areas, weights, hasil and thresholds, with each half reduced to one sub-area holding one
 * percentage question: a half then scores exactly what its counts say, so every boundary can be hit to the cent.
 */
function halfAsOneSubArea(area: LkeArea, half: HalfKind): LkeSubArea {
  const id = `${area.id}_${half}`;
  return {
    id,
    name: `${halfLabels[half]} ${area.name}`,
    weight: area.weight / 2,
    questions: [
      {
        id: `${id}_capaian`,
        text: 'Capaian bagian area (uji ambang)',
        answerType: 'persentase',
        numeratorLabel: 'Nilai dicapai',
        denominatorLabel: 'Bobot bagian',
        requiredEvidence: ['Kertas kerja uji'],
      },
    ],
  };
}

const boundaryTemplate: LkeTemplate = {
  ...defaultLkeTemplate,
  id: 'lke-uji-ambang',
  version: 'uji-ambang.1',
  components: {
    pengungkit: {
      weight: 60,
      areas: defaultLkeTemplate.components.pengungkit.areas.map((area) => ({
        ...area,
        pemenuhan: { subAreas: [halfAsOneSubArea(area, 'pemenuhan')] },
        reform: { subAreas: [halfAsOneSubArea(area, 'reform')] },
      })),
    },
    hasil: defaultLkeTemplate.components.hasil,
  },
};

const areas = boundaryTemplate.components.pengungkit.areas;
type HalfKey = `${AreaCode}:${HalfKind}`;

interface Scenario {
  /** Points per half; halves not named score their full weight. */
  readonly halves?: Partial<Record<HalfKey, number>>;
  readonly ipak?: number;
  readonly capaian?: string;
  readonly ipkp?: number;
  readonly priorPredicate?: Predicate | null;
  readonly template?: LkeTemplate;
}

function run(scenario: Scenario = {}): AssessmentResult {
  const template = scenario.template ?? boundaryTemplate;
  const scale = 10 ** template.rounding.subAreaDecimals;
  const answers: Record<string, LkeAnswer> = {
    ipak_nilai: { kind: 'index', index: scenario.ipak ?? 4 },
    capaian_kinerja_banding: { kind: 'option', option: scenario.capaian ?? 'A' },
    ipkp_nilai: { kind: 'index', index: scenario.ipkp ?? 4 },
  };
  for (const area of areas) {
    for (const half of halfKinds) {
      const weight = area.weight / 2;
      const points = scenario.halves?.[`${area.id}:${half}`] ?? weight;
      // Counts in hundredths (or thousandths) of a point: weight × numerator ÷ denominator = points exactly.
      answers[`${area.id}_${half}_capaian`] = {
        kind: 'counts',
        numerator: Math.round(points * scale),
        denominator: Math.round(weight * scale),
      };
    }
  }
  return scoreAssessment({
    template,
    answers: answers as LkeAnswers,
    priorPredicate: scenario.priorPredicate === undefined ? 'WBK' : scenario.priorPredicate,
    assessmentDate: '2026-05-31',
  });
}

/** Every half at `points(area)`, e.g. its WBK minimum. */
function allHalves(points: (area: LkeArea) => number): Partial<Record<HalfKey, number>> {
  return Object.fromEntries(
    areas.flatMap((area) => halfKinds.map((half) => [`${area.id}:${half}`, points(area)] as const)),
  ) as Partial<Record<HalfKey, number>>;
}

const messages = (result: AssessmentResult) => result.failures.map((failure) => [failure.predicate, failure.message]);

/**
 * Each half's minimum as a share of its weight (60 % WBK, 75 % WBBM), and the lowest 2-decimal score that reaches
 * it: the same figure except where 75 % of a 3.5 or 7.5 half has a third decimal.
 */
const halfMinimums: [AreaCode, number, { WBK: [number, number]; WBBM: [number, number] }][] = [
  ['manajemen_perubahan', 4, { WBK: [2.4, 2.4], WBBM: [3, 3] }],
  ['penataan_tatalaksana', 3.5, { WBK: [2.1, 2.1], WBBM: [2.625, 2.63] }],
  ['penataan_sdm', 5, { WBK: [3, 3], WBBM: [3.75, 3.75] }],
  ['akuntabilitas_kinerja', 5, { WBK: [3, 3], WBBM: [3.75, 3.75] }],
  ['penguatan_pengawasan', 7.5, { WBK: [4.5, 4.5], WBBM: [5.625, 5.63] }],
  ['pelayanan_publik', 5, { WBK: [3, 3], WBBM: [3.75, 3.75] }],
];

const halfCases = halfMinimums.flatMap(([areaId, weight, minimums]) =>
  halfKinds.flatMap((half) =>
    (['WBK', 'WBBM'] as const).map((predicate) => {
      const [required, lowestPassing] = minimums[predicate];
      const name = areas.find((area) => area.id === areaId)?.name ?? areaId;
      return {
        label: `${halfLabels[half]} ${name}`,
        key: `${areaId}:${half}` as HalfKey,
        code: `half:${areaId}:${half}`,
        weight,
        predicate,
        required,
        lowestPassing,
        justBelow: roundTo(lowestPassing - 0.01, 2),
      };
    }),
  ),
);

describe('predicate thresholds at their boundaries', () => {
  it('uses a valid fixture that keeps the default weights and thresholds', () => {
    expect(validateTemplate(boundaryTemplate)).toEqual([]);
    expect(boundaryTemplate.thresholds).toBe(defaultLkeTemplate.thresholds);
    const full = run();
    expect(full.total.score).toBe(100);
    expect(full.predicate).toBe('WBBM');
  });

  describe.each(halfCases)('$label ($weight), $predicate minimum $required', (boundary) => {
    const { label, key, code, predicate, required, lowestPassing, justBelow } = boundary;

    it(`passes at ${formatScore(lowestPassing)}`, () => {
      const result = run({ halves: { [key]: lowestPassing } });
      expect(result.eligibility[predicate].eligible).toBe(true);
      if (predicate === 'WBBM') {
        expect(result.predicate).toBe('WBBM');
        expect(result.failures).toEqual([]);
      } else {
        // Enough for WBK, not for WBBM: the WBBM failure names this half.
        expect(result.predicate).toBe('WBK');
        expect(result.eligibility.WBBM.failures.map((failure) => failure.code)).toEqual([code]);
      }
    });

    it(`fails at ${formatScore(justBelow)}, naming the half and the shortfall`, () => {
      const result = run({ halves: { [key]: justBelow } });
      const shortfall = roundTo(required - justBelow, 6);
      expect(result.eligibility[predicate].failures).toEqual<ConditionFailure[]>([
        {
          kind: 'minimum',
          predicate,
          code,
          condition: label,
          actual: justBelow,
          required,
          shortfall,
          message: `${label} ${formatScore(justBelow)} < ${formatScore(required)} (kurang ${formatScore(shortfall)})`,
        },
      ]);
      expect(result.predicate).toBe(predicate === 'WBBM' ? 'WBK' : null);
    });
  });

  it('names the sub-cent shortfall where a 75 % minimum has three decimals', () => {
    const result = run({ halves: { 'penataan_tatalaksana:reform': 2.62 } });
    expect(messages(result)).toEqual([['WBBM', 'Reform Penataan Tatalaksana 2.62 < 2.625 (kurang 0.005)']]);
  });

  it('passes a three-decimal minimum met exactly when a template rounds to three decimals', () => {
    const threeDecimals: LkeTemplate = { ...boundaryTemplate, rounding: { subAreaDecimals: 3 } };
    expect(validateTemplate(threeDecimals)).toEqual([]);
    const exact = run({ template: threeDecimals, halves: { 'penguatan_pengawasan:pemenuhan': 5.625 } });
    expect(exact.predicate).toBe('WBBM');
    const below = run({ template: threeDecimals, halves: { 'penguatan_pengawasan:pemenuhan': 5.624 } });
    expect(messages(below)).toEqual([['WBBM', 'Pemenuhan Penguatan Pengawasan 5.624 < 5.625 (kurang 0.001)']]);
  });

  it.each<[string, Scenario, number, Predicate | null, [Predicate, string][]]>([
    ['IPAK index 3.6 = 15.75 meets both minimums', { ipak: 3.6 }, 15.75, 'WBBM', []],
    [
      'IPAK index 3.59 = 15.71 fails both',
      { ipak: 3.59 },
      15.71,
      null,
      [
        ['WBK', 'Indeks Persepsi Anti Korupsi (IPAK) 15.71 < 15.75 (kurang 0.04)'],
        ['WBBM', 'Indeks Persepsi Anti Korupsi (IPAK) 15.71 < 15.75 (kurang 0.04)'],
      ],
    ],
    ['IPKP index 3.6 = 15.75 meets WBBM', { ipkp: 3.6 }, 15.75, 'WBBM', []],
    [
      'IPKP index 3.59 = 15.71 meets WBK only',
      { ipkp: 3.59 },
      15.71,
      'WBK',
      [['WBBM', 'Indeks Persepsi Kualitas Pelayanan (IPKP) 15.71 < 15.75 (kurang 0.04)']],
    ],
    [
      'IPKP index 3.2 = 14.00 meets WBK exactly',
      { ipkp: 3.2 },
      14,
      'WBK',
      [['WBBM', 'Indeks Persepsi Kualitas Pelayanan (IPKP) 14.00 < 15.75 (kurang 1.75)']],
    ],
    [
      'IPKP index 3.19 = 13.96 fails both',
      { ipkp: 3.19 },
      13.96,
      null,
      [
        ['WBK', 'Indeks Persepsi Kualitas Pelayanan (IPKP) 13.96 < 14.00 (kurang 0.04)'],
        ['WBBM', 'Indeks Persepsi Kualitas Pelayanan (IPKP) 13.96 < 15.75 (kurang 1.79)'],
      ],
    ],
    ['capaian kinerja B = 3.75 meets WBBM exactly', { capaian: 'B' }, 3.75, 'WBBM', []],
    [
      'capaian kinerja C = 2.50 meets WBK exactly',
      { capaian: 'C' },
      2.5,
      'WBK',
      [['WBBM', 'Capaian kinerja lebih baik dari sebelumnya 2.50 < 3.75 (kurang 1.25)']],
    ],
    [
      'capaian kinerja D = 1.25 fails both',
      { capaian: 'D' },
      1.25,
      null,
      [
        ['WBK', 'Capaian kinerja lebih baik dari sebelumnya 1.25 < 2.50 (kurang 1.25)'],
        ['WBBM', 'Capaian kinerja lebih baik dari sebelumnya 1.25 < 3.75 (kurang 2.50)'],
      ],
    ],
  ])('%s', (_name, scenario, points, predicate, expected) => {
    const result = run(scenario);
    const indicatorId = scenario.ipak !== undefined ? 'ipak' : scenario.ipkp !== undefined ? 'ipkp' : 'capaian_kinerja';
    expect(result.hasil.indicators.find((indicator) => indicator.id === indicatorId)?.score).toBe(points);
    expect(result.predicate).toBe(predicate);
    expect(messages(result)).toEqual(expected);
  });

  describe('total score', () => {
    // Every half at its WBK minimum (36) + IPAK 17.5 + capaian 5 + IPKP 15.75 = 74.25; the pengawasan reform half
    // is raised to bring the total to the boundary.
    const wbkFloor = allHalves((area) => halfMinimums.find(([id]) => id === area.id)?.[2].WBK[1] ?? 0);

    it.each<[string, number, number, Predicate | null, [Predicate, string][]]>([
      ['exactly 75 earns WBK', 5.25, 75, 'WBK', []],
      ['74.99 earns nothing', 5.24, 74.99, null, [['WBK', 'Nilai total 74.99 < 75.00 (kurang 0.01)']]],
    ])('WBK: %s', (_name, pengawasanReform, total, predicate, wbkFailures) => {
      const result = run({ halves: { ...wbkFloor, 'penguatan_pengawasan:reform': pengawasanReform }, ipkp: 3.6 });
      expect(result.pengungkit.score).toBe(roundTo(36 - 4.5 + pengawasanReform, 2));
      expect(result.hasil.score).toBe(38.25);
      expect(result.total.score).toBe(total);
      expect(result.predicate).toBe(predicate);
      expect(messages(result).filter(([failed]) => failed === 'WBK')).toEqual(wbkFailures);
    });

    // Every half at its lowest WBBM-passing score (45.02) + IPAK 17.5 + capaian 3.75 + IPKP 17.5 = 83.77.
    const wbbmFloor = allHalves((area) => halfMinimums.find(([id]) => id === area.id)?.[2].WBBM[1] ?? 0);

    it.each<[string, number, number, Predicate, [Predicate, string][]]>([
      ['exactly 85 earns WBBM', 6.86, 85, 'WBBM', []],
      ['84.99 earns WBK only', 6.85, 84.99, 'WBK', [['WBBM', 'Nilai total 84.99 < 85.00 (kurang 0.01)']]],
    ])('WBBM: %s', (_name, pengawasanReform, total, predicate, failures) => {
      const result = run({ halves: { ...wbbmFloor, 'penguatan_pengawasan:reform': pengawasanReform }, capaian: 'B' });
      expect(result.hasil.score).toBe(38.75);
      expect(result.total.score).toBe(total);
      expect(result.predicate).toBe(predicate);
      expect(messages(result)).toEqual(failures);
    });
  });

  it('needs every condition: all halves at the WBK floor with a low IPKP and no prior WBK', () => {
    const result = run({
      halves: allHalves((area) => (area.weight / 2) * 0.6),
      ipkp: 3,
      priorPredicate: null,
    });
    expect(result.total.score).toBe(71.63);
    expect(result.predicate).toBeNull();
    expect(result.eligibility.WBK.failures.map((failure) => failure.code)).toEqual(['hasil:ipkp', 'total']);
    expect(result.eligibility.WBBM.failures.map((failure) => failure.code)).toEqual([
      'prior_predicate',
      ...areas.flatMap((area) => halfKinds.map((half) => `half:${area.id}:${half}`)),
      'hasil:ipkp',
      'total',
    ]);
  });
});
