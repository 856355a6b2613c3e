import { randomBytes } from 'node:crypto';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { AccountModel } from '../../activities/models/account.model';
import type { CycleDocument, CycleModel } from '../../activities/models/cycle.model';
import type { LkeTemplateModel } from '../../activities/models/lke-template.model';
import type { MonevReviewModel } from '../../activities/models/monev-review.model';
import type { TaskModel } from '../../activities/models/task.model';
import type { UnitKerjaModel } from '../../activities/models/unit-kerja.model';
import { visibleUnits, type Grant, type Principal } from '../../domain/access';
import type { CycleProgress } from '../../domain/cycle-progress';
import { cycleStatusLabels, type CycleStatus } from '../../domain/cycle';
import { createWorkingCalendar, indonesianZones, type IndonesianZone } from '../../domain/calendar';
import { carriedRecommendationTemplates, withCarriedRecommendations } from '../../domain/carried-recommendations';
import { validateCatalogue, type TaskCatalogue, type TaskTemplate } from '../../domain/catalogue';
import { previewLaunch, type LaunchPreview } from '../../domain/launch-preview';
import { defaultLkeTemplate } from '../../domain/lke';
import { participantOf } from '../../domain/people';
import {
  addUnitUpdate,
  advanceCycleUpdate,
  advanceUnitUpdate,
  cancelCycleUpdate,
  cycleWorkflowId,
  cycleWorkflowType,
  extendStageDueUpdate,
  withdrawUnitUpdate,
  type CycleStageView,
  type CycleWorkflowInput,
  type CycleWorkflowState,
} from '../../workflows/definitions';
import { requireEverywhere } from '../access';
import type { UnitRecommendations } from '../awards/award.service';
import type { WorkflowCall } from '../metrics';
import { conflict, HttpProblem, notFound } from '../problem';
import { cycleLaunchInput, launchZone } from './cycle-launch';
import { cycleProgress } from './cycle-progress';
import { resolveCycleUnits } from './cycle-units';
import type { CycleUnitEntry, LaunchCycleBody, ListCyclesQuery, SteerCycleBody } from './cycle.schemas';

export interface CycleView {
  id: string;
  workflowId: string;
  name: string;
  year: number;
  status: CycleStatus;
  units: { code: string; name: string; status?: string; stage?: string }[];
  launchedBy: { name: string; email: string };
  stages?: Record<string, CycleStageView>;
  catalogueVersion?: string;
  createdAt?: string;
  updatedAt?: string;
  /** Task counts per stage, unit and area, limited to the units the reader may see. */
  progress?: CycleProgress;
}

/** Gives people the grants a cycle implies (unit heads, TPI), creating and inviting accounts that are missing. */
export type EnsurePerson = (
  person: { name: string; email: string },
  grants: Grant[],
  by: Principal,
) => Promise<{ personId: string; created: boolean }>;

/** What Bagian Organisasi can do to a running cycle; each is one validated update of the cycle workflow. */
export type SteeringAction =
  | { kind: 'advance'; stage: string }
  | { kind: 'advance-unit'; unitCode: string; stage: string }
  | { kind: 'extend-stage'; stage: string; due: string }
  /** `{code}` alone takes the registered unit, as a launch does. */
  | { kind: 'add-unit'; unit: CycleUnitEntry }
  | { kind: 'withdraw-unit'; unitCode: string }
  | { kind: 'cancel' };

/** Business rules of cycles; talks to Temporal (process) and MongoDB (read model). */
export class CycleService {
  constructor(
    private readonly deps: {
      temporal: Client;
      taskQueue: string;
      Cycle: CycleModel;
      Task: TaskModel;
      /** The unit registry and accounts: units a launch names by code alone are completed from them. */
      UnitKerja: UnitKerjaModel;
      Account: AccountModel;
      /** Compressed clocks are for rehearsals and tests, never for a real instansi's year. */
      allowCompressedClock: boolean;
      /** Times each call to Temporal (metrics); untimed when absent. */
      timeWorkflowCall?: <T>(call: WorkflowCall, run: () => Promise<T>) => Promise<T>;
      newId?: (year: number) => string;
      /** Accounts for the people a launch names; none are created when absent (tests of the service alone). */
      ensurePerson?: EnsurePerson;
      /** Published LKE templates, to refuse a launch naming one that does not exist; unchecked when absent. */
      LkeTemplate?: LkeTemplateModel;
      /** Monev verdicts per period; none are listed when absent. */
      MonevReview?: MonevReviewModel;
      /** An earlier cycle's open recommendations per unit, as the reader may see them (the awards service). */
      recommendationsOf?: (cycleId: string, principal: Principal) => Promise<UnitRecommendations[]>;
    },
  ) {}

  async launch(body: LaunchCycleBody, principal: Principal): Promise<CycleView> {
    requireEverywhere(principal, 'cycle.launch');
    if (body.clock && !this.deps.allowCompressedClock) {
      throw new HttpProblem(400, 'Permintaan tidak valid', 'body.clock: jam dipercepat hanya untuk gladi dan uji', {
        errors: [{ field: 'body.clock', message: 'jam dipercepat hanya untuk gladi dan uji' }],
      });
    }
    const units = await this.resolveUnits(body.units, launchZone(body), (index) => `body.units.${index}`);
    await this.checkLkeTemplate(body.lkeTemplateId);
    const id = (this.deps.newId ?? newCycleId)(body.year);
    const input = cycleLaunchInput(id, { ...body, units }, { name: principal.name, email: principal.email });
    const carried = await this.carriedRecommendations(body, input.catalogue, principal);
    if (Object.keys(carried).length > 0) input.carriedRecommendations = carried;
    // Accounts first: the first emails of the cycle must reach people who can sign in to act on them.
    await this.grantCyclePeople(input.units, input.assessors, principal);
    await this.timed('start', () =>
      this.deps.temporal.workflow.start(cycleWorkflowType, {
        workflowId: cycleWorkflowId(id),
        taskQueue: this.deps.taskQueue,
        args: [input],
        // The memo lets a read before the first write to MongoDB still show the cycle.
        memo: { cycle: { id, name: input.name, year: input.year, units: input.units, launchedBy: input.launchedBy } },
      }),
    );
    return { ...summary(input), workflowId: cycleWorkflowId(id), status: 'launching' };
  }

  /**
   * What launching this request would do (dry run): stage windows, tasks with due dates, counts. Starts nothing, but
   * reads the unit registry, so a unit the launch would refuse is refused here too.
   */
  async preview(body: LaunchCycleBody, principal: Principal): Promise<LaunchPreview> {
    requireEverywhere(principal, 'cycle.launch');
    const units = await this.resolveUnits(body.units, launchZone(body), (index) => `body.units.${index}`);
    await this.checkLkeTemplate(body.lkeTemplateId);
    const input = cycleLaunchInput('pratinjau', { ...body, units }, { name: principal.name, email: principal.email });
    const carried = await this.carriedRecommendations(body, input.catalogue, principal);
    return previewLaunch({
      catalogue: input.catalogue,
      timeline: input.timeline,
      calendar: createWorkingCalendar({ zone: input.schedule.zone ?? 'WIB', holidays: input.schedule.holidays }),
      unitCount: input.units.length,
      carriedTasks: Object.values(carried).reduce((sum, templates) => sum + templates.length, 0),
    });
  }

  /**
   * Per launched unit, the tasks for the recommendations it carries from `body.carryRecommendationsFrom`: units that
   * ended that cycle without a predikat and have something open. A cycle the launcher cannot find is their field
   * error; so is a catalogue that already uses a carried task's key.
   */
  private async carriedRecommendations(
    body: LaunchCycleBody,
    catalogue: TaskCatalogue,
    principal: Principal,
  ): Promise<Record<string, TaskTemplate[]>> {
    const from = body.carryRecommendationsFrom;
    if (from === undefined || !this.deps.recommendationsOf) return {};
    const field = 'body.carryRecommendationsFrom';
    const refuse = (message: string) =>
      new HttpProblem(422, 'Permintaan ditolak', `${field}: ${message}`, { errors: [{ field, message }] });
    const earlier = await this.deps.recommendationsOf(from, principal).catch((error: unknown) => {
      if (error instanceof HttpProblem && error.status === 404) throw refuse(`siklus ${from} tidak ditemukan`);
      throw error;
    });
    const launched = new Set(body.units.map((unit) => unit.code));
    const carried: Record<string, TaskTemplate[]> = {};
    for (const unit of earlier) {
      if (!launched.has(unit.unitCode)) continue;
      const templates = carriedRecommendationTemplates(from, unit.items);
      if (templates.length === 0) continue;
      const issues = validateCatalogue(withCarriedRecommendations(catalogue, templates));
      if (issues.length > 0) throw refuse(`tugas rekomendasi unit ${unit.unitCode} bentrok: ${issues[0]!.message}`);
      carried[unit.unitCode] = templates;
    }
    return carried;
  }

  /** A launch may name a published LKE template (or the built-in one); another id is the caller's field error. */
  private async checkLkeTemplate(id: string | undefined): Promise<void> {
    if (id === undefined || id === defaultLkeTemplate.id || !this.deps.LkeTemplate) return;
    if (await this.deps.LkeTemplate.exists({ _id: id })) return;
    const message = `templat LKE ${id} tidak ditemukan`;
    throw new HttpProblem(422, 'Permintaan ditolak', `body.lkeTemplateId: ${message}`, {
      errors: [{ field: 'body.lkeTemplateId', message }],
    });
  }

  /** Cycles the person may see (those with one of their units; every cycle for instansi-wide roles), newest first. */
  async list(principal: Principal, query: ListCyclesQuery): Promise<CycleView[]> {
    const units = visibleUnits(principal);
    const filter = {
      ...(query.year !== undefined ? { year: query.year } : {}),
      ...(query.status !== undefined ? { status: query.status } : {}),
      ...(units === 'all' ? {} : { 'units.code': { $in: units } }),
    };
    const cycles = await this.deps.Cycle.find(filter).sort({ year: -1, createdAt: -1 }).limit(500).lean();
    return cycles.map((cycle) => this.viewOf(cycle, units));
  }

  /** The cycle with its progress; 404 for a person who holds no grant in any of its units. */
  async get(id: string, principal: Principal): Promise<CycleView> {
    const units = visibleUnits(principal);
    const stored = await this.deps.Cycle.findById(id).lean();
    if (stored) {
      const view = this.viewOf(stored, units);
      if (view.units.length === 0 && units !== 'all') throw notFound(`Siklus ${id}`);
      return {
        ...view,
        progress: await cycleProgress(
          this.deps.Task,
          id,
          view.units.map((unit) => unit.code),
        ),
      };
    }
    // Just launched: the workflow exists but has not written its first state yet.
    const launching = await this.fromWorkflow(id);
    if (units !== 'all' && !launching.units.some((unit) => units.includes(unit.code))) throw notFound(`Siklus ${id}`);
    return launching;
  }

  private viewOf(stored: CycleDocument, units: 'all' | string[]): CycleView {
    const visible = (code: string) => units === 'all' || units.includes(code);
    return {
      id: stored._id,
      workflowId: cycleWorkflowId(stored._id),
      name: stored.name,
      year: stored.year,
      status: stored.status,
      units: stored.units
        .filter((unit) => visible(unit.code))
        .map(({ code, name, status, stage }) => ({ code, name, status, stage })),
      launchedBy: { name: stored.launchedBy.name, email: stored.launchedBy.email },
      stages: stored.stages,
      catalogueVersion: stored.catalogueVersion,
      createdAt: stored.createdAt?.toISOString(),
      updatedAt: stored.updatedAt?.toISOString(),
    };
  }

  /** The cycle's tasks in the units the person may see, soonest due first. */
  async tasks(id: string, principal: Principal) {
    const cycle = await this.get(id, principal);
    const tasks = await this.deps.Task.find({ cycleId: id, unitCode: { $in: cycle.units.map((unit) => unit.code) } })
      .sort({ due: 1, _id: 1 })
      .limit(5000)
      .lean();
    return tasks.map(({ _id, seq: _seq, ...task }) => ({ id: _id, ...task }));
  }

  /**
   * The cycle's monev verdicts, oldest period first: each unit's share of approved required tasks against the plan's,
   * and the lagging units — limited to the units the reader may see.
   */
  async monev(id: string, principal: Principal) {
    const cycle = await this.get(id, principal);
    const visible = new Set(cycle.units.map((unit) => unit.code));
    if (!this.deps.MonevReview) return [];
    const reviews = await this.deps.MonevReview.find({ cycleId: id }).sort({ at: 1, _id: 1 }).limit(500).lean();
    return reviews.map((review) => ({
      periodKey: review.periodKey,
      label: review.label,
      at: review.at.toISOString(),
      expectedShare: review.expectedShare,
      units: review.units.filter((unit) => visible.has(unit.unitCode)),
      lagging: review.lagging.filter((unit) => visible.has(unit.unitCode)),
    }));
  }

  /** Applies one steering action through the workflow's validated update; a refusal becomes 422 with its reason. */
  async steer(
    id: string,
    action: SteeringAction,
    body: SteerCycleBody,
    principal: Principal,
  ): Promise<CycleWorkflowState> {
    requireEverywhere(principal, 'cycle.steer');
    const handle = this.deps.temporal.workflow.getHandle(cycleWorkflowId(id));
    const actor = participantOf(principal, 'admin_organisasi');
    const reason = body.reason ?? '';
    const run = <A>(update: UpdateDefinition<CycleWorkflowState, [A]>, arg: A) =>
      this.timed('update', () => handle.executeUpdate(update, { args: [arg] }));
    try {
      switch (action.kind) {
        case 'advance':
          return await run(advanceCycleUpdate, { actor, reason, stage: action.stage as never });
        case 'advance-unit':
          return await run(advanceUnitUpdate, {
            actor,
            reason,
            unitCode: action.unitCode,
            stage: action.stage as never,
          });
        case 'extend-stage':
          return await run(extendStageDueUpdate, { actor, reason, stage: action.stage as never, due: action.due });
        case 'add-unit': {
          const [unit] = await this.resolveUnits([action.unit], await this.zoneOf(id), () => 'body.unit');
          await this.grantCyclePeople([unit!], [], principal);
          return await run(addUnitUpdate, { actor, unit: unit! });
        }
        case 'withdraw-unit':
          return await run(withdrawUnitUpdate, { actor, reason, unitCode: action.unitCode });
        case 'cancel':
          return await run(cancelCycleUpdate, { actor, reason });
      }
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // Temporal says "not found" for a workflow that has ended, too: the read model tells which it is.
      const stored = await this.deps.Cycle.findById(id, { status: 1 }).lean();
      if (stored) throw conflict(`Siklus ${id} sudah berakhir (${cycleStatusLabels[stored.status]})`);
      throw notFound(`Siklus ${id}`);
    }
  }

  private resolveUnits(
    entries: readonly CycleUnitEntry[],
    zone: IndonesianZone | undefined,
    field: (index: number) => string,
  ) {
    return resolveCycleUnits({ UnitKerja: this.deps.UnitKerja, Account: this.deps.Account }, entries, zone, field);
  }

  /** The running cycle's zone, from its read model; unknown (no zone check) until the cycle has written it. */
  private async zoneOf(id: string): Promise<IndonesianZone | undefined> {
    const zone = (await this.deps.Cycle.findById(id, { zone: 1 }).lean())?.zone;
    return indonesianZones.find((known) => known === zone);
  }

  /** Unit heads become pimpinan of their unit; TPI assessors become penilai of every unit of the cycle. */
  private async grantCyclePeople(
    units: CycleWorkflowInput['units'],
    assessors: CycleWorkflowInput['assessors'],
    by: Principal,
  ): Promise<void> {
    const ensure = this.deps.ensurePerson;
    if (!ensure) return;
    for (const unit of units) await ensure(unit.head, [{ role: 'pimpinan', unitCode: unit.code }], by);
    for (const assessor of assessors) {
      await ensure(
        assessor,
        units.map((unit) => ({ role: 'penilai', unitCode: unit.code })),
        by,
      );
    }
  }

  private timed<T>(call: WorkflowCall, run: () => Promise<T>): Promise<T> {
    return this.deps.timeWorkflowCall ? this.deps.timeWorkflowCall(call, run) : run();
  }

  private async fromWorkflow(id: string): Promise<CycleView> {
    try {
      const description = await this.deps.temporal.workflow.getHandle(cycleWorkflowId(id)).describe();
      const memo = description.memo?.cycle as Pick<CycleWorkflowInput, 'id' | 'name' | 'year' | 'units' | 'launchedBy'>;
      if (description.type !== cycleWorkflowType || !memo) throw notFound(`Siklus ${id}`);
      return { ...summary(memo), workflowId: cycleWorkflowId(id), status: 'launching' };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) throw notFound(`Siklus ${id}`);
      throw error;
    }
  }
}

const summary = (input: Pick<CycleWorkflowInput, 'id' | 'name' | 'year' | 'units' | 'launchedBy'>) => ({
  id: input.id,
  name: input.name,
  year: input.year,
  units: input.units.map(({ code, name }) => ({ code, name })),
  launchedBy: input.launchedBy,
});

/** Readable and unguessable enough: `2026-3f9c2a71`. */
export function newCycleId(year: number): string {
  return `${year}-${randomBytes(4).toString('hex')}`;
}
