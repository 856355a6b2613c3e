import {
  defaultLkeTemplate,
  findQuestion,
  scoreQuestion,
  type LkeAnswer,
  type LkeQuestion,
  type LkeTemplate,
  type QuestionScore,
} from '../../domain/lke';

const template = defaultLkeTemplate;

function questionOf(id: string): LkeQuestion {
  const located = findQuestion(template, id);
  if (!located) throw new Error(`question ${id} not in the default template`);
  return located.question;
}

const option = (code: string): LkeAnswer => ({ kind: 'option', option: code });
const counts = (numerator: number, denominator: number): LkeAnswer => ({ kind: 'counts', numerator, denominator });
const index = (value: number): LkeAnswer => ({ kind: 'index', index: value });
/** A deliberately wrong answer, as JSON from a client could carry. */
const broken = (value: unknown): LkeAnswer => value as LkeAnswer;

const yaTidak = questionOf('mp_tim_kerja_a');
const abc = questionOf('mp_tim_kerja_b');
const abcd = questionOf('mp_pemantauan_evaluasi_a');
const abcde = questionOf('tl_sop_b');
const lhkpn = questionOf('pw_lhkpn_lhkasn_a');
const agenPerubahan = questionOf('mp_komitmen_perubahan_a');
const ipak = questionOf('ipak_nilai');

function valueOf(question: LkeQuestion, answer: LkeAnswer, on: LkeTemplate = template): number {
  return scoreQuestion(on, question, answer).value;
}

describe('question values', () => {
  it('uses each answer type in the chosen questions', () => {
    expect([yaTidak, abc, abcd, abcde, lhkpn, ipak].map((question) => question.answerType)).toEqual([
      'ya_tidak',
      'abc',
      'abcd',
      'abcde',
      'persentase',
      'indeks',
    ]);
  });

  it.each<[string, LkeQuestion, string, number]>([
    ['Ya', yaTidak, 'ya', 1],
    ['Tidak', yaTidak, 'tidak', 0],
    ['A of A/B/C', abc, 'A', 1],
    ['B of A/B/C', abc, 'B', 0.5],
    ['C of A/B/C', abc, 'C', 0],
    ['A of A–D', abcd, 'A', 1],
    ['B of A–D', abcd, 'B', 0.67],
    ['C of A–D', abcd, 'C', 0.33],
    ['D of A–D', abcd, 'D', 0],
    ['A of A–E', abcde, 'A', 1],
    ['B of A–E', abcde, 'B', 0.75],
    ['C of A–E', abcde, 'C', 0.5],
    ['D of A–E', abcde, 'D', 0.25],
    ['E of A–E', abcde, 'E', 0],
  ])('%s is worth %p', (_name, question, code, expected) => {
    expect(scoreQuestion(template, question, option(code))).toEqual<QuestionScore>({
      questionId: question.id,
      answerType: question.answerType,
      status: 'answered',
      value: expected,
      clamped: false,
      zeroDenominator: false,
    });
  });

  it.each<[string, LkeQuestion, string, number]>([
    ['"YA"', yaTidak, 'YA', 1],
    ['" tidak "', yaTidak, ' tidak ', 0],
    ['"b" on A/B/C', abc, 'b', 0.5],
    ['"e" on A–E', abcde, 'e', 0],
  ])('ignores case and surrounding spaces: %s', (_name, question, code, expected) => {
    expect(valueOf(question, option(code))).toBe(expected);
  });

  it('reads option values from the template, so a year can change them', () => {
    const lenient: LkeTemplate = { ...template, choiceValues: { ...template.choiceValues, abc: [1, 0.6, 0.1] } };
    expect(valueOf(abc, option('B'), lenient)).toBe(0.6);
    expect(valueOf(abc, option('C'), lenient)).toBe(0.1);
  });

  it.each<[string, number, number, number, boolean]>([
    ['all reported', 12, 12, 1, false],
    ['3 of 4', 3, 4, 0.75, false],
    ['1 of 3', 1, 3, 1 / 3, false],
    ['none of 7', 0, 7, 0, false],
    ['more reported than obliged, clamped to 1', 15, 12, 1, true],
  ])('persentase: %s', (_name, numerator, denominator, expected, clamped) => {
    expect(scoreQuestion(template, lhkpn, counts(numerator, denominator))).toMatchObject({
      status: 'answered',
      value: expected,
      clamped,
      zeroDenominator: false,
    });
  });

  it('clamps a ratio above 1 where more changes than agents is natural', () => {
    expect(scoreQuestion(template, agenPerubahan, counts(9, 4))).toMatchObject({ value: 1, clamped: true });
  });

  it('clamps to the template range when a year narrows it', () => {
    const capped: LkeTemplate = { ...template, percentage: { min: 0.2, max: 0.9, zeroDenominatorValue: 0 } };
    expect(scoreQuestion(capped, lhkpn, counts(10, 10))).toMatchObject({ value: 0.9, clamped: true });
    expect(scoreQuestion(capped, lhkpn, counts(1, 10))).toMatchObject({ value: 0.2, clamped: true });
    expect(scoreQuestion(capped, lhkpn, counts(5, 10))).toMatchObject({ value: 0.5, clamped: false });
  });

  describe('denominator 0', () => {
    it('is worth the template default (0) where 0/0 means missing work', () => {
      expect(agenPerubahan).not.toHaveProperty('zeroDenominatorValue');
      expect(scoreQuestion(template, agenPerubahan, counts(0, 0))).toMatchObject({
        status: 'answered',
        value: 0,
        zeroDenominator: true,
        clamped: false,
      });
    });

    it('is worth the question override (1) where nothing to handle means fully handled', () => {
      expect(scoreQuestion(template, lhkpn, counts(0, 0))).toMatchObject({
        status: 'answered',
        value: 1,
        zeroDenominator: true,
      });
    });

    it('follows the template default when a year changes it', () => {
      const generous: LkeTemplate = { ...template, percentage: { ...template.percentage, zeroDenominatorValue: 1 } };
      expect(valueOf(agenPerubahan, counts(0, 0), generous)).toBe(1);
    });
  });

  it.each<[number, number]>([
    [0, 0],
    [2, 0.5],
    [3.2, 0.8],
    [3.6, 0.9],
    [4, 1],
  ])('indeks %p is worth %p of the indicator', (value, expected) => {
    expect(scoreQuestion(template, ipak, index(value))).toMatchObject({ status: 'answered', value: expected });
  });

  it('counts a missing answer as 0', () => {
    expect(scoreQuestion(template, abc, undefined)).toEqual<QuestionScore>({
      questionId: 'mp_tim_kerja_b',
      answerType: 'abc',
      status: 'missing',
      value: 0,
      clamped: false,
      zeroDenominator: false,
    });
    expect(scoreQuestion(template, abc, broken(null)).status).toBe('missing');
  });

  it.each<[string, LkeQuestion, LkeAnswer, string]>([
    ['an option not on the scale', abc, option('D'), 'pilihan "D" tidak tersedia (A/B/C)'],
    ['a letter on a ya/tidak question', yaTidak, option('A'), 'pilihan "A" tidak tersedia (ya/tidak)'],
    ['counts on a choice question', abcd, counts(1, 2), 'jawaban harus berupa pilihan (A/B/C/D)'],
    ['an option without a code', abcde, broken({ kind: 'option' }), 'jawaban harus berupa pilihan (A/B/C/D/E)'],
    [
      'an option on a percentage question',
      lhkpn,
      option('A'),
      'jawaban harus berupa dua bilangan (pembilang dan penyebut)',
    ],
    ['a negative count', lhkpn, counts(-1, 4), 'Sudah lapor LHKPN dan Wajib lapor LHKPN harus bilangan ≥ 0'],
    [
      'a count that is not a number',
      lhkpn,
      broken({ kind: 'counts', numerator: '3', denominator: 4 }),
      'Sudah lapor LHKPN dan Wajib lapor LHKPN harus bilangan ≥ 0',
    ],
    ['an infinite count', lhkpn, counts(1, Infinity), 'Sudah lapor LHKPN dan Wajib lapor LHKPN harus bilangan ≥ 0'],
    ['counts on an index question', ipak, counts(3, 4), 'jawaban harus berupa nilai indeks'],
    ['an index above 4', ipak, index(4.2), 'indeks 4.2 di luar rentang 0–4'],
    ['a negative index', ipak, index(-0.1), 'indeks -0.1 di luar rentang 0–4'],
    ['an index that is not a number', ipak, broken({ kind: 'index', index: NaN }), 'indeks NaN di luar rentang 0–4'],
  ])('rejects %s: worth 0 and says why', (_name, question, answer, problem) => {
    expect(scoreQuestion(template, question, answer)).toMatchObject({ status: 'invalid', value: 0, problem });
  });
});
