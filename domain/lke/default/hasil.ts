/**
 * Komponen hasil (bobot 40). IPAK and IPKP come from external surveys (SPAK, SPKP) as an index 0–4, converted to
 * points as index ÷ 4 × 17.5.
 *
 * Capaian kinerja (bobot 5) is answered as one A–E question: on the template's A–E values (1, 0.75, 0.5, 0.25, 0)
 * the options are worth 5, 3.75, 2.50, 1.25 and 0 points, so the WBK minimum (2.50) is "at least C" and the WBBM
 * minimum (3.75) "at least B". A reviewer reads the unit's Laporan Kinerja and picks the band, as TPI does.
 */
import { hasilIndicator, indeks, pilihan } from './builders';

export const birokrasiBersihAkuntabel = 'Birokrasi bersih dan akuntabel';
export const pelayananPublikPrima = 'Pelayanan publik prima';

export const hasilIndicators = [
  hasilIndicator('ipak', 'Indeks Persepsi Anti Korupsi (IPAK)', birokrasiBersihAkuntabel, 17.5, [
    indeks(
      'ipak_nilai',
      'Nilai Indeks Persepsi Anti Korupsi (IPAK) hasil Survei Persepsi Anti Korupsi (SPAK), skala 0–4',
      ['Laporan hasil Survei Persepsi Anti Korupsi (SPAK)'],
    ),
  ]),
  hasilIndicator('capaian_kinerja', 'Capaian kinerja lebih baik dari sebelumnya', birokrasiBersihAkuntabel, 5, [
    pilihan(
      'capaian_kinerja_banding',
      'Capaian kinerja unit kerja tahun ini dibandingkan dengan capaian kinerja tahun sebelumnya',
      [
        'Seluruh capaian indikator kinerja utama lebih baik dari tahun sebelumnya',
        'Sebagian besar (75% atau lebih) capaian indikator kinerja utama lebih baik dari tahun sebelumnya',
        'Sebagian (50% sampai kurang dari 75%) capaian indikator kinerja utama lebih baik dari tahun sebelumnya',
        'Sebagian kecil (kurang dari 50%) capaian indikator kinerja utama lebih baik dari tahun sebelumnya',
        'Tidak ada capaian indikator kinerja utama yang lebih baik dari tahun sebelumnya',
      ],
      ['Laporan Kinerja (LKj) tahun ini', 'Laporan Kinerja (LKj) tahun sebelumnya', 'Perjanjian Kinerja'],
    ),
  ]),
  hasilIndicator('ipkp', 'Indeks Persepsi Kualitas Pelayanan (IPKP)', pelayananPublikPrima, 17.5, [
    indeks(
      'ipkp_nilai',
      'Nilai Indeks Persepsi Kualitas Pelayanan (IPKP) hasil Survei Persepsi Kualitas Pelayanan (SPKP), skala 0–4',
      ['Laporan hasil Survei Persepsi Kualitas Pelayanan (SPKP)'],
    ),
  ]),
];
