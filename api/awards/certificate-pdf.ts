import { predicateNames } from '../../domain/awards';
import { formatTanggal } from '../../domain/calendar';
import type { IsoDate } from '../../domain/calendar';
import type { Predicate } from '../../domain/lke';
import { renderPdf } from './pdf';

export interface CertificateData {
  unit: { code: string; name: string };
  predicate: Predicate;
  cycle: { id: string; name: string; year: number };
  /** The day the predikat was set. */
  date: IsoDate;
}

/** `ZI/2026/DISDUKCAPIL/WBK`: one certificate per unit, cycle and predicate. */
export const certificateNumber = (data: CertificateData): string =>
  `ZI/${data.cycle.year}/${data.unit.code}/${data.predicate}`;

/** The piagam of one awarded unit: A4 landscape, framed, in Bahasa Indonesia. */
export function renderCertificate(data: CertificateData): Promise<Buffer> {
  const title = `Piagam Predikat ${data.predicate} — ${data.unit.name}`;
  return renderPdf({ title, layout: 'landscape', margin: 60 }, (doc) => {
    const { width, height } = doc.page;
    doc
      .lineWidth(3)
      .strokeColor('#7a5c00')
      .rect(25, 25, width - 50, height - 50)
      .stroke();
    doc
      .lineWidth(1)
      .rect(33, 33, width - 66, height - 66)
      .stroke();
    const line = (text: string, size: number, font = 'Helvetica', gap = 0.4) => {
      doc.font(font).fontSize(size).fillColor('#1f2937').text(text, { align: 'center' });
      doc.moveDown(gap);
    };
    doc.y = 90;
    line('PIAGAM PENGHARGAAN', 32, 'Helvetica-Bold', 0.2);
    line(`Nomor: ${certificateNumber(data)}`, 11, 'Helvetica', 2);
    line('Diberikan kepada', 14, 'Helvetica', 0.6);
    line(data.unit.name, 26, 'Helvetica-Bold', 0.1);
    line(`(${data.unit.code})`, 12, 'Helvetica', 1.6);
    line('atas keberhasilannya meraih predikat', 14, 'Helvetica', 0.6);
    line(`${predicateNames[data.predicate].toUpperCase()} (${data.predicate})`, 22, 'Helvetica-Bold', 1.4);
    line(`dalam Pembangunan Zona Integritas Tahun ${data.cycle.year}`, 14, 'Helvetica', 0.2);
    line(`Siklus: ${data.cycle.name}`, 11, 'Helvetica', 2);
    line(`Ditetapkan pada tanggal ${formatTanggal(data.date)}`, 13);
    doc
      .font('Helvetica-Oblique')
      .fontSize(9)
      .fillColor('#6b7280')
      .text('Diterbitkan oleh Bagian Organisasi melalui ZI Orchestrator.', 60, height - 80, {
        align: 'center',
        width: width - 120,
      });
  });
}
