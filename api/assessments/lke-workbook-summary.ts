/**
 * The workbook's summary sheet: the scores that decide (referring to the LKE sheet's cells), the predicate the unit
 * may be proposed for, every failed condition with its shortfall, and the questions still unanswered.
 */
import type ExcelJS from 'exceljs';
import { isPredicate, type AssessmentResult, type LkeTemplate } from '../../domain/lke';
import type { TotalRows } from './lke-workbook';

export interface SummaryInput {
  template: LkeTemplate;
  result: AssessmentResult;
  title?: string;
  /** Label of the layer whose values count. */
  lastLabel: string;
  /** A reference to the LKE sheet's value cell of the counting layer in a row (`LKE!H12`). */
  scoreCell: (row: number) => string;
  rows: TotalRows;
}

const scoreFormat = '0.00';

export function addSummarySheet(workbook: ExcelJS.Workbook, input: SummaryInput): void {
  const { template, result, rows } = input;
  const sheet = workbook.addWorksheet('Ringkasan');
  sheet.columns = [{ width: 34 }, { width: 48 }, { width: 10 }, { width: 10 }, { width: 12 }, { width: 70 }];

  const title = sheet.addRow([`Ringkasan penilaian LKE${input.title ? ` — ${input.title}` : ''}`]);
  title.font = { bold: true, size: 14 };
  sheet.addRow(['Templat', `${template.name} (${template.id}, versi ${template.version})`]);
  sheet.addRow(['Tanggal penilaian', result.assessmentDate]);
  sheet.addRow(['Nilai yang dihitung', input.lastLabel]);
  const figure = (label: string, row: number, value: number) => {
    const added = sheet.addRow([label, { formula: input.scoreCell(row), result: value }]);
    added.getCell(2).numFmt = scoreFormat;
    added.getCell(2).alignment = { horizontal: 'left' };
  };
  figure('Komponen pengungkit', rows.pengungkit, result.pengungkit.score);
  figure('Komponen hasil', rows.hasil, result.hasil.score);
  figure('Nilai total', rows.total, result.total.score);
  const predicate = sheet.addRow([
    'Predikat yang dapat diusulkan',
    isPredicate(result.predicate) ? result.predicate : 'Belum memenuhi syarat WBK',
  ]);
  predicate.font = { bold: true };

  sheet.addRow([]);
  sheet.addRow(['Syarat yang belum terpenuhi']).font = { bold: true };
  sheet.addRow(['Predikat', 'Syarat', 'Nilai', 'Batas', 'Kekurangan', 'Keterangan']).font = { bold: true };
  if (result.failures.length === 0) sheet.addRow(['-', 'Semua syarat terpenuhi']);
  for (const failure of result.failures) {
    const added = sheet.addRow([
      failure.predicate,
      failure.condition,
      failure.actual ?? '-',
      failure.required,
      failure.shortfall ?? '-',
      failure.message,
    ]);
    if (failure.kind === 'minimum') for (const column of [3, 4, 5]) added.getCell(column).numFmt = scoreFormat;
  }

  sheet.addRow([]);
  sheet.addRow([`Pertanyaan belum dijawab (${String(result.missingAnswers.length)}, dihitung 0)`]).font = {
    bold: true,
  };
  sheet.addRow(['Kode pertanyaan', 'Pertanyaan', 'Sub-area']).font = { bold: true };
  for (const missing of result.missingAnswers) sheet.addRow([missing.questionId, missing.text, missing.subAreaId]);
  sheet.getColumn(2).alignment = { wrapText: true, vertical: 'top' };
  sheet.getColumn(6).alignment = { wrapText: true, vertical: 'top' };
}
