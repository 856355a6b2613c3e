/** Area V — Penguatan Pengawasan (bobot 15: pemenuhan 7.5, reform 7.5). */
import { areaNames } from '../../areas';
import type { LkeArea } from '../types';
import { persentase, pilihan, subArea, yaTidak } from './builders';

export const penguatanPengawasan: LkeArea = {
  id: 'penguatan_pengawasan',
  name: areaNames.penguatan_pengawasan,
  weight: 15,
  pemenuhan: {
    subAreas: [
      subArea('pw_pengendalian_gratifikasi', 'Pengendalian gratifikasi', 1.5, [
        pilihan(
          'pw_pengendalian_gratifikasi_a',
          'Telah dilakukan public campaign tentang pengendalian gratifikasi',
          [
            'Public campaign dilakukan secara berkala',
            'Public campaign dilakukan tidak berkala',
            'Belum dilakukan public campaign',
          ],
          ['Dokumentasi public campaign', 'Tangkapan layar media kampanye'],
        ),
        pilihan(
          'pw_pengendalian_gratifikasi_b',
          'Pengendalian gratifikasi telah diimplementasikan',
          [
            'Unit Pengendalian Gratifikasi (UPG) ada dan pengendalian gratifikasi telah menjadi bagian dari prosedur',
            'UPG ada dan upaya pengendalian gratifikasi telah mulai dilakukan',
            'UPG telah dibentuk tetapi belum ada prosedur pengendalian',
            'Belum memiliki UPG',
          ],
          ['SK Unit Pengendalian Gratifikasi', 'Laporan pengendalian gratifikasi'],
        ),
      ]),
      subArea('pw_spip', 'SPIP', 1.5, [
        pilihan(
          'pw_spip_a',
          'Telah dibangun lingkungan pengendalian',
          [
            'Seluruh lingkungan pengendalian dibangun dan unit membuat inovasi yang sesuai karakteristiknya',
            'Seluruh lingkungan pengendalian dibangun sesuai ketetapan organisasi',
            'Sebagian besar lingkungan pengendalian dibangun',
            'Sebagian kecil lingkungan pengendalian dibangun',
            'Lingkungan pengendalian belum dibangun',
          ],
          ['SK Satgas SPIP', 'Dokumen lingkungan pengendalian'],
        ),
        pilihan(
          'pw_spip_b',
          'Telah dilakukan penilaian risiko atas pelaksanaan kebijakan',
          [
            'Penilaian risiko atas seluruh kebijakan dilakukan dan disertai inovasi',
            'Penilaian risiko atas seluruh kebijakan dilakukan',
            'Penilaian risiko atas sebagian besar kebijakan dilakukan',
            'Penilaian risiko atas sebagian kecil kebijakan dilakukan',
            'Penilaian risiko belum dilakukan',
          ],
          ['Register risiko', 'Dokumen penilaian risiko'],
        ),
        pilihan(
          'pw_spip_c',
          'Telah dilakukan kegiatan pengendalian untuk meminimalisir risiko yang telah diidentifikasi',
          [
            'Kegiatan pengendalian dilakukan sesuai ketetapan organisasi dan disertai inovasi',
            'Kegiatan pengendalian dilakukan sesuai ketetapan organisasi',
            'Kegiatan pengendalian belum dilakukan',
          ],
          ['Rencana tindak pengendalian', 'Laporan pelaksanaan pengendalian'],
        ),
        pilihan(
          'pw_spip_d',
          'SPI telah diinformasikan dan dikomunikasikan kepada seluruh pihak terkait',
          [
            'SPI telah dikomunikasikan kepada seluruh pihak terkait',
            'SPI telah dikomunikasikan kepada sebagian pihak terkait',
            'SPI belum dikomunikasikan',
          ],
          ['Dokumentasi sosialisasi SPI'],
        ),
      ]),
      subArea('pw_pengaduan_masyarakat', 'Pengaduan masyarakat', 1.5, [
        pilihan(
          'pw_pengaduan_masyarakat_a',
          'Kebijakan pengaduan masyarakat telah diimplementasikan',
          [
            'Seluruh kebijakan pengaduan diimplementasikan dan disertai inovasi',
            'Seluruh kebijakan pengaduan diimplementasikan',
            'Kebijakan pengaduan belum diimplementasikan',
          ],
          ['Kebijakan pengelolaan pengaduan', 'SK petugas pengelola pengaduan'],
        ),
        yaTidak('pw_pengaduan_masyarakat_b', 'Pengaduan masyarakat ditindaklanjuti', [
          'Rekapitulasi tindak lanjut pengaduan',
        ]),
        pilihan(
          'pw_pengaduan_masyarakat_c',
          'Telah dilakukan monitoring dan evaluasi atas penanganan pengaduan masyarakat',
          [
            'Monitoring dan evaluasi dilakukan secara berkala',
            'Monitoring dan evaluasi dilakukan tidak berkala',
            'Monitoring dan evaluasi belum dilakukan',
          ],
          ['Laporan monitoring dan evaluasi penanganan pengaduan'],
        ),
        pilihan(
          'pw_pengaduan_masyarakat_d',
          'Hasil evaluasi atas penanganan pengaduan masyarakat telah ditindaklanjuti',
          [
            'Seluruh hasil evaluasi ditindaklanjuti',
            'Sebagian hasil evaluasi ditindaklanjuti',
            'Hasil evaluasi belum ditindaklanjuti',
          ],
          ['Laporan tindak lanjut hasil evaluasi'],
        ),
      ]),
      subArea('pw_whistle_blowing', 'Whistle-blowing system', 1.5, [
        pilihan(
          'pw_whistle_blowing_a',
          'Whistle-blowing system telah diterapkan',
          [
            'Seluruh kebijakan whistle-blowing system diterapkan dan disertai inovasi',
            'Kebijakan whistle-blowing system diterapkan sesuai ketetapan organisasi',
            'Whistle-blowing system belum diterapkan',
          ],
          ['Kebijakan whistle-blowing system', 'Tangkapan layar kanal pelaporan'],
        ),
        pilihan(
          'pw_whistle_blowing_b',
          'Telah dilakukan evaluasi atas penerapan whistle-blowing system',
          ['Evaluasi dilakukan secara berkala', 'Evaluasi dilakukan tidak berkala', 'Evaluasi belum dilakukan'],
          ['Laporan evaluasi whistle-blowing system'],
        ),
        pilihan(
          'pw_whistle_blowing_c',
          'Hasil evaluasi atas penerapan whistle-blowing system telah ditindaklanjuti',
          [
            'Seluruh hasil evaluasi ditindaklanjuti',
            'Sebagian hasil evaluasi ditindaklanjuti',
            'Hasil evaluasi belum ditindaklanjuti',
          ],
          ['Laporan tindak lanjut evaluasi whistle-blowing system'],
        ),
      ]),
      subArea('pw_benturan_kepentingan', 'Penanganan benturan kepentingan', 1.5, [
        pilihan(
          'pw_benturan_kepentingan_a',
          'Telah terdapat identifikasi/pemetaan benturan kepentingan dalam tugas fungsi utama',
          [
            'Pemetaan mencakup seluruh tugas fungsi utama',
            'Pemetaan mencakup sebagian besar tugas fungsi utama',
            'Pemetaan mencakup sebagian kecil tugas fungsi utama',
            'Belum ada pemetaan benturan kepentingan',
          ],
          ['Dokumen pemetaan benturan kepentingan'],
        ),
        pilihan(
          'pw_benturan_kepentingan_b',
          'Penanganan benturan kepentingan telah disosialisasikan/diinternalisasikan',
          [
            'Disosialisasikan ke seluruh layanan',
            'Disosialisasikan ke sebagian besar layanan',
            'Disosialisasikan ke sebagian kecil layanan',
            'Belum disosialisasikan',
          ],
          ['Dokumentasi sosialisasi', 'Undangan dan daftar hadir'],
        ),
        pilihan(
          'pw_benturan_kepentingan_c',
          'Penanganan benturan kepentingan telah diimplementasikan',
          [
            'Diimplementasikan di seluruh layanan',
            'Diimplementasikan di sebagian besar layanan',
            'Diimplementasikan di sebagian kecil layanan',
            'Belum diimplementasikan',
          ],
          ['Surat pernyataan bebas benturan kepentingan', 'Laporan penanganan benturan kepentingan'],
        ),
        pilihan(
          'pw_benturan_kepentingan_d',
          'Telah dilakukan evaluasi atas penanganan benturan kepentingan',
          ['Evaluasi dilakukan secara berkala', 'Evaluasi dilakukan tidak berkala', 'Evaluasi belum dilakukan'],
          ['Laporan evaluasi penanganan benturan kepentingan'],
        ),
        pilihan(
          'pw_benturan_kepentingan_e',
          'Hasil evaluasi atas penanganan benturan kepentingan telah ditindaklanjuti',
          [
            'Seluruh hasil evaluasi ditindaklanjuti',
            'Sebagian hasil evaluasi ditindaklanjuti',
            'Hasil evaluasi belum ditindaklanjuti',
          ],
          ['Laporan tindak lanjut hasil evaluasi'],
        ),
      ]),
    ],
  },
  reform: {
    subAreas: [
      subArea('pw_mekanisme_pengendalian', 'Mekanisme pengendalian', 2.5, [
        pilihan(
          'pw_mekanisme_pengendalian_a',
          'Telah dilakukan mekanisme pengendalian aktivitas secara berjenjang',
          [
            'Pengendalian aktivitas utama tersistem dari perencanaan hingga pelaporan dan telah meningkatkan kinerja',
            'Pengendalian tersistem hingga pimpinan unit tetapi belum berdampak pada kinerja',
            'Pengendalian tersistem oleh penanggung jawab aktivitas',
            'Terdapat pengendalian aktivitas utama tetapi tidak tersistem',
            'Tidak ada pengendalian atas aktivitas utama',
          ],
          ['Dokumen pengendalian aktivitas utama', 'Laporan pemantauan pengendalian'],
        ),
      ]),
      subArea('pw_penanganan_pengaduan', 'Penanganan pengaduan masyarakat', 3.0, [
        persentase(
          'pw_penanganan_pengaduan_a',
          'Persentase penanganan pengaduan masyarakat',
          {
            numerator: 'Jumlah pengaduan masyarakat yang selesai ditindaklanjuti',
            denominator: 'Jumlah pengaduan masyarakat yang harus ditindaklanjuti',
            // No complaint to follow up leaves nothing outstanding.
            zeroDenominatorValue: 1,
          },
          ['Rekapitulasi pengaduan masyarakat', 'Bukti tindak lanjut pengaduan'],
        ),
      ]),
      subArea('pw_lhkpn_lhkasn', 'Penyampaian LHKPN/LHKASN', 2.0, [
        persentase(
          'pw_lhkpn_lhkasn_a',
          'Penyampaian Laporan Harta Kekayaan Penyelenggara Negara (LHKPN)',
          {
            numerator: 'Sudah lapor LHKPN',
            denominator: 'Wajib lapor LHKPN',
            // A unit where nobody is obliged to report owes no report.
            zeroDenominatorValue: 1,
          },
          ['SK penetapan wajib lapor LHKPN', 'Tanda terima penyampaian LHKPN'],
        ),
        persentase(
          'pw_lhkpn_lhkasn_b',
          'Penyampaian Laporan Harta Kekayaan Aparatur Sipil Negara (LHKASN)',
          { numerator: 'Sudah lapor LHKASN', denominator: 'Wajib lapor LHKASN', zeroDenominatorValue: 1 },
          ['Daftar wajib lapor LHKASN', 'Tanda terima penyampaian LHKASN'],
        ),
      ]),
    ],
  },
};
