/**
 * The programme's usual year plan, offered when Bagian Organisasi launches a cycle and changed there as the year's
 * circular requires. Pure: safe inside Temporal's workflow sandbox.
 */
import { addCalendarDays } from './calendar';
import { firstCycleYear, lastCycleYear } from './cycle';
import type { CycleTimeline } from './stages';

/**
 * The default timeline of a programme year:
 * - persiapan from 2 January (1 January is a holiday) to 31 January;
 * - pembentukan tim through February (to the 28th or, in a leap year, the 29th);
 * - pelaksanaan March–April, with monev over the same months: monev runs alongside the work, not after it;
 * - penilaian in May, ending on 31 May, the default deadline for proposing units to KemenPAN-RB;
 * - penghargaan from June (TPN evaluation) to 15 December, after predicates are announced around Hari Anti
 *   Korupsi (9 December).
 * Throws `RangeError` for a year outside the years a cycle may have.
 */
export function defaultTimeline(year: number): CycleTimeline {
  if (!Number.isInteger(year) || year < firstCycleYear || year > lastCycleYear) {
    throw new RangeError(`programme year must be an integer ${firstCycleYear}–${lastCycleYear}: ${year}`);
  }
  // Counted back from 1 March rather than tabled, so leap years need no rule of their own.
  const endOfFebruary = addCalendarDays(`${year}-03-01`, -1);
  return {
    persiapan: { opens: `${year}-01-02`, due: `${year}-01-31` },
    pembentukan_tim: { opens: `${year}-02-01`, due: endOfFebruary },
    pelaksanaan: { opens: `${year}-03-01`, due: `${year}-04-30` },
    monev: { opens: `${year}-03-01`, due: `${year}-04-30` },
    penilaian: { opens: `${year}-05-01`, due: `${year}-05-31` },
    penghargaan: { opens: `${year}-06-01`, due: `${year}-12-15` },
  };
}
