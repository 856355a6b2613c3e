/**
 * Penilaian: penilaian mandiri on the LKE, the TPI desk evaluation with tindak lanjut, the proposal of eligible
 * units to KemenPAN-RB, and recording what TPN decided (TPN itself works outside the system).
 */
import type { TaskTemplate } from '../types';

export const penilaianTemplates: readonly TaskTemplate[] = [
  {
    key: 'penilaian_mandiri_lke',
    title: 'Penilaian mandiri (LKE)',
    description:
      'Mengisi Lembar Kerja Evaluasi untuk seluruh area beserta data dukung setiap pertanyaan, ' +
      'disetujui pimpinan unit sebelum dievaluasi TPI.',
    stage: 'penilaian',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['LKE penilaian mandiri', 'Surat pernyataan pimpinan unit'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 10 },
  },
  {
    key: 'evaluasi_tpi',
    title: 'Evaluasi oleh Tim Penilai Internal',
    description:
      'TPI mengevaluasi LKE penilaian mandiri secara berjenjang (anggota, ketua, pengendali teknis) ' +
      'dan menyampaikan hasil serta catatan perbaikan kepada unit.',
    stage: 'penilaian',
    assigneeRole: 'penilai',
    reviewerRole: 'penilai',
    evidence: { required: true, documents: ['LKE hasil evaluasi TPI', 'Laporan hasil evaluasi TPI'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 20 },
  },
  {
    key: 'tindak_lanjut_evaluasi_tpi',
    title: 'Tindak lanjut hasil evaluasi TPI',
    description:
      'Memperbaiki data dukung dan jawaban LKE sesuai catatan TPI, lalu menyampaikannya untuk dinilai ulang.',
    stage: 'penilaian',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'penilai',
    evidence: { required: true, documents: ['Laporan tindak lanjut hasil evaluasi TPI'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 30 },
  },
  {
    key: 'pemenuhan_syarat_usulan',
    title: 'Pemeriksaan syarat pengusulan unit',
    description:
      'Memeriksa syarat pengusulan tingkat instansi dan unit: opini BPK, nilai SAKIP, Indeks RB, ' +
      'tindak lanjut temuan 100 % dan kepatuhan LHKPN/LHKASN.',
    stage: 'penilaian',
    area: 'penguatan_pengawasan',
    assigneeRole: 'penilai',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: ['Rekap pemenuhan syarat pengusulan'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
  {
    key: 'usulan_ke_kemenpanrb',
    title: 'Pengusulan unit ke KemenPAN-RB',
    description:
      'Mengusulkan unit yang memenuhi syarat melalui aplikasi PMPZI dengan surat pengantar, SPTJM dan LKE ' +
      'hasil evaluasi TPI. Hanya untuk unit yang dinyatakan layak diusulkan.',
    stage: 'penilaian',
    assigneeRole: 'admin_organisasi',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Surat pengantar usulan', 'SPTJM', 'LKE hasil evaluasi TPI'] },
    required: false,
    due: { kind: 'at_stage_due' },
  },
  {
    key: 'pencatatan_hasil_tpn',
    title: 'Pencatatan hasil evaluasi TPN',
    description:
      'Mencatat hasil pra-evaluasi (lulus, lulus dengan catatan, tidak lulus), desk evaluasi ' +
      'dan evaluasi lapangan oleh Tim Penilai Nasional.',
    stage: 'penilaian',
    assigneeRole: 'admin_organisasi',
    reviewerRole: 'pimpinan',
    evidence: { required: false, documents: ['Hasil pra-evaluasi TPN', 'Hasil evaluasi lapangan TPN'] },
    required: false,
    due: { kind: 'at_stage_due' },
  },
];
