/**
 * Turns a validated launch request into what the cycle workflow runs on: the defaults filled in (timeline, zone,
 * catalogue, holidays, reminder policy, monev cadence, the penilaian's template, proposal deadline and review layers),
 * so the workflow never depends on code defaults that may change while it runs.
 */
import { applyHolidayChanges, defaultHolidays, type IndonesianZone } from '../../domain/calendar';
import { applyCatalogueOverrides, defaultCatalogue, type CatalogueOverrides } from '../../domain/catalogue';
import { defaultProposalDeadline, defaultReviewLayers } from '../../domain/assessment-process';
import { defaultTimeline } from '../../domain/default-timeline';
import { defaultLkeTemplate } from '../../domain/lke';
import { defaultMonevCadence } from '../../domain/monev';
import { defaultReminderPolicy, type ReminderPolicy } from '../../domain/reminder-policy';
import type { CycleUnit, Person } from '../../domain/cycle';
import type { CycleWorkflowInput } from '../../workflows/definitions';
import type { LaunchCycleBody } from './cycle.schemas';

/** The zone the cycle's calendar runs in. */
export const launchZone = (body: Pick<LaunchCycleBody, 'zone'>): IndonesianZone => body.zone ?? 'WIB';

/**
 * `launchedBy`: the signed-in Bagian Organisasi officer; they receive the cycle's launch and stage emails. `units`:
 * the body's units completed from the registry (cycle-units.ts).
 */
export function cycleLaunchInput(
  id: string,
  body: Omit<LaunchCycleBody, 'units'> & { units: CycleUnit[] },
  launchedBy: Person,
): CycleWorkflowInput {
  const overrides = applyCatalogueOverrides(defaultCatalogue, (body.catalogue ?? {}) as CatalogueOverrides);
  // The schema has already applied the same overrides; a failure here is a bug, not bad input.
  if (!overrides.ok) throw new Error(`catalogue overrides passed validation but failed to apply`);
  return {
    id,
    name: body.name,
    year: body.year,
    units: body.units,
    launchedBy,
    assessors: body.assessors ?? [],
    timeline: body.timeline ?? defaultTimeline(body.year),
    catalogue: overrides.catalogue,
    schedule: {
      zone: launchZone(body),
      holidays: applyHolidayChanges(defaultHolidays, body.holidays ?? {}),
      policy: (body.reminderPolicy as ReminderPolicy | undefined) ?? defaultReminderPolicy,
      ...(body.digestRecipients?.length ? { digestRecipients: body.digestRecipients } : {}),
      ...(body.clock ? { clock: body.clock } : {}),
    },
    monev: body.monev ?? defaultMonevCadence,
    penilaian: {
      lkeTemplateId: body.lkeTemplateId ?? defaultLkeTemplate.id,
      proposalDeadline: body.proposalDeadline ?? defaultProposalDeadline(body.year),
      reviewLayers: body.reviewLayers ?? [...defaultReviewLayers],
    },
  };
}
