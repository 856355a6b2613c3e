import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { receiveEvidence } from '../tasks/evidence-upload';
import { middleware } from '../tasks/task.controller';
import { validate } from '../validate';
import { assessmentProcessController } from './assessment-process.controller';
import {
  approveProposalSchema,
  assessmentFileParams,
  assessmentListBody,
  assessmentParams,
  assessmentUploadBody,
  assessmentUploadSchema,
  assessmentViewBody,
  completeLayerSchema,
  getAssessmentSchema,
  layerAnswerSchema,
  listAssessmentsSchema,
  questionAnswerBody,
  recordProposalSchema,
  recordTpnSchema,
  submitAssessmentSchema,
  unitAnswerSchema,
} from './assessment-process.schemas';

const unseen = { 404: { description: 'Penilaian tidak ditemukan (atau unitnya di luar unit Anda)' } };
const stepped = {
  200: { description: 'Penilaian setelah perubahan', body: assessmentViewBody },
  403: { description: 'Peran Anda di unit ini tidak mengizinkan ini' },
  ...unseen,
  409: { description: 'Penilaian sudah selesai' },
  422: {
    description: 'Alur penilaian menolak perubahan (tahap, lapis atau peran tidak sesuai); alasannya di `detail`',
  },
};
const answered = {
  200: { description: 'Jawaban tersimpan, dengan nilainya', body: questionAnswerBody },
  400: { description: 'Jawaban tidak sesuai jenis jawaban pertanyaan, pertanyaan atau dokumen tidak ada di templat' },
  403: { description: 'Peran Anda di unit ini tidak mengizinkan ini' },
  ...unseen,
  409: { description: 'Tahap penilaian tidak mengizinkan jawaban ini sekarang' },
};

/**
 * The penilaian of each unit: penilaian mandiri, TPI layers with tindak lanjut, the proposal and TPN's results.
 * Mounted at /api/v1/assessments, after the template and preview operations.
 */
export function assessmentProcessOperations(context: ApiContext): Operation[] {
  const controller = assessmentProcessController(context);
  return [
    {
      method: 'get',
      path: '/',
      summary:
        'Penilaian unit pada satu siklus (semua unit bagi Bagian Organisasi dan pengamat, unit sendiri bagi yang ' +
        'lain): tahap, nilai akhir, predikat yang dapat diusulkan dan syarat yang tidak terpenuhi',
      schema: listAssessmentsSchema,
      responses: { 200: { description: 'Daftar penilaian', body: assessmentListBody }, ...unseen },
      handler: controller.list,
    },
    {
      method: 'get',
      path: '/:cycleId/:unitCode',
      summary:
        'Penilaian satu unit: jawaban setiap lapis, data dukung, kemajuan per area (terjawab/total, data dukung ' +
        'lengkap), pratinjau nilai lapis yang sedang bekerja (pertanyaan yang belum dijawab disebut), tindak lanjut, ' +
        'usulan, hasil TPN dan predikat',
      schema: getAssessmentSchema,
      responses: { 200: { description: 'Penilaian', body: assessmentViewBody }, ...unseen },
      handler: controller.get,
    },
    {
      method: 'get',
      path: '/:cycleId/:unitCode/workbook',
      summary:
        'Lembar kerja LKE unit (xlsx): jawaban, nilai dan catatan setiap lapis sampai lapis yang sedang bekerja, ' +
        'tautan data dukung unit, dan nilai berupa rumus yang hasilnya sama dengan nilai penilaian',
      schema: getAssessmentSchema,
      responses: {
        200: {
          description:
            'Berkas application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (Content-Disposition: attachment)',
        },
        ...unseen,
      },
      handler: controller.workbook,
    },
    {
      method: 'put',
      path: '/:cycleId/:unitCode/answers/:questionId',
      summary:
        'Jawaban unit atas satu pertanyaan LKE, dengan catatan dan data dukung per dokumen wajib (tim kerja dan ' +
        'pimpinan unit; pada penilaian mandiri, atau pada tindak lanjut untuk pertanyaan yang dikembalikan TPI)',
      schema: unitAnswerSchema,
      responses: answered,
      handler: controller.answerAsUnit,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/submit',
      summary:
        'Mengirim penilaian mandiri untuk dievaluasi TPI (ketua tim); ditolak bila ada jawaban atau data dukung yang kurang',
      schema: submitAssessmentSchema,
      responses: {
        ...stepped,
        422: {
          description:
            'Penilaian mandiri belum lengkap (setiap pertanyaan yang belum dijawab dan dokumen yang belum dilampirkan ' +
            'disebut di `errors`), atau alur penilaian menolak (bukan ketua tim, sudah dikirim)',
        },
      },
      handler: controller.submit,
    },
    {
      method: 'put',
      path: '/:cycleId/:unitCode/layers/:layer/answers/:questionId',
      summary:
        'Jawaban dan catatan lapis penilai TPI atas satu pertanyaan, selama lapis itu menilai (penilai unit); ' +
        'pertanyaan yang tidak dijawab lapis ini mengikuti jawaban lapis sebelumnya',
      schema: layerAnswerSchema,
      responses: answered,
      handler: controller.answerAsLayer,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/layers/:layer/complete',
      summary:
        'Lapis penilai TPI selesai: meneruskan ke lapis berikutnya (atau ke nilai akhir setelah lapis terakhir), atau ' +
        'mengembalikan pertanyaan kepada unit untuk tindak lanjut dengan tenggat (menjadi tugas ketua tim yang ' +
        'diingatkan dan dieskalasi seperti tugas lain)',
      schema: completeLayerSchema,
      responses: stepped,
      handler: controller.completeLayer,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/proposal/approve',
      summary: 'Persetujuan pimpinan unit atas usulan unit yang memenuhi syarat',
      schema: approveProposalSchema,
      responses: stepped,
      handler: controller.approveProposal,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/proposal',
      summary:
        'Pencatatan usulan ke KemenPAN-RB (Bagian Organisasi): tanggal pengiriman dan dokumen (surat pengantar, ' +
        'SPTJM, LKE hasil evaluasi TPI), paling lambat batas waktu usulan siklus',
      schema: recordProposalSchema,
      responses: stepped,
      handler: controller.recordProposal,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/tpn',
      summary:
        'Pencatatan hasil TPN per tahap, berurutan: pra-evaluasi, desk, lapangan (Bagian Organisasi); tidak lulus ' +
        'mengakhiri penilaian',
      schema: recordTpnSchema,
      responses: stepped,
      handler: controller.recordTpn,
    },
    {
      method: 'post',
      path: '/:cycleId/:unitCode/files',
      summary:
        'Mengunggah berkas data dukung penilaian (tim kerja dan pimpinan unit; Bagian Organisasi untuk dokumen usulan); ' +
        'pakai `ref` (file:<id>) pada jawaban atau usulan',
      schema: assessmentUploadSchema,
      requestContentType: 'multipart/form-data',
      // The assessment is checked before the file is read; the form then becomes the body the schema validates.
      before: [
        validate({ params: assessmentParams }),
        middleware(controller.uploadTarget),
        ...receiveEvidence(() => context.config.uploads.maxBytes),
      ],
      responses: {
        201: { description: 'Berkas tersimpan', body: assessmentUploadBody },
        403: { description: 'Peran Anda di unit ini tidak mengizinkan unggahan' },
        ...unseen,
        409: { description: 'Penilaian sudah selesai' },
        413: { description: 'Berkas melebihi batas ukuran' },
        415: { description: 'Jenis berkas tidak diterima (ekstensi, tipe dan isi diperiksa)' },
      },
      handler: controller.upload,
    },
    {
      method: 'get',
      path: '/:cycleId/:unitCode/files',
      summary: 'Berkas data dukung yang diunggah ke penilaian unit: nama, dokumen, pengunggah, ukuran, waktu',
      schema: { params: assessmentParams },
      responses: { 200: { description: 'Berkas-berkas, terlama lebih dahulu' }, ...unseen },
      handler: controller.files,
    },
    {
      method: 'get',
      path: '/:cycleId/:unitCode/files/:fileId',
      summary: 'Mengunduh berkas data dukung penilaian',
      schema: { params: assessmentFileParams },
      responses: { 200: { description: 'Isi berkas, dengan tipe aslinya' }, ...unseen },
      handler: controller.download,
    },
  ];
}
