import { z } from 'zod';
import {
  isIsoDate,
  indonesianZones,
  holidayKinds,
  validateHolidays,
  applyHolidayChanges,
  defaultHolidays,
} from '../../domain/calendar';
import { applyCatalogueOverrides, defaultCatalogue, type CatalogueOverrides } from '../../domain/catalogue';
import { cycleStatuses, duplicateUnitCodes, firstCycleYear, lastCycleYear } from '../../domain/cycle';
import { validateMonevCadence } from '../../domain/monev';
import { maxReviewLayers, reviewLayerIssues } from '../../domain/assessment-process';
import { templateId } from '../assessments/lke-template.schemas';
import { validateReminderPolicy, type ReminderPolicy } from '../../domain/reminder-policy';
import { isRoleCode } from '../../domain/roles';
import { stageCodes, validateTimeline } from '../../domain/stages';

/** Codes and ids become parts of workflow ids and database keys: no `$`, no dots, no spaces. */
const safeCode = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'hanya huruf, angka, - dan _ (maksimal 64 karakter)');

const person = z.strictObject({
  name: z.string().trim().min(1).max(200),
  email: z.email(),
});

/**
 * A unit of the cycle: `{code}` alone takes the registered unit (its name, and its head from `headEmail`), while
 * `{code, name, head}` is used as given, registered or not. Which codes are registered only the service can tell.
 */
const unitSchema = z
  .strictObject({
    code: safeCode,
    name: z.string().trim().min(1).max(200).optional(),
    /** The unit's pimpinan: answers for its first tasks and submits its Tim Kerja. */
    head: person.optional(),
  })
  .superRefine((unit, ctx) => {
    // Half an entry is a mistake either way: a registered unit needs neither, an unregistered one both.
    const missing = unit.name === undefined ? 'name' : 'head';
    if ((unit.name === undefined) !== (unit.head === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [missing],
        message: `isi juga ${missing}, atau kirim code saja untuk memakai data unit terdaftar`,
      });
    }
  });
export type CycleUnitEntry = z.infer<typeof unitSchema>;

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus berformat YYYY-MM-DD');
const localTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'jam harus berformat HH:MM');
const workingDays = z.number().int().min(0).max(260);

const stageWindow = z.strictObject({ opens: isoDay, due: isoDay });
const timelineSchema = z.strictObject({
  persiapan: stageWindow,
  pembentukan_tim: stageWindow,
  pelaksanaan: stageWindow,
  monev: stageWindow,
  penilaian: stageWindow,
  penghargaan: stageWindow,
});

const dueRule = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('after_stage_opens'), workingDays }),
  z.strictObject({ kind: z.literal('before_stage_due'), workingDays }),
  z.strictObject({ kind: z.literal('at_stage_due') }),
]);
const role = z.string().refine(isRoleCode, 'peran tidak dikenal');
const template = z.strictObject({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  stage: z.enum(stageCodes),
  area: z.string().optional(),
  assigneeRole: role,
  reviewerRole: role,
  evidence: z.strictObject({ required: z.boolean(), documents: z.array(z.string()).max(30) }),
  required: z.boolean(),
  due: dueRule,
});
const catalogueOverrides = z.strictObject({
  add: z.array(template).max(200).optional(),
  drop: z.array(z.string()).max(200).optional(),
  change: z
    .array(template.partial().extend({ key: z.string(), area: z.string().nullable().optional() }).strict())
    .max(200)
    .optional(),
});

const holidayChanges = z.strictObject({
  add: z
    .array(z.strictObject({ date: isoDay, name: z.string().trim().min(1).max(200), kind: z.enum(holidayKinds) }))
    .max(100)
    .optional(),
  remove: z.array(isoDay).max(100).optional(),
});

const reminderPolicy = z.strictObject({
  sendWindow: z.strictObject({ start: localTime, end: localTime }),
  reminders: z
    .array(
      z.strictObject({
        workingDaysBeforeDue: workingDays,
        at: localTime,
        recipientRole: z.union([z.literal('assignee'), role]),
      }),
    )
    .max(10),
  escalations: z
    .array(z.strictObject({ workingDaysAfterDue: workingDays, at: localTime, recipientRole: role }))
    .max(10),
  repeat: z.strictObject({ everyWorkingDays: workingDays, at: localTime, recipientRole: role }).nullable(),
});

const monevCadence = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('monthly') }),
  z.strictObject({ kind: z.literal('every_working_days'), workingDays: z.number().int() }),
]);

/** Domain issues (dotted paths) become zod issues under the field they belong to, so the API names the field. */
function addIssues(ctx: z.RefinementCtx, prefix: string, issues: readonly { path: string; message: string }[]) {
  for (const issue of issues) {
    ctx.addIssue({
      code: 'custom',
      path: [prefix, ...issue.path.split('.').filter((part) => part !== '')],
      message: issue.message,
    });
  }
}

export const launchCycleSchema = {
  body: z
    .strictObject({
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
      /** TPI (Inspektorat): penilai of every unit. */
      assessors: z.array(person).max(100).optional(),
      /** @default the programme's default year plan (domain/default-timeline.ts) */
      timeline: timelineSchema.optional(),
      zone: z.enum(indonesianZones).optional(),
      catalogue: catalogueOverrides.optional(),
      holidays: holidayChanges.optional(),
      reminderPolicy: reminderPolicy.optional(),
      monev: monevCadence.optional(),
      /** People (emails) who want one morning digest instead of single reminders. */
      digestRecipients: z.array(z.email()).max(1000).optional(),
      /** The LKE template the units' penilaian uses. @default the built-in "LKE ZI — PermenPAN-RB 90/2021" */
      lkeTemplateId: templateId.optional(),
      /** Last day a proposal to KemenPAN-RB may be recorded. @default 31 May of the cycle year */
      proposalDeadline: isoDay.refine(isIsoDate, 'tanggal tidak valid').optional(),
      /** An earlier cycle whose units without a predikat carry their open recommendations into this one. */
      carryRecommendationsFrom: safeCode.optional(),
      /** TPI review layers in order. @default tpi_anggota, tpi_ketua, pengendali_teknis */
      reviewLayers: z.array(z.string()).max(maxReviewLayers).optional(),
      /** Rehearsals only: run the cycle on a compressed clock. Refused in production. */
      clock: z
        .strictObject({ origin: z.iso.datetime({ offset: true }), speedup: z.number().min(1).max(10_000_000) })
        .optional(),
    })
    .superRefine((body, ctx) => {
      if (body.timeline) addIssues(ctx, 'timeline', validateTimeline(body.timeline));
      if (body.catalogue) {
        const result = applyCatalogueOverrides(defaultCatalogue, body.catalogue as CatalogueOverrides);
        if (!result.ok) addIssues(ctx, 'catalogue', result.errors);
      }
      if (body.holidays) {
        addIssues(ctx, 'holidays', validateHolidays(applyHolidayChanges(defaultHolidays, body.holidays)));
      }
      if (body.reminderPolicy) {
        addIssues(ctx, 'reminderPolicy', validateReminderPolicy(body.reminderPolicy as ReminderPolicy));
      }
      if (body.monev) addIssues(ctx, 'monev', validateMonevCadence(body.monev));
      if (body.reviewLayers) {
        for (const message of reviewLayerIssues(body.reviewLayers)) {
          ctx.addIssue({ code: 'custom', path: ['reviewLayers'], message });
        }
      }
      if (body.proposalDeadline && !body.proposalDeadline.startsWith(`${body.year}-`)) {
        ctx.addIssue({
          code: 'custom',
          path: ['proposalDeadline'],
          message: `harus jatuh pada tahun siklus ${body.year}`,
        });
      }
    }),
};

export type LaunchCycleBody = z.infer<typeof launchCycleSchema.body>;

export const cycleIdParams = {
  params: z.strictObject({ id: safeCode }),
};

/** Why Bagian Organisasi steers: recorded with the signed-in officer in the audit trail and told to the units. */
const steering = { reason: z.string().trim().min(3).max(1000) };

export type SteerCycleBody = { reason?: string };

const stage = z.enum(stageCodes);
const unitParams = z.strictObject({ id: safeCode, code: safeCode });

export const advanceCycleSchema = {
  params: cycleIdParams.params,
  body: z.strictObject({ ...steering, stage }),
};
export const extendStageSchema = {
  params: z.strictObject({ id: safeCode, stage }),
  body: z.strictObject({ ...steering, due: isoDay }),
};
export const addUnitSchema = {
  params: cycleIdParams.params,
  body: z.strictObject({ unit: unitSchema }),
};
export const advanceUnitSchema = {
  params: unitParams,
  body: z.strictObject({ ...steering, stage }),
};
export const withdrawUnitSchema = { params: unitParams, body: z.strictObject(steering) };
export const cancelCycleSchema = { params: cycleIdParams.params, body: z.strictObject(steering) };

export const listCyclesSchema = {
  query: z.strictObject({
    year: z.coerce.number().int().min(firstCycleYear).max(lastCycleYear).optional(),
    status: z.enum(cycleStatuses).optional(),
  }),
};
export type ListCyclesQuery = z.infer<typeof listCyclesSchema.query>;
