import {
  applyHolidayChanges,
  defaultHolidays,
  type Holiday,
  type HolidayKind,
  holidays2025,
  holidays2026,
  shippedHolidays,
  validateHolidays,
  weekdayOf,
} from '../../domain/calendar';

const dayNames = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
const count = (list: readonly Holiday[], kind: HolidayKind) => list.filter((holiday) => holiday.kind === kind).length;

describe('shipped holiday lists (SKB 3 Menteri)', () => {
  it.each([
    ['2025', holidays2025, 17, 11],
    ['2026', holidays2026, 17, 8],
  ] as const)('%s has %i libur nasional and %i cuti bersama', (_year, list, libur, cuti) => {
    expect(count(list, 'libur_nasional')).toBe(libur);
    expect(count(list, 'cuti_bersama')).toBe(cuti);
  });

  it.each([
    ['2025', holidays2025],
    ['2026', holidays2026],
  ] as const)('%s is valid, within its year and in date order', (year, list) => {
    expect(validateHolidays(list)).toEqual([]);
    expect(list.every((holiday) => holiday.date.startsWith(`${year}-`))).toBe(true);
    expect(list.map((holiday) => holiday.date)).toEqual(list.map((holiday) => holiday.date).sort());
  });

  it('names every holiday in Bahasa Indonesia, and every cuti bersama as such', () => {
    for (const holiday of defaultHolidays) {
      expect(holiday.name.trim()).not.toBe('');
      expect(holiday.name.startsWith('Cuti Bersama')).toBe(holiday.kind === 'cuti_bersama');
    }
  });

  it('the default list is both years, and the shipped lists are indexed by year', () => {
    expect(defaultHolidays).toEqual([...holidays2025, ...holidays2026]);
    expect(shippedHolidays[2025]).toBe(holidays2025);
    expect(shippedHolidays[2026]).toBe(holidays2026);
    expect(validateHolidays(defaultHolidays)).toEqual([]);
  });

  // Weekdays as the SKB announcements print them: a typo in a date would land on another weekday.
  it.each([
    ['2025-01-01', 'Rabu', 'libur_nasional'],
    ['2025-01-27', 'Senin', 'libur_nasional'],
    ['2025-01-28', 'Selasa', 'cuti_bersama'],
    ['2025-01-29', 'Rabu', 'libur_nasional'],
    ['2025-03-28', 'Jumat', 'cuti_bersama'],
    ['2025-03-29', 'Sabtu', 'libur_nasional'],
    ['2025-03-31', 'Senin', 'libur_nasional'],
    ['2025-04-01', 'Selasa', 'libur_nasional'],
    ['2025-04-02', 'Rabu', 'cuti_bersama'],
    ['2025-04-03', 'Kamis', 'cuti_bersama'],
    ['2025-04-04', 'Jumat', 'cuti_bersama'],
    ['2025-04-07', 'Senin', 'cuti_bersama'],
    ['2025-04-18', 'Jumat', 'libur_nasional'],
    ['2025-04-20', 'Minggu', 'libur_nasional'],
    ['2025-05-01', 'Kamis', 'libur_nasional'],
    ['2025-05-12', 'Senin', 'libur_nasional'],
    ['2025-05-13', 'Selasa', 'cuti_bersama'],
    ['2025-05-29', 'Kamis', 'libur_nasional'],
    ['2025-05-30', 'Jumat', 'cuti_bersama'],
    ['2025-06-01', 'Minggu', 'libur_nasional'],
    ['2025-06-06', 'Jumat', 'libur_nasional'],
    ['2025-06-09', 'Senin', 'cuti_bersama'],
    ['2025-06-27', 'Jumat', 'libur_nasional'],
    ['2025-08-17', 'Minggu', 'libur_nasional'],
    ['2025-08-18', 'Senin', 'cuti_bersama'],
    ['2025-09-05', 'Jumat', 'libur_nasional'],
    ['2025-12-25', 'Kamis', 'libur_nasional'],
    ['2025-12-26', 'Jumat', 'cuti_bersama'],
    ['2026-01-01', 'Kamis', 'libur_nasional'],
    ['2026-01-16', 'Jumat', 'libur_nasional'],
    ['2026-02-16', 'Senin', 'cuti_bersama'],
    ['2026-02-17', 'Selasa', 'libur_nasional'],
    ['2026-03-18', 'Rabu', 'cuti_bersama'],
    ['2026-03-19', 'Kamis', 'libur_nasional'],
    ['2026-03-20', 'Jumat', 'cuti_bersama'],
    ['2026-03-21', 'Sabtu', 'libur_nasional'],
    ['2026-03-22', 'Minggu', 'libur_nasional'],
    ['2026-03-23', 'Senin', 'cuti_bersama'],
    ['2026-03-24', 'Selasa', 'cuti_bersama'],
    ['2026-04-03', 'Jumat', 'libur_nasional'],
    ['2026-04-05', 'Minggu', 'libur_nasional'],
    ['2026-05-01', 'Jumat', 'libur_nasional'],
    ['2026-05-14', 'Kamis', 'libur_nasional'],
    ['2026-05-15', 'Jumat', 'cuti_bersama'],
    ['2026-05-27', 'Rabu', 'libur_nasional'],
    ['2026-05-28', 'Kamis', 'cuti_bersama'],
    ['2026-05-31', 'Minggu', 'libur_nasional'],
    ['2026-06-01', 'Senin', 'libur_nasional'],
    ['2026-06-16', 'Selasa', 'libur_nasional'],
    ['2026-08-17', 'Senin', 'libur_nasional'],
    ['2026-08-25', 'Selasa', 'libur_nasional'],
    ['2026-12-24', 'Kamis', 'cuti_bersama'],
    ['2026-12-25', 'Jumat', 'libur_nasional'],
  ] as const)('%s (%s) is %s', (date, weekday, kind) => {
    const holiday = defaultHolidays.find((candidate) => candidate.date === date);
    expect(holiday?.kind).toBe(kind);
    expect(dayNames[weekdayOf(date)]).toBe(weekday);
  });

  it('lists no day off beyond the table above', () => {
    expect(defaultHolidays).toHaveLength(28 + 25);
  });

  it('keeps Idulfitri 1447 H on 21–22 March 2026 with cuti bersama on 20, 23 and 24 March', () => {
    const march = holidays2026.filter((holiday) => holiday.name.includes('Idulfitri'));
    expect(march.map((holiday) => [holiday.date, holiday.kind])).toEqual([
      ['2026-03-20', 'cuti_bersama'],
      ['2026-03-21', 'libur_nasional'],
      ['2026-03-22', 'libur_nasional'],
      ['2026-03-23', 'cuti_bersama'],
      ['2026-03-24', 'cuti_bersama'],
    ]);
  });
});

describe('validateHolidays', () => {
  const valid: Holiday = { date: '2026-03-10', name: 'Hari Jadi Kota', kind: 'libur_nasional' };

  it.each([
    ['an impossible date', [{ ...valid, date: '2026-02-30' }], '0.date', 'bukan tanggal yang valid'],
    ['a day without zero padding', [{ ...valid, date: '2026-3-10' }], '0.date', 'format YYYY-MM-DD'],
    ['an empty name', [{ ...valid, name: '  ' }], '0.name', 'belum diisi'],
    ['an unknown kind', [{ ...valid, kind: 'libur_daerah' as HolidayKind }], '0.kind', 'tidak dikenal'],
    ['a date listed twice', [valid, { ...valid, name: 'Lain' }], '1.date', 'sudah tercantum pada baris 0'],
  ])('reports %s', (_label, list, path, message) => {
    const issues = validateHolidays(list);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(message);
  });

  it('reports every problem, in list order', () => {
    const issues = validateHolidays([
      { date: 'besok', name: '', kind: 'cuti_bersama' },
      valid,
      { ...valid, kind: 'x' as HolidayKind },
    ]);
    expect(issues.map((issue) => issue.path)).toEqual(['0.date', '0.name', '2.date', '2.kind']);
  });

  it('accepts an empty list (an instansi that works through every holiday)', () => {
    expect(validateHolidays([])).toEqual([]);
  });
});

describe('applyHolidayChanges (a cycle edits its own list)', () => {
  const regional: Holiday = { date: '2026-03-10', name: 'Hari Jadi Kota', kind: 'libur_nasional' };

  it('adds a day and keeps the list in date order', () => {
    const list = applyHolidayChanges(holidays2026, { add: [regional] });
    expect(list).toHaveLength(holidays2026.length + 1);
    expect(list.map((holiday) => holiday.date)).toEqual(list.map((holiday) => holiday.date).sort());
    expect(list).toContainEqual(regional);
  });

  it('removes days by date', () => {
    const list = applyHolidayChanges(holidays2026, { remove: ['2026-03-18', '2026-12-24'] });
    expect(list.map((holiday) => holiday.date)).not.toContain('2026-03-18');
    expect(list.map((holiday) => holiday.date)).not.toContain('2026-12-24');
    expect(list).toHaveLength(holidays2026.length - 2);
  });

  it('replaces a listed day when the same date is added (e.g. an isbat that renames it)', () => {
    const moved: Holiday = { date: '2026-03-20', name: 'Idulfitri 1447 Hijriah', kind: 'libur_nasional' };
    const list = applyHolidayChanges(holidays2026, { add: [moved] });
    expect(list.filter((holiday) => holiday.date === '2026-03-20')).toEqual([moved]);
    expect(validateHolidays(list)).toEqual([]);
  });

  it('leaves the base list untouched and ignores dates it does not hold', () => {
    const before = [...holidays2026];
    const list = applyHolidayChanges(holidays2026, { remove: ['2030-01-01'] });
    expect(list).toEqual(before);
    expect(holidays2026).toEqual(before);
  });
});
