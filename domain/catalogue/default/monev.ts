/**
 * Monev: continuous monitoring with the unit head so ZI is not a one-time formality. One template is one task
 * per unit; the monthly rhythm lives in the task's description and evidence, not in a recurrence rule.
 */
import type { TaskTemplate } from '../types';

export const monevTemplates: readonly TaskTemplate[] = [
  {
    key: 'laporan_kemajuan_bulanan',
    title: 'Laporan kemajuan bulanan pembangunan ZI',
    description:
      'Menyampaikan laporan kemajuan rencana aksi setiap bulan selama tahap monev: capaian per area, ' +
      'kendala dan rencana bulan berikutnya. Tugas ini diselesaikan dengan mengunggah seluruh laporan bulanan.',
    stage: 'monev',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Laporan kemajuan bulanan'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 5 },
  },
  {
    key: 'rapat_monev_pimpinan',
    title: 'Rapat monitoring dan evaluasi bersama pimpinan',
    description:
      'Menyelenggarakan rapat monev berkala bersama pimpinan unit untuk membahas kemajuan, kendala ' +
      'dan rekomendasi perbaikan.',
    stage: 'monev',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Undangan', 'Notulen rapat', 'Daftar hadir'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 5 },
  },
  {
    key: 'tindak_lanjut_rekomendasi_monev',
    title: 'Tindak lanjut rekomendasi monev',
    description: 'Menindaklanjuti setiap rekomendasi hasil monev dan melaporkan statusnya kepada pimpinan.',
    stage: 'monev',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Laporan tindak lanjut rekomendasi monev'] },
    required: true,
    due: { kind: 'at_stage_due' },
  },
  {
    key: 'tindak_lanjut_temuan_pemeriksaan',
    title: 'Tindak lanjut temuan APIP dan BPK',
    description:
      'Menindaklanjuti seluruh temuan pemeriksaan APIP dan BPK hingga 100 % dan melaporkannya kepada Inspektorat.',
    stage: 'monev',
    area: 'penguatan_pengawasan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'penilai',
    evidence: {
      required: true,
      documents: ['Rekap temuan APIP dan BPK', 'Laporan tindak lanjut temuan'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
  {
    key: 'pemantauan_capaian_kinerja',
    title: 'Pemantauan capaian kinerja',
    description:
      'Memantau capaian Indikator Kinerja Utama secara berkala dan membandingkannya dengan target ' +
      'serta capaian tahun sebelumnya.',
    stage: 'monev',
    area: 'akuntabilitas_kinerja',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Laporan capaian kinerja berkala'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
  {
    key: 'monev_penerapan_spbe',
    title: 'Monev pemanfaatan layanan elektronik',
    description: 'Memantau pemanfaatan aplikasi SPBE dan layanan elektronik unit kerja serta menindaklanjuti kendala.',
    stage: 'monev',
    area: 'penataan_tatalaksana',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Laporan monev pemanfaatan SPBE'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
];
