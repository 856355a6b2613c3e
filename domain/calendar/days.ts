/**
 * Calendar days as `YYYY-MM-DD` strings and the arithmetic on them. A day is a label in the instansi's own
 * calendar, not an instant, so this module never touches `Date`: no host time zone can shift a day.
 */

/** A calendar day `YYYY-MM-DD` (no time, no zone). */
export type IsoDate = string;

/** 0 = Sunday … 6 = Saturday, as `Date.prototype.getUTCDay` counts. */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

interface CivilDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A real calendar date in `YYYY-MM-DD` form (rejects 2026-02-30, 2026-13-01, 2026-1-5). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && parseCivil(value) !== undefined;
}

/** Days since 1970-01-01 (negative before it); throws `RangeError` for anything but a real `YYYY-MM-DD`. */
export function toEpochDay(day: IsoDate): number {
  const civil = parseCivil(day);
  if (civil === undefined) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(day)}`);
  return daysFromCivil(civil);
}

export function fromEpochDay(epochDay: number): IsoDate {
  if (!Number.isInteger(epochDay)) throw new RangeError(`epoch day must be an integer: ${epochDay}`);
  const { year, month, day } = civilFromDays(epochDay);
  if (year < 0 || year > 9999) throw new RangeError(`year ${year} cannot be written as YYYY`);
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function addCalendarDays(day: IsoDate, days: number): IsoDate {
  return fromEpochDay(toEpochDay(day) + days);
}

export function weekdayOf(day: IsoDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  return modulo(toEpochDay(day) + 4, 7) as Weekday;
}

export function yearOf(day: IsoDate): number {
  toEpochDay(day);
  return Number(day.slice(0, 4));
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}

function parseCivil(value: string): CivilDate | undefined {
  const match = isoDatePattern.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return { year, month, day };
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

// Proleptic Gregorian conversions after Howard Hinnant's `days_from_civil` / `civil_from_days`: exact for any
// year and free of `Date`, whose two-digit-year quirks (Date.UTC(99, …) is 1999) would otherwise leak in.
function daysFromCivil({ year, month, day }: CivilDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function civilFromDays(epochDay: number): CivilDate {
  const shifted = epochDay + 719468;
  const era = Math.floor(shifted / 146097);
  const dayOfEra = shifted - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365,
  );
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const shiftedMonth = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * shiftedMonth + 2) / 5) + 1;
  const month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}

/** Month names as Indonesian documents write them, January first. */
export const indonesianMonthNames = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
] as const;

/** `2026-12-09` → `9 Desember 2026`. */
export function formatTanggal(date: IsoDate): string {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(date)}`);
  return `${Number(date.slice(8, 10))} ${indonesianMonthNames[Number(date.slice(5, 7)) - 1]} ${date.slice(0, 4)}`;
}
