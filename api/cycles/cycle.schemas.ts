import { z } from 'zod';
import { duplicateUnitCodes, firstCycleYear, lastCycleYear } from '../../domain/cycle';

/** Codes and ids become parts of workflow ids and database keys: no `$`, no dots, no spaces. */
const safeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');

const unitSchema = z.strictObject({
  code: safeCode,
  name: z.string().trim().min(1).max(200),
});

export const launchCycleSchema = {
  body: z.strictObject({
    name: z.string().trim().min(3).max(200),
    year: z.number().int().min(firstCycleYear).max(lastCycleYear),
    units: z
      .array(unitSchema)
      .min(1)
      .max(1000)
      .superRefine((units, ctx) => {
        for (const code of duplicateUnitCodes(units)) {
          ctx.addIssue({ code: 'custom', message: `kode unit ${code} muncul lebih dari sekali` });
        }
      }),
    launchedBy: z.strictObject({
      name: z.string().trim().min(1).max(200),
      email: z.email(),
    }),
  }),
};

export type LaunchCycleBody = z.infer<typeof launchCycleSchema.body>;

export const cycleIdParams = {
  params: z.strictObject({ id: safeCode }),
};
