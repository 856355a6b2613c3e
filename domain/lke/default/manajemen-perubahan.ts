/** Area I — Manajemen Perubahan (bobot 8: pemenuhan 4, reform 4). */
import { areaNames } from '../../areas';
import type { LkeArea } from '../types';
import { persentase, pilihan, subArea, yaTidak } from './builders';

export const manajemenPerubahan: LkeArea = {
  id: 'manajemen_perubahan',
  name: areaNames.manajemen_perubahan,
  weight: 8,
  pemenuhan: {
    subAreas: [
      subArea('mp_tim_kerja', 'Tim kerja', 0.5, [
        yaTidak('mp_tim_kerja_a', 'Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas', [
          'SK Tim Kerja',
          'Undangan dan daftar hadir',
          'Notulen',
        ]),
        pilihan(
          'mp_tim_kerja_b',
          'Penentuan anggota tim dipilih melalui prosedur/mekanisme yang jelas',
          [
            'Anggota dipilih dengan prosedur yang jelas dan mewakili seluruh unsur unit kerja',
            'Sebagian anggota dipilih dengan prosedur yang mewakili sebagian besar unsur unit kerja',
            'Anggota tidak diseleksi',
          ],
          ['Kertas kerja seleksi anggota tim', 'Notulen rapat pembentukan tim', 'Daftar riwayat hidup anggota tim'],
        ),
      ]),
      subArea('mp_rencana_pembangunan', 'Rencana pembangunan ZI', 1.0, [
        yaTidak(
          'mp_rencana_pembangunan_a',
          'Terdapat dokumen rencana kerja pembangunan Zona Integritas menuju WBK/WBBM',
          ['SK rencana kerja pembangunan ZI', 'Dokumen rencana kerja pembangunan ZI'],
        ),
        pilihan(
          'mp_rencana_pembangunan_b',
          'Dalam dokumen pembangunan terdapat target-target prioritas yang relevan dengan tujuan pembangunan WBK/WBBM',
          [
            'Semua target prioritas relevan dengan tujuan pembangunan WBK/WBBM',
            'Sebagian target prioritas relevan dengan tujuan pembangunan WBK/WBBM',
            'Tidak ada target prioritas yang relevan dengan tujuan pembangunan WBK/WBBM',
          ],
          ['Dokumen rencana kerja pembangunan ZI'],
        ),
        pilihan(
          'mp_rencana_pembangunan_c',
          'Terdapat mekanisme atau media untuk mensosialisasikan pembangunan WBK/WBBM',
          [
            'Media atau kegiatan interaktif dikelola secara efektif dan berkala untuk internal dan pemangku kepentingan',
            'Media atau kegiatan interaktif dikelola secara terbatas dan tidak berkala',
            'Belum ada pengelolaan media atau kegiatan sosialisasi',
          ],
          ['Tangkapan layar media sosialisasi', 'Laporan kegiatan sosialisasi'],
        ),
      ]),
      subArea('mp_pemantauan_evaluasi', 'Pemantauan & evaluasi', 1.0, [
        pilihan(
          'mp_pemantauan_evaluasi_a',
          'Seluruh kegiatan pembangunan sudah dilaksanakan sesuai dengan rencana',
          [
            'Semua kegiatan pembangunan telah dilaksanakan sesuai rencana',
            'Sebagian besar kegiatan pembangunan telah dilaksanakan sesuai rencana',
            'Sebagian kecil kegiatan pembangunan telah dilaksanakan sesuai rencana',
            'Belum ada kegiatan pembangunan yang dilaksanakan sesuai rencana',
          ],
          ['Laporan pelaksanaan rencana kerja pembangunan ZI'],
        ),
        pilihan(
          'mp_pemantauan_evaluasi_b',
          'Terdapat monitoring dan evaluasi terhadap pembangunan Zona Integritas',
          [
            'Monitoring dan evaluasi melibatkan pimpinan dan dilakukan secara berkala',
            'Monitoring dan evaluasi melibatkan pimpinan tetapi tidak berkala',
            'Monitoring dan evaluasi tidak melibatkan pimpinan dan tidak berkala',
            'Tidak ada monitoring dan evaluasi pembangunan ZI',
          ],
          ['Undangan dan daftar hadir', 'Notulen', 'Laporan monitoring dan evaluasi'],
        ),
        pilihan(
          'mp_pemantauan_evaluasi_c',
          'Hasil monitoring dan evaluasi telah ditindaklanjuti',
          [
            'Semua rekomendasi hasil monitoring dan evaluasi telah ditindaklanjuti',
            'Sebagian besar rekomendasi telah ditindaklanjuti',
            'Sebagian kecil rekomendasi telah ditindaklanjuti',
            'Rekomendasi belum ditindaklanjuti',
          ],
          ['Laporan tindak lanjut hasil monitoring dan evaluasi'],
        ),
      ]),
      subArea('mp_pola_pikir_budaya_kerja', 'Perubahan pola pikir & budaya kerja', 1.5, [
        yaTidak(
          'mp_pola_pikir_budaya_kerja_a',
          'Pimpinan berperan sebagai role model dalam pelaksanaan pembangunan WBK/WBBM',
          ['Dokumentasi keteladanan pimpinan', 'Notulen rapat pimpinan'],
        ),
        pilihan(
          'mp_pola_pikir_budaya_kerja_b',
          'Sudah ditetapkan agen perubahan',
          [
            'Agen perubahan telah ditetapkan dan berkontribusi terhadap perubahan di unit kerjanya',
            'Agen perubahan telah ditetapkan tetapi belum berkontribusi',
            'Belum ada agen perubahan',
          ],
          ['SK Agen Perubahan', 'Laporan kegiatan agen perubahan'],
        ),
        pilihan(
          'mp_pola_pikir_budaya_kerja_c',
          'Telah dibangun budaya kerja dan pola pikir di lingkungan organisasi',
          [
            'Upaya membangun budaya kerja dan pola pikir telah dilakukan dan mengurangi resistensi atas perubahan',
            'Upaya telah dilakukan tetapi masih terdapat resistensi atas perubahan',
            'Belum ada upaya membangun budaya kerja dan pola pikir',
          ],
          ['Dokumen program budaya kerja', 'Dokumentasi kegiatan'],
        ),
        pilihan(
          'mp_pola_pikir_budaya_kerja_d',
          'Anggota organisasi terlibat dalam pembangunan Zona Integritas menuju WBK/WBBM',
          [
            'Semua anggota terlibat dan usulan mereka diakomodasi dalam keputusan',
            'Sebagian besar anggota terlibat',
            'Sebagian kecil anggota terlibat',
            'Belum ada anggota yang terlibat',
          ],
          ['Pakta integritas seluruh pegawai', 'Daftar hadir kegiatan pembangunan ZI'],
        ),
      ]),
    ],
  },
  reform: {
    subAreas: [
      subArea('mp_komitmen_perubahan', 'Komitmen dalam perubahan', 2.0, [
        persentase(
          'mp_komitmen_perubahan_a',
          'Agen perubahan telah membuat perubahan yang konkret di unit kerja (dalam 1 tahun)',
          { numerator: 'Jumlah perubahan yang dibuat', denominator: 'Jumlah agen perubahan' },
          ['Laporan perubahan yang dibuat agen perubahan', 'SK Agen Perubahan'],
        ),
        persentase(
          'mp_komitmen_perubahan_b',
          'Perubahan yang dibuat agen perubahan telah terintegrasi dalam sistem manajemen',
          {
            numerator: 'Jumlah perubahan yang telah diintegrasikan dalam sistem manajemen',
            denominator: 'Jumlah perubahan yang dibuat agen perubahan',
          },
          ['Dokumen kebijakan/SOP hasil integrasi perubahan'],
        ),
      ]),
      subArea('mp_komitmen_pimpinan', 'Komitmen pimpinan', 1.0, [
        pilihan(
          'mp_komitmen_pimpinan_a',
          'Pimpinan memiliki komitmen terhadap pelaksanaan reformasi birokrasi, dengan adanya target capaian reformasi yang jelas di dokumen perencanaan',
          [
            'Target capaian ZI ada di dokumen perencanaan dan sebagian besar (di atas 80%) sudah tercapai',
            'Target capaian ZI ada dan sebagian (di atas 50%) sudah tercapai',
            'Target capaian ZI ada dan sebagian kecil (di bawah 50%) sudah tercapai',
            'Target capaian ZI ada tetapi belum ada yang tercapai',
            'Tidak ada target capaian ZI di dokumen perencanaan',
          ],
          ['Dokumen perencanaan unit kerja', 'Laporan capaian target ZI'],
        ),
      ]),
      subArea('mp_membangun_budaya_kerja', 'Membangun budaya kerja', 1.0, [
        pilihan(
          'mp_membangun_budaya_kerja_a',
          'Unit kerja membangun budaya kerja positif dan menerapkan nilai-nilai organisasi dalam pelaksanaan tugas sehari-hari',
          [
            'Budaya kerja dan nilai organisasi telah diinternalisasi ke seluruh anggota dan dituangkan dalam standar operasional',
            'Budaya kerja dan nilai organisasi telah diinternalisasi tetapi belum dituangkan dalam standar operasional',
            'Budaya kerja dan nilai organisasi telah disusun tetapi belum diinternalisasi',
            'Budaya kerja dan nilai organisasi belum disusun',
          ],
          ['Dokumen nilai-nilai organisasi', 'Dokumentasi internalisasi budaya kerja'],
        ),
      ]),
    ],
  },
};
