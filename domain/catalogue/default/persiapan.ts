/** Persiapan: commitment of the leadership and a first plan, before any team exists. */
import type { TaskTemplate } from '../types';

export const persiapanTemplates: readonly TaskTemplate[] = [
  {
    key: 'profil_unit_kerja',
    title: 'Penyusunan profil unit kerja',
    description:
      'Menyusun profil unit kerja (tugas dan fungsi, jenis layanan, jumlah pegawai, capaian kinerja terakhir) ' +
      'sebagai dasar penilaian kelayakan unit sebagai unit percontohan Zona Integritas.',
    stage: 'persiapan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: {
      required: true,
      documents: ['Profil unit kerja', 'Surat pernyataan kesediaan sebagai unit percontohan'],
    },
    required: false,
    due: { kind: 'after_stage_opens', workingDays: 5 },
  },
  {
    key: 'pencanangan_zi',
    title: 'Pencanangan Pembangunan Zona Integritas',
    description:
      'Melaksanakan pencanangan pembangunan Zona Integritas secara terbuka dan dipublikasikan, ' +
      'disaksikan oleh pemangku kepentingan, sebagai komitmen pimpinan dan seluruh pegawai.',
    stage: 'persiapan',
    area: 'manajemen_perubahan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: {
      required: true,
      documents: ['Berita acara pencanangan', 'Daftar hadir', 'Dokumentasi kegiatan pencanangan'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 10 },
  },
  {
    key: 'pakta_integritas',
    title: 'Penandatanganan pakta integritas',
    description:
      'Memastikan pimpinan dan seluruh pegawai unit kerja menandatangani pakta integritas, ' +
      'lengkap dengan rekap pegawai yang telah dan belum menandatangani.',
    stage: 'persiapan',
    area: 'manajemen_perubahan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: {
      required: true,
      documents: ['Pakta integritas yang telah ditandatangani', 'Rekap penandatanganan pakta integritas'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 15 },
  },
  {
    key: 'sosialisasi_zi',
    title: 'Sosialisasi pembangunan Zona Integritas kepada pegawai',
    description:
      'Menyosialisasikan tujuan, tahapan dan enam area perubahan Zona Integritas kepada seluruh pegawai unit kerja.',
    stage: 'persiapan',
    area: 'manajemen_perubahan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: ['Undangan', 'Daftar hadir', 'Notulen rapat', 'Materi sosialisasi'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
  {
    key: 'identifikasi_area_berisiko',
    title: 'Identifikasi area berisiko',
    description:
      'Mengidentifikasi proses dan layanan yang berisiko terjadi penyimpangan, gratifikasi atau benturan ' +
      'kepentingan, sebagai dasar prioritas rencana aksi.',
    stage: 'persiapan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: ['Daftar area berisiko', 'Notulen rapat'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 5 },
  },
  {
    key: 'rencana_kerja_awal',
    title: 'Penyusunan rencana kerja awal pembangunan ZI',
    description:
      'Menyusun rencana kerja awal pembangunan Zona Integritas: sasaran, kegiatan utama per area perubahan ' +
      'dan jadwalnya, untuk ditetapkan oleh Tim Kerja setelah terbentuk.',
    stage: 'persiapan',
    area: 'manajemen_perubahan',
    assigneeRole: 'pimpinan',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: ['Rencana kerja awal pembangunan ZI'] },
    required: true,
    due: { kind: 'at_stage_due' },
  },
];
