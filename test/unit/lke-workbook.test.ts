import ExcelJS from 'exceljs';
import {
  codeColumnOf,
  lkeSheetName,
  lkeWorkbook,
  summarySheetName,
  valueColumnOf,
  workbookBuffer,
  type WorkbookLayer,
} from '../../api/assessments/lke-workbook';
import {
  defaultLkeTemplate,
  halfKinds,
  questionsOf,
  roundTo,
  scoreAssessment,
  subAreasOf,
  type AssessmentResult,
  type LkeAnswer,
  type LkeAnswers,
  type LkeQuestion,
} from '../../domain/lke';

const template = defaultLkeTemplate;
const assessmentDate = '2026-05-20';

const option = (code: string): LkeAnswer => ({ kind: 'option', option: code });
const counts = (numerator: number, denominator: number): LkeAnswer => ({ kind: 'counts', numerator, denominator });

function bestAnswer(question: LkeQuestion): LkeAnswer {
  switch (question.answerType) {
    case 'ya_tidak':
      return option('ya');
    case 'persentase':
      return counts(40, 40);
    case 'indeks':
      return { kind: 'index', index: 3.9 };
    default:
      return option('A');
  }
}

/** Every question answered at its best. */
const complete: LkeAnswers = Object.fromEntries(
  questionsOf(template).map(({ question }) => [question.id, bestAnswer(question)]),
);

/**
 * Mixed answers over every answer type, every fourth question left unanswered, and Reform Penguatan Pengawasan at
 * 4.20 of its 7.50 (1.25 + 1.50 + 1.45) so WBK fails on it by name.
 */
const partial: LkeAnswers = Object.fromEntries(
  questionsOf(template).flatMap(({ question }, index): [string, LkeAnswer][] => {
    const fixed: Record<string, LkeAnswer> = {
      pw_mekanisme_pengendalian_a: option('C'),
      pw_penanganan_pengaduan_a: counts(50, 100),
      pw_lhkpn_lhkasn_a: counts(29, 40),
      pw_lhkpn_lhkasn_b: counts(29, 40),
    };
    const given = fixed[question.id];
    if (given) return [[question.id, given]];
    if (index % 4 === 3) return [];
    switch (question.answerType) {
      case 'ya_tidak':
        return [[question.id, option(index % 3 === 0 ? 'tidak' : 'ya')]];
      case 'persentase':
        return [[question.id, index % 2 === 0 ? counts(7, 9) : counts(0, 0)]];
      case 'indeks':
        return [[question.id, { kind: 'index', index: 3.1 }]];
      case 'abc':
        return [[question.id, option(['A', 'B', 'C'][index % 3]!)]];
      case 'abcd':
        return [[question.id, option(['A', 'B', 'C', 'D'][index % 4]!)]];
      case 'abcde':
        return [[question.id, option(['A', 'B', 'C', 'D', 'E'][index % 5]!)]];
    }
  }),
);

const score = (answers: LkeAnswers, priorPredicate: 'WBK' | null = 'WBK') =>
  scoreAssessment({ template, answers, priorPredicate, assessmentDate });

async function readBack(layers: WorkbookLayer[], result: AssessmentResult, title?: string) {
  const built = lkeWorkbook(template, layers, result, title ? { title } : {});
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(arrayBufferOf(await workbookBuffer(built)));
  const sheet = workbook.getWorksheet(lkeSheetName)!;
  const rowOf = new Map<string, number>();
  sheet.getColumn(codeColumnOf(layers.length)).eachCell((cell, row) => {
    if (typeof cell.value === 'string') rowOf.set(cell.value, row);
  });
  const row = (code: string) => {
    const found = rowOf.get(code);
    if (found === undefined) throw new Error(`no row ${code} in the workbook`);
    return found;
  };
  return { workbook, sheet, row, summary: workbook.getWorksheet(summarySheetName)! };
}

/** Every score the workbook carries, by row code: what the API's breakdown says each cell must show. */
function expectedScores(result: AssessmentResult): Map<string, number> {
  const expected = new Map<string, number>([
    ['pengungkit', result.pengungkit.score],
    ['hasil', result.hasil.score],
    ['total', result.total.score],
  ]);
  for (const area of result.pengungkit.areas) {
    expected.set(`area:${area.id}`, area.score);
    for (const half of halfKinds) {
      expected.set(`half:${area.id}:${half}`, area[half].score);
      for (const subArea of area[half].subAreas) expected.set(`sub:${subArea.id}`, subArea.score);
    }
  }
  for (const indicator of result.hasil.indicators) expected.set(`sub:${indicator.id}`, indicator.score);
  return expected;
}

/**
 * Evaluates the few formula forms the workbook writes (ROUND, SUM, AVERAGE, +, *, cell references and ranges) from
 * the cells read back, so the test checks the formulas themselves, not only the cached results next to them.
 */
function evaluate(sheet: ExcelJS.Worksheet, formula: string): number {
  const numberAt = (column: string, row: number): number => {
    const cell = sheet.getCell(`${column}${row}`);
    if (cell.type === ExcelJS.ValueType.Formula) return evaluate(sheet, cell.formula);
    if (typeof cell.value === 'number') return cell.value;
    throw new Error(`${column}${row} holds no number`);
  };
  const expression = formula
    .replace(/\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)/g, (_all, column: string, from: string, _to, to: string) => {
      const values: number[] = [];
      for (let row = Number(from); row <= Number(to); row++) values.push(numberAt(column, row));
      return `[${values.join(',')}]`;
    })
    .replace(/\$?([A-Z]+)\$?(\d+)/g, (all, column: string, row: string) =>
      /^(ROUND|SUM|AVERAGE)$/.test(column) ? all : String(numberAt(column, Number(row))),
    )
    .replace(/ROUND\(/g, 'round(')
    .replace(/SUM\(/g, 'sum(')
    .replace(/AVERAGE\(/g, 'avg(');
  expect(expression).toMatch(/^[\d.eE+\-*(),[\]\sroundsumavg]+$/);
  const flat = (args: (number | number[])[]) => args.flat();
  const functions = {
    round: (value: number, decimals: number) => roundTo(value, decimals),
    sum: (...args: (number | number[])[]) => flat(args).reduce((a, b) => a + b, 0),
    avg: (...args: (number | number[])[]) => flat(args).reduce((a, b) => a + b, 0) / flat(args).length,
  };
  // The expression was checked above to hold arithmetic only.
  return new Function(...Object.keys(functions), `return ${expression};`)(...Object.values(functions)) as number;
}

/** Read through `cell.formula` and `cell.result`: exceljs's `cell.value` drops a cached result of 0. */
function formulaCell(sheet: ExcelJS.Worksheet, row: number, column: number): { formula: string; result: number } {
  const cell = sheet.getCell(row, column);
  expect(cell.type).toBe(ExcelJS.ValueType.Formula);
  expect(typeof cell.result).toBe('number');
  return { formula: cell.formula, result: cell.result as number };
}

/** The whole check: every aggregate cell of a layer holds a formula whose cached result and own value are the API's. */
function expectLayerMatches(
  sheet: ExcelJS.Worksheet,
  row: (code: string) => number,
  layerIndex: number,
  result: AssessmentResult,
) {
  const expected = expectedScores(result);
  // 49 sub-areas and indicators, 12 halves, 6 areas, 2 components, the total.
  expect(expected.size).toBe(subAreasOf(template).length + 12 + 6 + 3);
  const mismatches: string[] = [];
  for (const [code, score] of expected) {
    const cell = formulaCell(sheet, row(code), valueColumnOf(layerIndex));
    const recalculated = evaluate(sheet, cell.formula);
    if (cell.result !== score || Math.abs(recalculated - score) > 1e-9) {
      mismatches.push(`${code}: cached ${cell.result}, formula ${recalculated} (${cell.formula}), API ${score}`);
    }
  }
  expect(mismatches).toEqual([]);
}

describe('the LKE workbook read back with exceljs', () => {
  it('a complete high-scoring answer set: every sub-area, half, area, component and total cell equals the scores', async () => {
    const result = score(complete);
    expect(result.predicate).toBe('WBBM');
    // IPAK and IPKP at 3.9 of 4: 17.06 each.
    expect(result.total.score).toBe(99.12);
    const { sheet, row, summary } = await readBack([{ label: 'Penilaian mandiri', answers: complete }], result);

    expectLayerMatches(sheet, row, 0, result);
    const sub = formulaCell(sheet, row('sub:mp_tim_kerja'), valueColumnOf(0));
    expect(sub.formula).toMatch(/^ROUND\(\$C\d+\*AVERAGE\([A-Z]+\d+:[A-Z]+\d+\),2\)$/);
    expect(formulaCell(sheet, row('total'), valueColumnOf(0)).formula).toMatch(/^ROUND\([A-Z]+\d+\+[A-Z]+\d+,2\)$/);

    // The weights read as the domain brief gives them.
    expect(sheet.getCell(row('pengungkit'), 3).value).toBe(60);
    expect(sheet.getCell(row('hasil'), 3).value).toBe(40);
    expect(sheet.getCell(row('total'), 3).value).toBe(100);
    expect(sheet.getCell(row('area:penguatan_pengawasan'), 3).value).toBe(15);
    expect(sheet.getCell(row('half:penguatan_pengawasan:reform'), 3).value).toBe(7.5);
    expect(sheet.getCell(row('sub:ipak'), 3).value).toBe(17.5);

    expect(summary.getCell('B7').result).toBe(99.12);
    const summaryText = summaryValues(summary);
    expect(summaryText).toContain('WBBM');
    expect(summaryText).toContain('Semua syarat terpenuhi');
  });

  it('a partial answer set across three layers: each layer column equals its own scores, the last the API result', async () => {
    const result = score(partial, null);
    expect(result.missingAnswers.length).toBeGreaterThan(20);
    expect(result.predicate).toBeNull();
    const reformPengawasan = result.failures.find((f) => f.code === 'half:penguatan_pengawasan:reform');
    expect(reformPengawasan?.message).toBe('Reform Penguatan Pengawasan 4.20 < 4.50 (kurang 0.30)');

    const layers: WorkbookLayer[] = [
      {
        label: 'Penilaian mandiri',
        answers: complete,
        notes: { mp_tim_kerja_a: 'SK ditandatangani Januari' },
        evidence: {
          mp_tim_kerja_a: [{ document: 'SK Tim Kerja', url: 'https://arsip.example.go.id/sk-tim.pdf' }],
          mp_tim_kerja_b: [
            { document: 'Notulen', url: 'https://arsip.example.go.id/notulen.pdf' },
            { document: 'Daftar riwayat hidup anggota tim', url: 'https://arsip.example.go.id/cv.pdf' },
          ],
        },
      },
      { label: 'TPI anggota', answers: { ...partial, mp_tim_kerja_a: option('ya') } },
      { label: 'TPI ketua', answers: partial, notes: { pw_lhkpn_lhkasn_a: 'Baru 29 dari 40 wajib lapor' } },
    ];
    const { sheet, row, summary } = await readBack(layers, result, 'Dinas Kesehatan');

    expectLayerMatches(sheet, row, 2, result);
    expectLayerMatches(sheet, row, 0, score(complete));
    expectLayerMatches(sheet, row, 1, score(layers[1]!.answers, null));

    // Layer headings and the question row: answer, value, note and evidence links per layer.
    expect(sheet.getCell(5, valueColumnOf(0) - 1).value).toBe('Penilaian mandiri');
    expect(sheet.getCell(5, valueColumnOf(2) - 1).value).toBe('TPI ketua');
    const lhkpn = row('q:pw_lhkpn_lhkasn_a');
    expect(sheet.getCell(lhkpn, valueColumnOf(2) - 1).value).toBe('29 / 40');
    expect(sheet.getCell(lhkpn, valueColumnOf(2)).value).toBe(0.725);
    expect(sheet.getCell(lhkpn, valueColumnOf(2) + 1).value).toBe('Baru 29 dari 40 wajib lapor');
    const tim = row('q:mp_tim_kerja_a');
    expect(sheet.getCell(tim, valueColumnOf(0) - 1).value).toBe('Ya');
    expect(sheet.getCell(tim, valueColumnOf(0) + 2).value).toEqual({
      text: 'SK Tim Kerja',
      hyperlink: 'https://arsip.example.go.id/sk-tim.pdf',
    });
    expect(String(sheet.getCell(row('q:mp_tim_kerja_b'), valueColumnOf(0) + 2).value)).toContain(
      'Notulen: https://arsip.example.go.id/notulen.pdf',
    );
    expect(String(sheet.getCell(row('q:mp_tim_kerja_b'), 4).value)).toMatch(/^A\. Anggota dipilih/);
    expect(sheet.getCell(tim, 5).value).toBe('SK Tim Kerja\nUndangan dan daftar hadir\nNotulen');
    // An unanswered question shows a blank answer worth 0.
    const missing = result.missingAnswers[0]!.questionId;
    expect(sheet.getCell(row(`q:${missing}`), valueColumnOf(2) - 1).value).toBeNull();
    expect(sheet.getCell(row(`q:${missing}`), valueColumnOf(2)).value).toBe(0);

    const summaryText = summaryValues(summary);
    expect(summaryText).toContain('Belum memenuhi syarat WBK');
    for (const failure of result.failures) expect(summaryText).toContain(failure.message);
    for (const { questionId } of result.missingAnswers) expect(summaryText).toContain(questionId);
    expect(summaryText).toContain('TPI ketua');
    expect(summaryText).toContain('Dinas Kesehatan');
  });

  it('refuses a result that does not score the last layer, and an empty list of layers', () => {
    const result = score(complete);
    expect(() => lkeWorkbook(template, [{ label: 'TPI', answers: partial }], result)).toThrow(/last layer/);
    expect(() => lkeWorkbook(template, [], result)).toThrow(/at least one layer/);
  });
});

/** exceljs types its input as an ArrayBuffer. */
const arrayBufferOf = (bytes: Buffer): ArrayBuffer => Uint8Array.from(bytes).buffer;

function summaryValues(sheet: ExcelJS.Worksheet): string {
  const texts: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const value = cell.value as unknown;
      texts.push(typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));
    }),
  );
  return texts.join('\n');
}
