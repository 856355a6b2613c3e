import type { Holiday } from './holidays';

/**
 * Hari libur nasional dan cuti bersama 2025: SKB Menteri Agama, Menteri Ketenagakerjaan dan MenPAN-RB
 * No. 1017/2024, 2/2024 and 2/2024 (14 October 2024): 17 libur nasional + 10 cuti bersama; amended on
 * 7 August 2025 to add cuti bersama on Monday 18 August (HUT ke-80 RI).
 */
export const holidays2025: readonly Holiday[] = [
  { date: '2025-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2025 Masehi' },
  { date: '2025-01-27', kind: 'libur_nasional', name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2025-01-28', kind: 'cuti_bersama', name: 'Cuti Bersama Tahun Baru Imlek 2576 Kongzili' },
  { date: '2025-01-29', kind: 'libur_nasional', name: 'Tahun Baru Imlek 2576 Kongzili' },
  { date: '2025-03-28', kind: 'cuti_bersama', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1947)' },
  { date: '2025-03-29', kind: 'libur_nasional', name: 'Hari Suci Nyepi (Tahun Baru Saka 1947)' },
  { date: '2025-03-31', kind: 'libur_nasional', name: 'Idulfitri 1446 Hijriah' },
  { date: '2025-04-01', kind: 'libur_nasional', name: 'Idulfitri 1446 Hijriah' },
  { date: '2025-04-02', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1446 Hijriah' },
  { date: '2025-04-03', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1446 Hijriah' },
  { date: '2025-04-04', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1446 Hijriah' },
  { date: '2025-04-07', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1446 Hijriah' },
  { date: '2025-04-18', kind: 'libur_nasional', name: 'Wafat Yesus Kristus' },
  { date: '2025-04-20', kind: 'libur_nasional', name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2025-05-01', kind: 'libur_nasional', name: 'Hari Buruh Internasional' },
  { date: '2025-05-12', kind: 'libur_nasional', name: 'Hari Raya Waisak 2569 BE' },
  { date: '2025-05-13', kind: 'cuti_bersama', name: 'Cuti Bersama Hari Raya Waisak 2569 BE' },
  { date: '2025-05-29', kind: 'libur_nasional', name: 'Kenaikan Yesus Kristus' },
  { date: '2025-05-30', kind: 'cuti_bersama', name: 'Cuti Bersama Kenaikan Yesus Kristus' },
  { date: '2025-06-01', kind: 'libur_nasional', name: 'Hari Lahir Pancasila' },
  { date: '2025-06-06', kind: 'libur_nasional', name: 'Iduladha 1446 Hijriah' },
  { date: '2025-06-09', kind: 'cuti_bersama', name: 'Cuti Bersama Iduladha 1446 Hijriah' },
  { date: '2025-06-27', kind: 'libur_nasional', name: '1 Muharam Tahun Baru Islam 1447 Hijriah' },
  { date: '2025-08-17', kind: 'libur_nasional', name: 'Proklamasi Kemerdekaan' },
  { date: '2025-08-18', kind: 'cuti_bersama', name: 'Cuti Bersama HUT ke-80 Republik Indonesia' },
  { date: '2025-09-05', kind: 'libur_nasional', name: 'Maulid Nabi Muhammad SAW' },
  { date: '2025-12-25', kind: 'libur_nasional', name: 'Kelahiran Yesus Kristus' },
  { date: '2025-12-26', kind: 'cuti_bersama', name: 'Cuti Bersama Kelahiran Yesus Kristus' },
];
