import { z } from 'zod';
import { validateGrants } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import { roleCodes } from '../../domain/roles';
import { accountStatuses } from '../../activities/models/account.model';
import { pageQuery } from '../page';

/** Unit codes become database keys: no `$`, no dots, no spaces (the unit registry's own rule). */
const unitCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');

const grant = z.strictObject({
  role: z.enum(roleCodes),
  /** The unit the role holds in; omit for an instansi-wide grant (admin_organisasi, pengamat only). */
  unitCode: unitCode.optional(),
});

/** Grants checked by the domain's rules; each issue names its field (`body.grants.0.unitCode`). */
const grants = z
  .array(grant)
  .max(100)
  .superRefine((value, ctx) => {
    for (const issue of validateGrants(value)) {
      ctx.addIssue({
        code: 'custom',
        path: issue.path.split('.').map((part) => (/^\d+$/.test(part) ? Number(part) : part)),
        message: issue.message,
      });
    }
  });

const name = z.string().trim().min(1).max(200);

/** A person named in a request is their email (their id); any case, normalised as the workflows normalise it. */
export const personIdField = z.email().max(254).transform(personIdOf);

export const personIdParams = { params: z.strictObject({ id: personIdField }) };

export const invitePersonSchema = { body: z.strictObject({ name, email: z.email().max(254), grants }) };

export const updatePersonSchema = { params: personIdParams.params, body: z.strictObject({ name }) };

export const setGrantsSchema = { params: personIdParams.params, body: z.strictObject({ grants }) };

export const listPeopleSchema = {
  query: z.strictObject({
    /** People holding a grant in this unit. */
    unit: unitCode.optional(),
    /** People holding this role (in `unit`, when given). */
    role: z.enum(roleCodes).optional(),
    status: z.enum(accountStatuses).optional(),
    ...pageQuery,
  }),
};

const grantView = z.object({ role: z.enum(roleCodes), unitCode: z.string().optional() });

export const personSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    status: z.enum(accountStatuses),
    grants: z.array(grantView),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Person' });

export const personPageSchema = z
  .object({ items: z.array(personSchema), nextCursor: z.string().nullable() })
  .meta({ id: 'PersonPage' });

export type InvitePersonBody = z.infer<typeof invitePersonSchema.body>;
export type ListPeopleQuery = z.infer<typeof listPeopleSchema.query>;
