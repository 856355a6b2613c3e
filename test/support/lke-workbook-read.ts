import ExcelJS from 'exceljs';
import { lkeSheetName, valueColumnOf } from '../../api/assessments/lke-workbook';
import { halfKinds, roundTo, type AssessmentResult, type SubAreaScore } from '../../domain/lke';

/**
 * Reads an LKE workbook (xlsx) back with exceljs, the way a person opening it would see it: its layers (column
 * groups), every row by its machine code (`total`, `area:<id>`, `half:<area>:<half>`, `sub:<id>`, `q:<id>`…), and
 * each score cell both as stored (the cached result) and as recalculated from its formula over the sheet's own cells.
 */
export interface LkeWorkbookReadBack {
  sheet: ExcelJS.Worksheet;
  /** The layers' headings, in order (e.g. "Penilaian mandiri unit", "TPI anggota", …). */
  layers: string[];
  row(code: string): number;
  /** A layer's value (Nilai) cell of a row. `recalculated` equals `cached` for plain values. */
  value(code: string, layer: number): { cached: number; recalculated: number; formula?: string };
  /** A layer's note (Catatan) of a question, if any. */
  note(questionId: string, layer: number): string | undefined;
}

export async function readLkeWorkbook(content: Buffer): Promise<LkeWorkbookReadBack> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Uint8Array.from(content).buffer);
  const sheet = workbook.getWorksheet(lkeSheetName);
  if (!sheet) throw new Error(`the workbook has no sheet "${lkeSheetName}"`);

  // Row 6 names the columns; the last one, "Kode", holds each row's code. Row 5 heads each layer's column group.
  let codeColumn = 0;
  sheet.getRow(6).eachCell((cell, column) => {
    if (cell.value === 'Kode') codeColumn = column;
  });
  if (codeColumn === 0) throw new Error('the LKE sheet has no "Kode" column');
  const layers: string[] = [];
  for (let layer = 0; valueColumnOf(layer) < codeColumn; layer++) {
    layers.push(String(sheet.getCell(5, valueColumnOf(layer) - 1).value));
  }
  const rows = new Map<string, number>();
  sheet.getColumn(codeColumn).eachCell((cell, row) => {
    if (typeof cell.value === 'string' && row > 6) rows.set(cell.value, row);
  });
  const row = (code: string): number => {
    const found = rows.get(code);
    if (found === undefined) throw new Error(`no row ${code} in the workbook`);
    return found;
  };
  const evaluator = new FormulaEvaluator(sheet);

  return {
    sheet,
    layers,
    row,
    value(code, layer) {
      const cell = sheet.getCell(row(code), valueColumnOf(layer));
      if (cell.type === ExcelJS.ValueType.Formula) {
        // `cell.result`, not `cell.value`: exceljs's value drops a cached result of 0.
        if (typeof cell.result !== 'number') throw new Error(`${cell.address} (${code}) has no cached number`);
        return { cached: cell.result, recalculated: evaluator.cell(cell.address), formula: cell.formula };
      }
      if (typeof cell.value !== 'number') throw new Error(`${cell.address} (${code}) holds no number`);
      return { cached: cell.value, recalculated: cell.value };
    },
    note(questionId, layer) {
      const value = sheet.getCell(row(`q:${questionId}`), valueColumnOf(layer) + 1).value;
      return typeof value === 'string' ? value : undefined;
    },
  };
}

/** Every figure of a result by workbook row code: questions' values, sub-areas, halves, areas, components, total. */
export function scoresByCode(result: AssessmentResult): Map<string, number> {
  const scores = new Map<string, number>([
    ['pengungkit', result.pengungkit.score],
    ['hasil', result.hasil.score],
    ['total', result.total.score],
  ]);
  const subArea = (sub: SubAreaScore) => {
    scores.set(`sub:${sub.id}`, sub.score);
    for (const question of sub.questions) scores.set(`q:${question.questionId}`, question.value);
  };
  for (const area of result.pengungkit.areas) {
    scores.set(`area:${area.id}`, area.score);
    for (const half of halfKinds) {
      scores.set(`half:${area.id}:${half}`, area[half].score);
      area[half].subAreas.forEach(subArea);
    }
  }
  result.hasil.indicators.forEach(subArea);
  return scores;
}

/**
 * Where a layer's column of the workbook differs from a result: every row whose cached figure or recalculated formula
 * is not the result's, and every figure of the result the workbook lacks. Empty when they agree.
 */
export function workbookMismatches(readBack: LkeWorkbookReadBack, layer: number, result: AssessmentResult): string[] {
  const mismatches: string[] = [];
  for (const [code, expected] of scoresByCode(result)) {
    try {
      const { cached, recalculated, formula } = readBack.value(code, layer);
      if (cached !== expected || Math.abs(recalculated - expected) > 1e-9) {
        mismatches.push(
          `${code}: cached ${cached}, recalculated ${recalculated} (${formula ?? 'value'}), API ${expected}`,
        );
      }
    } catch (error) {
      mismatches.push(`${code}: ${(error as Error).message}`);
    }
  }
  return mismatches;
}

type Operand = number | number[];

/**
 * Recalculates the formula forms the workbook writes — ROUND, SUM, AVERAGE, + - * /, cell references (with or
 * without `$`) and ranges — from the sheet's cells, as a spreadsheet would on opening. ROUND rounds half away from
 * zero at the spreadsheet's 15 significant digits (the domain's `roundTo`). Anything else is refused loudly.
 */
class FormulaEvaluator {
  private readonly memo = new Map<string, number>();

  constructor(private readonly sheet: ExcelJS.Worksheet) {}

  /** The number a cell shows: its formula recalculated, or its value; undefined for an empty cell. */
  cell(address: string): number {
    const value = this.optionalCell(address);
    if (value === undefined) throw new Error(`${address} is empty`);
    return value;
  }

  private optionalCell(address: string): number | undefined {
    const known = this.memo.get(address);
    if (known !== undefined) return known;
    const cell = this.sheet.getCell(address);
    let value: number | undefined;
    if (cell.type === ExcelJS.ValueType.Formula) value = this.evaluate(cell.formula, address);
    else if (typeof cell.value === 'number') value = cell.value;
    else if (cell.value === null || cell.value === undefined) value = undefined;
    else throw new Error(`${address} holds ${JSON.stringify(cell.value)}, not a number`);
    if (value !== undefined) this.memo.set(address, value);
    return value;
  }

  private evaluate(formula: string, at: string): number {
    const tokens = formula.match(
      /\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?|[A-Z]+(?=\()|\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|[-+*/(),]|\S/g,
    );
    if (!tokens) throw new Error(`${at}: empty formula`);
    let position = 0;
    const peek = () => tokens[position];
    const take = (expected?: string) => {
      const token = tokens[position++];
      if (token === undefined || (expected !== undefined && token !== expected)) {
        throw new Error(`${at}: "${formula}": expected ${expected ?? 'more'} at token ${position}, found ${token}`);
      }
      return token;
    };
    const isReference = (token: string | undefined) => token !== undefined && /^\$?[A-Z]+\$?\d+/.test(token);

    const expression = (): number => {
      let value = term();
      while (peek() === '+' || peek() === '-') value = take() === '+' ? value + term() : value - term();
      return value;
    };
    const term = (): number => {
      let value = unary();
      while (peek() === '*' || peek() === '/') value = take() === '*' ? value * unary() : value / unary();
      return value;
    };
    const unary = (): number => (peek() === '-' ? (take(), -unary()) : primary());
    const primary = (): number => {
      const token = take();
      if (token === '(') {
        const value = expression();
        take(')');
        return value;
      }
      if (/^\d/.test(token)) return Number(token);
      if (isReference(token)) {
        if (token.includes(':')) throw new Error(`${at}: a range (${token}) outside a function`);
        return this.cell(token.replaceAll('$', ''));
      }
      if (/^[A-Z]+$/.test(token)) return call(token);
      throw new Error(`${at}: unexpected "${token}" in "${formula}"`);
    };
    const argument = (): Operand => {
      const token = peek();
      if (isReference(token) && token!.includes(':')) {
        take();
        return this.range(token!.replaceAll('$', ''));
      }
      return expression();
    };
    const call = (name: string): number => {
      take('(');
      const args: Operand[] = [];
      if (peek() !== ')') {
        args.push(argument());
        while (peek() === ',') {
          take(',');
          args.push(argument());
        }
      }
      take(')');
      const numbers = args.flat();
      switch (name) {
        case 'ROUND': {
          const [value, decimals] = args;
          if (typeof value !== 'number' || typeof decimals !== 'number' || args.length !== 2) {
            throw new Error(`${at}: ROUND takes a number and the decimals`);
          }
          return roundTo(value, decimals);
        }
        case 'SUM':
          return numbers.reduce((total, value) => total + value, 0);
        case 'AVERAGE':
          if (numbers.length === 0) throw new Error(`${at}: AVERAGE of nothing`);
          return numbers.reduce((total, value) => total + value, 0) / numbers.length;
        default:
          throw new Error(`${at}: function ${name} is not one the workbook writes`);
      }
    };

    const value = expression();
    if (position !== tokens.length) throw new Error(`${at}: "${formula}" has more after token ${position}`);
    return value;
  }

  /** The numbers of a one-column range; empty cells are skipped, as AVERAGE and SUM skip them. */
  private range(range: string): number[] {
    const [from, to] = range.split(':') as [string, string];
    const [, column, first] = /^([A-Z]+)(\d+)$/.exec(from)!;
    const [, lastColumn, last] = /^([A-Z]+)(\d+)$/.exec(to)!;
    if (column !== lastColumn) throw new Error(`range ${range} spans columns`);
    const values: number[] = [];
    for (let row = Number(first); row <= Number(last); row++) {
      const value = this.optionalCell(`${column}${row}`);
      if (value !== undefined) values.push(value);
    }
    return values;
  }
}
