/** Area VI — Peningkatan Kualitas Pelayanan Publik (bobot 10: pemenuhan 5, reform 5). */
import { areaNames } from '../../areas';
import type { LkeArea } from '../types';
import { persentase, pilihan, subArea, yaTidak } from './builders';

export const pelayananPublik: LkeArea = {
  id: 'pelayanan_publik',
  name: areaNames.pelayanan_publik,
  weight: 10,
  pemenuhan: {
    subAreas: [
      subArea('pp_standar_pelayanan', 'Standar pelayanan', 1.0, [
        pilihan(
          'pp_standar_pelayanan_a',
          'Terdapat kebijakan standar pelayanan',
          [
            'Standar pelayanan ditetapkan untuk seluruh jenis pelayanan dan sesuai asas serta komponennya',
            'Standar pelayanan ditetapkan untuk sebagian jenis pelayanan dan sesuai asas serta komponennya',
            'Standar pelayanan ditetapkan untuk seluruh jenis pelayanan tetapi belum sesuai asas dan komponennya',
            'Standar pelayanan ditetapkan untuk sebagian jenis pelayanan dan belum sesuai asas dan komponennya',
            'Standar pelayanan belum ditetapkan',
          ],
          ['SK standar pelayanan'],
        ),
        pilihan(
          'pp_standar_pelayanan_b',
          'Standar pelayanan telah dimaklumatkan',
          [
            'Dimaklumatkan untuk seluruh jenis pelayanan dan dipublikasikan di laman web dan media lain',
            'Dimaklumatkan untuk sebagian besar jenis pelayanan dan dipublikasikan minimal di laman web',
            'Dimaklumatkan untuk sebagian kecil jenis pelayanan dan belum dipublikasikan',
            'Belum dimaklumatkan dan belum dipublikasikan',
          ],
          ['Maklumat pelayanan', 'Tangkapan layar publikasi standar pelayanan'],
        ),
        pilihan(
          'pp_standar_pelayanan_c',
          'Dilakukan reviu dan perbaikan atas standar pelayanan',
          [
            'Reviu melibatkan pemangku kepentingan dan memanfaatkan hasil SKM serta pengaduan',
            'Reviu memanfaatkan hasil SKM dan pengaduan tanpa melibatkan pemangku kepentingan',
            'Reviu dilakukan tanpa memanfaatkan hasil SKM dan pengaduan',
            'Reviu belum dilakukan',
          ],
          ['Laporan reviu standar pelayanan', 'Undangan dan daftar hadir', 'Notulen'],
        ),
      ]),
      subArea('pp_budaya_pelayanan_prima', 'Budaya pelayanan prima', 1.0, [
        pilihan(
          'pp_budaya_pelayanan_prima_a',
          'Telah dilakukan berbagai upaya peningkatan kemampuan dan/atau kompetensi tentang penerapan budaya pelayanan prima',
          [
            'Pelatihan berkelanjutan dan terjadwal, seluruh petugas kompeten, dan kecakapan petugas dimonitor',
            'Pelatihan telah dilakukan dan seluruh petugas kompeten',
            'Pelatihan telah dilakukan dan sebagian besar petugas kompeten',
            'Pelatihan terbatas sehingga hanya sebagian kecil petugas kompeten',
            'Belum ada pelatihan pelayanan prima',
          ],
          ['Sertifikat pelatihan pelayanan prima', 'Dokumentasi kegiatan'],
        ),
        pilihan(
          'pp_budaya_pelayanan_prima_b',
          'Informasi tentang pelayanan mudah diakses melalui berbagai media',
          [
            'Seluruh informasi dapat diakses daring dan terhubung dengan sistem informasi pelayanan publik nasional',
            'Seluruh informasi dapat diakses daring tetapi belum terhubung dengan sistem nasional',
            'Informasi hanya dapat diakses di tempat layanan',
            'Informasi tentang pelayanan sulit diakses',
          ],
          ['Tangkapan layar kanal informasi pelayanan'],
        ),
        pilihan(
          'pp_budaya_pelayanan_prima_c',
          'Telah terdapat sistem pemberian penghargaan dan sanksi bagi petugas pemberi pelayanan',
          [
            'Kebijakan memenuhi unsur disiplin, kinerja dan penilaian pengguna, dan diterapkan rutin',
            'Kebijakan memenuhi unsur penilaian tetapi belum diterapkan rutin',
            'Kebijakan ada tetapi belum memenuhi unsur penilaian minimal',
            'Belum ada kebijakan penghargaan dan sanksi',
          ],
          ['Kebijakan penghargaan dan sanksi petugas layanan', 'SK pemberian penghargaan'],
        ),
        pilihan(
          'pp_budaya_pelayanan_prima_d',
          'Telah terdapat sistem pemberian kompensasi kepada penerima layanan bila layanan tidak sesuai standar',
          [
            'Kompensasi berlaku di seluruh jenis layanan',
            'Kompensasi berlaku di sebagian besar jenis layanan',
            'Kompensasi berlaku di sebagian kecil jenis layanan',
            'Belum ada sistem kompensasi',
          ],
          ['Kebijakan kompensasi pelayanan', 'Bukti pemberian kompensasi'],
        ),
        pilihan(
          'pp_budaya_pelayanan_prima_e',
          'Terdapat sarana layanan terpadu/terintegrasi',
          [
            'Seluruh pelayanan dilakukan secara terpadu',
            'Sebagian besar pelayanan dilakukan secara terpadu',
            'Sebagian kecil pelayanan dilakukan secara terpadu',
            'Tidak ada pelayanan terpadu',
          ],
          ['Dokumentasi sarana layanan terpadu'],
        ),
      ]),
      subArea('pp_pengelolaan_pengaduan', 'Pengelolaan pengaduan', 1.0, [
        pilihan(
          'pp_pengelolaan_pengaduan_a',
          'Terdapat media pengaduan dan konsultasi pelayanan yang terintegrasi dengan SP4N-LAPOR!',
          [
            'Media luring dan daring, ada petugas khusus, dan terintegrasi dengan SP4N-LAPOR!',
            'Media luring dan daring dan ada petugas khusus, tetapi belum terintegrasi dengan SP4N-LAPOR!',
            'Media luring dan daring tanpa petugas khusus',
            'Hanya media luring',
            'Tidak ada media pengaduan dan konsultasi',
          ],
          ['Tangkapan layar kanal pengaduan', 'Surat penugasan pengelola SP4N-LAPOR!'],
        ),
        pilihan(
          'pp_pengelolaan_pengaduan_b',
          'Terdapat unit yang mengelola pengaduan dan konsultasi pelayanan',
          [
            'Ada unit pengelola khusus dan surat penugasan pengelola SP4N-LAPOR! di unit kerja',
            'Ada SK/surat penugasan pengelola SP4N-LAPOR! tetapi belum ada unit pengelola khusus',
            'Belum ada unit pengelola maupun penugasan pengelola SP4N-LAPOR!',
          ],
          ['SK unit pengelola pengaduan'],
        ),
        pilihan(
          'pp_pengelolaan_pengaduan_c',
          'Telah dilakukan evaluasi atas penanganan keluhan/masukan dan konsultasi',
          ['Evaluasi dilakukan secara berkala', 'Evaluasi dilakukan tidak berkala', 'Evaluasi belum dilakukan'],
          ['Laporan evaluasi penanganan pengaduan'],
        ),
      ]),
      subArea('pp_penilaian_kepuasan', 'Penilaian kepuasan terhadap pelayanan', 1.0, [
        pilihan(
          'pp_penilaian_kepuasan_a',
          'Telah dilakukan survei kepuasan masyarakat terhadap pelayanan',
          [
            'Minimal 4 kali dalam setahun',
            'Minimal 3 kali dalam setahun',
            'Minimal 2 kali dalam setahun',
            'Minimal 1 kali dalam setahun',
            'Belum dilakukan',
          ],
          ['Laporan survei kepuasan masyarakat (SKM)'],
        ),
        pilihan(
          'pp_penilaian_kepuasan_b',
          'Hasil survei kepuasan masyarakat dapat diakses secara terbuka',
          ['Dapat diakses daring dan luring', 'Hanya dapat diakses luring di tempat layanan', 'Tidak dipublikasikan'],
          ['Tangkapan layar publikasi hasil SKM'],
        ),
        pilihan(
          'pp_penilaian_kepuasan_c',
          'Dilakukan tindak lanjut atas hasil survei kepuasan masyarakat',
          [
            'Seluruh hasil survei ditindaklanjuti',
            'Sebagian besar hasil survei ditindaklanjuti',
            'Sebagian kecil hasil survei ditindaklanjuti',
            'Hasil survei belum ditindaklanjuti',
          ],
          ['Laporan tindak lanjut hasil SKM'],
        ),
      ]),
      subArea('pp_teknologi_informasi', 'Pemanfaatan teknologi informasi', 1.0, [
        pilihan(
          'pp_teknologi_informasi_a',
          'Telah menerapkan teknologi informasi dalam memberikan pelayanan',
          [
            'TI digunakan pada seluruh proses pemberian layanan',
            'TI digunakan pada sebagian besar proses pemberian layanan',
            'TI digunakan pada sebagian kecil proses pemberian layanan',
            'Pelayanan belum menggunakan TI',
          ],
          ['Tangkapan layar aplikasi pelayanan'],
        ),
        yaTidak('pp_teknologi_informasi_b', 'Telah membangun database pelayanan yang terintegrasi', [
          'Dokumentasi database pelayanan',
        ]),
        pilihan(
          'pp_teknologi_informasi_c',
          'Telah dilakukan perbaikan secara terus-menerus',
          ['Perbaikan dilakukan terus-menerus', 'Perbaikan dilakukan tidak terus-menerus', 'Belum dilakukan perbaikan'],
          ['Catatan perbaikan sistem layanan'],
        ),
      ]),
    ],
  },
  reform: {
    subAreas: [
      subArea('pp_inovasi_pelayanan', 'Upaya dan/atau inovasi pelayanan publik', 2.5, [
        pilihan(
          'pp_inovasi_pelayanan_a',
          'Upaya dan/atau inovasi telah mendorong perbaikan pelayanan publik',
          [
            'Upaya/inovasi mendorong perbaikan seluruh pelayanan menjadi lebih cepat dan mudah',
            'Upaya/inovasi belum seluruhnya berdampak pada perbaikan pelayanan',
            'Upaya/inovasi belum sesuai kebutuhan',
            'Belum ada inovasi',
          ],
          ['Dokumen inovasi pelayanan', 'Laporan dampak inovasi'],
        ),
        persentase(
          'pp_inovasi_pelayanan_b',
          'Upaya dan/atau inovasi pada perizinan/pelayanan telah dipermudah',
          {
            numerator: 'Jumlah perizinan/pelayanan yang telah dipermudah',
            denominator: 'Jumlah perizinan/pelayanan yang terdata',
          },
          ['Daftar jenis layanan', 'Dokumen penyederhanaan layanan'],
        ),
      ]),
      subArea('pp_penanganan_pengaduan_konsultasi', 'Penanganan pengaduan pelayanan & konsultasi', 2.5, [
        pilihan(
          'pp_penanganan_pengaduan_konsultasi_a',
          'Penanganan pengaduan pelayanan dilakukan melalui berbagai kanal/media secara responsif dan bertanggung jawab',
          [
            'Direspons cepat melalui berbagai kanal',
            'Direspons cepat melalui kanal yang terbatas',
            'Direspons lambat melalui berbagai kanal',
            'Direspons lambat dan kanal terbatas',
          ],
          ['Rekapitulasi pengaduan dan waktu respons'],
        ),
        persentase(
          'pp_penanganan_pengaduan_konsultasi_b',
          'Pengaduan pelayanan dan konsultasi yang telah diselesaikan',
          {
            numerator: 'Jumlah pengaduan/konsultasi yang diselesaikan',
            denominator: 'Jumlah pengaduan/konsultasi yang diterima',
            zeroDenominatorValue: 1,
          },
          ['Rekapitulasi pengaduan SP4N-LAPOR!'],
        ),
      ]),
    ],
  },
};
