/**
 * A working-day (hari kerja) calendar for one instansi: its time zone plus the days off the cycle uses.
 * Deadlines in the programme are counted in working days; weekends (Saturday, Sunday), libur nasional and cuti
 * bersama do not count. Pure and deterministic: every instant is passed in.
 */
import { addCalendarDays, fromEpochDay, type IsoDate, isIsoDate, toEpochDay, weekdayOf, yearOf } from './days';
import { defaultHolidays } from './default-holidays';
import { type Holiday, validateHolidays } from './holidays';
import {
  type IndonesianZone,
  type Instant,
  instantAt,
  type LocalTime,
  localDayOf,
  minutesOfLocalTime,
  toInstant,
  toZone,
  type ZoneInput,
} from './zones';

/** Office hours in which people may be emailed; `start` is inclusive and `end` exclusive. */
export interface WorkingHours {
  readonly start: LocalTime;
  readonly end: LocalTime;
}

/** 08:00–16:00 local time: the common core of pemda and K/L office hours. */
export const defaultWorkingHours: WorkingHours = { start: '08:00', end: '16:00' };

/** When work is due unless a rule says otherwise: the end of the office day. */
export const defaultDueTime: LocalTime = '16:00';

export interface WorkingCalendarOptions {
  /** The instansi's zone: `WIB`/`WITA`/`WIT` or `Asia/Jakarta`/`Asia/Makassar`/`Asia/Jayapura`. */
  readonly zone: ZoneInput;
  /**
   * Days off. Pass the cycle's own list (see `applyHolidayChanges`) to add or remove days.
   * @default defaultHolidays (SKB 2025 and 2026)
   */
  readonly holidays?: readonly Holiday[];
}

export interface DueRequest {
  /** Day 0: a calendar day, or an instant whose local day in the calendar's zone counts (its time does not). */
  readonly from: Instant | IsoDate;
  /** How many working days after `from` (negative: before). 0 is `from` itself, or the next working day. */
  readonly workingDays: number;
  /**
   * Local time of day the work is due.
   * @default '16:00'
   */
  readonly at?: LocalTime;
}

export interface WorkingCalendar {
  readonly zone: IndonesianZone;
  /** Years with at least one listed day off: outside them only weekends count, so warn before planning there. */
  readonly holidayYears: readonly number[];
  /** Not a Saturday, a Sunday, nor a listed holiday. */
  isWorkingDay(day: IsoDate): boolean;
  /** The listed holiday on that day, if any (a weekend is not a holiday). */
  holidayOn(day: IsoDate): Holiday | undefined;
  /**
   * The `n`-th working day after `day` (n > 0) or before it (n < 0); `day` itself never counts, so Friday + 1 is
   * Monday and Saturday + 1 is Monday too. `n = 0` returns `day` unchanged, working or not.
   */
  addWorkingDays(day: IsoDate, n: number): IsoDate;
  /**
   * Working days after `from` up to and including `to` (negative when `to` is earlier: minus the working days from
   * `to` up to, not including, `from`). For a working day `to`: `addWorkingDays(from, workingDaysBetween(from, to))
   * === to`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number;
  /** `day` when it is a working day, else the first working day after it. */
  workingDayOnOrAfter(day: IsoDate): IsoDate;
  /** The calendar day an instant falls on in this calendar's zone. */
  localDay(instant: Instant): IsoDate;
  /** The instant of a local wall-clock time on a day, in this calendar's zone. */
  atLocalTime(day: IsoDate, time: LocalTime): Date;
  /**
   * "N hari kerja" as an instant: `at` local time on `addWorkingDays(day0, workingDays)`. The result always lands on
   * a working day: with `workingDays = 0` a non-working day 0 moves to the next working day, as a deadline that falls
   * on a day off does.
   */
  resolveDue(request: DueRequest): Date;
  /**
   * `instant` itself when it lies within working hours of a working day, else `hours.start` on the next working day
   * (today's, if today is a working day and its office hours have not begun). Use it so that no email goes out at
   * night or on a day off.
   */
  nextWorkingMoment(instant: Instant, hours?: WorkingHours): Date;
}

/** Builds a calendar; throws `RangeError` when the holiday list has problems (see `validateHolidays`). */
export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const zone = toZone(options.zone);
  const holidays = options.holidays ?? defaultHolidays;
  const issues = validateHolidays(holidays);
  if (issues.length > 0) {
    throw new RangeError(`invalid holiday list: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  const holidayByDate = new Map(holidays.map((holiday) => [holiday.date, holiday]));
  const holidayYears = [...new Set(holidays.map((holiday) => yearOf(holiday.date)))].sort((a, b) => a - b);

  const isWorkingDay = (day: IsoDate): boolean => {
    const weekday = weekdayOf(day);
    return weekday !== 0 && weekday !== 6 && !holidayByDate.has(day);
  };

  // Terminates: the holiday list is finite and every week has five weekdays.
  const stepToWorkingDay = (day: IsoDate, direction: 1 | -1): IsoDate => {
    let current = addCalendarDays(day, direction);
    while (!isWorkingDay(current)) current = addCalendarDays(current, direction);
    return current;
  };

  const addWorkingDays = (day: IsoDate, n: number): IsoDate => {
    if (!Number.isInteger(n)) throw new RangeError(`working days must be an integer: ${n}`);
    toEpochDay(day);
    const direction = n < 0 ? -1 : 1;
    let current = day;
    for (let step = 0; step < Math.abs(n); step++) current = stepToWorkingDay(current, direction);
    return current;
  };

  const workingDaysBetween = (from: IsoDate, to: IsoDate): number => {
    const [start, end] = [toEpochDay(from), toEpochDay(to)];
    const sign = end >= start ? 1 : -1;
    // Count over (from, to] going forward, or [to, from) going backward.
    const [first, last] = sign === 1 ? [start + 1, end] : [end, start - 1];
    let count = 0;
    for (let epochDay = first; epochDay <= last; epochDay++) if (isWorkingDay(fromEpochDay(epochDay))) count++;
    return sign * count;
  };

  const workingDayOnOrAfter = (day: IsoDate): IsoDate => (isWorkingDay(day) ? day : stepToWorkingDay(day, 1));

  const localDay = (instant: Instant): IsoDate => localDayOf(instant, zone);
  const atLocalTime = (day: IsoDate, time: LocalTime): Date => instantAt(day, time, zone);

  return {
    zone,
    holidayYears,
    isWorkingDay: (day) => {
      toEpochDay(day);
      return isWorkingDay(day);
    },
    holidayOn: (day) => {
      toEpochDay(day);
      return holidayByDate.get(day);
    },
    addWorkingDays,
    workingDaysBetween,
    workingDayOnOrAfter: (day) => {
      toEpochDay(day);
      return workingDayOnOrAfter(day);
    },
    localDay,
    atLocalTime,
    resolveDue: ({ from, workingDays, at = defaultDueTime }) => {
      const dayZero = typeof from === 'string' && isIsoDate(from) ? from : localDay(from);
      minutesOfLocalTime(at);
      return atLocalTime(workingDayOnOrAfter(addWorkingDays(dayZero, workingDays)), at);
    },
    nextWorkingMoment: (instant, hours = defaultWorkingHours) => {
      assertWorkingHours(hours);
      const moment = toInstant(instant);
      const day = localDay(moment);
      if (isWorkingDay(day)) {
        const [opens, closes] = [atLocalTime(day, hours.start), atLocalTime(day, hours.end)];
        if (moment < opens) return opens;
        if (moment < closes) return moment;
      }
      return atLocalTime(stepToWorkingDay(day, 1), hours.start);
    },
  };
}

function assertWorkingHours(hours: WorkingHours): void {
  if (minutesOfLocalTime(hours.start) >= minutesOfLocalTime(hours.end)) {
    throw new RangeError(`working hours must start before they end: ${hours.start}–${hours.end}`);
  }
}
