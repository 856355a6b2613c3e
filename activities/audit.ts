import type { AuditEventDocument, AuditEventModel } from './models/audit-event.model';

/** One accepted change as a workflow reports it: who, what, when (ISO), from → to. */
export interface AuditEntry {
  type: string;
  by: string;
  at: string;
  from?: string;
  to?: string;
  note?: string;
}

/**
 * Appends an event under a deterministic id (`<entityId>#<seq>`): a retried activity finds it there and
 * changes nothing, so the trail holds every change exactly once.
 */
export async function appendAuditEvent(
  AuditEvent: AuditEventModel,
  id: string,
  subject: Pick<AuditEventDocument, 'entity' | 'entityId' | 'cycleId'> & { unitCode?: string },
  entry: AuditEntry,
): Promise<void> {
  await AuditEvent.updateOne(
    { _id: id },
    {
      $setOnInsert: {
        ...subject,
        type: entry.type,
        by: entry.by,
        at: new Date(entry.at),
        ...(entry.from !== undefined ? { from: entry.from } : {}),
        ...(entry.to !== undefined ? { to: entry.to } : {}),
        ...(entry.note ? { note: entry.note } : {}),
      },
    },
    { upsert: true },
  );
}
