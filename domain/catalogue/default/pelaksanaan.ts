/**
 * Pelaksanaan (pembangunan): the rencana aksi of each area, carried out by the area's pokja with data dukung and
 * reviewed by the ketua tim. Grouped by area in LKE order.
 */
import type { TaskTemplate } from '../types';

const manajemenPerubahan: readonly TaskTemplate[] = [
  {
    key: 'media_sosialisasi_zi',
    title: 'Media sosialisasi Zona Integritas',
    description:
      'Menyediakan dan memutakhirkan media sosialisasi ZI (spanduk, laman web, media sosial) ' +
      'yang menjangkau pegawai dan masyarakat.',
    stage: 'pelaksanaan',
    area: 'manajemen_perubahan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Dokumentasi media sosialisasi', 'Tautan publikasi'] },
    required: false,
    due: { kind: 'after_stage_opens', workingDays: 20 },
  },
  {
    key: 'agen_perubahan',
    title: 'Penetapan agen perubahan dan proyek perubahan',
    description:
      'Menetapkan agen perubahan dengan SK, menyusun rencana aksi mereka dan melaporkan proyek perubahan ' +
      'yang dijalankan.',
    stage: 'pelaksanaan',
    area: 'manajemen_perubahan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['SK Agen Perubahan', 'Rencana aksi agen perubahan', 'Laporan proyek perubahan'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 30 },
  },
  {
    key: 'program_budaya_kerja',
    title: 'Program perubahan pola pikir dan budaya kerja',
    description:
      'Menjalankan program budaya kerja (nilai organisasi, apel, forum inovasi) untuk mengubah pola pikir ' +
      'pegawai, dan melaporkan pelaksanaannya.',
    stage: 'pelaksanaan',
    area: 'manajemen_perubahan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Program budaya kerja', 'Dokumentasi kegiatan', 'Daftar hadir'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'keteladanan_pimpinan',
    title: 'Pimpinan sebagai teladan (role model)',
    description:
      'Mendokumentasikan keteladanan pimpinan dalam perubahan: kehadiran dalam kegiatan ZI, ' +
      'arahan tertulis dan keputusan yang mendukung pembangunan ZI.',
    stage: 'pelaksanaan',
    area: 'manajemen_perubahan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: false, documents: ['Dokumentasi keteladanan pimpinan', 'Arahan tertulis pimpinan'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
];

const penataanTatalaksana: readonly TaskTemplate[] = [
  {
    key: 'peta_proses_bisnis_sop',
    title: 'Peta proses bisnis dan SOP kegiatan utama',
    description:
      'Menyusun peta proses bisnis unit kerja dan menetapkan SOP untuk seluruh kegiatan utama yang mengacu ' +
      'padanya, termasuk penyederhanaan proses bila perlu.',
    stage: 'pelaksanaan',
    area: 'penataan_tatalaksana',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Peta proses bisnis', 'SK penetapan SOP kegiatan utama'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 30 },
  },
  {
    key: 'evaluasi_penerapan_sop',
    title: 'Penerapan dan evaluasi SOP',
    description:
      'Memastikan SOP diterapkan dan mengevaluasinya secara berkala, lalu memperbaiki SOP yang tidak sesuai.',
    stage: 'pelaksanaan',
    area: 'penataan_tatalaksana',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Laporan evaluasi penerapan SOP', 'Notulen rapat'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 15 },
  },
  {
    key: 'penerapan_spbe',
    title: 'Penerapan SPBE: e-performance, e-SDM dan e-office',
    description:
      'Menerapkan sistem pemerintahan berbasis elektronik untuk kinerja, kepegawaian dan persuratan, ' +
      'beserta monitoring dan evaluasi pemanfaatannya.',
    stage: 'pelaksanaan',
    area: 'penataan_tatalaksana',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Daftar aplikasi SPBE yang digunakan', 'Laporan monitoring dan evaluasi SPBE'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 15 },
  },
  {
    key: 'keterbukaan_informasi_publik',
    title: 'Keterbukaan informasi publik',
    description:
      'Menetapkan kebijakan keterbukaan informasi publik dan PPID, serta melaporkan layanan informasi yang diberikan.',
    stage: 'pelaksanaan',
    area: 'penataan_tatalaksana',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['SK PPID', 'Kebijakan keterbukaan informasi publik', 'Laporan layanan informasi publik'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
];

const penataanSdm: readonly TaskTemplate[] = [
  {
    key: 'perencanaan_kebutuhan_pegawai',
    title: 'Perencanaan kebutuhan pegawai',
    description:
      'Menyusun rencana kebutuhan pegawai berdasarkan analisis beban kerja dan peta jabatan, ' +
      'serta membandingkannya dengan kondisi pegawai saat ini.',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Dokumen analisis beban kerja', 'Peta jabatan', 'Rencana kebutuhan pegawai'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 30 },
  },
  {
    key: 'pola_mutasi_internal',
    title: 'Pola mutasi internal',
    description: 'Menetapkan kebijakan pola mutasi internal dan melaksanakan mutasi sesuai kebijakan tersebut.',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Kebijakan pola mutasi internal', 'SK mutasi internal'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'pengembangan_kompetensi',
    title: 'Pengembangan pegawai berbasis kompetensi',
    description:
      'Melakukan analisis kebutuhan pelatihan (training needs analysis), menyusun rencana pengembangan ' +
      'kompetensi dan melaporkan realisasinya.',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Analisis kebutuhan pelatihan', 'Rencana pengembangan kompetensi', 'Laporan realisasi pengembangan'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 15 },
  },
  {
    key: 'kinerja_individu',
    title: 'Penetapan kinerja individu',
    description:
      'Menetapkan sasaran kinerja setiap pegawai yang diturunkan (cascading) dari Perjanjian Kinerja unit ' +
      'dan mengukurnya secara berkala.',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Perjanjian Kinerja', 'Dokumen cascading kinerja', 'Sasaran kinerja pegawai'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 40 },
  },
  {
    key: 'disiplin_kode_etik',
    title: 'Penegakan aturan disiplin dan kode etik',
    description: 'Menetapkan kode etik dan kode perilaku pegawai serta melaporkan penegakan disiplin dan sanksinya.',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Kode etik dan kode perilaku pegawai', 'Laporan penegakan disiplin'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'pemutakhiran_simpeg',
    title: 'Pemutakhiran sistem informasi kepegawaian',
    description: 'Memastikan data seluruh pegawai dalam SIMPEG mutakhir dan melaporkan pemutakhirannya.',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Laporan pemutakhiran data SIMPEG'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
];

const akuntabilitasKinerja: readonly TaskTemplate[] = [
  {
    key: 'keterlibatan_pimpinan_perencanaan',
    title: 'Keterlibatan pimpinan dalam perencanaan dan penetapan kinerja',
    description:
      'Mendokumentasikan keterlibatan langsung pimpinan dalam penyusunan perencanaan, Perjanjian Kinerja ' +
      'dan pemantauan capaiannya.',
    stage: 'pelaksanaan',
    area: 'akuntabilitas_kinerja',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Notulen rapat', 'Daftar hadir'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 20 },
  },
  {
    key: 'renstra_pk_iku',
    title: 'Renstra, Perjanjian Kinerja dan IKU',
    description:
      'Memastikan Renstra, Perjanjian Kinerja dan Indikator Kinerja Utama tersedia, selaras dan memenuhi ' +
      'kriteria SMART.',
    stage: 'pelaksanaan',
    area: 'akuntabilitas_kinerja',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Renstra', 'Perjanjian Kinerja', 'Indikator Kinerja Utama'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 20 },
  },
  {
    key: 'lakin_tepat_waktu',
    title: 'Penyampaian Laporan Kinerja (LAKIN) tepat waktu',
    description: 'Menyusun Laporan Kinerja dan menyampaikannya tepat waktu beserta bukti penyampaiannya.',
    stage: 'pelaksanaan',
    area: 'akuntabilitas_kinerja',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Laporan Kinerja (LAKIN)', 'Bukti penyampaian LAKIN'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 30 },
  },
  {
    key: 'pelatihan_akuntabilitas_kinerja',
    title: 'Peningkatan kapasitas pengelola akuntabilitas kinerja',
    description: 'Mengikutsertakan pengelola kinerja dalam pelatihan atau bimbingan teknis akuntabilitas kinerja.',
    stage: 'pelaksanaan',
    area: 'akuntabilitas_kinerja',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Sertifikat pelatihan', 'Daftar hadir'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 15 },
  },
  {
    key: 'kerangka_logis_kinerja',
    title: 'Kerangka logis kinerja',
    description:
      'Menyusun kerangka logis kinerja (pohon kinerja) yang menghubungkan tujuan, sasaran dan indikator unit kerja.',
    stage: 'pelaksanaan',
    area: 'akuntabilitas_kinerja',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Dokumen kerangka logis kinerja', 'Pohon kinerja'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
];

const penguatanPengawasan: readonly TaskTemplate[] = [
  {
    key: 'pengendalian_gratifikasi',
    title: 'Pengendalian gratifikasi',
    description:
      'Membentuk Unit Pengendalian Gratifikasi dengan SK, melaksanakan kampanye antigratifikasi ' +
      'dan melaporkan penanganan gratifikasi.',
    stage: 'pelaksanaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: [
        'SK Unit Pengendalian Gratifikasi',
        'Dokumentasi kampanye antigratifikasi',
        'Laporan pengendalian gratifikasi',
      ],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 20 },
  },
  {
    key: 'penerapan_spip',
    title: 'Penerapan SPIP: register risiko dan pengendalian',
    description:
      'Menyusun register risiko unit kerja, menetapkan rencana tindak pengendalian dan memantau pelaksanaannya.',
    stage: 'pelaksanaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Register risiko', 'Rencana tindak pengendalian', 'Laporan pemantauan'] },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 30 },
  },
  {
    key: 'pengaduan_masyarakat',
    title: 'Pengelolaan pengaduan masyarakat',
    description:
      'Menetapkan petugas pengaduan dengan SK, menyediakan kanal pengaduan dan menindaklanjuti setiap pengaduan.',
    stage: 'pelaksanaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['SK petugas pengaduan', 'Daftar kanal pengaduan', 'Laporan tindak lanjut pengaduan'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'whistle_blowing_system',
    title: 'Whistle-blowing system',
    description: 'Menerapkan whistle-blowing system yang menjamin kerahasiaan pelapor dan melaporkan penanganannya.',
    stage: 'pelaksanaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['SK whistle-blowing system', 'Laporan penanganan whistle-blowing'] },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'penanganan_benturan_kepentingan',
    title: 'Penanganan benturan kepentingan',
    description:
      'Memetakan potensi benturan kepentingan pada tugas dan layanan unit, mensosialisasikan penanganannya ' +
      'dan melaporkan kasus yang ditangani.',
    stage: 'pelaksanaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Peta benturan kepentingan', 'Laporan penanganan benturan kepentingan'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'kepatuhan_lhkpn_lhkasn',
    title: 'Kepatuhan pelaporan LHKPN dan LHKASN 100 %',
    description:
      'Memastikan seluruh pegawai wajib lapor menyampaikan LHKPN atau LHKASN, dengan rekap wajib lapor ' +
      'dan yang sudah lapor.',
    stage: 'pelaksanaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Daftar wajib lapor LHKPN/LHKASN', 'Tanda terima penyampaian LHKPN/LHKASN'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 40 },
  },
];

const pelayananPublik: readonly TaskTemplate[] = [
  {
    key: 'standar_maklumat_pelayanan',
    title: 'Standar pelayanan dan maklumat pelayanan',
    description:
      'Menetapkan standar pelayanan untuk setiap jenis layanan dan maklumat pelayanan, lalu mempublikasikannya.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['SK Standar Pelayanan', 'Maklumat pelayanan', 'Dokumentasi publikasi standar pelayanan'],
    },
    required: true,
    due: { kind: 'after_stage_opens', workingDays: 20 },
  },
  {
    key: 'pelatihan_pelayanan_prima',
    title: 'Pelatihan budaya pelayanan prima',
    description: 'Melatih petugas layanan tentang pelayanan prima dan mengevaluasi penerapannya.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Materi pelatihan', 'Daftar hadir', 'Sertifikat pelatihan'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'informasi_pelayanan_multikanal',
    title: 'Informasi pelayanan melalui berbagai kanal',
    description: 'Menyediakan informasi pelayanan melalui berbagai media: papan informasi, laman web, media sosial.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Dokumentasi media informasi pelayanan'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'reward_sanksi_petugas_layanan',
    title: 'Penghargaan dan sanksi bagi petugas layanan',
    description: 'Menetapkan dan menerapkan kebijakan penghargaan dan sanksi bagi petugas pelayanan garis depan.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['Kebijakan penghargaan dan sanksi petugas pelayanan', 'Bukti pemberian penghargaan atau sanksi'],
    },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 15 },
  },
  {
    key: 'kompensasi_pelayanan',
    title: 'Kompensasi pelayanan',
    description: 'Menetapkan kebijakan kompensasi bagi penerima layanan bila pelayanan tidak sesuai standar.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Kebijakan kompensasi pelayanan', 'Bukti pemberian kompensasi'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 15 },
  },
  {
    key: 'inovasi_pelayanan',
    title: 'Sarana pelayanan terpadu dan inovasi pelayanan',
    description:
      'Menyediakan sarana pelayanan terpadu dan mengembangkan inovasi pelayanan yang memberi manfaat nyata ' +
      'bagi masyarakat.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: ['SK inovasi pelayanan', 'Dokumentasi sarana pelayanan terpadu', 'Laporan manfaat inovasi'],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
  {
    key: 'integrasi_sp4n_lapor',
    title: 'Integrasi pengaduan pelayanan dengan SP4N-LAPOR!',
    description: 'Mengintegrasikan pengelolaan pengaduan pelayanan dengan SP4N-LAPOR! dan melaporkan tindak lanjutnya.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Bukti integrasi SP4N-LAPOR!', 'Rekap pengaduan SP4N-LAPOR!'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 20 },
  },
  {
    key: 'survei_kepuasan_masyarakat',
    title: 'Survei kepuasan masyarakat',
    description:
      'Melaksanakan survei kepuasan masyarakat, mempublikasikan hasilnya dan menindaklanjuti rekomendasinya.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: {
      required: true,
      documents: [
        'Laporan survei kepuasan masyarakat',
        'Bukti publikasi hasil survei',
        'Rencana tindak lanjut hasil survei',
      ],
    },
    required: true,
    due: { kind: 'before_stage_due', workingDays: 10 },
  },
  {
    key: 'fasilitasi_survei_eksternal',
    title: 'Fasilitasi survei eksternal SPAK dan SPKP',
    description:
      'Menyiapkan daftar responden pengguna layanan untuk survei persepsi antikorupsi (SPAK) dan survei ' +
      'persepsi kualitas pelayanan (SPKP) yang dilaksanakan pihak eksternal.',
    stage: 'pelaksanaan',
    area: 'pelayanan_publik',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Daftar responden survei eksternal'] },
    required: false,
    due: { kind: 'before_stage_due', workingDays: 5 },
  },
];

export const pelaksanaanTemplates: readonly TaskTemplate[] = [
  ...manajemenPerubahan,
  ...penataanTatalaksana,
  ...penataanSdm,
  ...akuntabilitasKinerja,
  ...penguatanPengawasan,
  ...pelayananPublik,
];
