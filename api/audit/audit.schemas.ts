import { z } from 'zod';
import { auditEntities } from '../../activities/models/audit-event.model';
import { pageQuery } from '../page';
import { personIdField } from '../people/person.schemas';

/** Ids reach queries only as plain strings: letters, digits and a few separators, never `$`. */
const code = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');
const taskId = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9:._-]{0,299}$/, 'pengenal tugas tidak valid (tugas:<siklus>:<unit>:<kunci>)');

export const auditSubjects = ['cycle', 'unit', 'task', 'person'] as const;
export type AuditSubject = (typeof auditSubjects)[number];

export const auditQuerySchema = {
  query: z
    .strictObject({
      /** Every event of a cycle: the cycle's own, its units' and its tasks'. */
      cycle: code.optional(),
      /** A unit's events across cycles, and changes to its registry entry. */
      unit: code.optional(),
      /** A task's events (`tugas:<cycle>:<unit>:<key>`). */
      task: taskId.optional(),
      /** What a person did, and what was done to their account. */
      person: personIdField.optional(),
      ...pageQuery,
    })
    .superRefine((query, ctx) => {
      const given = auditSubjects.filter((subject) => query[subject] !== undefined);
      if (given.length !== 1) {
        ctx.addIssue({
          code: 'custom',
          path: given.length > 1 ? [given[1]!] : [],
          message: 'isi tepat satu dari cycle, unit, task atau person',
        });
      }
    }),
};
export type AuditQuery = z.infer<typeof auditQuerySchema.query>;

export const auditEventBody = z
  .object({
    id: z.string(),
    entity: z.enum(auditEntities),
    entityId: z.string(),
    cycleId: z.string().optional(),
    unitCode: z.string().optional(),
    type: z.string(),
    by: z.string(),
    at: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    note: z.string().optional(),
  })
  .meta({ id: 'AuditEvent' });
export const auditPageBody = z.object({ items: z.array(auditEventBody), nextCursor: z.string().nullable() });
