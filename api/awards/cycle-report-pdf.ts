import { formatTanggal } from '../../domain/calendar';
import type { ProgressTally } from '../../domain/cycle-progress';
import { formatScore } from '../../domain/lke';
import type { CycleReportData, ReportUnit } from './cycle-report';
import { renderPdf } from './pdf';

const heading = (doc: PDFKit.PDFDocument, text: string) => {
  doc.moveDown(1).font('Helvetica-Bold').fontSize(12).fillColor('#111827').text(text, doc.page.margins.left);
  doc.moveDown(0.3).font('Helvetica').fontSize(9);
};

const tasksText = (tally: ProgressTally): string => {
  const live = tally.total - tally.byStatus.cancelled;
  return live === 0 ? '-' : `${tally.byStatus.approved}/${live} (${Math.round(tally.completion * 100)}%)`;
};

const dayText = (day: string | undefined) => (day ? formatTanggal(day) : '-');
const score = (value: number | undefined) => (value === undefined ? '-' : formatScore(value));

function predikatText(unit: ReportUnit): string {
  if (!unit.predikat) return '-';
  if (unit.predikat.predicate === null) return `Belum berpredikat (${dayText(unit.predikat.date)})`;
  return `${unit.predikat.predicate} (${dayText(unit.predikat.date)})`;
}

const headerRow = (cells: string[]) => cells.map((text) => ({ text, font: { src: 'Helvetica-Bold' } }));

/**
 * The cycle report for the pimpinan (A4): stage progress, per-unit scores and predicates, and every failed condition
 * by unit, so a reader sees what held each unit back.
 */
export function renderCycleReport(data: CycleReportData): Promise<Buffer> {
  const title = `Laporan Siklus ZI ${data.cycle.name}`;
  return renderPdf({ title, margin: 45 }, (doc) => {
    doc.font('Helvetica-Bold').fontSize(16).text('Laporan Siklus Pembangunan Zona Integritas');
    doc.font('Helvetica-Bold').fontSize(13).text(data.cycle.name);
    doc
      .font('Helvetica')
      .fontSize(10)
      .text(`Tahun ${data.cycle.year} · Status siklus: ${data.cycle.status} · Id: ${data.cycle.id}`)
      .text(`Disusun untuk ${data.reader} pada ${data.generatedAt}`);
    if (data.partial) {
      doc.text(`Laporan ini hanya memuat unit yang Anda pimpin: ${data.units.map((unit) => unit.code).join(', ')}.`);
    }

    heading(doc, '1. Kemajuan tahap');
    doc.table({
      columnStyles: [110, 120, 60, 85, 55, '*'],
      data: [
        headerRow(['Tahap', 'Jendela', 'Status', 'Tugas disetujui', 'Terlambat', 'Unit terlambat saat ditutup']),
        ...data.stages.map((stage) => [
          stage.label,
          stage.opens ? `${dayText(stage.opens)} – ${dayText(stage.due)}` : '-',
          stage.status,
          tasksText(stage.tally),
          String(stage.tally.overdue),
          stage.lateUnits.join(', ') || '-',
        ]),
        headerRow(['Seluruh tahap', '', '', tasksText(data.overall), String(data.overall.overdue), '']),
      ],
    });

    heading(doc, '2. Nilai dan predikat per unit');
    if (data.units.length === 0) {
      doc.text('Tidak ada unit dalam laporan ini.');
    } else {
      doc.table({
        columnStyles: [115, 68, 68, 40, 58, 36, 44, '*'],
        data: [
          headerRow(['Unit', 'Posisi', 'Penilaian', 'Nilai total', 'Pengungkit', 'Hasil', 'Layak', 'Predikat']),
          ...data.units.map((unit) => [
            `${unit.name} (${unit.code})`,
            `${unit.position}; tugas ${tasksText(unit.tally)}`,
            unit.assessment?.phase ?? 'Belum dinilai',
            score(unit.assessment?.total),
            score(unit.assessment?.pengungkit),
            score(unit.assessment?.hasil),
            unit.assessment ? (unit.assessment.eligible ?? 'Belum') : '-',
            predikatText(unit),
          ]),
        ],
      });
    }

    heading(doc, '3. Syarat yang tidak terpenuhi');
    for (const unit of data.units) {
      doc.font('Helvetica-Bold').fontSize(10).text(`${unit.name} (${unit.code})`);
      doc.font('Helvetica').fontSize(9);
      const assessment = unit.assessment;
      if (!assessment || assessment.total === undefined) {
        doc.text('Belum ada nilai.', { indent: 12 });
      } else if (assessment.failures.length === 0) {
        doc.text('Semua syarat WBK dan WBBM terpenuhi.', { indent: 12 });
      } else {
        for (const failure of assessment.failures) {
          doc.text(`• ${failure.predicate}: ${failure.message}`, { indent: 12 });
        }
      }
      if (assessment && assessment.missingAnswers > 0) {
        doc.text(`${assessment.missingAnswers} pertanyaan belum dijawab (dihitung 0).`, { indent: 12 });
      }
      doc.moveDown(0.5);
    }
  });
}
