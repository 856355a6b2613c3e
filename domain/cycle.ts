/**
 * A ZI cycle (siklus): one year of the programme for one instansi, run for the units it chose.
 * Pure types and rules shared by workflows, activities and the API.
 */

/** Where a cycle is in its life, as the read model shows it. */
export const cycleStatuses = ['launching', 'launched', 'cancelled', 'completed'] as const;
export type CycleStatus = (typeof cycleStatuses)[number];

export const cycleStatusLabels: Readonly<Record<CycleStatus, string>> = {
  launching: 'sedang diluncurkan',
  launched: 'berjalan',
  cancelled: 'dibatalkan',
  completed: 'selesai',
};

export interface UnitRef {
  /** Stable short code of the unit kerja, e.g. "DISDUKCAPIL". */
  code: string;
  name: string;
}

export interface Person {
  name: string;
  email: string;
}

/** A unit taking part in a cycle, with its head (pimpinan), who answers for the unit's first tasks. */
export interface CycleUnit extends UnitRef {
  head: Person;
}

export interface CycleDefinition {
  id: string;
  name: string;
  year: number;
  units: CycleUnit[];
  /** The Bagian Organisasi officer who launched the cycle: steers it and hears of what slips. */
  launchedBy: Person;
}

/** The earliest and latest programme years the product accepts (ZI started under PermenPAN-RB 52/2014). */
export const firstCycleYear = 2014;
export const lastCycleYear = 2100;

/** Unit codes must be unique within a cycle: they make up workflow ids. */
export function duplicateUnitCodes<T extends Pick<UnitRef, 'code'>>(units: readonly T[]): string[] {
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const unit of units) {
    if (seen.has(unit.code)) duplicates.add(unit.code);
    seen.add(unit.code);
  }
  return [...duplicates];
}
