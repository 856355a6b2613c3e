import type { Holiday } from './holidays';
import { holidays2025 } from './holidays-2025';
import { holidays2026 } from './holidays-2026';

/** The lists shipped with the product, by year. Add a year here when its SKB is signed (usually Sept–Oct). */
export const shippedHolidays: Readonly<Record<number, readonly Holiday[]>> = { 2025: holidays2025, 2026: holidays2026 };

/** Every shipped day off, in date order: what a calendar uses unless the cycle passes its own list. */
export const defaultHolidays: readonly Holiday[] = [...holidays2025, ...holidays2026];
