import type { Connection as TemporalConnection } from '@temporalio/client';
import type { Connection as MongoConnection } from 'mongoose';

export type DependencyState = 'up' | 'down';

export interface ReadinessReport {
  ready: boolean;
  checks: Record<string, { status: DependencyState; error?: string }>;
}

export type ReadinessCheck = () => Promise<void>;

/** Each check must answer within the timeout; a hung dependency counts as down. */
export async function checkReadiness(
  checks: Record<string, ReadinessCheck>,
  timeoutMs = 2000,
): Promise<ReadinessReport> {
  const entries = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check(), timeoutMs);
        return [name, { status: 'up' as const }] as const;
      } catch (error) {
        return [
          name,
          { status: 'down' as const, error: error instanceof Error ? error.message : String(error) },
        ] as const;
      }
    }),
  );
  return { ready: entries.every(([, result]) => result.status === 'up'), checks: Object.fromEntries(entries) };
}

export const mongoCheck =
  (connection: MongoConnection): ReadinessCheck =>
  async () => {
    if (!connection.db) throw new Error('not connected');
    await connection.db.admin().command({ ping: 1 });
  };

export const temporalCheck =
  (connection: TemporalConnection, timeoutMs = 2000): ReadinessCheck =>
  async () => {
    await connection.withDeadline(Date.now() + timeoutMs, () => connection.workflowService.getSystemInfo({}));
  };

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
