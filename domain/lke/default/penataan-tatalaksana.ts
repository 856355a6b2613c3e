/** Area II — Penataan Tatalaksana (bobot 7: pemenuhan 3.5, reform 3.5). */
import { areaNames } from '../../areas';
import type { LkeArea } from '../types';
import { pilihan, subArea } from './builders';

/** The three fields the LKE asks about for digital transformation; the criteria are the same maturity ladder. */
function transformasiDigital(id: string, bidang: string) {
  return pilihan(
    id,
    `Transformasi digital pada bidang ${bidang} telah mampu memberikan nilai manfaat bagi unit kerja secara optimal`,
    [
      'Manfaat/dampak telah divalidasi, dievaluasi dan ditindaklanjuti secara berkelanjutan',
      'Manfaat/dampak telah diterapkan/digunakan unit kerja sesuai sasaran dan target',
      'Manfaat/dampak telah direalisasikan sesuai sasaran dan target',
      'Terdapat kapabilitas prakiraan dan pelacakan sasaran dan target manfaat',
      'Sasaran dan target manfaat baru direncanakan dan ditetapkan',
    ],
    ['Dokumen rencana transformasi digital', 'Laporan evaluasi manfaat transformasi digital'],
  );
}

export const penataanTatalaksana: LkeArea = {
  id: 'penataan_tatalaksana',
  name: areaNames.penataan_tatalaksana,
  weight: 7,
  pemenuhan: {
    subAreas: [
      subArea('tl_sop', 'SOP kegiatan utama', 1.0, [
        pilihan(
          'tl_sop_a',
          'SOP mengacu pada peta proses bisnis instansi',
          [
            'Semua SOP unit mengacu pada peta proses bisnis dan disertai inovasi yang selaras',
            'Semua SOP unit mengacu pada peta proses bisnis',
            'Sebagian SOP unit mengacu pada peta proses bisnis',
            'Belum ada SOP unit yang mengacu pada peta proses bisnis',
          ],
          ['Peta proses bisnis', 'Daftar SOP kegiatan utama'],
        ),
        pilihan(
          'tl_sop_b',
          'Prosedur operasional tetap (SOP) telah diterapkan',
          [
            'Seluruh SOP diterapkan dan unit melakukan inovasi pada SOP',
            'Seluruh SOP yang ditetapkan organisasi diterapkan',
            'Sebagian besar SOP diterapkan',
            'Sebagian kecil SOP diterapkan',
            'SOP belum diterapkan',
          ],
          ['Bukti penerapan SOP', 'Laporan pelaksanaan kegiatan'],
        ),
        pilihan(
          'tl_sop_c',
          'Prosedur operasional tetap (SOP) telah dievaluasi',
          [
            'Seluruh SOP utama telah dievaluasi dan ditindaklanjuti dengan perbaikan',
            'Sebagian besar SOP utama telah dievaluasi dan ditindaklanjuti',
            'Sebagian besar SOP utama telah dievaluasi tetapi belum ditindaklanjuti',
            'Sebagian kecil SOP utama telah dievaluasi',
            'SOP belum pernah dievaluasi',
          ],
          ['Laporan evaluasi SOP', 'Usulan perbaikan SOP'],
        ),
      ]),
      subArea('tl_spbe', 'SPBE', 2.0, [
        pilihan(
          'tl_spbe_a',
          'Sistem pengukuran kinerja unit sudah menggunakan teknologi informasi',
          [
            'Unit memiliki sistem pengukuran kinerja berbasis TI (e-performance/e-SAKIP) dan melakukan inovasi',
            'Unit memiliki sistem pengukuran kinerja berbasis TI',
            'Unit belum memiliki sistem pengukuran kinerja berbasis TI',
          ],
          ['Tangkapan layar aplikasi e-performance', 'Laporan pemanfaatan aplikasi'],
        ),
        pilihan(
          'tl_spbe_b',
          'Operasionalisasi manajemen SDM sudah menggunakan teknologi informasi',
          [
            'Seluruh operasionalisasi manajemen SDM menggunakan TI dan terdapat inovasi',
            'Operasionalisasi manajemen SDM menggunakan TI secara terpusat',
            'Operasionalisasi manajemen SDM belum menggunakan TI',
          ],
          ['Tangkapan layar aplikasi kepegawaian (e-SDM)'],
        ),
        pilihan(
          'tl_spbe_c',
          'Pemberian pelayanan kepada publik sudah menggunakan teknologi informasi',
          [
            'Pelayanan publik menggunakan TI (terpusat atau milik unit) dan terdapat inovasi',
            'Pelayanan publik menggunakan TI secara terpusat',
            'Pelayanan publik belum menggunakan TI',
          ],
          ['Tangkapan layar aplikasi pelayanan', 'Data pengguna layanan daring'],
        ),
        pilihan(
          'tl_spbe_d',
          'Telah dilakukan monitoring dan evaluasi terhadap pemanfaatan teknologi informasi dalam pengukuran kinerja unit, operasionalisasi SDM, dan pemberian layanan kepada publik',
          [
            'Monitoring dan evaluasi dilakukan secara berkala',
            'Monitoring dan evaluasi dilakukan tetapi tidak berkala',
            'Belum ada monitoring dan evaluasi',
          ],
          ['Laporan monitoring dan evaluasi pemanfaatan TI'],
        ),
      ]),
      subArea('tl_keterbukaan_informasi', 'Keterbukaan informasi publik', 0.5, [
        pilihan(
          'tl_keterbukaan_informasi_a',
          'Kebijakan tentang keterbukaan informasi publik telah diterapkan',
          [
            'Terdapat PPID yang menyebarkan seluruh informasi publik secara mutakhir dan lengkap',
            'Terdapat PPID yang menyebarkan sebagian informasi publik',
            'Belum ada PPID dan belum ada penyebaran informasi publik',
          ],
          ['SK PPID', 'Daftar informasi publik', 'Tangkapan layar laman informasi publik'],
        ),
        pilihan(
          'tl_keterbukaan_informasi_b',
          'Telah dilakukan monitoring dan evaluasi pelaksanaan kebijakan keterbukaan informasi publik',
          [
            'Monitoring dan evaluasi telah dilakukan dan ditindaklanjuti',
            'Monitoring dan evaluasi telah dilakukan tetapi belum ditindaklanjuti',
            'Monitoring dan evaluasi belum dilakukan',
          ],
          ['Laporan monitoring dan evaluasi keterbukaan informasi publik'],
        ),
      ]),
    ],
  },
  reform: {
    subAreas: [
      subArea('tl_peta_proses_bisnis', 'Peta proses bisnis & penyederhanaan', 0.5, [
        pilihan(
          'tl_peta_proses_bisnis_a',
          'Telah disusun peta proses bisnis dengan adanya penyederhanaan jabatan',
          [
            'Peta proses bisnis telah disusun dan mempengaruhi penyederhanaan seluruh jabatan',
            'Peta proses bisnis mempengaruhi penyederhanaan sebagian besar (lebih dari 50%) jabatan',
            'Peta proses bisnis mempengaruhi penyederhanaan sebagian kecil (kurang dari 50%) jabatan',
            'Peta proses bisnis telah disusun tetapi belum mempengaruhi penyederhanaan jabatan',
          ],
          ['Peta proses bisnis', 'Dokumen penyederhanaan jabatan'],
        ),
      ]),
      subArea('tl_spbe_terintegrasi', 'SPBE terintegrasi', 1.0, [
        pilihan(
          'tl_spbe_terintegrasi_a',
          'Implementasi SPBE telah terintegrasi dan mampu mendorong pelaksanaan pelayanan publik yang lebih cepat dan efisien',
          [
            'SPBE terintegrasi dan mendorong pelayanan publik yang lebih cepat dan efisien',
            'SPBE mendorong pelayanan publik yang lebih cepat dan efisien tetapi belum terintegrasi',
            'SPBE belum mendorong pelayanan publik yang lebih cepat dan efisien',
          ],
          ['Daftar layanan publik berbasis SPBE', 'Dokumen integrasi sistem'],
        ),
        pilihan(
          'tl_spbe_terintegrasi_b',
          'Implementasi SPBE telah terintegrasi dan mampu mendorong pelaksanaan pelayanan internal organisasi yang lebih cepat dan efisien',
          [
            'SPBE terintegrasi dan mendorong pelayanan internal yang lebih cepat dan efisien',
            'SPBE mendorong pelayanan internal yang lebih cepat dan efisien tetapi belum terintegrasi',
            'SPBE belum mendorong pelayanan internal yang lebih cepat dan efisien',
          ],
          ['Daftar layanan internal berbasis SPBE', 'Dokumen integrasi sistem'],
        ),
      ]),
      subArea('tl_transformasi_digital', 'Transformasi digital bermanfaat', 2.0, [
        transformasiDigital('tl_transformasi_digital_a', 'proses bisnis utama'),
        transformasiDigital('tl_transformasi_digital_b', 'administrasi pemerintahan'),
        transformasiDigital('tl_transformasi_digital_c', 'pelayanan publik'),
      ]),
    ],
  },
};
