import { z } from 'zod';
import { indonesianZones } from '../../domain/calendar';
import { pageQuery } from '../page';

/** A unit's code is its id, part of workflow ids and database keys: no `$`, no dots, no spaces. */
export const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');

const name = z.string().trim().min(1).max(200);
const zone = z.enum(indonesianZones);
const email = z.email().max(254);

export const createUnitSchema = {
  body: z.strictObject({
    code: unitCode,
    name,
    /** The unit's time zone: its working calendar and when its emails go out. */
    zone,
    headEmail: email.optional(),
    parentCode: unitCode.optional(),
  }),
};
export type CreateUnitBody = z.infer<typeof createUnitSchema.body>;

export const unitCodeParams = { params: z.strictObject({ code: unitCode }) };

export const updateUnitSchema = {
  params: unitCodeParams.params,
  body: z
    .strictObject({
      name: name.optional(),
      zone: zone.optional(),
      /** null removes the head's email. */
      headEmail: email.nullable().optional(),
      /** null makes the unit a top-level one. */
      parentCode: unitCode.nullable().optional(),
    })
    .refine((body) => Object.keys(body).length > 0, 'isi setidaknya satu kolom yang diubah'),
};
export type UpdateUnitBody = z.infer<typeof updateUnitSchema.body>;

export const renameUnitSchema = {
  params: unitCodeParams.params,
  body: z.strictObject({
    /** The unit's new code. */
    code: unitCode,
  }),
};
export type RenameUnitBody = z.infer<typeof renameUnitSchema.body>;

export const listUnitsSchema = {
  query: z.strictObject({
    /** Only the direct children of this unit. */
    parent: unitCode.optional(),
    /** Name contains (case-insensitive). */
    q: z.string().trim().min(1).max(100).optional(),
    ...pageQuery,
  }),
};
export type ListUnitsQuery = z.infer<typeof listUnitsSchema.query>;

const unitView = z.object({
  code: z.string(),
  name: z.string(),
  zone,
  headEmail: z.string().optional(),
  parentCode: z.string().optional(),
  createdAt: z.string().optional(),
  updatedAt: z.string().optional(),
});
export const unitBody = unitView.meta({ id: 'Unit' });
export const unitPageBody = z.object({ items: z.array(unitBody), nextCursor: z.string().nullable() });
