/** Calendar-date arithmetic for the revocation bar: plain `YYYY-MM-DD` strings, no time of day, no zone. */
import { toEpochDay, type IsoDate } from '../calendar/days';

function parts(date: IsoDate): [number, number, number] {
  return [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))];
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `years` later. A 29 February lands on 28 February of a common year: the bar then lifts one day early
 * rather than one day late, the reading least harsh to the unit.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [year, month, day] = parts(date);
  const targetYear = year + years;
  return format(targetYear, month, Math.min(day, daysInMonth(targetYear, month)));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toEpochDay(to) - toEpochDay(from);
}
