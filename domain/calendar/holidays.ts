/**
 * Days off that the SKB 3 Menteri (Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB) sets each year. They are data,
 * not rules: a cycle starts from the shipped lists and may add or remove days (a regional holiday, a late SKB
 * amendment such as the 18 August 2025 cuti bersama).
 */
import { type IsoDate, isIsoDate } from './days';

/** `libur_nasional` is a public holiday; `cuti_bersama` is collective leave, also a day off for ASN. */
export const holidayKinds = ['libur_nasional', 'cuti_bersama'] as const;
export type HolidayKind = (typeof holidayKinds)[number];

export const holidayKindLabels: Readonly<Record<HolidayKind, string>> = {
  libur_nasional: 'Libur Nasional',
  cuti_bersama: 'Cuti Bersama',
};

export interface Holiday {
  readonly date: IsoDate;
  /** Shown to people, in Bahasa Indonesia as the SKB words it. */
  readonly name: string;
  readonly kind: HolidayKind;
}

/** One problem in a holiday list; `path` is dotted (`3.date`) so the API can name the field. */
export interface HolidayIssue {
  readonly path: string;
  readonly message: string;
}

export interface HolidayChanges {
  /** Days to add; an added day replaces any listed holiday on the same date. */
  readonly add?: readonly Holiday[];
  /** Dates to drop (e.g. an instansi that works on a cuti bersama). */
  readonly remove?: readonly IsoDate[];
}

export function isHolidayKind(value: unknown): value is HolidayKind {
  return typeof value === 'string' && (holidayKinds as readonly string[]).includes(value);
}

/**
 * Every problem in a holiday list (empty means valid): a date that is not a real `YYYY-MM-DD`, an empty name, an
 * unknown kind, or a date listed twice (which of the two would count is then unclear).
 */
export function validateHolidays(holidays: readonly Holiday[]): HolidayIssue[] {
  const issues: HolidayIssue[] = [];
  const firstIndexByDate = new Map<string, number>();
  holidays.forEach((holiday, index) => {
    if (!isIsoDate(holiday.date)) {
      issues.push({
        path: `${index}.date`,
        message: `tanggal ${JSON.stringify(holiday.date)} bukan tanggal yang valid (format YYYY-MM-DD)`,
      });
    } else {
      const first = firstIndexByDate.get(holiday.date);
      if (first === undefined) firstIndexByDate.set(holiday.date, index);
      else
        issues.push({ path: `${index}.date`, message: `tanggal ${holiday.date} sudah tercantum pada baris ${first}` });
    }
    if (typeof holiday.name !== 'string' || holiday.name.trim() === '') {
      issues.push({ path: `${index}.name`, message: 'nama hari libur belum diisi' });
    }
    if (!isHolidayKind(holiday.kind)) {
      issues.push({
        path: `${index}.kind`,
        message: `jenis ${JSON.stringify(holiday.kind)} tidak dikenal (libur_nasional atau cuti_bersama)`,
      });
    }
  });
  return issues;
}

/** A cycle's own list: the base minus `remove`, plus `add` (replacing same-date entries), sorted by date. */
export function applyHolidayChanges(base: readonly Holiday[], changes: HolidayChanges): Holiday[] {
  const dropped = new Set<string>([...(changes.remove ?? []), ...(changes.add ?? []).map((holiday) => holiday.date)]);
  return [...base.filter((holiday) => !dropped.has(holiday.date)), ...(changes.add ?? [])].sort((a, b) =>
    a.date < b.date ? -1 : a.date > b.date ? 1 : 0,
  );
}
