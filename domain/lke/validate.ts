/**
 * Readable checks of an LKE template. Templates are edited by administrators and stored as JSON, so every field is
 * checked at run time even where the type already promises it. Messages are in Bahasa Indonesia and name the area,
 * sub-area or question concerned, with the sums found.
 */
import { areaNames, isAreaCode } from '../areas';
import { formatScore, sum } from './numbers';
import {
  choiceAnswerTypes,
  choiceOptionCodes,
  halfKinds,
  halfLabels,
  isAnswerType,
  lkeTotalWeight,
  predicates,
  type LkeArea,
  type LkeHasilIndicator,
  type LkeQuestion,
  type LkeSubArea,
  type LkeTemplate,
  type LkeTemplateIssue,
  type PredicateThresholds,
} from './types';

/** Ids end up in answer documents and API paths. */
export const lkeIdPattern = /^[a-z0-9_]+$/;
export const minTemplateYear = 2000;
export const maxTemplateYear = 2100;
/** More decimals than the spreadsheet ever used can only be a typo. */
export const maxSubAreaDecimals = 6;
/** Used for weight sums when the template's own tolerance is unusable. */
const fallbackTolerance = 1e-9;

type Report = (path: string, message: string) => void;

/** Every problem in the template; an empty list means it can be used for scoring. */
export function validateTemplate(template: LkeTemplate): LkeTemplateIssue[] {
  const issues: LkeTemplateIssue[] = [];
  const report: Report = (path, message) => issues.push({ path, message });
  if (!isObject(template)) {
    report('', 'templat harus berupa objek');
    return issues;
  }
  checkHeader(template, report);
  const tolerance = checkSettings(template, report);
  const ids = new IdRegistry(report);
  checkComponents(template, tolerance, ids, report);
  checkThresholds(template, report);
  checkEligibility(template, report);
  return issues;
}

/** Whether the template can be used for scoring. */
export function isValidTemplate(template: LkeTemplate): boolean {
  return validateTemplate(template).length === 0;
}

function checkHeader(template: LkeTemplate, report: Report): void {
  if (!isFilledText(template.id)) report('id', 'id templat wajib diisi');
  if (!isFilledText(template.name)) report('name', 'nama templat wajib diisi');
  if (!isFilledText(template.version)) report('version', 'versi templat wajib diisi');
  if (!isIntegerBetween(template.year, minTemplateYear, maxTemplateYear)) {
    report('year', `tahun ${String(template.year)} tidak valid (bilangan bulat ${minTemplateYear}–${maxTemplateYear})`);
  }
}

/** Checks scoring settings and returns the tolerance to use for weight sums. */
function checkSettings(template: LkeTemplate, report: Report): number {
  if (!isObject(template.choiceValues)) {
    report('choiceValues', 'nilai pilihan jawaban wajib diisi');
  } else {
    for (const type of choiceAnswerTypes) {
      const values: unknown = template.choiceValues[type];
      const codes = choiceOptionCodes[type];
      if (!Array.isArray(values) || values.length !== codes.length || !values.every(isUnitInterval)) {
        report(`choiceValues.${type}`, `nilai ${type} harus ${codes.length} bilangan 0–1 untuk ${codes.join('/')}`);
      }
    }
  }

  if (!isObject(template.conversion) || !isPositive(template.conversion.indexMax)) {
    report('conversion.indexMax', 'nilai maksimum indeks harus bilangan positif');
  }

  const decimals: unknown = template.rounding?.subAreaDecimals;
  const decimalsValid = isIntegerBetween(decimals, 0, maxSubAreaDecimals);
  if (!decimalsValid) {
    report('rounding.subAreaDecimals', `jumlah desimal pembulatan harus bilangan bulat 0–${maxSubAreaDecimals}`);
  }

  // Half a rounding step or more would let the tolerance decide comparisons the rounding already settled.
  const toleranceLimit = decimalsValid ? 0.5 * 10 ** -decimals : 0.005;
  const toleranceValid =
    isFiniteNumber(template.tolerance) && template.tolerance >= 0 && template.tolerance < toleranceLimit;
  if (!toleranceValid) {
    report('tolerance', `toleransi harus bilangan ≥ 0 dan < ${toleranceLimit}`);
  }

  const percentage = template.percentage;
  if (!isObject(percentage)) {
    report('percentage', 'pengaturan persentase wajib diisi');
  } else {
    if (!isUnitInterval(percentage.min) || !isUnitInterval(percentage.max) || percentage.min > percentage.max) {
      report('percentage', 'batas persentase harus 0 ≤ min ≤ max ≤ 1');
    }
    if (!isUnitInterval(percentage.zeroDenominatorValue)) {
      report('percentage.zeroDenominatorValue', 'nilai untuk penyebut 0 harus bilangan 0–1');
    }
  }
  return toleranceValid ? template.tolerance : fallbackTolerance;
}

function checkComponents(template: LkeTemplate, tolerance: number, ids: IdRegistry, report: Report): void {
  const components = template.components;
  if (!isObject(components) || !isObject(components.pengungkit) || !isObject(components.hasil)) {
    report('components', 'komponen pengungkit dan hasil wajib diisi');
    return;
  }
  const { pengungkit, hasil } = components;
  const equal = (a: number, b: number) => Math.abs(a - b) <= tolerance;

  if (!isPositive(pengungkit.weight)) report('components.pengungkit.weight', 'bobot komponen pengungkit harus positif');
  if (!isNonEmptyList(pengungkit.areas)) {
    report('components.pengungkit.areas', 'komponen pengungkit belum memiliki area');
  } else {
    const seenAreas = new Set<string>();
    pengungkit.areas.forEach((area, index) => {
      const path = `components.pengungkit.areas.${index}`;
      if (isAreaCode(area.id) && seenAreas.has(area.id)) {
        report(`${path}.id`, `Area ${areaNames[area.id]} muncul lebih dari sekali`);
      }
      seenAreas.add(area.id);
      checkArea(area, path, equal, ids, report);
    });
    const areaTotal = sum(pengungkit.areas.map((area) => (isFiniteNumber(area.weight) ? area.weight : 0)));
    if (isPositive(pengungkit.weight) && !equal(areaTotal, pengungkit.weight)) {
      report(
        'components.pengungkit',
        `Komponen pengungkit: jumlah bobot area ${formatScore(areaTotal)}, seharusnya ${formatScore(pengungkit.weight)}`,
      );
    }
  }

  if (!isPositive(hasil.weight)) report('components.hasil.weight', 'bobot komponen hasil harus positif');
  if (!isNonEmptyList(hasil.indicators)) {
    report('components.hasil.indicators', 'komponen hasil belum memiliki indikator');
  } else {
    hasil.indicators.forEach((indicator, index) =>
      checkHasilIndicator(indicator, `components.hasil.indicators.${index}`, ids, report),
    );
    const indicatorTotal = sum(
      hasil.indicators.map((indicator) => (isFiniteNumber(indicator.weight) ? indicator.weight : 0)),
    );
    if (isPositive(hasil.weight) && !equal(indicatorTotal, hasil.weight)) {
      report(
        'components.hasil',
        `Komponen hasil: jumlah bobot indikator ${formatScore(indicatorTotal)}, seharusnya ${formatScore(hasil.weight)}`,
      );
    }
  }

  if (
    isPositive(pengungkit.weight) &&
    isPositive(hasil.weight) &&
    !equal(pengungkit.weight + hasil.weight, lkeTotalWeight)
  ) {
    report(
      'components',
      `Jumlah bobot komponen pengungkit (${formatScore(pengungkit.weight)}) dan hasil (${formatScore(hasil.weight)}) ` +
        `${formatScore(pengungkit.weight + hasil.weight)}, seharusnya ${lkeTotalWeight}`,
    );
  }
}

function checkArea(
  area: LkeArea,
  path: string,
  equal: (a: number, b: number) => boolean,
  ids: IdRegistry,
  report: Report,
): void {
  if (!isAreaCode(area.id)) report(`${path}.id`, `area ${JSON.stringify(area.id)} tidak dikenal`);
  const label = `Area ${isFilledText(area.name) ? area.name : String(area.id)}`;
  if (!isFilledText(area.name)) report(`${path}.name`, `${label}: nama area wajib diisi`);
  if (!isPositive(area.weight)) report(`${path}.weight`, `${label}: bobot area harus bilangan positif`);

  const halfTotals: number[] = [];
  for (const half of halfKinds) {
    if (!isNonEmptyList(area[half]?.subAreas)) {
      report(`${path}.${half}`, `${label}: bagian ${halfLabels[half]} belum memiliki sub-area`);
      halfTotals.push(0);
      continue;
    }
    area[half].subAreas.forEach((subArea, index) =>
      checkSubArea(subArea, `${path}.${half}.subAreas.${index}`, ids, report),
    );
    halfTotals.push(sum(area[half].subAreas.map((subArea) => (isFiniteNumber(subArea.weight) ? subArea.weight : 0))));
  }

  const [pemenuhanTotal = 0, reformTotal = 0] = halfTotals;
  const total = pemenuhanTotal + reformTotal;
  if (isPositive(area.weight) && !equal(total, area.weight)) {
    report(
      `${path}.weight`,
      `${label}: jumlah bobot sub-area ${formatScore(total)}, seharusnya ${formatScore(area.weight)} ` +
        `(pemenuhan ${formatScore(pemenuhanTotal)}, reform ${formatScore(reformTotal)})`,
    );
  }
  if (!equal(pemenuhanTotal, reformTotal)) {
    report(
      path,
      `${label}: bobot pemenuhan ${formatScore(pemenuhanTotal)} tidak sama dengan bobot reform ${formatScore(reformTotal)}`,
    );
  }
}

function checkHasilIndicator(indicator: LkeHasilIndicator, path: string, ids: IdRegistry, report: Report): void {
  checkSubArea(indicator, path, ids, report);
  if (!isFilledText(indicator.group))
    report(`${path}.group`, `Indikator ${indicator.name}: kelompok sasaran wajib diisi`);
}

function checkSubArea(subArea: LkeSubArea, path: string, ids: IdRegistry, report: Report): void {
  if (!isObject(subArea)) {
    report(path, 'sub-area harus berupa objek');
    return;
  }
  ids.subArea(subArea.id, `${path}.id`);
  const label = `Sub-area ${isFilledText(subArea.name) ? subArea.name : String(subArea.id)}`;
  if (!isFilledText(subArea.name)) report(`${path}.name`, `${label}: nama sub-area wajib diisi`);
  if (!isPositive(subArea.weight)) report(`${path}.weight`, `${label}: bobot harus bilangan positif`);
  if (!isNonEmptyList(subArea.questions)) {
    report(`${path}.questions`, `${label}: belum memiliki pertanyaan`);
    return;
  }
  subArea.questions.forEach((question, index) => checkQuestion(question, `${path}.questions.${index}`, ids, report));
}

function checkQuestion(question: LkeQuestion, path: string, ids: IdRegistry, report: Report): void {
  if (!isObject(question)) {
    report(path, 'pertanyaan harus berupa objek');
    return;
  }
  ids.question(question.id, `${path}.id`);
  const label = `Pertanyaan ${String(question.id)}`;
  if (!isFilledText(question.text)) report(`${path}.text`, `${label}: teks pertanyaan wajib diisi`);
  checkEvidence(question.requiredEvidence, `${path}.requiredEvidence`, label, report);

  const answerType: unknown = question.answerType;
  if (!isAnswerType(answerType)) {
    report(`${path}.answerType`, `${label}: jenis jawaban ${JSON.stringify(answerType)} tidak dikenal`);
    return;
  }
  switch (question.answerType) {
    case 'ya_tidak':
    case 'abc':
    case 'abcd':
    case 'abcde':
      checkOptions(question.options, choiceOptionCodes[question.answerType], `${path}.options`, label, report);
      break;
    case 'persentase':
      if (!isFilledText(question.numeratorLabel))
        report(`${path}.numeratorLabel`, `${label}: label pembilang wajib diisi`);
      if (!isFilledText(question.denominatorLabel)) {
        report(`${path}.denominatorLabel`, `${label}: label penyebut wajib diisi`);
      }
      if (question.zeroDenominatorValue !== undefined && !isUnitInterval(question.zeroDenominatorValue)) {
        report(`${path}.zeroDenominatorValue`, `${label}: nilai untuk penyebut 0 harus bilangan 0–1`);
      }
      break;
    case 'indeks':
      break;
  }
}

function checkOptions(options: unknown, codes: readonly string[], path: string, label: string, report: Report): void {
  const valid =
    Array.isArray(options) &&
    options.length === codes.length &&
    options.every((option: unknown, index) => isRecord(option) && option.code === codes[index]);
  if (!valid) {
    report(path, `${label}: pilihan jawaban harus ${codes.join(', ')} berurutan`);
    return;
  }
  (options as { code: string; label: unknown }[]).forEach((option, index) => {
    if (!isFilledText(option.label))
      report(`${path}.${index}.label`, `${label}: keterangan pilihan ${option.code} wajib diisi`);
  });
}

function checkEvidence(evidence: unknown, path: string, label: string, report: Report): void {
  if (!Array.isArray(evidence)) {
    report(path, `${label}: daftar data dukung harus berupa larik`);
    return;
  }
  const seen = new Set<string>();
  evidence.forEach((document: unknown, index) => {
    if (!isFilledText(document)) report(`${path}.${index}`, `${label}: nama dokumen data dukung wajib diisi`);
    else if (seen.has(document))
      report(`${path}.${index}`, `${label}: dokumen "${document}" tercantum lebih dari sekali`);
    else seen.add(document);
  });
}

function checkThresholds(template: LkeTemplate, report: Report): void {
  if (!isObject(template.thresholds)) {
    report('thresholds', 'ambang predikat wajib diisi');
    return;
  }
  // Without a readable hasil component, minimums cannot be matched to indicators; that problem is reported already.
  const indicatorWeights = isNonEmptyList(template.components?.hasil?.indicators)
    ? new Map(template.components.hasil.indicators.map((indicator) => [indicator.id, indicator.weight]))
    : undefined;

  for (const predicate of predicates) {
    const thresholds: unknown = template.thresholds[predicate];
    const path = `thresholds.${predicate}`;
    if (!isObject(thresholds)) {
      report(path, `ambang ${predicate} wajib diisi`);
      continue;
    }
    const { halfMinShare, totalMinimum, hasilMinimums } = thresholds as unknown as PredicateThresholds;
    if (!isUnitInterval(halfMinShare)) {
      report(`${path}.halfMinShare`, `ambang ${predicate} per bagian area harus bilangan 0–1 (proporsi bobot)`);
    }
    if (!isFiniteNumber(totalMinimum) || totalMinimum < 0 || totalMinimum > lkeTotalWeight) {
      report(`${path}.totalMinimum`, `ambang nilai total ${predicate} harus bilangan 0–${lkeTotalWeight}`);
    }
    if (!isObject(hasilMinimums)) {
      report(`${path}.hasilMinimums`, `ambang komponen hasil ${predicate} wajib diisi`);
      continue;
    }
    for (const [indicatorId, minimum] of Object.entries(hasilMinimums)) {
      if (!indicatorWeights) break;
      const weight = indicatorWeights.get(indicatorId);
      if (weight === undefined) {
        report(
          `${path}.hasilMinimums.${indicatorId}`,
          `ambang ${predicate}: indikator hasil "${indicatorId}" tidak ada`,
        );
      } else if (!isFiniteNumber(minimum) || minimum < 0 || minimum > weight) {
        report(
          `${path}.hasilMinimums.${indicatorId}`,
          `ambang ${predicate} untuk "${indicatorId}" harus bilangan 0–${formatScore(weight)} (bobot indikator)`,
        );
      }
    }
  }
  checkWbbmNotBelowWbk(template.thresholds.WBK, template.thresholds.WBBM, report);
}

/** WBBM is the higher predicate: a WBBM minimum below the WBK one is a typo that would invert the predicates. */
function checkWbbmNotBelowWbk(wbk: PredicateThresholds, wbbm: PredicateThresholds, report: Report): void {
  if (!isObject(wbk) || !isObject(wbbm)) return;
  const below = (path: string, what: string, wbkValue: unknown, wbbmValue: unknown) => {
    if (isFiniteNumber(wbkValue) && (!isFiniteNumber(wbbmValue) || wbbmValue < wbkValue)) {
      report(path, `ambang WBBM untuk ${what} tidak boleh lebih rendah dari ambang WBK (${String(wbkValue)})`);
    }
  };
  below('thresholds.WBBM.halfMinShare', 'bagian area', wbk.halfMinShare, wbbm.halfMinShare);
  below('thresholds.WBBM.totalMinimum', 'nilai total', wbk.totalMinimum, wbbm.totalMinimum);
  if (isObject(wbk.hasilMinimums) && isObject(wbbm.hasilMinimums)) {
    for (const [indicatorId, minimum] of Object.entries(wbk.hasilMinimums)) {
      below(
        `thresholds.WBBM.hasilMinimums.${indicatorId}`,
        `"${indicatorId}"`,
        minimum,
        wbbm.hasilMinimums[indicatorId],
      );
    }
  }
}

function checkEligibility(template: LkeTemplate, report: Report): void {
  const eligibility = template.eligibility;
  if (!isObject(eligibility)) {
    report('eligibility', 'ketentuan kelayakan usulan wajib diisi');
    return;
  }
  if (typeof eligibility.wbbmRequiresPriorWbk !== 'boolean') {
    report('eligibility.wbbmRequiresPriorWbk', 'wbbmRequiresPriorWbk harus bernilai true atau false');
  }
  if (!isIntegerBetween(eligibility.revocationBarYears, 0, Number.MAX_SAFE_INTEGER)) {
    report('eligibility.revocationBarYears', 'masa larangan setelah pencabutan harus bilangan bulat tahun ≥ 0');
  }
}

/** Ids must be well formed and unique: sub-areas with hasil indicators, questions among questions. */
class IdRegistry {
  private readonly subAreaIds = new Set<string>();
  private readonly questionIds = new Set<string>();

  constructor(private readonly report: Report) {}

  subArea(id: unknown, path: string): void {
    this.register(id, path, this.subAreaIds, 'sub-area');
  }

  question(id: unknown, path: string): void {
    this.register(id, path, this.questionIds, 'pertanyaan');
  }

  private register(id: unknown, path: string, seen: Set<string>, what: string): void {
    if (typeof id !== 'string' || !lkeIdPattern.test(id)) {
      this.report(path, `id ${what} ${JSON.stringify(id)} hanya boleh berisi huruf kecil, angka dan _`);
    } else if (seen.has(id)) {
      this.report(path, `id ${what} "${id}" dipakai lebih dari sekali`);
    } else {
      seen.add(id);
    }
  }
}

/** For values typed by the template: checks without narrowing, so the declared type keeps guiding the code. */
function isObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks without narrowing: `Array.isArray` would turn a typed readonly array into `any[]`. */
function isNonEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0;
}

/** For values of unknown shape (array items, JSON records). */
function isRecord(value: unknown): value is Record<string, unknown> {
  return isObject(value);
}

function isIntegerBetween(value: unknown, min: number, max: number): value is number {
  return Number.isInteger(value) && (value as number) >= min && (value as number) <= max;
}

function isFilledText(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPositive(value: unknown): value is number {
  return isFiniteNumber(value) && value > 0;
}

function isUnitInterval(value: unknown): value is number {
  return isFiniteNumber(value) && value >= 0 && value <= 1;
}
