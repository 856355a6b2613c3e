/**
 * The LKE workbook (xlsx) in the shape TPI and units know from the spreadsheet: component, area, half, sub-area and
 * question rows with weights, answer options and required evidence, then per review layer its answer, value, note
 * and evidence links. Every score cell is a formula (ROUND(weight × AVERAGE(values)), ROUND(SUM(…))) carrying the
 * domain's figure as its cached result, so the file shows the API's scores as opened and recalculates to the same.
 * Pure apart from the library: no clock, no I/O; the penilaian workflow builds one per unit with the same function.
 */
import ExcelJS from 'exceljs';
import {
  halfKinds,
  halfLabels,
  scoreAssessment,
  subAreasOf,
  type AreaScore,
  type AssessmentResult,
  type HalfKind,
  type HalfScore,
  type LkeAnswers,
  type LkeArea,
  type LkeQuestion,
  type LkeSubArea,
  type LkeTemplate,
  type QuestionScore,
  type SubAreaScore,
} from '../../domain/lke';
import { answerText, optionsText } from './lke-workbook-text';
import { addSummarySheet } from './lke-workbook-summary';

export interface EvidenceLink {
  /** The required document it answers for, or any label. */
  readonly document: string;
  readonly url: string;
}

/** One reviewer's pass over the LKE (penilaian mandiri, TPI anggota, ketua, pengendali teknis). */
export interface WorkbookLayer {
  readonly label: string;
  readonly answers: LkeAnswers;
  /** Per question id. */
  readonly notes?: Readonly<Record<string, string>>;
  /** Per question id. */
  readonly evidence?: Readonly<Record<string, readonly EvidenceLink[]>>;
}

export interface WorkbookOptions {
  /** Printed in the heading, e.g. the unit's name. */
  readonly title?: string;
}

export const lkeSheetName = 'LKE';
export const summarySheetName = 'Ringkasan';
export const xlsxContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Columns before the layers: No, Uraian, Bobot, Pilihan jawaban, Data dukung wajib. */
const fixedColumns = 5;
const weightColumn = 3;
/** Per layer: Jawaban, Nilai, Catatan, Tautan data dukung. */
const layerColumns = 4;
const headingRows = { title: 1, template: 2, date: 3, layers: 5, columns: 6 };
const firstDataRow = 7;

/** Column of a layer's value (Nilai) cell, 0-based layer index. */
export const valueColumnOf = (layerIndex: number): number => fixedColumns + layerIndex * layerColumns + 2;
/** Last column: the stable code of each row (`sub:<id>`, `q:<id>`, `area:<id>`, `total`…), for machines. */
export const codeColumnOf = (layerCount: number): number => fixedColumns + layerCount * layerColumns + 1;

/**
 * Builds the workbook. `result` scores the last layer's answers (the last layer's values count, as in the LKE);
 * earlier layers are scored here the same way, on the same assessment date.
 */
export function lkeWorkbook(
  template: LkeTemplate,
  layers: readonly WorkbookLayer[],
  result: AssessmentResult,
  options: WorkbookOptions = {},
): ExcelJS.Workbook {
  const last = layers.at(-1);
  if (!last) throw new Error('lkeWorkbook: at least one layer is needed');
  if (result.templateId !== template.id || result.templateVersion !== template.version) {
    throw new Error(`lkeWorkbook: the result scores ${result.templateId} ${result.templateVersion}, not this template`);
  }
  const scored = layers.map((layer, index) =>
    index === layers.length - 1
      ? figuresOf(result)
      : figuresOf(scoreAssessment({ template, answers: layer.answers, assessmentDate: result.assessmentDate })),
  );
  assertResultMatches(template, last, result);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'ZI Orchestrator';
  // The assessment date, not the clock, in the document properties: the file says what it assesses.
  workbook.created = new Date(`${result.assessmentDate}T00:00:00Z`);
  workbook.modified = workbook.created;

  const sheet = workbook.addWorksheet(lkeSheetName, {
    views: [{ state: 'frozen', xSplit: 2, ySplit: headingRows.columns }],
  });
  const writer = new LkeSheetWriter(sheet, template, layers, scored);
  writer.writeHeading(options.title, result.assessmentDate);
  const cells = writer.writeBody();
  addSummarySheet(workbook, {
    template,
    result,
    title: options.title,
    lastLabel: last.label,
    scoreCell: (row) => `${lkeSheetName}!${sheet.getColumn(valueColumnOf(layers.length - 1)).letter}${row}`,
    rows: cells,
  });
  return workbook;
}

/** The workbook as bytes, for a download or an email attachment. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Rows of the totals, for the summary sheet to refer to. */
export interface TotalRows {
  pengungkit: number;
  hasil: number;
  total: number;
}

/** A result's figures by id, to fill a layer's column. */
interface LayerFigures {
  result: AssessmentResult;
  subAreas: Map<string, SubAreaScore>;
  questions: Map<string, QuestionScore>;
  halves: Map<string, HalfScore>;
  areas: Map<string, AreaScore>;
}

function figuresOf(result: AssessmentResult): LayerFigures {
  const subAreas = new Map<string, SubAreaScore>();
  const halves = new Map<string, HalfScore>();
  for (const area of result.pengungkit.areas) {
    for (const half of halfKinds) {
      halves.set(`${area.id}:${half}`, area[half]);
      for (const subArea of area[half].subAreas) subAreas.set(subArea.id, subArea);
    }
  }
  for (const indicator of result.hasil.indicators) subAreas.set(indicator.id, indicator);
  const questions = new Map(
    [...subAreas.values()].flatMap((subArea) => subArea.questions.map((question) => [question.questionId, question])),
  );
  return { result, subAreas, questions, halves, areas: new Map(result.pengungkit.areas.map((a) => [a.id, a])) };
}

/** A result that is not the last layer's would put figures in the file that its own formulas contradict. */
function assertResultMatches(template: LkeTemplate, last: WorkbookLayer, result: AssessmentResult): void {
  const rescored = scoreAssessment({ template, answers: last.answers, assessmentDate: result.assessmentDate });
  const values = (scoredResult: AssessmentResult) => {
    const { subAreas } = figuresOf(scoredResult);
    return JSON.stringify(subAreasOf(template).map(({ subArea }) => subAreas.get(subArea.id)?.questions));
  };
  if (values(rescored) !== values(result)) {
    throw new Error("lkeWorkbook: the result does not score the last layer's answers");
  }
}

type RowKind = 'component' | 'area' | 'half' | 'subArea' | 'question' | 'group' | 'total';

const fills: Partial<Record<RowKind, string>> = {
  component: 'FF1F4E79',
  total: 'FF1F4E79',
  area: 'FFBDD7EE',
  half: 'FFDDEBF7',
  subArea: 'FFF2F2F2',
  group: 'FFF2F2F2',
};
const scoreFormat = '0.00';
const roman = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];
const letter = (index: number) => String.fromCharCode(97 + (index % 26)) + (index >= 26 ? String(index) : '');

/** Writes the LKE sheet top-down; aggregate rows get their formulas once their children's rows are known. */
class LkeSheetWriter {
  private row = firstDataRow;
  private readonly decimals: number;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    private readonly template: LkeTemplate,
    private readonly layers: readonly WorkbookLayer[],
    private readonly scored: readonly LayerFigures[],
  ) {
    this.decimals = template.rounding.subAreaDecimals;
  }

  writeHeading(title: string | undefined, assessmentDate: string): void {
    const { sheet, template, layers } = this;
    sheet.getCell(headingRows.title, 1).value = `Lembar Kerja Evaluasi Zona Integritas${title ? ` — ${title}` : ''}`;
    sheet.getCell(headingRows.title, 1).font = { bold: true, size: 14 };
    sheet.getCell(headingRows.template, 1).value =
      `Templat: ${template.name} (${template.id}, versi ${template.version}, tahun ${String(template.year)})`;
    sheet.getCell(headingRows.date, 1).value = `Tanggal penilaian: ${assessmentDate}`;

    const heads = ['No', 'Uraian', 'Bobot', 'Pilihan jawaban', 'Data dukung wajib'];
    heads.forEach((head, index) => (sheet.getCell(headingRows.columns, index + 1).value = head));
    layers.forEach((layer, index) => {
      const first = fixedColumns + index * layerColumns + 1;
      sheet.mergeCells(headingRows.layers, first, headingRows.layers, first + layerColumns - 1);
      sheet.getCell(headingRows.layers, first).value = layer.label;
      ['Jawaban', 'Nilai', 'Catatan', 'Tautan data dukung'].forEach(
        (head, offset) => (sheet.getCell(headingRows.columns, first + offset).value = head),
      );
    });
    sheet.getCell(headingRows.columns, codeColumnOf(layers.length)).value = 'Kode';
    for (const rowNumber of [headingRows.layers, headingRows.columns]) {
      const row = sheet.getRow(rowNumber);
      row.font = { bold: true };
      row.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    }

    const widths = [6, 60, 8, 45, 35];
    widths.forEach((width, index) => (sheet.getColumn(index + 1).width = width));
    layers.forEach((_layer, index) => {
      const first = fixedColumns + index * layerColumns + 1;
      [12, 9, 30, 35].forEach((width, offset) => (sheet.getColumn(first + offset).width = width));
    });
    sheet.getColumn(codeColumnOf(layers.length)).width = 30;
  }

  writeBody(): TotalRows {
    const { pengungkit, hasil } = this.template.components;
    const pengungkitRow = this.aggregateRow('component', 'A', 'KOMPONEN PENGUNGKIT', pengungkit.weight, 'pengungkit');
    const areaRows = pengungkit.areas.map((area, index) => this.writeArea(area, index));
    this.setFormulas(
      pengungkitRow,
      (column) => this.sumOf(column, areaRows),
      (layer) => layer.result.pengungkit.score,
    );

    const hasilRow = this.aggregateRow('component', 'B', 'KOMPONEN HASIL', hasil.weight, 'hasil');
    const indicatorRows: number[] = [];
    let group: string | undefined;
    hasil.indicators.forEach((indicator, index) => {
      if (indicator.group !== group) {
        group = indicator.group;
        this.aggregateRow('group', '', group, undefined, '');
      }
      indicatorRows.push(this.writeSubArea(indicator, String(index + 1), 1));
    });
    this.setFormulas(
      hasilRow,
      (column) => this.sumOf(column, indicatorRows),
      (layer) => layer.result.hasil.score,
    );

    const totalRow = this.aggregateRow(
      'total',
      '',
      'NILAI TOTAL',
      this.template.components.pengungkit.weight + hasil.weight,
      'total',
    );
    this.setFormulas(
      totalRow,
      (column) => `ROUND(${column}${pengungkitRow}+${column}${hasilRow},${this.decimals})`,
      (layer) => layer.result.total.score,
    );
    return { pengungkit: pengungkitRow, hasil: hasilRow, total: totalRow };
  }

  private writeArea(area: LkeArea, index: number): number {
    const areaRow = this.aggregateRow(
      'area',
      roman[index] ?? String(index + 1),
      area.name,
      area.weight,
      `area:${area.id}`,
    );
    let number = 0;
    const halfRows = halfKinds.map((half: HalfKind) => {
      const subAreas = area[half].subAreas;
      const weight = subAreas.reduce((total, subArea) => total + subArea.weight, 0);
      const halfRow = this.aggregateRow('half', '', halfLabels[half], weight, `half:${area.id}:${half}`);
      const subRows = subAreas.map((subArea) => this.writeSubArea(subArea, String(++number), 2));
      this.setFormulas(
        halfRow,
        (column) => this.sumOf(column, subRows),
        (layer) => required(layer.halves.get(`${area.id}:${half}`), `half ${area.id}:${half}`).score,
      );
      return halfRow;
    });
    this.setFormulas(
      areaRow,
      (column) => `ROUND(${halfRows.map((row) => `${column}${row}`).join('+')},${this.decimals})`,
      (layer) => required(layer.areas.get(area.id), `area ${area.id}`).score,
    );
    return areaRow;
  }

  private writeSubArea(subArea: LkeSubArea, number: string, depth: number): number {
    const subRow = this.aggregateRow('subArea', number, subArea.name, subArea.weight, `sub:${subArea.id}`, depth);
    const first = this.row;
    subArea.questions.forEach((question, index) => this.writeQuestion(question, letter(index), depth + 1));
    const lastRow = this.row - 1;
    const weightCell = `$${this.sheet.getColumn(weightColumn).letter}${subRow}`;
    this.setFormulas(
      subRow,
      (column) => `ROUND(${weightCell}*AVERAGE(${column}${first}:${column}${lastRow}),${this.decimals})`,
      (layer) => required(layer.subAreas.get(subArea.id), `sub-area ${subArea.id}`).score,
    );
    return subRow;
  }

  private writeQuestion(question: LkeQuestion, number: string, depth: number): void {
    const row = this.sheet.getRow(this.row++);
    row.getCell(1).value = number;
    row.getCell(2).value = question.text;
    row.getCell(2).alignment = { wrapText: true, vertical: 'top', indent: depth };
    row.getCell(4).value = optionsText(this.template, question);
    row.getCell(5).value = question.requiredEvidence.join('\n');
    this.layers.forEach((layer, index) => {
      const first = fixedColumns + index * layerColumns + 1;
      const figures = required(this.scored[index], `layer ${index}`);
      const scoredQuestion = required(figures.questions.get(question.id), `question ${question.id}`);
      // Blank cells stay empty (not empty strings), as a hand-filled sheet would be.
      const answer = answerText(question, layer.answers[question.id]);
      if (answer) row.getCell(first).value = answer;
      row.getCell(first + 1).value = scoredQuestion.value;
      row.getCell(first + 1).numFmt = scoreFormat;
      const note = layer.notes?.[question.id];
      if (note) row.getCell(first + 2).value = note;
      const links = evidenceValue(layer.evidence?.[question.id]);
      if (links) row.getCell(first + 3).value = links;
    });
    row.getCell(codeColumnOf(this.layers.length)).value = `q:${question.id}`;
    for (const column of [4, 5]) row.getCell(column).alignment = { wrapText: true, vertical: 'top' };
    this.layers.forEach((_layer, index) => {
      const first = fixedColumns + index * layerColumns + 1;
      for (const offset of [2, 3]) row.getCell(first + offset).alignment = { wrapText: true, vertical: 'top' };
    });
  }

  /** A heading row with a weight; its score cells are filled by `setFormulas` once its children are written. */
  private aggregateRow(
    kind: RowKind,
    number: string,
    name: string,
    weight: number | undefined,
    code: string,
    depth = kind === 'half' ? 1 : 0,
  ): number {
    const rowNumber = this.row++;
    const row = this.sheet.getRow(rowNumber);
    row.getCell(1).value = number;
    row.getCell(2).value = name;
    row.getCell(2).alignment = { indent: depth, wrapText: true };
    if (weight !== undefined) {
      row.getCell(weightColumn).value = weight;
      row.getCell(weightColumn).numFmt = '0.00';
    }
    if (code) row.getCell(codeColumnOf(this.layers.length)).value = code;
    const dark = kind === 'component' || kind === 'total';
    row.font = { bold: kind !== 'subArea', ...(dark ? { color: { argb: 'FFFFFFFF' } } : {}) };
    const fill = fills[kind];
    if (fill) {
      for (let column = 1; column <= codeColumnOf(this.layers.length); column++) {
        row.getCell(column).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
      }
    }
    return rowNumber;
  }

  /** Each layer's value cell of the row: the formula, and the domain's figure as its cached result. */
  private setFormulas(
    rowNumber: number,
    formula: (column: string) => string,
    figure: (layer: LayerFigures) => number,
  ): void {
    this.scored.forEach((layer, index) => {
      const cell = this.sheet.getCell(rowNumber, valueColumnOf(index));
      cell.value = { formula: formula(this.sheet.getColumn(valueColumnOf(index)).letter), result: figure(layer) };
      cell.numFmt = scoreFormat;
    });
  }

  private sumOf(column: string, rows: readonly number[]): string {
    return `ROUND(SUM(${rows.map((row) => `${column}${row}`).join(',')}),${this.decimals})`;
  }
}

/** One link is a clickable cell; several are listed one per line (a cell holds one hyperlink). */
function evidenceValue(links: readonly EvidenceLink[] | undefined): ExcelJS.CellValue | undefined {
  if (!links || links.length === 0) return undefined;
  const [only] = links;
  if (links.length === 1 && only) return { text: only.document, hyperlink: only.url };
  return links.map((link) => `${link.document}: ${link.url}`).join('\n');
}

function required<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`lkeWorkbook: ${what} missing from the scores`);
  return value;
}
