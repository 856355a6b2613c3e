/**
 * The six stages (tahap) of a ZI cycle, in the order the programme runs them, and the cycle timeline that gives
 * each stage a calendar window. Pure: safe inside Temporal's workflow sandbox.
 */
import { isIsoDate, type IsoDate } from './calendar/days';

// `YYYY-MM-DD` days have one definition, the calendar's; re-exported for the modules that speak of stages.
export { type IsoDate, isIsoDate };

/** Stable codes, in lifecycle order. They end up in workflow ids and stored documents: never rename one. */
export const stageCodes = ['persiapan', 'pembentukan_tim', 'pelaksanaan', 'monev', 'penilaian', 'penghargaan'] as const;
export type StageCode = (typeof stageCodes)[number];

export const stageLabels: Readonly<Record<StageCode, string>> = {
  persiapan: 'Persiapan',
  pembentukan_tim: 'Pembentukan Tim',
  pelaksanaan: 'Pelaksanaan (Pembangunan)',
  monev: 'Monitoring dan Evaluasi',
  penilaian: 'Penilaian',
  penghargaan: 'Penghargaan',
};

export function isStageCode(value: unknown): value is StageCode {
  return typeof value === 'string' && (stageCodes as readonly string[]).includes(value);
}

/** Zero-based position of the stage in the lifecycle. */
export function stageIndex(stage: StageCode): number {
  return stageCodes.indexOf(stage);
}

/** The stage that follows, or `undefined` after the last one (penghargaan). */
export function nextStage(stage: StageCode): StageCode | undefined {
  return stageCodes[stageIndex(stage) + 1];
}

/** The stage that precedes, or `undefined` before the first one (persiapan). */
export function previousStage(stage: StageCode): StageCode | undefined {
  const index = stageIndex(stage);
  return index === 0 ? undefined : stageCodes[index - 1];
}

/** When a stage opens and when its work is due, both inclusive. */
export interface StageWindow {
  readonly opens: IsoDate;
  readonly due: IsoDate;
}

/** One window per stage; set by Bagian Organisasi when it launches the cycle. */
export type CycleTimeline = Readonly<Record<StageCode, StageWindow>>;

/** A timeline as it arrives from outside, before validation: stages may be missing or unknown. */
export type TimelineInput = Readonly<Partial<Record<string, Partial<StageWindow>>>>;

/** One problem found in a timeline; `path` is dotted (`pelaksanaan.opens`) so the API can name the field. */
export interface TimelineIssue {
  readonly path: string;
  readonly message: string;
}

/**
 * Checks a timeline and returns every problem, in stage order (empty means valid). Rules:
 * - every stage has a window and no unknown stage is present;
 * - `opens` and `due` are real `YYYY-MM-DD` dates and `opens` ≤ `due`;
 * - a stage does not open before the previous stage opens.
 *
 * Windows MAY overlap and `due` dates need not be in stage order: monev is continuous and runs alongside
 * pelaksanaan (and often past the penilaian deadline), so only the opening order is enforced.
 * ISO dates compare correctly as strings, which keeps this free of `Date`.
 */
export function validateTimeline(timeline: TimelineInput): TimelineIssue[] {
  const issues: TimelineIssue[] = [];
  for (const key of Object.keys(timeline)) {
    if (!isStageCode(key)) issues.push({ path: key, message: `tahap "${key}" tidak dikenal` });
  }
  let previous: { stage: StageCode; opens: IsoDate } | undefined;
  for (const stage of stageCodes) {
    const window = timeline[stage];
    const label = stageLabels[stage];
    if (window === undefined) {
      issues.push({ path: stage, message: `jadwal tahap ${label} belum diisi` });
      continue;
    }
    const opensValid = isIsoDate(window.opens);
    const dueValid = isIsoDate(window.due);
    if (!opensValid) issues.push({ path: `${stage}.opens`, message: dateMessage('tanggal mulai', window.opens) });
    if (!dueValid) issues.push({ path: `${stage}.due`, message: dateMessage('tenggat', window.due) });
    if (opensValid && dueValid && window.due < window.opens) {
      issues.push({
        path: `${stage}.due`,
        message: `tenggat tahap ${label} (${window.due}) lebih awal dari tanggal mulainya (${window.opens})`,
      });
    }
    if (!opensValid) continue;
    if (previous && window.opens < previous.opens) {
      issues.push({
        path: `${stage}.opens`,
        message:
          `tahap ${label} dimulai ${window.opens}, sebelum tahap sebelumnya ` +
          `(${stageLabels[previous.stage]}) dimulai ${previous.opens}`,
      });
    }
    previous = { stage, opens: window.opens };
  }
  return issues;
}

/** Narrows an input timeline to a `CycleTimeline` when it has no issues. */
export function isValidTimeline(timeline: TimelineInput): timeline is CycleTimeline {
  return validateTimeline(timeline).length === 0;
}

function dateMessage(what: string, value: unknown): string {
  return value === undefined
    ? `${what} belum diisi`
    : `${what} ${JSON.stringify(value)} bukan tanggal yang valid (format YYYY-MM-DD)`;
}
