/**
 * The task catalogue (katalog rencana aksi): templates from which every unit of a cycle gets its tasks.
 * A catalogue is versioned; a cycle keeps the exact catalogue it was launched with.
 */
import type { AreaCode } from '../areas';
import type { RoleCode } from '../roles';
import type { StageCode } from '../stages';

/**
 * When a task is due, counted in working days (hari kerja) against its stage's window in the cycle timeline.
 * Computing the date belongs to the calendar; this only says which anchor and how far.
 */
export type DueRule =
  /** `workingDays` after the stage opens (0 = the opening day). */
  | { readonly kind: 'after_stage_opens'; readonly workingDays: number }
  /** `workingDays` before the stage is due (0 = the due day). */
  | { readonly kind: 'before_stage_due'; readonly workingDays: number }
  /** On the stage's due date. */
  | { readonly kind: 'at_stage_due' };

export type DueRuleKind = DueRule['kind'];
export const dueRuleKinds: readonly DueRuleKind[] = ['after_stage_opens', 'before_stage_due', 'at_stage_due'];

/** The data dukung a submission carries: one upload per named document. */
export interface EvidenceRequirement {
  /** Whether a submission without every listed document is rejected. */
  readonly required: boolean;
  /** Document names in Bahasa Indonesia, e.g. "SK Tim Kerja ZI", "Notulen rapat", "Daftar hadir". */
  readonly documents: readonly string[];
}

export interface TaskTemplate {
  /** Stable id, `[a-z0-9_]+`, at most 64 characters: part of task workflow ids (`tugas:<cycle>:<unit>:<key>`). */
  readonly key: string;
  readonly title: string;
  readonly description: string;
  readonly stage: StageCode;
  /** Absent for tasks that belong to no single area (e.g. penilaian mandiri over the whole LKE). */
  readonly area?: AreaCode;
  readonly assigneeRole: RoleCode;
  readonly reviewerRole: RoleCode;
  readonly evidence: EvidenceRequirement;
  /** Whether the unit must have this task approved before it may leave the stage. */
  readonly required: boolean;
  readonly due: DueRule;
}

export interface TaskCatalogue {
  /** e.g. `zi-2026.1`; `+custom` is appended when a cycle changes the catalogue at launch. */
  readonly version: string;
  /** In display order; tasks of a stage are listed in this order. */
  readonly templates: readonly TaskTemplate[];
}

/**
 * A change to one template, by key. Fields given replace the template's whole field (`evidence` and `due` are
 * replaced, not merged); `undefined` leaves a field as it is; `area: null` removes the area.
 * The key itself cannot change: drop the template and add a new one instead.
 */
export type TemplateChange = { readonly key: string } & Partial<Omit<TaskTemplate, 'key' | 'area'>> & {
    readonly area?: AreaCode | null;
  };

/** What Bagian Organisasi changes in the default catalogue for one cycle. */
export interface CatalogueOverrides {
  readonly add?: readonly TaskTemplate[];
  /** Keys of templates to remove. */
  readonly drop?: readonly string[];
  readonly change?: readonly TemplateChange[];
}

/** One problem in a catalogue or in overrides; `path` is dotted (`templates.3.due.workingDays`, `change.0.key`). */
export interface CatalogueIssue {
  readonly path: string;
  readonly message: string;
}

export type OverrideResult =
  | { readonly ok: true; readonly catalogue: TaskCatalogue }
  | { readonly ok: false; readonly errors: readonly CatalogueIssue[] };
