/**
 * A cycle's progress as dashboards show it: task counts by status, how many are overdue and the highest escalation
 * level reached, per stage, per unit, per area and for the whole cycle. Built from grouped counts (one row per
 * unit × stage × area × status), so the database does the counting and this stays pure.
 */
import { taskStatuses, type TaskStatus } from './task';

export interface ProgressRow {
  unitCode: string;
  stage: string;
  /** Absent for tasks outside the six areas (team forming, proposals). */
  area?: string | null;
  status: TaskStatus;
  count: number;
  overdue: number;
  maxEscalationLevel: number;
}

export interface ProgressTally {
  total: number;
  byStatus: Record<TaskStatus, number>;
  overdue: number;
  maxEscalationLevel: number;
  /** Approved share of the tasks that are not cancelled, 0..1 (0 when there are none). */
  completion: number;
}

export interface CycleProgress {
  overall: ProgressTally;
  byStage: Record<string, ProgressTally>;
  byUnit: Record<string, ProgressTally & { byStage: Record<string, ProgressTally> }>;
  byArea: Record<string, ProgressTally>;
}

/** Tasks without an area are tallied under this key in `byArea`. */
export const noArea = 'tanpa_area';

export function emptyTally(): ProgressTally {
  return {
    total: 0,
    byStatus: Object.fromEntries(taskStatuses.map((s) => [s, 0])) as Record<TaskStatus, number>,
    overdue: 0,
    maxEscalationLevel: 0,
    completion: 0,
  };
}

function add(tally: ProgressTally, row: ProgressRow): void {
  tally.total += row.count;
  tally.byStatus[row.status] += row.count;
  tally.overdue += row.overdue;
  tally.maxEscalationLevel = Math.max(tally.maxEscalationLevel, row.maxEscalationLevel);
  const live = tally.total - tally.byStatus.cancelled;
  tally.completion = live > 0 ? tally.byStatus.approved / live : 0;
}

export function summariseProgress(rows: readonly ProgressRow[]): CycleProgress {
  const progress: CycleProgress = { overall: emptyTally(), byStage: {}, byUnit: {}, byArea: {} };
  for (const row of rows) {
    add(progress.overall, row);
    add((progress.byStage[row.stage] ??= emptyTally()), row);
    add((progress.byArea[row.area ?? noArea] ??= emptyTally()), row);
    const unit = (progress.byUnit[row.unitCode] ??= { ...emptyTally(), byStage: {} });
    add(unit, row);
    add((unit.byStage[row.stage] ??= emptyTally()), row);
  }
  return progress;
}
