import {
  applyHolidayChanges,
  createWorkingCalendar,
  defaultHolidays,
  type Holiday,
  type IndonesianZone,
  toInstant,
} from '../../domain/calendar';

const wib = createWorkingCalendar({ zone: 'WIB' });
const zones: IndonesianZone[] = ['WIB', 'WITA', 'WIT'];
const offsets: Record<IndonesianZone, string> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };

/** `2026-03-10T08:00` local in the zone, as an ISO instant. */
const local = (dateTime: string, zone: IndonesianZone = 'WIB') =>
  toInstant(`${dateTime}:00${offsets[zone]}`).toISOString();

describe('createWorkingCalendar', () => {
  it('uses the shipped SKB lists by default', () => {
    expect(wib.zone).toBe('WIB');
    expect(wib.holidayYears).toEqual([2025, 2026]);
    expect(wib.holidayOn('2026-03-19')).toEqual(defaultHolidays.find((holiday) => holiday.date === '2026-03-19'));
  });

  it.each([
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
    ['WITA', 'WITA'],
  ] as const)('accepts the zone %s as %s', (zone, expected) => {
    expect(createWorkingCalendar({ zone }).zone).toBe(expected);
  });

  it('rejects an unknown zone', () => {
    expect(() => createWorkingCalendar({ zone: 'Asia/Tokyo' as IndonesianZone })).toThrow(RangeError);
  });

  it('rejects a holiday list with problems, naming them', () => {
    const broken: Holiday[] = [{ date: '2026-02-30', name: 'Salah', kind: 'libur_nasional' }];
    expect(() => createWorkingCalendar({ zone: 'WIB', holidays: broken })).toThrow(/0\.date/);
  });

  it('uses the list the cycle passes: added days stop counting, removed days count again', () => {
    const holidays = applyHolidayChanges(defaultHolidays, {
      add: [{ date: '2026-03-10', name: 'Hari Jadi Kota', kind: 'libur_nasional' }],
      remove: ['2026-03-18'],
    });
    const cycle = createWorkingCalendar({ zone: 'WIB', holidays });
    expect(cycle.isWorkingDay('2026-03-10')).toBe(false);
    expect(cycle.isWorkingDay('2026-03-18')).toBe(true);
    expect(cycle.addWorkingDays('2026-03-09', 1)).toBe('2026-03-11');
    expect(cycle.addWorkingDays('2026-03-17', 1)).toBe('2026-03-18');
    expect(wib.isWorkingDay('2026-03-10')).toBe(true);
  });

  it('with no holidays, only weekends are off', () => {
    const bare = createWorkingCalendar({ zone: 'WIB', holidays: [] });
    expect(bare.holidayYears).toEqual([]);
    expect(bare.isWorkingDay('2026-03-19')).toBe(true);
    expect(bare.isWorkingDay('2026-03-21')).toBe(false);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-03-09', true, 'a Monday'],
    ['2026-03-13', true, 'a Friday'],
    ['2026-03-14', false, 'a Saturday'],
    ['2026-03-15', false, 'a Sunday'],
    ['2026-03-19', false, 'libur nasional (Nyepi)'],
    ['2026-03-18', false, 'cuti bersama (Nyepi)'],
    ['2026-03-20', false, 'cuti bersama (Idulfitri)'],
    ['2026-03-23', false, 'cuti bersama after Idulfitri'],
    ['2026-03-24', false, 'cuti bersama after Idulfitri'],
    ['2026-03-25', true, 'the first day back after Idulfitri'],
    ['2026-05-28', false, 'cuti bersama (Iduladha)'],
    ['2026-12-24', false, 'cuti bersama (Natal)'],
    ['2026-12-31', true, "New Year's Eve (not a holiday)"],
    ['2025-08-18', false, 'the added cuti bersama of 18 August 2025'],
    ['2025-09-05', false, 'libur nasional (Maulid Nabi)'],
    ['2025-12-29', true, 'a Monday between Natal and New Year'],
    ['2027-01-01', true, 'a day of a year without holiday data (only weekends count)'],
  ])('%s is %p: %s', (day, expected) => {
    expect(wib.isWorkingDay(day)).toBe(expected);
  });

  it('a weekend is not a holiday, a cuti bersama is', () => {
    expect(wib.holidayOn('2026-03-14')).toBeUndefined();
    expect(wib.holidayOn('2026-03-18')?.kind).toBe('cuti_bersama');
    expect(wib.holidayOn('2026-03-19')?.kind).toBe('libur_nasional');
  });

  it('rejects a malformed day', () => {
    expect(() => wib.isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => wib.holidayOn('19-03-2026')).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-03-09', 0, '2026-03-09', 'zero is the day itself'],
    ['2026-03-14', 0, '2026-03-14', 'zero is the day itself, even on a weekend'],
    ['2026-03-12', 1, '2026-03-13', 'Thursday + 1 = Friday'],
    ['2026-03-13', 1, '2026-03-16', 'Friday + 1 = Monday'],
    ['2026-03-14', 1, '2026-03-16', 'Saturday + 1 = Monday'],
    ['2026-03-16', -1, '2026-03-13', 'Monday - 1 = Friday'],
    ['2026-03-15', -1, '2026-03-13', 'Sunday - 1 = Friday'],
    ['2026-03-09', 5, '2026-03-16', 'a plain week'],
    ['2026-03-17', 1, '2026-03-25', 'over Nyepi and the Idulfitri run (18–24 March 2026)'],
    ['2026-03-25', -1, '2026-03-17', 'back over the Idulfitri run'],
    ['2026-03-13', 10, '2026-04-06', 'over Idulfitri and Wafat Yesus Kristus'],
    ['2025-03-27', 1, '2025-04-08', 'over Nyepi and the Idulfitri run (28 March – 7 April 2025)'],
    ['2025-04-08', -1, '2025-03-27', 'back over the 2025 Idulfitri run'],
    ['2025-08-15', 1, '2025-08-19', 'over the added cuti bersama of 18 August 2025'],
    ['2026-02-13', 1, '2026-02-18', 'over cuti bersama and Imlek'],
    ['2026-05-13', 1, '2026-05-18', 'over Kenaikan and its cuti bersama'],
    ['2026-05-29', 1, '2026-06-02', 'over Waisak (a Sunday) and Hari Lahir Pancasila'],
    ['2025-12-24', 1, '2025-12-29', 'over Natal and its cuti bersama'],
    ['2025-12-31', 1, '2026-01-02', 'across the year boundary and New Year'],
    ['2026-01-02', -1, '2025-12-31', 'back across the year boundary'],
    ['2026-01-02', -3, '2025-12-29', 'three back across the year boundary'],
    ['2026-12-31', 1, '2027-01-01', 'into a year without holiday data'],
  ])('%s %p → %s (%s)', (day, n, expected) => {
    expect(wib.addWorkingDays(day, n)).toBe(expected);
  });

  it('always lands on a working day for n ≠ 0', () => {
    const days = Array.from({ length: 61 }, (_, i) => addDay('2026-03-01', i));
    for (const n of [1, 2, 3, 5, -1, -3, -5]) {
      expect(days.map((day) => wib.isWorkingDay(wib.addWorkingDays(day, n)))).not.toContain(false);
    }
  });

  it.each([1.5, Number.NaN, Infinity])('rejects the non-integer count %p', (n) => {
    expect(() => wib.addWorkingDays('2026-03-09', n)).toThrow(RangeError);
  });

  it('rejects a malformed day, even for n = 0', () => {
    expect(() => wib.addWorkingDays('2026-02-30', 0)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-03-13', '2026-03-13', 0, 'the same day'],
    ['2026-03-13', '2026-03-16', 1, 'Friday to Monday'],
    ['2026-03-16', '2026-03-13', -1, 'Monday back to Friday'],
    ['2026-03-14', '2026-03-15', 0, 'within a weekend'],
    ['2026-03-17', '2026-03-25', 1, 'over the Idulfitri run'],
    ['2026-03-25', '2026-03-17', -1, 'back over the Idulfitri run'],
    ['2026-03-13', '2026-04-06', 10, 'ten working days'],
    ['2026-03-01', '2026-03-31', 17, 'March 2026: 22 weekdays minus 5 days off'],
    ['2025-12-24', '2026-01-02', 4, 'across the year boundary'],
    ['2025-12-31', '2026-12-31', 240, 'all of 2026: 261 weekdays minus 21 days off on weekdays'],
    ['2024-12-31', '2025-12-31', 237, 'all of 2025: 261 weekdays minus 24 days off on weekdays'],
  ])('%s → %s is %i (%s)', (from, to, expected) => {
    expect(wib.workingDaysBetween(from, to)).toBe(expected);
  });

  it('is the inverse of addWorkingDays for every pair of days in March–April 2026', () => {
    const days = Array.from({ length: 61 }, (_, i) => addDay('2026-03-01', i));
    const broken: string[] = [];
    for (const from of days) {
      for (const to of days.filter((day) => wib.isWorkingDay(day))) {
        if (wib.addWorkingDays(from, wib.workingDaysBetween(from, to)) !== to) broken.push(`${from}→${to}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe('workingDayOnOrAfter', () => {
  it.each([
    ['2026-03-13', '2026-03-13'],
    ['2026-03-14', '2026-03-16'],
    ['2026-03-18', '2026-03-25'],
    ['2025-12-25', '2025-12-29'],
  ])('%s → %s', (day, expected) => {
    expect(wib.workingDayOnOrAfter(day)).toBe(expected);
  });
});

describe('resolveDue ("N hari kerja" as an instant)', () => {
  it.each([
    [{ from: '2026-03-02', workingDays: 10 }, '2026-03-16T16:00', 'the 10th working day after a Monday opening'],
    [{ from: '2026-03-09', workingDays: 10 }, '2026-03-30T16:00', 'ten working days spanning Idulfitri'],
    [{ from: '2026-03-13', workingDays: 0 }, '2026-03-13T16:00', 'day 0 is the opening day itself'],
    [{ from: '2026-03-14', workingDays: 0 }, '2026-03-16T16:00', 'day 0 on a Saturday moves to Monday'],
    [{ from: '2026-03-19', workingDays: 0 }, '2026-03-25T16:00', 'day 0 on Nyepi moves past the holidays'],
    [{ from: '2026-03-25', workingDays: -3 }, '2026-03-13T16:00', 'three working days before'],
    [{ from: '2025-12-24', workingDays: 2 }, '2025-12-30T16:00', 'over Natal'],
    [{ from: '2026-03-02', workingDays: 1, at: '12:00' }, '2026-03-03T12:00', 'at a chosen time'],
  ] as const)('%o → %s (%s)', (request, expected, _reason) => {
    expect(wib.resolveDue(request).toISOString()).toBe(local(expected));
  });

  it('takes the local day of an instant: 23:30 WIB on Sunday is already Monday in WITA and WIT', () => {
    const from = '2026-03-01T16:30:00Z';
    const due = Object.fromEntries(
      zones.map((zone) => [zone, createWorkingCalendar({ zone }).resolveDue({ from, workingDays: 1 }).toISOString()]),
    );
    expect(due).toEqual({
      WIB: local('2026-03-02T16:00', 'WIB'),
      WITA: local('2026-03-03T16:00', 'WITA'),
      WIT: local('2026-03-03T16:00', 'WIT'),
    });
  });

  it('ignores the time of day of the opening instant', () => {
    const morning = wib.resolveDue({ from: new Date(local('2026-03-02T07:00')), workingDays: 1 });
    const evening = wib.resolveDue({ from: new Date(local('2026-03-02T22:00')), workingDays: 1 });
    expect(morning.toISOString()).toBe(local('2026-03-03T16:00'));
    expect(evening.toISOString()).toBe(morning.toISOString());
  });

  it('rejects a malformed time or count', () => {
    expect(() => wib.resolveDue({ from: '2026-03-02', workingDays: 1, at: '4 sore' })).toThrow(RangeError);
    expect(() => wib.resolveDue({ from: '2026-03-02', workingDays: 0.5 })).toThrow(RangeError);
    expect(() => wib.resolveDue({ from: '2026-03-02T08:00', workingDays: 1 })).toThrow(RangeError);
  });
});

describe('nextWorkingMoment (no email at night or on days off)', () => {
  it.each([
    ['2026-03-10T10:00', '2026-03-10T10:00', 'inside office hours: unchanged'],
    ['2026-03-10T08:00', '2026-03-10T08:00', 'the opening minute counts as inside'],
    ['2026-03-10T15:59', '2026-03-10T15:59', 'the last minute before closing is inside'],
    ['2026-03-10T00:30', '2026-03-10T08:00', 'after midnight: this morning'],
    ['2026-03-10T07:59', '2026-03-10T08:00', 'just before opening: this morning'],
    ['2026-03-10T16:00', '2026-03-11T08:00', 'closing time is outside: next morning'],
    ['2026-03-10T23:00', '2026-03-11T08:00', '23:00: next working morning'],
    ['2026-03-13T23:00', '2026-03-16T08:00', 'Friday night: Monday morning'],
    ['2026-03-14T10:00', '2026-03-16T08:00', 'Saturday: Monday morning'],
    ['2026-03-17T23:00', '2026-03-25T08:00', 'the eve of Nyepi and Idulfitri: after the holidays'],
    ['2026-03-18T09:00', '2026-03-25T08:00', 'on a cuti bersama: after the holidays'],
    ['2025-12-31T23:00', '2026-01-02T08:00', "New Year's Eve: the first working morning of 2026"],
  ])('%s WIB → %s (%s)', (instant, expected) => {
    expect(wib.nextWorkingMoment(local(instant)).toISOString()).toBe(local(expected));
  });

  it.each([
    // 07:30 WIB / 08:30 WITA / 09:30 WIT on a Tuesday.
    ['2026-03-10T00:30:00Z', 'WIB', '2026-03-10T01:00:00.000Z'],
    ['2026-03-10T00:30:00Z', 'WITA', '2026-03-10T00:30:00.000Z'],
    ['2026-03-10T00:30:00Z', 'WIT', '2026-03-10T00:30:00.000Z'],
    // 14:30 WIB / 15:30 WITA / 16:30 WIT: closed only in Papua.
    ['2026-03-10T07:30:00Z', 'WIB', '2026-03-10T07:30:00.000Z'],
    ['2026-03-10T07:30:00Z', 'WITA', '2026-03-10T07:30:00.000Z'],
    ['2026-03-10T07:30:00Z', 'WIT', '2026-03-10T23:00:00.000Z'],
    // Friday 15:30 WIB / 16:30 WITA / 17:30 WIT: Monday morning in WITA and WIT.
    ['2026-03-13T08:30:00Z', 'WIB', '2026-03-13T08:30:00.000Z'],
    ['2026-03-13T08:30:00Z', 'WITA', '2026-03-16T00:00:00.000Z'],
    ['2026-03-13T08:30:00Z', 'WIT', '2026-03-15T23:00:00.000Z'],
  ] as const)('the instant %s in %s → %s', (instant, zone, expected) => {
    expect(createWorkingCalendar({ zone }).nextWorkingMoment(instant).toISOString()).toBe(expected);
  });

  it('accepts other office hours', () => {
    const hours = { start: '07:30', end: '15:30' };
    expect(wib.nextWorkingMoment(local('2026-03-10T07:45'), hours).toISOString()).toBe(local('2026-03-10T07:45'));
    expect(wib.nextWorkingMoment(local('2026-03-10T15:45'), hours).toISOString()).toBe(local('2026-03-11T07:30'));
  });

  it('returns a new Date, leaving the input alone', () => {
    const input = new Date(local('2026-03-10T10:00'));
    const output = wib.nextWorkingMoment(input);
    expect(output).not.toBe(input);
    expect(output.getTime()).toBe(input.getTime());
  });

  it('rejects office hours that end before they start', () => {
    expect(() => wib.nextWorkingMoment(local('2026-03-10T10:00'), { start: '16:00', end: '08:00' })).toThrow(
      RangeError,
    );
  });
});

function addDay(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
