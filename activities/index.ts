import type { CycleDefinition, CycleStatus } from '../domain/cycle';
import type { Models } from './models';
import type { Mailer } from './mailer';
import { createNotifier, type NotificationOutcome } from './notifications';
import type { EmailRenderer } from './templates';

export interface ActivityDeps {
  models: Models;
  mailer: Mailer;
  render: EmailRenderer;
  /** Base URL for links in emails. */
  publicUrl: string;
}

export interface CycleSnapshot extends CycleDefinition {
  status: CycleStatus;
  /** Increases with every state change of the cycle; older writes lose. */
  seq: number;
}

/**
 * Builds the activities with their dependencies; the worker wires real ones, and workflows type their
 * proxies from this function's return type. Every activity is idempotent, because Temporal retries them.
 */
export function createActivities(deps: ActivityDeps) {
  const { Cycle } = deps.models;
  const sendNotification = createNotifier({
    Notification: deps.models.Notification,
    mailer: deps.mailer,
    render: deps.render,
  });

  return {
    /** Upserts the cycle's read model unless a newer state (higher seq) is already stored. */
    async saveCycle(snapshot: CycleSnapshot): Promise<'saved' | 'stale'> {
      const { id, ...fields } = snapshot;
      try {
        await Cycle.updateOne({ _id: id, seq: { $lt: snapshot.seq } }, { $set: fields }, { upsert: true });
        return 'saved';
      } catch (error) {
        // The filter missed because a newer seq is stored, so the upsert collided with the existing _id.
        if (isDuplicateKeyError(error)) return 'stale';
        throw error;
      }
    },

    async notifyCycleLaunched(cycle: CycleDefinition): Promise<NotificationOutcome> {
      return sendNotification({
        dedupeKey: `cycle-launched:${cycle.id}`,
        template: 'cycle-launched',
        to: cycle.launchedBy.email,
        data: {
          recipient: cycle.launchedBy,
          cycle,
          link: `${deps.publicUrl}/api/v1/cycles/${encodeURIComponent(cycle.id)}`,
        },
      });
    },
  };
}

export type Activities = ReturnType<typeof createActivities>;

function isDuplicateKeyError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;
}
