import { Schema, type Connection, type Model } from 'mongoose';

/** What changed: the lifecycle's entities, and what people change through the API outside a cycle. */
export const auditEntities = [
  'cycle',
  'unit',
  'task',
  'monev',
  'person',
  'unit_kerja',
  'notification',
  'lke_template',
  'assessment',
] as const;
export type AuditEntity = (typeof auditEntities)[number];

/**
 * One accepted change of a cycle, unit or task: who, what, when, from → to. The id is deterministic
 * (`<entityId>#<seq>`), so a retried activity records the event once.
 */
export interface AuditEventDocument {
  _id: string;
  entity: AuditEntity;
  entityId: string;
  /** Absent for changes outside a cycle (accounts, the unit registry). */
  cycleId?: string;
  unitCode?: string;
  type: string;
  by: string;
  at: Date;
  from?: string;
  to?: string;
  note?: string;
}

const auditEventSchema = new Schema<AuditEventDocument>(
  {
    _id: { type: String, required: true },
    entity: { type: String, enum: auditEntities, required: true },
    entityId: { type: String, required: true },
    cycleId: String,
    unitCode: String,
    type: { type: String, required: true },
    by: { type: String, required: true },
    at: { type: Date, required: true },
    from: String,
    to: String,
    note: String,
  },
  { collection: 'audit_events', versionKey: false },
);
auditEventSchema.index({ entityId: 1, at: 1 });
auditEventSchema.index({ cycleId: 1, at: 1 });
// The API reads a unit's trail across cycles, and a person's (what they did).
auditEventSchema.index({ unitCode: 1, at: 1 });
auditEventSchema.index({ by: 1, at: 1 });

export type AuditEventModel = Model<AuditEventDocument>;

export const auditEventModel = (connection: Connection): AuditEventModel =>
  connection.models.AuditEvent ?? connection.model<AuditEventDocument>('AuditEvent', auditEventSchema);
