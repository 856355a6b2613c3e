/**
 * Indonesia's three time zones and the conversions between instants and local days/times in them.
 * Indonesia has no daylight saving time, so each zone is a fixed offset from UTC: no Intl, no tz database,
 * which keeps this deterministic inside Temporal's workflow sandbox.
 */
import { fromEpochDay, type IsoDate, isIsoDate, toEpochDay } from './days';

export const indonesianZones = ['WIB', 'WITA', 'WIT'] as const;
/** Waktu Indonesia Barat / Tengah / Timur. */
export type IndonesianZone = (typeof indonesianZones)[number];

/** Minutes ahead of UTC. */
export const zoneOffsetMinutes: Readonly<Record<IndonesianZone, number>> = { WIB: 7 * 60, WITA: 8 * 60, WIT: 9 * 60 };

/** IANA names that map onto the three zones (Asia/Pontianak, West Kalimantan, is WIB as well). */
export const zoneByTimeZoneName = {
  'Asia/Jakarta': 'WIB',
  'Asia/Pontianak': 'WIB',
  'Asia/Makassar': 'WITA',
  'Asia/Jayapura': 'WIT',
} as const satisfies Record<string, IndonesianZone>;
export type IndonesianTimeZoneName = keyof typeof zoneByTimeZoneName;

/** A zone as callers name it: the Indonesian abbreviation or the IANA name. */
export type ZoneInput = IndonesianZone | IndonesianTimeZoneName;

/** A wall-clock time `HH:MM`, 24-hour, 00:00–23:59. */
export type LocalTime = string;

/** A point in time: a `Date`, or an ISO 8601 date-time string with `Z` or an explicit offset (as JSON carries it). */
export type Instant = Date | string;

const localTimePattern = /^([01]\d|2[0-3]):([0-5]\d)$/;
// An explicit offset is required: a zone-less date-time would be read in the host's zone, which is not ours.
const isoInstantPattern =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;
const msPerMinute = 60_000;
const msPerDay = 86_400_000;

export function isIndonesianZone(value: unknown): value is IndonesianZone {
  return typeof value === 'string' && (indonesianZones as readonly string[]).includes(value);
}

/** Normalises `'Asia/Jakarta'` to `'WIB'` etc.; throws `RangeError` for a zone outside Indonesia. */
export function toZone(input: string): IndonesianZone {
  if (isIndonesianZone(input)) return input;
  if (Object.hasOwn(zoneByTimeZoneName, input)) return zoneByTimeZoneName[input as IndonesianTimeZoneName];
  throw new RangeError(`unknown Indonesian time zone: ${JSON.stringify(input)} (use WIB, WITA, WIT or an IANA name)`);
}

export function isLocalTime(value: unknown): value is LocalTime {
  return typeof value === 'string' && localTimePattern.test(value);
}

/** Minutes after local midnight; throws `RangeError` for anything but `HH:MM`. */
export function minutesOfLocalTime(time: LocalTime): number {
  const match = localTimePattern.exec(time);
  if (!match) throw new RangeError(`not a local time (HH:MM, 00:00–23:59): ${JSON.stringify(time)}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** A valid `Date` for an instant; throws `RangeError` for an invalid `Date` or a string without a zone. */
export function toInstant(value: Instant): Date {
  if (typeof value === 'string') {
    // Date would silently roll 2026-02-30 over into March, so the day is checked on its own.
    const match = isoInstantPattern.exec(value);
    if (!match || !isIsoDate(match[1])) {
      throw new RangeError(`not an ISO date-time with Z or an offset: ${JSON.stringify(value)}`);
    }
  }
  const instant = new Date(value instanceof Date ? value.getTime() : value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`invalid instant: ${String(value)}`);
  return instant;
}

/** The calendar day the instant falls on in the zone. */
export function localDayOf(instant: Instant, zone: IndonesianZone): IsoDate {
  return fromEpochDay(Math.floor(localMs(instant, zone) / msPerDay));
}

/** The instant of a wall-clock time on a local day in the zone. */
export function instantAt(day: IsoDate, time: LocalTime, zone: IndonesianZone): Date {
  const localMidnightAsUtc = toEpochDay(day) * msPerDay;
  return new Date(localMidnightAsUtc + (minutesOfLocalTime(time) - zoneOffsetMinutes[zone]) * msPerMinute);
}

function localMs(instant: Instant, zone: IndonesianZone): number {
  return toInstant(instant).getTime() + zoneOffsetMinutes[zone] * msPerMinute;
}
