import type { TaskModel } from '../../activities/models/task.model';
import { summariseProgress, type CycleProgress } from '../../domain/cycle-progress';
import type { TaskStatus } from '../../domain/task';

/**
 * Task counts of a cycle by unit × stage × area × status for some of its units, grouped in the database (a plain
 * `$group`, which every backend runs) and summed by domain/cycle-progress.ts, for the cycle view and the cycle report.
 */
export async function cycleProgress(
  Task: TaskModel,
  cycleId: string,
  unitCodes: readonly string[],
): Promise<CycleProgress> {
  const grouped = await Task.aggregate<{
    _id: { unitCode: string; stage: string; area?: string | null; status: TaskStatus };
    count: number;
    overdue: number;
    maxEscalationLevel: number | null;
  }>([
    { $match: { cycleId, unitCode: { $in: [...unitCodes] } } },
    {
      $group: {
        _id: { unitCode: '$unitCode', stage: '$stage', area: '$area', status: '$status' },
        count: { $sum: 1 },
        overdue: { $sum: { $cond: [{ $eq: ['$overdue', true] }, 1, 0] } },
        maxEscalationLevel: { $max: '$escalationLevel' },
      },
    },
  ]);
  return summariseProgress(
    grouped.map(({ _id, count, overdue, maxEscalationLevel }) => ({
      ..._id,
      count,
      overdue,
      maxEscalationLevel: maxEscalationLevel ?? 0,
    })),
  );
}
