/** Area III — Penataan Sistem Manajemen SDM (bobot 10: pemenuhan 5, reform 5). */
import { areaNames } from '../../areas';
import type { LkeArea } from '../types';
import { persentase, pilihan, subArea, yaTidak } from './builders';

export const penataanSdm: LkeArea = {
  id: 'penataan_sdm',
  name: areaNames.penataan_sdm,
  weight: 10,
  pemenuhan: {
    subAreas: [
      subArea('sdm_perencanaan_kebutuhan', 'Perencanaan kebutuhan pegawai', 0.25, [
        yaTidak(
          'sdm_perencanaan_kebutuhan_a',
          'Kebutuhan pegawai yang disusun oleh unit kerja mengacu kepada peta jabatan dan hasil analisis beban kerja untuk masing-masing jabatan',
          ['Peta jabatan', 'Dokumen analisis beban kerja (ABK)', 'Usulan kebutuhan pegawai'],
        ),
        pilihan(
          'sdm_perencanaan_kebutuhan_b',
          'Penempatan pegawai hasil rekrutmen murni mengacu kepada kebutuhan pegawai yang telah disusun per jabatan',
          [
            'Semua penempatan pegawai hasil rekrutmen mengacu pada kebutuhan per jabatan',
            'Sebagian besar penempatan mengacu pada kebutuhan per jabatan',
            'Sebagian kecil penempatan mengacu pada kebutuhan per jabatan',
            'Penempatan tidak mengacu pada kebutuhan per jabatan',
          ],
          ['SK penempatan pegawai', 'Rekapitulasi kebutuhan per jabatan'],
        ),
        yaTidak(
          'sdm_perencanaan_kebutuhan_c',
          'Telah dilakukan monitoring dan evaluasi terhadap penempatan pegawai rekrutmen untuk memenuhi kebutuhan jabatan dalam organisasi telah memberikan perbaikan terhadap kinerja unit kerja',
          ['Laporan monitoring dan evaluasi penempatan pegawai'],
        ),
      ]),
      subArea('sdm_pola_mutasi', 'Pola mutasi internal', 0.5, [
        yaTidak(
          'sdm_pola_mutasi_a',
          'Dalam melakukan pengembangan karier pegawai, telah dilakukan mutasi pegawai antar jabatan',
          ['SK mutasi pegawai'],
        ),
        pilihan(
          'sdm_pola_mutasi_b',
          'Dalam melakukan mutasi pegawai antar jabatan telah memperhatikan kompetensi jabatan dan mengikuti pola mutasi yang telah ditetapkan',
          [
            'Semua mutasi memperhatikan kompetensi dan pola mutasi, dan unit kerja memberikan pertimbangan',
            'Semua mutasi memperhatikan kompetensi dan pola mutasi yang ditetapkan organisasi',
            'Sebagian besar mutasi memperhatikan kompetensi dan pola mutasi',
            'Sebagian kecil mutasi memperhatikan kompetensi dan pola mutasi',
            'Mutasi belum memperhatikan kompetensi dan pola mutasi',
          ],
          ['Kebijakan pola mutasi', 'SK mutasi pegawai', 'Notulen pertimbangan mutasi'],
        ),
        yaTidak(
          'sdm_pola_mutasi_c',
          'Telah dilakukan monitoring dan evaluasi terhadap kegiatan mutasi yang telah dilakukan dalam kaitannya dengan perbaikan kinerja',
          ['Laporan monitoring dan evaluasi mutasi'],
        ),
      ]),
      subArea('sdm_pengembangan_kompetensi', 'Pengembangan berbasis kompetensi', 1.25, [
        yaTidak(
          'sdm_pengembangan_kompetensi_a',
          'Unit kerja melakukan Training Need Analysis untuk pengembangan kompetensi',
          ['Dokumen Training Need Analysis (TNA)'],
        ),
        pilihan(
          'sdm_pengembangan_kompetensi_b',
          'Dalam menyusun rencana pengembangan kompetensi pegawai, telah mempertimbangkan hasil pengelolaan kinerja pegawai',
          [
            'Semua rencana pengembangan kompetensi mempertimbangkan hasil pengelolaan kinerja',
            'Sebagian besar rencana mempertimbangkan hasil pengelolaan kinerja',
            'Sebagian kecil rencana mempertimbangkan hasil pengelolaan kinerja',
            'Belum ada rencana yang mempertimbangkan hasil pengelolaan kinerja',
          ],
          ['Rencana pengembangan kompetensi pegawai'],
        ),
        persentase(
          'sdm_pengembangan_kompetensi_c',
          'Pegawai di unit kerja telah memperoleh kesempatan/hak untuk mengikuti diklat maupun pengembangan kompetensi lainnya',
          { numerator: 'Jumlah pegawai yang telah mengikuti pengembangan kompetensi', denominator: 'Jumlah pegawai' },
          ['Daftar pegawai peserta pengembangan kompetensi', 'Sertifikat diklat'],
        ),
        pilihan(
          'sdm_pengembangan_kompetensi_d',
          'Telah dilakukan monitoring dan evaluasi terhadap hasil pengembangan kompetensi dalam kaitannya dengan perbaikan kinerja',
          [
            'Monitoring dan evaluasi dilakukan secara berkala',
            'Monitoring dan evaluasi dilakukan tetapi tidak berkala',
            'Monitoring dan evaluasi belum dilakukan',
          ],
          ['Laporan evaluasi pasca pelatihan'],
        ),
      ]),
      subArea('sdm_penetapan_kinerja_individu', 'Penetapan kinerja individu', 2.0, [
        pilihan(
          'sdm_penetapan_kinerja_individu_a',
          'Terdapat penetapan kinerja individu yang terkait dengan perjanjian kinerja organisasi',
          [
            'Seluruh kinerja individu terkait dengan kinerja organisasi dan perjanjian kinerja selaras dengan SKP',
            'Sebagian besar kinerja individu terkait dengan kinerja organisasi',
            'Sebagian kecil kinerja individu terkait dengan kinerja organisasi',
            'Belum ada penetapan kinerja individu yang terkait dengan kinerja organisasi',
          ],
          ['Perjanjian Kinerja', 'Sasaran Kinerja Pegawai (SKP)'],
        ),
        pilihan(
          'sdm_penetapan_kinerja_individu_b',
          'Ukuran kinerja individu telah memiliki kesesuaian dengan indikator kinerja individu level di atasnya',
          [
            'Seluruh ukuran kinerja individu sesuai dengan indikator level di atasnya dan menggambarkan logic model',
            'Sebagian besar ukuran kinerja individu sesuai dengan indikator level di atasnya',
            'Sebagian kecil ukuran kinerja individu sesuai dengan indikator level di atasnya',
            'Ukuran kinerja individu belum sesuai dengan indikator level di atasnya',
          ],
          ['Dokumen cascading kinerja', 'Sasaran Kinerja Pegawai (SKP)'],
        ),
        pilihan(
          'sdm_penetapan_kinerja_individu_c',
          'Pengukuran kinerja individu dilakukan secara periodik',
          ['Bulanan', 'Triwulanan', 'Semesteran', 'Tahunan', 'Belum dilakukan'],
          ['Laporan pengukuran kinerja individu'],
        ),
        yaTidak(
          'sdm_penetapan_kinerja_individu_d',
          'Hasil penilaian kinerja individu telah dijadikan dasar untuk pemberian reward (pengembangan karier individu, penghargaan, dll.)',
          ['SK pemberian penghargaan', 'Dokumen penilaian kinerja pegawai'],
        ),
      ]),
      subArea('sdm_penegakan_disiplin', 'Penegakan aturan disiplin/kode etik', 0.75, [
        pilihan(
          'sdm_penegakan_disiplin_a',
          'Aturan disiplin/kode etik/kode perilaku telah dilaksanakan/diimplementasikan',
          [
            'Seluruh aturan diimplementasikan dan unit membuat inovasi yang sesuai karakteristiknya',
            'Seluruh aturan yang ditetapkan organisasi diimplementasikan',
            'Sebagian aturan diimplementasikan',
            'Aturan belum diimplementasikan',
          ],
          ['Kode etik dan kode perilaku pegawai', 'Rekapitulasi kehadiran pegawai', 'Laporan penegakan disiplin'],
        ),
      ]),
      subArea('sdm_sistem_informasi_kepegawaian', 'Sistem informasi kepegawaian', 0.25, [
        pilihan(
          'sdm_sistem_informasi_kepegawaian_a',
          'Data informasi kepegawaian unit kerja telah dimutakhirkan secara berkala',
          [
            'Data dapat diakses pegawai dan dimutakhirkan setiap ada perubahan',
            'Data dapat diakses pegawai dan dimutakhirkan secara berkala',
            'Data belum dimutakhirkan',
          ],
          ['Tangkapan layar SIMPEG', 'Log pemutakhiran data kepegawaian'],
        ),
      ]),
    ],
  },
  reform: {
    subAreas: [
      subArea('sdm_kinerja_individu', 'Kinerja individu', 1.5, [
        pilihan(
          'sdm_kinerja_individu_a',
          'Ukuran kinerja individu telah berorientasi hasil (outcome) sesuai pada levelnya',
          [
            'Seluruh ukuran kinerja individu berorientasi hasil sesuai levelnya',
            'Sebagian ukuran kinerja individu berorientasi hasil',
            'Tidak ada ukuran kinerja individu yang berorientasi hasil',
          ],
          ['Sasaran Kinerja Pegawai (SKP)', 'Dokumen cascading kinerja'],
        ),
      ]),
      subArea('sdm_assessment_pegawai', 'Assessment pegawai', 1.5, [
        pilihan(
          'sdm_assessment_pegawai_a',
          'Hasil assessment telah dijadikan pertimbangan untuk mutasi dan pengembangan karier pegawai',
          [
            'Seluruh hasil assessment dijadikan dasar mutasi internal dan pengembangan kompetensi',
            'Hasil assessment belum seluruhnya dijadikan dasar mutasi dan pengembangan kompetensi',
            'Hasil assessment belum dijadikan dasar mutasi dan pengembangan kompetensi',
          ],
          ['Laporan hasil assessment pegawai', 'SK mutasi pegawai'],
        ),
      ]),
      subArea('sdm_pelanggaran_disiplin', 'Pelanggaran disiplin pegawai', 2.0, [
        pilihan(
          'sdm_pelanggaran_disiplin_a',
          'Penurunan pelanggaran disiplin pegawai dibandingkan tahun sebelumnya',
          [
            'Tidak ada pelanggaran, atau pelanggaran turun 75% atau lebih',
            'Pelanggaran turun 50% sampai kurang dari 75%',
            'Pelanggaran turun 25% sampai kurang dari 50%',
            'Pelanggaran turun kurang dari 25%',
            'Pelanggaran tetap atau meningkat',
          ],
          ['Rekapitulasi pelanggaran disiplin tahun ini dan tahun sebelumnya'],
        ),
        persentase(
          'sdm_pelanggaran_disiplin_b',
          'Pelanggaran disiplin pegawai yang telah dijatuhi hukuman/sanksi',
          {
            numerator: 'Jumlah pelanggaran yang telah diberikan sanksi',
            denominator: 'Jumlah pelanggaran tahun ini',
            // No violation this year leaves nothing to sanction: that is the best case, not missing work.
            zeroDenominatorValue: 1,
          },
          ['SK penjatuhan hukuman disiplin'],
        ),
      ]),
    ],
  },
};
