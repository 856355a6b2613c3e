import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { validate } from '../validate';
import { receiveEvidence } from './evidence-upload';
import { middleware, taskController } from './task.controller';
import {
  bulkReassignResponse,
  bulkReassignSchema,
  cancelSchema,
  claimSchema,
  commentSchema,
  extendSchema,
  inboxQuery,
  reassignSchema,
  reviewSchema,
  submitSchema,
  taskFileParams,
  taskListResponse,
  taskParams,
  uploadResponse,
  uploadSchema,
} from './task.schemas';

const acted = {
  200: { description: 'Tugas setelah perubahan (keadaan alur kerja, riwayat)' },
  403: { description: 'Peran Anda di unit tugas tidak mengizinkan ini' },
  404: { description: 'Tugas tidak ditemukan (atau di luar unit Anda)' },
  409: { description: 'Tugas sudah selesai (disetujui atau dibatalkan)' },
  422: { description: 'Alur kerja tugas menolak perubahan; alasannya di `detail`' },
};

/** Tasks: inbox, get, claim, submit, files, review, reassign, comments. Mounted at /api/v1/tasks. */
export function taskOperations(context: ApiContext): Operation[] {
  const controller = taskController(context);
  return [
    {
      method: 'get',
      path: '/',
      summary: 'Kotak tugas: tugas saya atau semua tugas unit saya, tenggat terdekat lebih dahulu (halaman berkursor)',
      schema: { query: inboxQuery },
      responses: {
        200: { description: 'Satu halaman tugas; nextCursor untuk halaman berikutnya', body: taskListResponse },
        404: { description: 'Unit pada filter tidak ditemukan (atau di luar unit Anda)' },
      },
      handler: controller.inbox,
    },
    {
      method: 'post',
      path: '/bulk-reassign',
      summary: 'Mengalihkan banyak tugas sekaligus (ketua tim, Bagian Organisasi); hasil per tugas',
      schema: bulkReassignSchema,
      responses: {
        200: { description: 'Hasil per tugas', body: bulkReassignResponse },
        403: { description: 'Peran Anda tidak mengizinkan pengalihan tugas di unit mana pun' },
      },
      handler: controller.bulkReassign,
    },
    {
      method: 'get',
      path: '/:id',
      summary: 'Tugas: keadaan, riwayat, data dukung, tim, komentar dan berkas',
      schema: { params: taskParams },
      responses: {
        200: { description: 'Tugas' },
        404: { description: 'Tugas tidak ditemukan (atau di luar unit Anda)' },
      },
      handler: controller.get,
    },
    {
      method: 'post',
      path: '/:id/claim',
      summary: 'Mengambil tugas',
      schema: claimSchema,
      responses: acted,
      handler: controller.claim,
    },
    {
      method: 'post',
      path: '/:id/submit',
      summary: 'Mengirim tugas dengan data dukung (tautan https atau file:<id> dari unggahan) untuk direviu',
      schema: submitSchema,
      responses: acted,
      handler: controller.submit,
    },
    {
      method: 'post',
      path: '/:id/review',
      summary: 'Mereviu tugas: menyetujui atau meminta perbaikan (dengan catatan)',
      schema: reviewSchema,
      responses: acted,
      handler: controller.review,
    },
    {
      method: 'post',
      path: '/:id/reassign',
      summary: 'Mengalihkan tugas kepada orang lain di unit yang sama (ketua tim, Bagian Organisasi)',
      schema: reassignSchema,
      responses: acted,
      handler: controller.reassign,
    },
    {
      method: 'post',
      path: '/:id/extend',
      summary: 'Memperpanjang tenggat tugas (ketua tim, Bagian Organisasi)',
      schema: extendSchema,
      responses: acted,
      handler: controller.extend,
    },
    {
      method: 'post',
      path: '/:id/cancel',
      summary: 'Membatalkan tugas (Bagian Organisasi)',
      schema: cancelSchema,
      responses: acted,
      handler: controller.cancel,
    },
    {
      method: 'post',
      path: '/:id/comments',
      summary: 'Menambah komentar pada tugas',
      schema: commentSchema,
      responses: {
        201: { description: 'Komentar tercatat' },
        403: { description: 'Peran Anda di unit tugas tidak mengizinkan ini' },
        404: { description: 'Tugas tidak ditemukan (atau di luar unit Anda)' },
      },
      handler: controller.comment,
    },
    {
      method: 'post',
      path: '/:id/files',
      summary: 'Mengunggah berkas data dukung (pdf, png, jpeg, docx, xlsx, pptx, doc, xls, zip, txt, csv)',
      schema: uploadSchema,
      requestContentType: 'multipart/form-data',
      // The task is checked before the file is read; the form then becomes the body the schema validates.
      before: [
        validate({ params: taskParams }),
        middleware(controller.uploadTarget),
        ...receiveEvidence(() => context.config.uploads.maxBytes),
      ],
      responses: {
        201: { description: 'Berkas tersimpan; pakai `ref` sebagai data dukung saat mengirim', body: uploadResponse },
        403: {
          description:
            'Hanya yang dapat mengirim tugas ini sekarang: pengambilnya, atau penanggung jawabnya bila belum diambil ' +
            '(termasuk penggantinya)',
        },
        404: { description: 'Tugas tidak ditemukan (atau di luar unit Anda)' },
        409: { description: 'Tugas sudah selesai' },
        413: { description: 'Berkas melebihi batas ukuran' },
        415: { description: 'Jenis berkas tidak diterima (ekstensi, tipe dan isi diperiksa)' },
      },
      handler: controller.upload,
    },
    {
      method: 'get',
      path: '/:id/files/:fileId',
      summary: 'Mengunduh berkas data dukung tugas',
      schema: { params: taskFileParams },
      responses: {
        200: { description: 'Isi berkas, dengan tipe aslinya' },
        404: { description: 'Berkas tidak ditemukan pada tugas ini (atau tugas di luar unit Anda)' },
      },
      handler: controller.download,
    },
  ];
}
