import { z } from 'zod';
import { deliveryStatuses } from '../../activities/models/notification.model';
import { pageQuery } from '../page';

/**
 * A notification's id is its dedupe key (`task-assigned:tugas:2026-x:DINKES:k#1:ani@pemkot.go.id`): letters,
 * digits and `:#@._+~-`, never `$`, so it only ever reaches a query as a plain string.
 */
export const notificationId = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9:#@._+~-]{0,499}$/, 'pengenal email tidak valid');

export const notificationIdParams = { params: z.strictObject({ id: notificationId }) };

const statusList = z
  .string()
  .max(100)
  .transform((text) => text.split(',').map((part) => part.trim()))
  .pipe(z.array(z.enum(deliveryStatuses)).min(1));

const instant = z.iso.datetime({ offset: true });

export const listNotificationsSchema = {
  query: z.strictObject({
    /** One status or a comma list: `failed,retrying`. */
    status: statusList.optional(),
    /** The recipient's address (case-insensitive). */
    to: z.string().trim().max(254).optional(),
    template: z
      .string()
      .regex(/^[a-z0-9-]{1,64}$/, 'nama templat tidak valid')
      .optional(),
    /** Emails of one cycle (those sent before this filter existed carry no cycle). */
    cycle: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'kode siklus tidak valid')
      .optional(),
    /** Created at or after (ISO 8601 with offset). */
    from: instant.optional(),
    /** Created at or before (ISO 8601 with offset). */
    until: instant.optional(),
    ...pageQuery,
  }),
};
export type ListNotificationsQuery = z.infer<typeof listNotificationsSchema.query>;

export const resendSchema = {
  params: notificationIdParams.params,
  body: z.strictObject({
    /** A corrected address; the original one when absent. */
    to: z.email().max(254).optional(),
  }),
};
export type ResendBody = z.infer<typeof resendSchema.body>;

export const notificationBody = z
  .object({
    id: z.string(),
    template: z.string(),
    cycleId: z.string().optional(),
    to: z.string(),
    subject: z.string(),
    status: z.enum(deliveryStatuses),
    attempts: z.number().int(),
    lastError: z.string().optional(),
    possibleDuplicate: z.boolean(),
    sentAt: z.string().optional(),
    resentAs: z.array(z.string()),
    resendOf: z.string().optional(),
    createdAt: z.string().optional(),
    updatedAt: z.string().optional(),
  })
  .meta({ id: 'Notification' });
export const notificationPageBody = z.object({ items: z.array(notificationBody), nextCursor: z.string().nullable() });
export const resendBody = z.object({ id: z.string(), resendOf: z.string(), to: z.string(), status: z.string() });
