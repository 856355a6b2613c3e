/**
 * Penghargaan: record the predikat, announce it, plan the pemantauan of awarded units, and carry recommendations
 * of every unit into the next cycle.
 */
import type { TaskTemplate } from '../types';

export const penghargaanTemplates: readonly TaskTemplate[] = [
  {
    key: 'pencatatan_predikat',
    title: 'Pencatatan predikat unit',
    description:
      'Mencatat predikat yang ditetapkan KemenPAN-RB untuk unit (WBK, WBBM atau belum berpredikat) ' +
      'beserta dokumen penetapannya.',
    stage: 'penghargaan',
    assigneeRole: 'admin_organisasi',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Keputusan atau pengumuman predikat dari KemenPAN-RB'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 5 },
  },
  {
    key: 'penerbitan_pengumuman_predikat',
    title: 'Pengumuman dan piagam predikat',
    description: 'Menerbitkan pengumuman internal dan piagam bagi unit yang meraih predikat.',
    stage: 'penghargaan',
    assigneeRole: 'admin_organisasi',
    reviewerRole: 'pimpinan',
    evidence: { required: false, documents: ['Pengumuman predikat', 'Piagam predikat'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 5 },
  },
  {
    key: 'rencana_pemantauan_pasca_predikat',
    title: 'Rencana pemantauan unit berpredikat',
    description:
      'Menyusun rencana pemantauan oleh TPI terhadap unit berpredikat agar predikat terjaga ' +
      'dan pelanggaran terdeteksi sejak dini.',
    stage: 'penghargaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'penilai',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: ['Rencana pemantauan unit berpredikat'] },
    required: false,
    due: { kind: 'at_stage_due' },
  },
  {
    key: 'rekomendasi_siklus_berikutnya',
    title: 'Rencana perbaikan untuk siklus berikutnya',
    description:
      'Merangkum rekomendasi TPI dan TPN menjadi rencana perbaikan yang dibawa ke siklus pembangunan ZI berikutnya.',
    stage: 'penghargaan',
    area: 'manajemen_perubahan',
    assigneeRole: 'ketua_tim',
    reviewerRole: 'pimpinan',
    evidence: { required: true, documents: ['Rencana perbaikan siklus berikutnya'] },
    required: true,
    due: { kind: 'at_stage_due' },
  },
];
