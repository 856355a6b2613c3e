import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { awardController } from './award.controller';
import {
  cycleParams,
  cycleUnitParams,
  predicateHistoryBody,
  predikatResultBody,
  recommendationsBody,
  recordPredikatSchema,
  revokeSchema,
  unitParams,
} from './award.schemas';

const pdf = (description: string) => ({
  description: `${description} (application/pdf, Content-Disposition: attachment)`,
});

/** Penghargaan: predikat, certificates, the cycle report, revocation and carried recommendations. Mounted at /api/v1/awards. */
export function awardOperations(context: ApiContext): Operation[] {
  const controller = awardController(context);
  return [
    // Unit routes first: `/units/<code>` must never be read as `/<cycleId>/recommendations`.
    {
      method: 'get',
      path: '/units/:unitCode',
      summary:
        'Riwayat predikat unit: predikat yang dipegang sekarang, penetapan per siklus, pencabutan, dan sejak kapan ' +
        'unit boleh diusulkan kembali (2 tahun setelah pencabutan)',
      schema: unitParams,
      responses: {
        200: { description: 'Riwayat predikat', body: predicateHistoryBody },
        404: { description: 'Unit tidak ditemukan' },
      },
      handler: controller.history,
    },
    {
      method: 'post',
      path: '/units/:unitCode/revoke',
      summary:
        'Mencabut predikat unit (Bagian Organisasi) dengan tanggal dan alasan: tercatat di riwayat dan jejak audit, ' +
        'diumumkan ke pimpinan, ketua tim dan Bagian Organisasi, pemantauan dihentikan. Unit tidak dapat diusulkan ' +
        'kembali selama 2 tahun. Mengulang pencabutan yang sama tidak mengubah apa pun',
      schema: revokeSchema,
      responses: {
        200: { description: 'Riwayat predikat setelah pencabutan', body: predicateHistoryBody },
        403: { description: 'Hanya Bagian Organisasi yang dapat mencabut predikat' },
        404: { description: 'Unit tidak ditemukan' },
        409: { description: 'Unit tidak sedang memegang predikat' },
        422: { description: 'Tanggal pencabutan mendahului penetapan predikat' },
      },
      handler: controller.revoke,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/predikat',
      summary:
        'Mencatat predikat unit pada siklus (WBK, WBBM, atau null bila tidak memperoleh predikat; Bagian Organisasi): ' +
        'dicatat di proses penilaian dan riwayat predikat unit, diumumkan lewat email ke pimpinan, ketua tim dan ' +
        'Bagian Organisasi, dan unit berpredikat mendapat pemantauan TPI berkala (bawaan: setiap 3 bulan selama ' +
        'setahun). Mengulang permintaan yang sama tidak mencatat dua kali',
      schema: recordPredikatSchema,
      responses: {
        200: { description: 'Predikat tercatat', body: predikatResultBody },
        403: { description: 'Hanya Bagian Organisasi yang dapat mencatat predikat' },
        404: { description: 'Siklus, unit atau penilaiannya tidak ditemukan' },
        409: { description: 'Predikat lain sudah dicatat untuk unit pada siklus ini, atau penilaian sudah berakhir' },
        422: {
          description:
            'Ditolak: penilaian belum menunggu predikat (hasil evaluasi lapangan TPN), atau unit masih dalam masa ' +
            'larangan 2 tahun setelah pencabutan; alasannya di `detail`',
        },
      },
      handler: controller.recordPredikat,
    },
    {
      method: 'get',
      path: '/:cycleId/:unitCode/certificate.pdf',
      summary: 'Piagam predikat unit pada siklus (PDF): nama unit, predikat, tahun siklus dan tanggal penetapan',
      schema: cycleUnitParams,
      responses: {
        200: pdf('Piagam'),
        404: { description: 'Unit tidak memperoleh predikat pada siklus ini (atau predikatnya dicabut)' },
      },
      handler: controller.certificate,
    },
    {
      method: 'get',
      path: '/cycles/:cycleId/report.pdf',
      summary:
        'Laporan siklus untuk pimpinan (PDF): kemajuan tahap, nilai dan predikat per unit, syarat yang tidak ' +
        'terpenuhi. Bagian Organisasi dan pengamat melihat semua unit; pimpinan hanya unit yang dipimpinnya',
      schema: cycleParams,
      responses: {
        200: pdf('Laporan siklus'),
        403: { description: 'Peran Anda di unit siklus ini tidak mencakup laporan (hanya pimpinan)' },
        404: { description: 'Siklus tidak ditemukan' },
      },
      handler: controller.report,
    },
    {
      method: 'get',
      path: '/:cycleId/recommendations',
      summary:
        'Rekomendasi yang dibawa ke siklus berikutnya oleh unit tanpa predikat: syarat predikat yang tidak terpenuhi ' +
        'beserta kekurangannya, catatan TPI per pertanyaan, dan catatan TPN — terbatas pada unit yang boleh Anda lihat',
      schema: cycleParams,
      responses: {
        200: { description: 'Rekomendasi per unit', body: recommendationsBody },
        404: { description: 'Siklus tidak ditemukan' },
      },
      handler: controller.recommendations,
    },
  ];
}
