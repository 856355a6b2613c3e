import { z } from 'zod';
import { isIsoDate } from '../../domain/calendar';
import { toEpochDay } from '../../domain/calendar/days';

/** The longest absence one substitution covers; a longer one is a reassignment, not a substitute. */
export const maxSubstitutionDays = 90;

const day = z.string().refine(isIsoDate, 'tanggal harus berformat YYYY-MM-DD');
const person = z.strictObject({ name: z.string().trim().min(1).max(200), email: z.email().max(254) });

export const createSubstitutionSchema = {
  body: z
    .strictObject({
      substitute: person,
      /** First and last day away, inclusive (WIB calendar days). */
      from: day,
      to: day,
      /** Bagian Organisasi only: the person away, when it is not the caller (their email). */
      personId: z.email().max(254).optional(),
    })
    .superRefine((body, ctx) => {
      if (!isIsoDate(body.from) || !isIsoDate(body.to)) return;
      const days = toEpochDay(body.to) - toEpochDay(body.from) + 1;
      if (days < 1)
        ctx.addIssue({ code: 'custom', path: ['to'], message: 'tanggal akhir tidak boleh sebelum tanggal awal' });
      if (days > maxSubstitutionDays) {
        ctx.addIssue({ code: 'custom', path: ['to'], message: `paling lama ${maxSubstitutionDays} hari` });
      }
    }),
};
export type CreateSubstitutionBody = z.infer<typeof createSubstitutionSchema.body>;

export const listSubstitutionsSchema = {
  query: z.strictObject({
    /** Bagian Organisasi only: someone else's substitutions (their email). */
    personId: z.email().max(254).optional(),
  }),
};

export const substitutionParams = {
  params: z.strictObject({ id: z.uuid('id pengganti tidak valid') }),
};

export const substitutionResponse = z
  .object({
    id: z.string(),
    personId: z.string(),
    personName: z.string(),
    substitute: z.object({ personId: z.string(), name: z.string() }),
    from: z.string(),
    to: z.string(),
    active: z.boolean(),
    createdBy: z.string(),
  })
  .meta({ id: 'Substitution' });
