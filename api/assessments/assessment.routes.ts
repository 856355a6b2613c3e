import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { assessmentProcessOperations } from './assessment-process.routes';
import { assessmentController } from './assessment.controller';
import {
  assessmentResultBody,
  publishTemplateSchema,
  scoreSchema,
  templateListBody,
  templateParams,
  templateViewBody,
  workbookSchema,
} from './assessment.schemas';

const badAnswers = {
  400: {
    description:
      'Isian tidak valid; jawaban untuk pertanyaan yang tidak ada di templat atau berbentuk salah untuk jenis ' +
      'jawabannya disebut per pertanyaan (`body.answers.<idPertanyaan>`)',
  },
  422: { description: 'Templat LKE tidak ditemukan (`body.templateId`)' },
};

/**
 * LKE templates, score previews and the LKE workbook, then each unit's penilaian (assessment-process.routes.ts).
 * Mounted at /api/v1/assessments; the template paths come first, so `/templates/:id` is never read as a unit's path.
 */
export function assessmentOperations(context: ApiContext): Operation[] {
  const controller = assessmentController(context);
  return [
    {
      method: 'get',
      path: '/templates',
      summary: 'Templat LKE yang tersedia (bawaan dan yang diterbitkan), tahun terbaru lebih dahulu',
      responses: { 200: { description: 'Daftar templat tanpa isinya', body: templateListBody } },
      handler: controller.listTemplates,
    },
    {
      method: 'get',
      path: '/templates/:id',
      summary: 'Satu templat LKE lengkap: area, sub-area, pertanyaan, bobot, ambang WBK/WBBM dan konversi indeks',
      schema: templateParams,
      responses: {
        200: { description: 'Templat', body: templateViewBody },
        404: { description: 'Templat tidak ditemukan' },
      },
      handler: controller.getTemplate,
    },
    {
      method: 'post',
      path: '/templates',
      summary:
        'Menerbitkan templat LKE baru (Bagian Organisasi), mis. untuk tahun berikutnya. Bobot harus pas ' +
        '(pengungkit 60 + hasil 40 = 100, pemenuhan = reform, sub-area = area). Templat tidak dapat diubah ' +
        'setelah terbit: perbaikan diterbitkan sebagai versi baru dengan id lain',
      schema: publishTemplateSchema,
      responses: {
        201: { description: 'Templat terbit; Location menunjuk ke templat', body: templateViewBody },
        400: { description: 'Templat tidak valid; setiap kolom yang salah disebut (mis. bobot yang tidak pas)' },
        403: { description: 'Hanya Bagian Organisasi yang dapat menerbitkan templat' },
        409: { description: 'Id templat sudah dipakai (templat tidak dapat diubah)' },
      },
      handler: controller.publishTemplate,
    },
    {
      method: 'post',
      path: '/score',
      summary:
        'Pratinjau nilai LKE dari jawaban: setiap sub-area, bagian, area, komponen dan total, predikat yang dapat ' +
        'diusulkan (WBBM, WBK atau belum), setiap syarat yang tidak terpenuhi beserta kekurangannya, dan ' +
        'pertanyaan yang belum dijawab (dihitung 0). Tidak menyimpan apa pun',
      schema: scoreSchema,
      responses: { 200: { description: 'Rincian nilai', body: assessmentResultBody }, ...badAnswers },
      handler: controller.score,
    },
    {
      method: 'post',
      path: '/workbook',
      summary:
        'Lembar kerja LKE (xlsx): baris area, sub-area dan pertanyaan dengan bobot, pilihan jawaban, jawaban dan ' +
        'nilai setiap lapis penilai, catatan dan tautan data dukung; nilai sub-area, area dan total berupa rumus ' +
        'yang hasilnya sama dengan POST /assessments/score. Tidak menyimpan apa pun',
      schema: workbookSchema,
      responses: {
        200: {
          description:
            'Berkas application/vnd.openxmlformats-officedocument.spreadsheetml.sheet (Content-Disposition: attachment)',
        },
        ...badAnswers,
      },
      handler: controller.workbook,
    },
    ...assessmentProcessOperations(context),
  ];
}
