/** Area IV — Penguatan Akuntabilitas Kinerja (bobot 10: pemenuhan 5, reform 5). */
import { areaNames } from '../../areas';
import type { LkeArea } from '../types';
import { persentase, pilihan, subArea, yaTidak } from './builders';

export const akuntabilitasKinerja: LkeArea = {
  id: 'akuntabilitas_kinerja',
  name: areaNames.akuntabilitas_kinerja,
  weight: 10,
  pemenuhan: {
    subAreas: [
      subArea('ak_keterlibatan_pimpinan', 'Keterlibatan pimpinan', 2.5, [
        pilihan(
          'ak_keterlibatan_pimpinan_a',
          'Unit kerja telah melibatkan pimpinan secara langsung pada saat penyusunan perencanaan',
          [
            'Pimpinan terlibat dalam seluruh tahapan penyusunan perencanaan',
            'Pimpinan terlibat dalam sebagian tahapan penyusunan perencanaan',
            'Pimpinan tidak terlibat (hanya menandatangani)',
          ],
          ['Undangan dan daftar hadir', 'Notulen penyusunan perencanaan', 'Dokumentasi kegiatan'],
        ),
        pilihan(
          'ak_keterlibatan_pimpinan_b',
          'Unit kerja telah melibatkan secara langsung pimpinan saat penyusunan penetapan kinerja',
          [
            'Pimpinan terlibat dalam seluruh tahapan penyusunan perjanjian kinerja',
            'Pimpinan terlibat dalam sebagian tahapan penyusunan perjanjian kinerja',
            'Pimpinan tidak terlibat dalam penyusunan perjanjian kinerja',
          ],
          ['Undangan dan daftar hadir', 'Notulen penyusunan perjanjian kinerja'],
        ),
        pilihan(
          'ak_keterlibatan_pimpinan_c',
          'Pimpinan memantau pencapaian kinerja secara berkala',
          [
            'Pimpinan terlibat dalam seluruh pemantauan dan menindaklanjuti hasilnya',
            'Pimpinan terlibat dalam seluruh pemantauan tetapi tidak ada tindak lanjut',
            'Pimpinan terlibat dalam sebagian pemantauan',
            'Pimpinan tidak terlibat dalam pemantauan pencapaian kinerja',
          ],
          ['Laporan pemantauan kinerja berkala', 'Notulen rapat evaluasi kinerja'],
        ),
      ]),
      subArea('ak_pengelolaan_akuntabilitas', 'Pengelolaan akuntabilitas kinerja', 2.5, [
        yaTidak('ak_pengelolaan_akuntabilitas_a', 'Dokumen perencanaan kinerja sudah ada', [
          'Rencana Strategis (Renstra)',
          'Rencana Kinerja Tahunan',
          'Perjanjian Kinerja',
        ]),
        yaTidak('ak_pengelolaan_akuntabilitas_b', 'Perencanaan kinerja telah berorientasi hasil', [
          'Dokumen perencanaan kinerja',
        ]),
        yaTidak('ak_pengelolaan_akuntabilitas_c', 'Terdapat penetapan Indikator Kinerja Utama (IKU)', [
          'SK penetapan IKU',
        ]),
        pilihan(
          'ak_pengelolaan_akuntabilitas_d',
          'Indikator kinerja telah memenuhi kriteria SMART',
          [
            'Seluruh indikator kinerja telah SMART',
            'Sebagian besar indikator kinerja telah SMART',
            'Sebagian kecil indikator kinerja telah SMART',
            'Belum ada indikator kinerja yang SMART',
          ],
          ['Daftar indikator kinerja dan manual IKU'],
        ),
        yaTidak('ak_pengelolaan_akuntabilitas_e', 'Laporan kinerja telah disusun tepat waktu', [
          'Laporan Kinerja (LKj)',
          'Bukti penyampaian Laporan Kinerja',
        ]),
        pilihan(
          'ak_pengelolaan_akuntabilitas_f',
          'Pelaporan kinerja telah memberikan informasi tentang kinerja',
          [
            'Seluruh pelaporan kinerja memberikan informasi tentang kinerja',
            'Sebagian pelaporan kinerja belum memberikan informasi tentang kinerja',
            'Seluruh pelaporan kinerja belum memberikan informasi tentang kinerja',
          ],
          ['Laporan Kinerja (LKj)'],
        ),
        pilihan(
          'ak_pengelolaan_akuntabilitas_g',
          'Unit kerja telah berupaya meningkatkan kapasitas SDM yang menangani akuntabilitas kinerja',
          [
            'Seluruh SDM pengelola akuntabilitas kinerja kompeten',
            'Sebagian SDM pengelola akuntabilitas kinerja kompeten',
            'Belum ada SDM pengelola akuntabilitas kinerja yang kompeten',
          ],
          ['Sertifikat pelatihan akuntabilitas kinerja', 'Daftar pengelola akuntabilitas kinerja'],
        ),
      ]),
    ],
  },
  reform: {
    subAreas: [
      subArea('ak_capaian_kinerja', 'Meningkatnya capaian kinerja', 2.0, [
        persentase(
          'ak_capaian_kinerja_a',
          'Persentase sasaran dengan capaian 100% atau lebih',
          { numerator: 'Jumlah sasaran kinerja yang tercapai 100% atau lebih', denominator: 'Jumlah sasaran kinerja' },
          ['Laporan Kinerja (LKj)', 'Perjanjian Kinerja'],
        ),
      ]),
      subArea('ak_reward_punishment', 'Pemberian reward & punishment', 1.5, [
        pilihan(
          'ak_reward_punishment_a',
          'Hasil capaian/monitoring perjanjian kinerja telah dijadikan dasar sebagai pemberian reward and punishment bagi organisasi',
          [
            'Seluruh capaian perjanjian kinerja menjadi unsur pemberian reward and punishment',
            'Sebagian besar (lebih dari 50%) capaian menjadi unsur pemberian reward and punishment',
            'Sebagian kecil (kurang dari 50%) capaian menjadi unsur pemberian reward and punishment',
            'Capaian kinerja belum menjadi unsur pemberian reward and punishment',
          ],
          ['Kebijakan reward and punishment', 'SK pemberian penghargaan dan sanksi'],
        ),
      ]),
      subArea('ak_kerangka_logis', 'Kerangka logis kinerja', 1.5, [
        pilihan(
          'ak_kerangka_logis_a',
          'Terdapat penjenjangan kinerja (kerangka logis kinerja) yang mengacu pada kinerja utama organisasi dan dijadikan dasar penentuan kinerja seluruh pegawai',
          [
            'Kerangka logis kinerja mengacu pada kinerja utama dan digunakan untuk penjabaran kinerja seluruh pegawai',
            'Kerangka logis kinerja mengacu pada kinerja utama tetapi belum digunakan untuk seluruh pegawai',
            'Kerangka logis kinerja ada tetapi belum mengacu pada kinerja utama organisasi',
            'Kerangka logis kinerja belum ada',
          ],
          ['Dokumen kerangka logis kinerja', 'Pohon kinerja'],
        ),
      ]),
    ],
  },
};
