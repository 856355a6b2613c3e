/**
 * Dates as Indonesian readers expect them ("2 Maret 2026 pukul 16.00 WIB"), in the unit's own time zone: a task of a
 * unit in Makassar is due at 16.00 WITA, whatever the reader's browser says.
 */
import type { Zone } from './api/types';

const ianaZones: Record<Zone, string> = { WIB: 'Asia/Jakarta', WITA: 'Asia/Makassar', WIT: 'Asia/Jayapura' };

const dateTimeFormats = new Map<Zone, Intl.DateTimeFormat>();
function dateTimeFormat(zone: Zone): Intl.DateTimeFormat {
  let format = dateTimeFormats.get(zone);
  if (!format) {
    format = new Intl.DateTimeFormat('id-ID', {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: ianaZones[zone],
    });
    dateTimeFormats.set(zone, format);
  }
  return format;
}

/** An instant, in the zone given (WIB by default), with the zone named. */
export function formatInstant(iso: string | null | undefined, zone: Zone = 'WIB'): string {
  if (!iso) return '—';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${dateTimeFormat(zone).format(date)} ${zone}`;
}

const dayFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortDayFormat = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'short', timeZone: 'UTC' });

/** A calendar day `YYYY-MM-DD` ("2 Maret 2026"); it is the same day in every zone. */
export function formatDay(day: string | undefined, short = false): string {
  if (!day) return '—';
  const [year, month, date] = day.split('-').map(Number);
  if (!year || !month || !date) return day;
  return (short ? shortDayFormat : dayFormat).format(new Date(Date.UTC(year, month - 1, date)));
}

export function formatPercent(share: number): string {
  return `${Math.round(share * 100)}%`;
}

export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${(size / 1024).toFixed(0)} kB`;
  return `${(size / 1024 / 1024).toFixed(1)} MB`;
}

/** Today's date `YYYY-MM-DD` in WIB, for date inputs' defaults. */
export function todayWib(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ianaZones.WIB }).format(new Date());
}

const numberFormats = new Map<number, Intl.NumberFormat>();

/**
 * An LKE figure as Indonesian readers write it ("4,50"): two decimals, more only when the figure has them (2,625),
 * the same precision the server's messages use.
 */
export function formatScore(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  let decimals = 2;
  while (decimals < 6 && Math.abs(Number(value.toFixed(decimals)) - value) >= 1e-9) decimals += 1;
  let format = numberFormats.get(decimals);
  if (!format) {
    format = new Intl.NumberFormat('id-ID', { minimumFractionDigits: decimals, maximumFractionDigits: decimals });
    numberFormats.set(decimals, format);
  }
  return format.format(value);
}
