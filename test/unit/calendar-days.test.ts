import {
  addCalendarDays,
  instantAt,
  isIsoDate,
  isLocalTime,
  localDayOf,
  minutesOfLocalTime,
  toInstant,
  toZone,
  weekdayOf,
  zoneOffsetMinutes,
} from '../../domain/calendar';
import { fromEpochDay, toEpochDay } from '../../domain/calendar/days';

describe('calendar days (YYYY-MM-DD)', () => {
  it.each([
    ['2026-03-13', true],
    ['2024-02-29', true],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2025-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['2026-1-5', false],
    ['2026-03-13T00:00:00Z', false],
    ['', false],
    [20260313, false],
    [undefined, false],
  ])('isIsoDate(%p) is %p', (value, expected) => {
    expect(isIsoDate(value)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['2000-02-29', 2],
    ['2025-12-31', 3],
    ['2026-01-01', 4],
    ['2026-03-13', 5],
    ['2026-03-14', 6],
    ['2026-03-15', 0],
    ['2026-03-16', 1],
    ['1969-12-31', 3],
  ])('weekdayOf(%s) is %i (0 = Sunday)', (day, expected) => {
    expect(weekdayOf(day)).toBe(expected);
  });

  it.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2000-02-28', 1, '2000-02-29'],
    ['1900-02-28', 1, '1900-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-01-01', -1, '2025-12-31'],
    ['2026-03-13', 0, '2026-03-13'],
    ['2026-03-13', 365, '2027-03-13'],
    ['1970-01-01', -1, '1969-12-31'],
  ])('addCalendarDays(%s, %i) is %s', (day, days, expected) => {
    expect(addCalendarDays(day, days)).toBe(expected);
  });

  it('agrees with the proleptic Gregorian calendar of Date for every day of 1896–2104', () => {
    const first = Date.UTC(1896, 0, 1) / 86_400_000;
    const last = Date.UTC(2104, 11, 31) / 86_400_000;
    const mismatches: string[] = [];
    for (let epochDay = first; epochDay <= last; epochDay++) {
      const expected = new Date(epochDay * 86_400_000).toISOString().slice(0, 10);
      if (fromEpochDay(epochDay) !== expected || toEpochDay(expected) !== epochDay) mismatches.push(expected);
    }
    expect(last - first).toBeGreaterThan(75_000);
    expect(mismatches).toEqual([]);
  });

  it.each(['2026-02-30', '13-03-2026', 'kemarin'])('rejects %p with a RangeError', (day) => {
    expect(() => addCalendarDays(day, 1)).toThrow(RangeError);
    expect(() => weekdayOf(day)).toThrow(RangeError);
  });
});

describe('Indonesian time zones', () => {
  it('uses fixed offsets: WIB +7, WITA +8, WIT +9', () => {
    expect(zoneOffsetMinutes).toEqual({ WIB: 420, WITA: 480, WIT: 540 });
  });

  it.each([
    ['WIB', 'WIB'],
    ['WITA', 'WITA'],
    ['WIT', 'WIT'],
    ['Asia/Jakarta', 'WIB'],
    ['Asia/Pontianak', 'WIB'],
    ['Asia/Makassar', 'WITA'],
    ['Asia/Jayapura', 'WIT'],
  ])('toZone(%s) is %s', (input, expected) => {
    expect(toZone(input)).toBe(expected);
  });

  it.each(['Asia/Singapore', 'UTC', 'wib', 'toString', ''])('toZone rejects %p', (input) => {
    expect(() => toZone(input)).toThrow(RangeError);
  });

  it.each([
    // 23:30 WIB on 10 March is already 11 March in WITA and WIT.
    ['2026-03-10T16:30:00Z', 'WIB', '2026-03-10'],
    ['2026-03-10T16:30:00Z', 'WITA', '2026-03-11'],
    ['2026-03-10T16:30:00Z', 'WIT', '2026-03-11'],
    // 06:30 WIB / 07:30 WITA / 08:30 WIT: the same day everywhere.
    ['2026-03-10T23:30:00Z', 'WIB', '2026-03-11'],
    ['2026-03-10T23:30:00Z', 'WIT', '2026-03-11'],
    // 22:30 UTC on 31 Dec is New Year in all three zones.
    ['2025-12-31T22:30:00Z', 'WIB', '2026-01-01'],
    // 16:59 UTC is 23:59 WIB (still the 31st) but 00:59 WITA.
    ['2025-12-31T16:59:00Z', 'WIB', '2025-12-31'],
    ['2025-12-31T16:59:00Z', 'WITA', '2026-01-01'],
  ] as const)('the instant %s falls on %s local day %s', (instant, zone, expected) => {
    expect(localDayOf(instant, zone)).toBe(expected);
    expect(localDayOf(new Date(instant), zone)).toBe(expected);
  });

  it.each([
    ['WIB', '2026-03-10T01:00:00.000Z'],
    ['WITA', '2026-03-10T00:00:00.000Z'],
    ['WIT', '2026-03-09T23:00:00.000Z'],
  ] as const)('08:00 on 2026-03-10 in %s is %s', (zone, expected) => {
    expect(instantAt('2026-03-10', '08:00', zone).toISOString()).toBe(expected);
  });

  it('instantAt crosses the day boundary backwards for early local times', () => {
    expect(instantAt('2026-01-01', '00:00', 'WIB').toISOString()).toBe('2025-12-31T17:00:00.000Z');
    expect(instantAt('2026-01-01', '23:59', 'WIT').toISOString()).toBe('2026-01-01T14:59:00.000Z');
  });

  it.each([
    ['00:00', 0],
    ['08:00', 480],
    ['16:00', 960],
    ['23:59', 1439],
  ])('minutesOfLocalTime(%s) is %i', (time, minutes) => {
    expect(isLocalTime(time)).toBe(true);
    expect(minutesOfLocalTime(time)).toBe(minutes);
  });

  it.each(['24:00', '8:00', '08:60', '08:00:00', '', 'pagi'])('rejects the local time %p', (time) => {
    expect(isLocalTime(time)).toBe(false);
    expect(() => minutesOfLocalTime(time)).toThrow(RangeError);
  });

  it.each([
    ['2026-03-10T08:00:00+07:00', '2026-03-10T01:00:00.000Z'],
    ['2026-03-10T08:00+09:00', '2026-03-09T23:00:00.000Z'],
    ['2026-03-10T01:00:00.123Z', '2026-03-10T01:00:00.123Z'],
  ])('toInstant reads %s with its offset', (value, expected) => {
    expect(toInstant(value).toISOString()).toBe(expected);
  });

  it('toInstant copies a Date rather than sharing it', () => {
    const original = new Date('2026-03-10T01:00:00Z');
    const copy = toInstant(original);
    expect(copy).not.toBe(original);
    expect(copy.getTime()).toBe(original.getTime());
  });

  it.each([
    ['a day without time', '2026-03-10'],
    ['a date-time without a zone (host-dependent)', '2026-03-10T08:00:00'],
    ['an invalid Date', new Date(Number.NaN)],
    ['an impossible date', '2026-02-30T08:00:00Z'],
    ['hour 24', '2026-03-10T24:00:00Z'],
    ['an impossible offset', '2026-03-10T08:00:00+25:00'],
  ])('toInstant rejects %s', (_label, value) => {
    expect(() => toInstant(value)).toThrow(RangeError);
  });
});
