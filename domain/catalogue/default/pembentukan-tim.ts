/**
 * Pembentukan tim: the unit's pimpinan selects the Tim Kerja ZI and submits it (members, roles, a coordinator
 * per area); Bagian Organisasi reviews the submission.
 */
import type { TaskTemplate } from '../types';

export const pembentukanTimTemplates: readonly TaskTemplate[] = [
  {
    key: 'seleksi_tim_kerja',
    title: 'Undangan dan seleksi calon anggota Tim Kerja ZI',
    description:
      'Mengundang dan menyeleksi calon anggota Tim Kerja berdasarkan kompetensi, pemahaman tugas unit, ' +
      'dedikasi dan rekam jejak yang bersih.',
    stage: 'pembentukan_tim',
    area: 'manajemen_perubahan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: ['Undangan seleksi', 'Daftar hadir', 'Notulen rapat seleksi'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 5 },
  },
  {
    key: 'submit_tim_kerja',
    title: 'Penyampaian susunan Tim Kerja ZI',
    description:
      'Menyampaikan susunan Tim Kerja ZI: anggota, peran masing-masing (ketua, sekretariat, anggota pokja) ' +
      'dan koordinator untuk setiap area perubahan, dilengkapi SK, notulen pemilihan dan riwayat hidup anggota.',
    stage: 'pembentukan_tim',
    area: 'manajemen_perubahan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: {
      required: true,
      documents: ['SK Tim Kerja ZI', 'Notulen rapat', 'Daftar hadir', 'Daftar riwayat hidup anggota tim'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 3 },
  },
  {
    key: 'rapat_perdana_tim',
    title: 'Rapat perdana Tim Kerja ZI',
    description:
      'Menyelenggarakan rapat perdana Tim Kerja untuk membagi tugas pokja per area dan menyepakati ' +
      'mekanisme kerja serta pelaporan.',
    stage: 'pembentukan_tim',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Undangan', 'Notulen rapat', 'Daftar hadir'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 1 },
  },
  {
    key: 'penetapan_rencana_kerja_zi',
    title: 'Penetapan rencana kerja pembangunan ZI',
    description:
      'Menyempurnakan rencana kerja awal menjadi rencana kerja pembangunan ZI per area perubahan, ' +
      'dengan target dan penanggung jawab, lalu menetapkannya dengan SK pimpinan.',
    stage: 'pembentukan_tim',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['SK Rencana Kerja ZI', 'Rencana kerja pembangunan ZI'] },
    required: true,
    due: { kind: 'at_stage_due' },
  },
];
