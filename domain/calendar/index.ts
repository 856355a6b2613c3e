/**
 * Working-day calendar of an instansi: days, Indonesian time zones, SKB holidays and "N hari kerja" arithmetic.
 * Pure (no I/O, no clock, no Node built-ins): safe inside Temporal's workflow sandbox.
 */
export {
  type IsoDate,
  type Weekday,
  addCalendarDays,
  formatTanggal,
  indonesianMonthNames,
  isIsoDate,
  weekdayOf,
} from './days';
export {
  type IndonesianTimeZoneName,
  type IndonesianZone,
  type Instant,
  type LocalTime,
  type ZoneInput,
  indonesianZones,
  instantAt,
  isIndonesianZone,
  isLocalTime,
  localDayOf,
  minutesOfLocalTime,
  toInstant,
  toZone,
  zoneByTimeZoneName,
  zoneOffsetMinutes,
} from './zones';
export {
  type Holiday,
  type HolidayChanges,
  type HolidayIssue,
  type HolidayKind,
  applyHolidayChanges,
  holidayKindLabels,
  holidayKinds,
  isHolidayKind,
  validateHolidays,
} from './holidays';
export { holidays2025 } from './holidays-2025';
export { holidays2026 } from './holidays-2026';
export { defaultHolidays, shippedHolidays } from './default-holidays';
export {
  type DueRequest,
  type WorkingCalendar,
  type WorkingCalendarOptions,
  type WorkingHours,
  createWorkingCalendar,
  defaultDueTime,
  defaultWorkingHours,
} from './working-calendar';
