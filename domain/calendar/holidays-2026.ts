import type { Holiday } from './holidays';

/**
 * Hari libur nasional dan cuti bersama 2026: SKB Menteri Agama, Menteri Ketenagakerjaan dan MenPAN-RB
 * No. 1497/2025, 2/2025 and 5/2025 (19 September 2025): 17 libur nasional + 8 cuti bersama.
 * Idulfitri 1447 H falls on Saturday–Sunday 21–22 March (the sidang isbat of 19 March 2026 kept 1 Syawal on the
 * 21st), with cuti bersama on 20, 23 and 24 March. An isbat that moves an Islamic holiday is applied per cycle
 * with `applyHolidayChanges`.
 */
export const holidays2026: readonly Holiday[] = [
  { date: '2026-01-01', kind: 'libur_nasional', name: 'Tahun Baru 2026 Masehi' },
  { date: '2026-01-16', kind: 'libur_nasional', name: 'Isra Mikraj Nabi Muhammad SAW' },
  { date: '2026-02-16', kind: 'cuti_bersama', name: 'Cuti Bersama Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-02-17', kind: 'libur_nasional', name: 'Tahun Baru Imlek 2577 Kongzili' },
  { date: '2026-03-18', kind: 'cuti_bersama', name: 'Cuti Bersama Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-19', kind: 'libur_nasional', name: 'Hari Suci Nyepi (Tahun Baru Saka 1948)' },
  { date: '2026-03-20', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1447 Hijriah' },
  { date: '2026-03-21', kind: 'libur_nasional', name: 'Idulfitri 1447 Hijriah' },
  { date: '2026-03-22', kind: 'libur_nasional', name: 'Idulfitri 1447 Hijriah' },
  { date: '2026-03-23', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1447 Hijriah' },
  { date: '2026-03-24', kind: 'cuti_bersama', name: 'Cuti Bersama Idulfitri 1447 Hijriah' },
  { date: '2026-04-03', kind: 'libur_nasional', name: 'Wafat Yesus Kristus' },
  { date: '2026-04-05', kind: 'libur_nasional', name: 'Kebangkitan Yesus Kristus (Paskah)' },
  { date: '2026-05-01', kind: 'libur_nasional', name: 'Hari Buruh Internasional' },
  { date: '2026-05-14', kind: 'libur_nasional', name: 'Kenaikan Yesus Kristus' },
  { date: '2026-05-15', kind: 'cuti_bersama', name: 'Cuti Bersama Kenaikan Yesus Kristus' },
  { date: '2026-05-27', kind: 'libur_nasional', name: 'Iduladha 1447 Hijriah' },
  { date: '2026-05-28', kind: 'cuti_bersama', name: 'Cuti Bersama Iduladha 1447 Hijriah' },
  { date: '2026-05-31', kind: 'libur_nasional', name: 'Hari Raya Waisak 2570 BE' },
  { date: '2026-06-01', kind: 'libur_nasional', name: 'Hari Lahir Pancasila' },
  { date: '2026-06-16', kind: 'libur_nasional', name: '1 Muharam Tahun Baru Islam 1448 Hijriah' },
  { date: '2026-08-17', kind: 'libur_nasional', name: 'Proklamasi Kemerdekaan' },
  { date: '2026-08-25', kind: 'libur_nasional', name: 'Maulid Nabi Muhammad SAW' },
  { date: '2026-12-24', kind: 'cuti_bersama', name: 'Cuti Bersama Kelahiran Yesus Kristus' },
  { date: '2026-12-25', kind: 'libur_nasional', name: 'Kelahiran Yesus Kristus' },
];
