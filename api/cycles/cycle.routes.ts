import type { ApiContext } from '../context';
import type { Operation } from '../operation';
import { cycleController } from './cycle.controller';
import {
  addUnitSchema,
  advanceCycleSchema,
  advanceUnitSchema,
  cancelCycleSchema,
  cycleIdParams,
  extendStageSchema,
  launchCycleSchema,
  listCyclesSchema,
  withdrawUnitSchema,
} from './cycle.schemas';

const steered = {
  200: { description: 'Keadaan siklus setelah perubahan' },
  403: { description: 'Hanya Bagian Organisasi yang dapat mengarahkan siklus' },
  404: { description: 'Siklus tidak ditemukan' },
  409: { description: 'Siklus sudah berakhir' },
  422: { description: 'Siklus menolak perubahan; alasannya di `detail`' },
};

/** Cycles: launch, read, and Bagian Organisasi's steering. Mounted at /api/v1/cycles. */
export function cycleOperations(context: ApiContext): Operation[] {
  const controller = cycleController(context);
  return [
    {
      method: 'post',
      path: '/',
      summary:
        'Meluncurkan siklus (jadwal, katalog, kebijakan pengingat, hari libur: bawaan bila tidak diisi). Unit cukup ' +
        'disebut kodenya ({code}) bila terdaftar di zona siklus dengan email pimpinan; {code, name, head} dipakai apa ' +
        'adanya; unit yang tidak dapat dilengkapi dijawab 400 yang menyebut kolomnya (body.units.N.code/head)',
      schema: launchCycleSchema,
      responses: {
        202: { description: 'Siklus sedang diluncurkan; Location menunjuk ke siklus' },
        403: { description: 'Hanya Bagian Organisasi yang dapat meluncurkan siklus' },
      },
      handler: controller.launch,
    },
    {
      method: 'post',
      path: '/preview',
      summary: 'Pratinjau peluncuran: jadwal tahap, tugas dengan tenggat hari kerja, jumlah tugas dan email pertama',
      schema: launchCycleSchema,
      responses: {
        200: { description: 'Apa yang akan terjadi; tidak ada yang dimulai' },
        403: { description: 'Hanya Bagian Organisasi yang dapat meluncurkan siklus' },
      },
      handler: controller.preview,
    },
    {
      method: 'get',
      path: '/',
      summary: 'Siklus yang memuat unit Anda (semua siklus bagi Bagian Organisasi dan pengamat), terbaru lebih dahulu',
      schema: listCyclesSchema,
      responses: { 200: { description: 'Siklus-siklus' } },
      handler: controller.list,
    },
    {
      method: 'get',
      path: '/:id',
      summary:
        'Siklus: tahap dan jendelanya, unit dan tahapnya, kemajuan tugas per tahap, unit dan area (jumlah per status, ' +
        'terlambat, tingkat eskalasi) — terbatas pada unit yang boleh Anda lihat',
      schema: cycleIdParams,
      responses: { 200: { description: 'Siklus' }, 404: { description: 'Siklus tidak ditemukan' } },
      handler: controller.get,
    },
    {
      method: 'get',
      path: '/:id/monev',
      summary:
        'Hasil monev per periode: capaian tugas wajib tiap unit dibanding rencana dan unit yang tertinggal — terbatas ' +
        'pada unit yang boleh Anda lihat',
      schema: cycleIdParams,
      responses: {
        200: { description: 'Hasil monev, periode terlama lebih dahulu' },
        404: { description: 'Siklus tidak ditemukan' },
      },
      handler: controller.monev,
    },
    {
      method: 'get',
      path: '/:id/tasks',
      summary: 'Tugas siklus di unit yang boleh Anda lihat, tenggat terdekat lebih dahulu',
      schema: cycleIdParams,
      responses: { 200: { description: 'Tugas-tugas' }, 404: { description: 'Siklus tidak ditemukan' } },
      handler: controller.tasks,
    },
    {
      method: 'post',
      path: '/:id/advance',
      summary: 'Membuka tahap berikutnya sekarang',
      schema: advanceCycleSchema,
      responses: steered,
      handler: controller.advance,
    },
    {
      method: 'post',
      path: '/:id/stages/:stage/extend',
      summary: 'Memperpanjang tenggat tahap; tugas tahap itu ikut',
      schema: extendStageSchema,
      responses: steered,
      handler: controller.extendStage,
    },
    {
      method: 'post',
      path: '/:id/units',
      summary: 'Menambah unit ke siklus yang berjalan; {code} saja memakai unit terdaftar, seperti saat peluncuran',
      schema: addUnitSchema,
      responses: steered,
      handler: controller.addUnit,
    },
    {
      method: 'post',
      path: '/:id/units/:code/advance',
      summary: 'Memindahkan unit melewati tahapnya; tugas yang belum selesai dibatalkan',
      schema: advanceUnitSchema,
      responses: steered,
      handler: controller.advanceUnit,
    },
    {
      method: 'post',
      path: '/:id/units/:code/withdraw',
      summary: 'Menarik unit dari siklus; tugas yang belum selesai dibatalkan',
      schema: withdrawUnitSchema,
      responses: steered,
      handler: controller.withdrawUnit,
    },
    {
      method: 'post',
      path: '/:id/cancel',
      summary: 'Membatalkan siklus',
      schema: cancelCycleSchema,
      responses: steered,
      handler: controller.cancel,
    },
  ];
}
