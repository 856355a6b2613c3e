import { randomUUID } from 'node:crypto';
import type { AuditEventDocument, AuditEventModel } from '../activities/models/audit-event.model';
import type { Principal } from '../domain/access';

/**
 * Records a change made through the API outside the workflows (accounts, units, comments, resends): who, what,
 * when. Workflow changes are recorded by their activities under deterministic ids; these happen once per request.
 */
export async function recordChange(
  AuditEvent: AuditEventModel,
  by: Pick<Principal, 'personId'> | string,
  change: Pick<AuditEventDocument, 'entity' | 'entityId' | 'type'> &
    Partial<Pick<AuditEventDocument, 'cycleId' | 'unitCode' | 'from' | 'to' | 'note'>>,
  now: Date = new Date(),
): Promise<void> {
  await AuditEvent.create({
    _id: `${change.entity}:${change.entityId}#${randomUUID()}`,
    ...change,
    by: typeof by === 'string' ? by : by.personId,
    at: now,
  });
}
