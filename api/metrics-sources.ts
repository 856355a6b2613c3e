import type { Model } from 'mongoose';
import type { Models } from '../activities/models';
import { deliveryStatuses } from '../activities/models/notification.model';
import { taskStatuses } from '../domain/task';
import type { MetricsSources } from './metrics';

/** The gauges' counts from the read model: one indexed count per status (no aggregation, so any server serves it). */
export function metricsSourcesFrom(models: Pick<Models, 'Task' | 'Notification'>): MetricsSources {
  return {
    taskCounts: () => countsBy(models.Task as unknown as Model<unknown>, taskStatuses),
    emailCounts: () => countsBy(models.Notification as unknown as Model<unknown>, deliveryStatuses),
  };
}

async function countsBy(model: Model<unknown>, statuses: readonly string[]): Promise<Record<string, number>> {
  const counts = await Promise.all(statuses.map((status) => model.countDocuments({ status })));
  return Object.fromEntries(statuses.map((status, index) => [status, counts[index]!]));
}
