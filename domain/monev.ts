/**
 * Monitoring dan evaluasi (monev) is periodic, not a one-off: within the monev stage window every unit reports
 * once per period, and units whose approved work trails the plan are flagged. This module cuts the window into
 * periods on the instansi's working-day calendar and measures who lags. Pure: safe inside Temporal's workflow
 * sandbox. Labels and messages reach people: Bahasa Indonesia.
 */
import {
  addCalendarDays,
  indonesianMonthNames,
  isIsoDate,
  type IsoDate,
  type LocalTime,
  type WorkingCalendar,
} from './calendar';
import type { StageWindow } from './stages';

/** How often monev comes round: per calendar month (the programme's habit) or every N working days. */
export type MonevCadence = { kind: 'monthly' } | { kind: 'every_working_days'; workingDays: number };

export const defaultMonevCadence: MonevCadence = { kind: 'monthly' };

/** A week is the shortest rhythm a unit can report on; half a working year (26 weeks) the longest still "periodic". */
export const minMonevWorkingDays = 5;
export const maxMonevWorkingDays = 130;

/** One problem in a cadence; `path` is relative to the cadence (`workingDays`; `''` for the cadence itself). */
export interface MonevCadenceIssue {
  readonly path: string;
  readonly message: string;
}

/** Checks a cadence as it arrives from outside (launch request, workflow input); never throws. */
export function validateMonevCadence(value: unknown): MonevCadenceIssue[] {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return [{ path: '', message: 'frekuensi monev tidak valid' }];
  }
  const cadence = value as Record<string, unknown>;
  const issues: MonevCadenceIssue[] = [];
  switch (cadence.kind) {
    case 'monthly':
      unknownKeys(cadence, ['kind'], issues);
      break;
    case 'every_working_days': {
      unknownKeys(cadence, ['kind', 'workingDays'], issues);
      const days = cadence.workingDays;
      if (days === undefined || days === null) {
        issues.push({ path: 'workingDays', message: 'jumlah hari kerja per periode monev belum diisi' });
      } else if (
        typeof days !== 'number' ||
        !Number.isInteger(days) ||
        days < minMonevWorkingDays ||
        days > maxMonevWorkingDays
      ) {
        issues.push({
          path: 'workingDays',
          message:
            `jumlah hari kerja per periode monev harus bilangan bulat ${minMonevWorkingDays} sampai ` +
            `${maxMonevWorkingDays} (diisi ${JSON.stringify(days)})`,
        });
      }
      break;
    }
    case undefined:
      issues.push({ path: 'kind', message: 'jenis frekuensi monev belum diisi' });
      break;
    default:
      issues.push({
        path: 'kind',
        message: `jenis frekuensi monev ${JSON.stringify(cadence.kind)} tidak dikenal (pilih monthly atau every_working_days)`,
      });
  }
  return issues;
}

export function isMonevCadence(value: unknown): value is MonevCadence {
  return validateMonevCadence(value).length === 0;
}

function unknownKeys(value: Record<string, unknown>, known: readonly string[], issues: MonevCadenceIssue[]): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) issues.push({ path: key, message: `isian "${key}" tidak dikenal` });
  }
}

/** One round of monev: the unit reports on the work of [opens, due]. */
export interface MonevPeriod {
  /** `[a-z0-9_]+`, unique within a cycle: `monev_2026_03` (monthly) or `monev_p01`; part of task keys and ids. */
  readonly key: string;
  /** As people read it: `Maret 2026` or `Periode 1`. */
  readonly label: string;
  /** 00:00 local time of the period's first day. */
  readonly opens: Date;
  readonly due: Date;
}

/**
 * The monev periods of a stage window, in order; every instant is in the calendar's zone.
 * - `monthly`: one period per calendar month the window touches, cut to the window. It is due at `dueAt` on the
 *   last working day of that part of the month (reports close the month), and a part without a working day (a
 *   window ending on the 1st, a Saturday) has no period.
 * - `every_working_days` N: the k-th period is due k·N working days after the window opens (the "N hari kerja"
 *   of `resolveDue`, day 0 being the opening day), so reports come round every N working days however weekends
 *   and holidays fall; a period opens the day after the previous one's due day. The last one is cut to the
 *   window's last working day.
 * Throws `RangeError` for a window that is not a pair of days with `opens` ≤ `due`, or an invalid cadence.
 */
export function monevPeriods(
  window: StageWindow,
  calendar: WorkingCalendar,
  cadence: MonevCadence,
  dueAt: LocalTime = '16:00',
): MonevPeriod[] {
  const cadenceIssues = validateMonevCadence(cadence);
  if (cadenceIssues.length > 0) {
    throw new RangeError(`invalid monev cadence: ${cadenceIssues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
  if (!isIsoDate(window.opens) || !isIsoDate(window.due)) {
    throw new RangeError(`monev window must be two YYYY-MM-DD days: ${JSON.stringify(window)}`);
  }
  if (window.due < window.opens) {
    throw new RangeError(`monev window due ${window.due} is before it opens ${window.opens}`);
  }
  calendar.atLocalTime(window.opens, dueAt); // rejects a malformed `dueAt` up front, even for an empty result
  switch (cadence.kind) {
    case 'monthly':
      return monthlyPeriods(window, calendar, dueAt);
    case 'every_working_days':
      return workingDayPeriods(window, calendar, cadence.workingDays, dueAt);
  }
}

function monthlyPeriods(window: StageWindow, calendar: WorkingCalendar, dueAt: LocalTime): MonevPeriod[] {
  const periods: MonevPeriod[] = [];
  let year = Number(window.opens.slice(0, 4));
  let month = Number(window.opens.slice(5, 7));
  for (;;) {
    const first = isoDay(year, month, 1);
    if (first > window.due) break;
    const [nextYear, nextMonth] = month === 12 ? [year + 1, 1] : [year, month + 1];
    const last = addCalendarDays(isoDay(nextYear, nextMonth, 1), -1);
    const start = first < window.opens ? window.opens : first;
    const end = last > window.due ? window.due : last;
    const dueDay = lastWorkingDayOnOrBefore(calendar, end);
    if (dueDay >= start) {
      periods.push({
        key: `monev_${year}_${pad2(month)}`,
        label: `${indonesianMonthNames[month - 1]} ${year}`,
        opens: calendar.atLocalTime(start, '00:00'),
        due: calendar.atLocalTime(dueDay, dueAt),
      });
    }
    [year, month] = [nextYear, nextMonth];
  }
  return periods;
}

function workingDayPeriods(
  window: StageWindow,
  calendar: WorkingCalendar,
  workingDays: number,
  dueAt: LocalTime,
): MonevPeriod[] {
  const periods: MonevPeriod[] = [];
  const lastDay = lastWorkingDayOnOrBefore(calendar, window.due);
  let start = window.opens;
  // Counting from the opening day each time (not chaining from the previous due day) keeps periods exactly N
  // working days apart; addWorkingDays(opens, k·N) equals k chained steps of N from a working day anyway.
  for (let k = 1; start <= lastDay; k++) {
    const uncapped = calendar.workingDayOnOrAfter(calendar.addWorkingDays(window.opens, k * workingDays));
    const dueDay = uncapped < lastDay ? uncapped : lastDay;
    periods.push({
      key: `monev_p${pad2(k)}`,
      label: `Periode ${k}`,
      opens: calendar.atLocalTime(start, '00:00'),
      due: calendar.atLocalTime(dueDay, dueAt),
    });
    start = addCalendarDays(dueDay, 1);
  }
  return periods;
}

/** The last working day on or before `day`; earlier than any day of a part that holds no working day. */
function lastWorkingDayOnOrBefore(calendar: WorkingCalendar, day: IsoDate): IsoDate {
  return calendar.isWorkingDay(day) ? day : calendar.addWorkingDays(day, -1);
}

function isoDay(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(value: number): string {
  return String(value).padStart(2, '0');
}

/**
 * How much of a unit's plan should be approved by `at`: the fraction (0–1) of planned tasks due on or before it.
 * An empty plan expects nothing (0), so it can never make a unit lag.
 */
export function expectedShare(plannedDues: readonly Date[], at: Date): number {
  if (plannedDues.length === 0) return 0;
  const dueByThen = plannedDues.filter((due) => due.getTime() <= at.getTime()).length;
  return dueByThen / plannedDues.length;
}

/** What a unit has done of its plan at one moment, as the monev report counts it. */
export interface UnitMonevSample {
  readonly unitCode: string;
  readonly unitName: string;
  /** Tasks in the unit's plan. */
  readonly planned: number;
  /** Of those, the ones approved. */
  readonly approved: number;
}

export interface LaggingUnit {
  readonly unitCode: string;
  readonly unitName: string;
  /** Approved fraction of the plan, 0–1. */
  readonly share: number;
  /** The fraction it should have reached. */
  readonly expected: number;
  /** `expected - share`, > 0. */
  readonly shortfall: number;
}

/**
 * The units whose approved share is strictly below `expected`, the furthest behind first (ties by unit code, so
 * the report and the escalation emails list them in one stable order). A unit with nothing planned has nothing
 * to do and never lags; approvals beyond the plan (tasks added since) count as a complete plan.
 */
export function laggingUnits(samples: readonly UnitMonevSample[], expected: number): LaggingUnit[] {
  return samples
    .map((sample) => {
      const share = sample.planned > 0 ? Math.min(1, Math.max(0, sample.approved / sample.planned)) : 1;
      return { unitCode: sample.unitCode, unitName: sample.unitName, share, expected, shortfall: expected - share };
    })
    .filter((unit) => unit.share < expected)
    .sort((a, b) => b.shortfall - a.shortfall || (a.unitCode < b.unitCode ? -1 : a.unitCode > b.unitCode ? 1 : 0));
}

/**
 * A share as Indonesian reports write it: percent with one decimal after a comma, `,0` dropped (0.425 → `42,5 %`,
 * 0.5 → `50 %`). Throws `RangeError` for a non-finite share, which only a bug can produce.
 */
export function formatShare(share: number): string {
  if (!Number.isFinite(share)) throw new RangeError(`share must be a finite number: ${share}`);
  // Whole tenths of a percent. toPrecision first drops the binary noise of `share * 1000` (0.5005 * 1000 is
  // 500.49999999999994), so halves round up as people expect.
  const tenths = Math.round(Number((share * 1000).toPrecision(12)));
  const sign = tenths < 0 ? '-' : '';
  const whole = Math.floor(Math.abs(tenths) / 10);
  const decimal = Math.abs(tenths) % 10;
  return `${sign}${whole}${decimal === 0 ? '' : `,${decimal}`} %`;
}
