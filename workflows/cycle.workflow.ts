import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
  startChild,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { AuditEntry } from '../activities/audit';
import type { CycleUnit } from '../domain/cycle';
import { withCarriedRecommendations } from '../domain/carried-recommendations';
import { defaultMonevCadence } from '../domain/monev';
import { participantOf, personIdOf } from '../domain/people';
import { isIsoDate, stageCodes, stageIndex, stageLabels, type StageCode, type CycleTimeline } from '../domain/stages';
import { taskDueInstant } from '../domain/task-due';
import { emailActivity, persistenceActivity } from './activity-options';
import {
  addUnitUpdate,
  advanceCycleUpdate,
  advanceStageSignal,
  advanceUnitUpdate,
  cancelCycleUpdate,
  cycleStateQuery,
  digestWorkflowId,
  extendStageDueUpdate,
  monevTimelineSignal,
  monevUnitsSignal,
  monevWorkflowId,
  openStageSignal,
  stageClosedSignal,
  stageWindowSignal,
  unitReportSignal,
  unitWorkflowId,
  withdrawSignal,
  withdrawUnitUpdate,
  type AddUnit,
  type AdvanceCycle,
  type AdvanceUnit,
  type CancelCycle,
  type CycleWorkflowInput,
  type ExtendStageDue,
  type WithdrawUnit,
  type CycleWorkflowState,
  type Steering,
  type TaskPerson,
  type UnitWorkflowInput,
} from './definitions';
import { digestWorkflow } from './digest.workflow';
import { monevWorkflow } from './monev.workflow';
import { batchesBySize } from './batches';
import { scheduleOf } from './schedule';
import { unitWorkflow } from './unit.workflow';

const persistence = proxyActivities<Pick<Activities, 'saveCycle' | 'storeCycleCatalogue'>>(persistenceActivity);
const email =
  proxyActivities<Pick<Activities, 'notifyCycleLaunched' | 'announceStageClosed' | 'notifyCycleCancelled'>>(
    emailActivity,
  );

/**
 * A cycle (siklus): one year of the programme for the units Bagian Organisasi chose. It starts one unit workflow per
 * unit (which start their tasks), keeps the stage windows (opening each on its date, closing it at its due date and
 * flagging the units still in it as late), runs monev and the daily digest as their own workflows, and takes
 * Bagian Organisasi's steering as validated updates: advance the cycle or a unit, extend a stage, add or withdraw a
 * unit, cancel. It ends when every unit has finished or left.
 *
 * Its history grows with units × stages, never with time: the open-ended loops (monev periods, daily digests) are
 * separate workflows that continue as new.
 */
/** Units started per workflow task at launch: their start commands together stay far below the 4 MB message limit. */
const unitStartBatch = 25;
/**
 * Later launches batch by the size of the units' inputs instead (which the catalogue, its overrides and carried
 * recommendations decide), up to well below the 4 MB limit: with the default catalogue about 40 units a batch, so a
 * 200-unit launch waits for 5 batches of starts rather than 8.
 */
const unitStartBatchBytes = 1_500_000;
/**
 * Units started per workflow task once they load the catalogue: their inputs (about 6 kB) would let a whole 200-unit
 * launch go in one, but then every unit's first steps reach the worker and the server at once. Measured on 200-unit
 * launches: 88.5 CPU s in one batch (4 runs), 73.4 at 40 a batch and 81.4 at 20 (2 runs each).
 */
const unitStartBatchCount = 40;

export async function cycleWorkflow(input: CycleWorkflowInput): Promise<CycleWorkflowState> {
  const { clock, zone, calendar, nowIso, handOn: childSchedule } = scheduleOf(input.schedule);
  const admins: TaskPerson[] = [participantOf(input.launchedBy, 'admin_organisasi')];
  const assessors = input.assessors.map((person) => participantOf(person, 'penilai'));
  const timeline = (): CycleTimeline =>
    Object.fromEntries(stageCodes.map((stage) => [stage, state.stages[stage].window])) as CycleTimeline;
  const state: CycleWorkflowState = {
    cycleId: input.id,
    status: 'launching',
    stages: Object.fromEntries(
      stageCodes.map((stage) => [stage, { window: input.timeline[stage], status: 'scheduled', lateUnits: [] }]),
    ) as unknown as CycleWorkflowState['stages'],
    units: input.units.map((unit) => ({ ...unit, status: 'active', stage: stageCodes[0] })),
  };
  let ended = false;
  /** Unit workflows still running: the cycle ends only after each has finished its own cleanup. */
  const running = new Set<string>();
  /** Units whose workflow has been started (and may since have ended). */
  const startedUnits = new Set<string>();
  let seq = 0;
  const mailing: Promise<unknown>[] = [];

  const record = (event?: Omit<AuditEntry, 'at'>) =>
    persistence.saveCycle({
      snapshot: {
        id: input.id,
        name: input.name,
        year: input.year,
        launchedBy: input.launchedBy,
        catalogueVersion: input.catalogue.version,
        zone,
        status: state.status,
        stages: state.stages,
        units: state.units,
        seq: ++seq,
      },
      event: event ? { ...event, at: nowIso() } : undefined,
    });

  /** Set at launch: whether the units load the catalogue the cycle stored (see `UnitWorkflowInput.catalogue`). */
  let unitsLoadTheCatalogue = false;
  const unitCatalogue = (unit: CycleUnit): Pick<UnitWorkflowInput, 'catalogue' | 'carriedRecommendations'> => {
    const carried = input.carriedRecommendations?.[unit.code];
    if (!unitsLoadTheCatalogue) return { catalogue: withCarriedRecommendations(input.catalogue, carried) };
    return carried && carried.length > 0 ? { carriedRecommendations: carried } : {};
  };

  const unitInput = (unit: CycleUnit): UnitWorkflowInput => ({
    cycleId: input.id,
    cycleName: input.name,
    unit: { code: unit.code, name: unit.name },
    ...unitCatalogue(unit),
    timeline: timeline(),
    team: { pimpinan: [participantOf(unit.head, 'pimpinan')], admin_organisasi: admins, penilai: assessors },
    schedule: childSchedule(),
    // Only when the launch set it, so the units of cycles launched before it get the input they always got.
    ...(input.penilaian ? { penilaian: input.penilaian } : {}),
  });

  const findUnit = (code: string) => state.units.find((unit) => unit.code === code);
  const activeUnits = () => state.units.filter((unit) => unit.status === 'active');

  const startUnit = async (unit: CycleUnit) => {
    const child = await startChild(unitWorkflow, {
      workflowId: unitWorkflowId(input.id, unit.code),
      args: [unitInput(unit)],
      parentClosePolicy: ParentClosePolicy.TERMINATE,
    });
    running.add(unit.code);
    startedUnits.add(unit.code);
    child.result().then(
      (final) => {
        const known = findUnit(unit.code);
        if (known) Object.assign(known, { status: final.status, stage: final.stage });
        running.delete(unit.code);
      },
      () => {
        const known = findUnit(unit.code);
        if (known) known.status = 'withdrawn';
        running.delete(unit.code);
      },
    );
  };

  /**
   * Signals a unit; one that has already ended has nothing to hear. Steering accepted while the cycle is still
   * launching waits for the unit's workflow to exist: signalled earlier, it would be lost.
   */
  const tellUnit = async (
    code: string,
    send: (handle: ReturnType<typeof getExternalWorkflowHandle>) => Promise<void>,
  ) => {
    // Histories recorded before this wait sent at once; replaying them must do the same.
    if (patched('tell-started-units')) await condition(() => startedUnits.has(code));
    await send(getExternalWorkflowHandle(unitWorkflowId(input.id, code))).catch(() => undefined);
  };
  const tellMonev = (send: (handle: ReturnType<typeof getExternalWorkflowHandle>) => Promise<void>) =>
    send(getExternalWorkflowHandle(monevWorkflowId(input.id))).catch(() => undefined);

  // ---- Steering by Bagian Organisasi: validators refuse (with the reason, in Bahasa Indonesia) before recording ----

  const requireSteering = (steering: { actor: TaskPerson; reason?: string }, needsReason = true) => {
    if (!steering.actor.roles.includes('admin_organisasi'))
      throw new Error('Hanya Bagian Organisasi yang dapat mengarahkan siklus');
    if (needsReason && !steering.reason?.trim()) throw new Error('Alasan wajib diisi');
    if (state.status !== 'launched' && state.status !== 'launching') throw new Error('Siklus sudah berakhir');
  };
  const requireActiveUnit = (code: string) => {
    const unit = findUnit(code);
    if (!unit) throw new Error(`Unit ${code} tidak ikut dalam siklus ini`);
    if (unit.status !== 'active')
      throw new Error(`Unit ${code} sudah ${unit.status === 'finished' ? 'selesai' : 'ditarik'}`);
    return unit;
  };
  const nextScheduledStage = () => stageCodes.find((stage) => state.stages[stage].status === 'scheduled');

  setHandler(cycleStateQuery, () => state);
  setHandler(unitReportSignal, ({ unitCode, stage, status }) => {
    const unit = findUnit(unitCode);
    if (unit) Object.assign(unit, { stage, status: unit.status === 'withdrawn' ? 'withdrawn' : status });
  });

  setHandler(
    advanceCycleUpdate,
    async (request) => {
      openStage(request.stage);
      for (const unit of activeUnits())
        await tellUnit(unit.code, (h) => h.signal(openStageSignal, { stage: request.stage }));
      await record({ type: 'cycle_advanced', by: request.actor.personId, to: request.stage, note: request.reason });
      return state;
    },
    {
      validator: (request: AdvanceCycle) => {
        requireSteering(request);
        const next = nextScheduledStage();
        if (request.stage !== next) {
          throw new Error(
            next ? `Tahap berikutnya yang dapat dibuka adalah ${stageLabels[next]}` : 'Semua tahap sudah dibuka',
          );
        }
      },
    },
  );

  setHandler(
    advanceUnitUpdate,
    async (request) => {
      await tellUnit(request.unitCode, (h) => h.signal(advanceStageSignal, request));
      await record({
        type: 'unit_advanced',
        by: request.actor.personId,
        from: request.stage,
        note: `${request.unitCode}: ${request.reason}`,
      });
      return state;
    },
    {
      validator: (request: AdvanceUnit) => {
        requireSteering(request);
        const unit = requireActiveUnit(request.unitCode);
        if (unit.stage !== request.stage) {
          throw new Error(
            `Unit ${unit.code} sedang di tahap ${unit.stage === 'selesai' ? 'selesai' : stageLabels[unit.stage]}, ` +
              `bukan ${stageLabels[request.stage]}`,
          );
        }
      },
    },
  );

  setHandler(
    extendStageDueUpdate,
    async (request) => {
      const from = state.stages[request.stage].window.due;
      const window = { ...state.stages[request.stage].window, due: request.due };
      state.stages[request.stage].window = window;
      for (const unit of activeUnits()) {
        await tellUnit(unit.code, (h) =>
          h.signal(stageWindowSignal, { stage: request.stage, window, ...steering(request) }),
        );
      }
      await tellMonev((h) => h.signal(monevTimelineSignal, { timeline: timeline() }));
      await record({ type: 'stage_extended', by: request.actor.personId, from, to: request.due, note: request.reason });
      return state;
    },
    {
      validator: (request: ExtendStageDue) => {
        requireSteering(request);
        const stage = state.stages[request.stage];
        if (!stage) throw new Error(`Tahap ${String(request.stage)} tidak dikenal`);
        if (stage.status === 'closed') throw new Error(`Tahap ${stageLabels[request.stage]} sudah ditutup`);
        if (!isIsoDate(request.due)) throw new Error('Tenggat baru harus tanggal YYYY-MM-DD');
        if (request.due <= stage.window.due) {
          throw new Error(`Tenggat baru harus setelah tenggat saat ini (${stage.window.due})`);
        }
      },
    },
  );

  setHandler(
    addUnitUpdate,
    async (request) => {
      state.units.push({ ...request.unit, status: 'active', stage: stageCodes[0] });
      await startUnit(request.unit);
      await tellMonev((h) => h.signal(monevUnitsSignal, { units: activeUnits().map((unit) => unit.code) }));
      await record({ type: 'unit_added', by: request.actor.personId, to: request.unit.code });
      return state;
    },
    {
      validator: (request: AddUnit) => {
        requireSteering(request, false);
        if (findUnit(request.unit.code)) throw new Error(`Unit ${request.unit.code} sudah ikut dalam siklus ini`);
      },
    },
  );

  setHandler(
    withdrawUnitUpdate,
    async (request) => {
      const unit = findUnit(request.unitCode)!;
      unit.status = 'withdrawn';
      await tellUnit(unit.code, (h) => h.signal(withdrawSignal, steering(request)));
      await tellMonev((h) => h.signal(monevUnitsSignal, { units: activeUnits().map((u) => u.code) }));
      await record({ type: 'unit_withdrawn', by: request.actor.personId, from: unit.code, note: request.reason });
      return state;
    },
    {
      validator: (request: WithdrawUnit) => {
        requireSteering(request);
        requireActiveUnit(request.unitCode);
      },
    },
  );

  setHandler(
    cancelCycleUpdate,
    async (request) => {
      const before = state.status;
      state.status = 'cancelled';
      const leaving = activeUnits();
      for (const unit of leaving) {
        unit.status = 'withdrawn';
        await tellUnit(unit.code, (h) => h.signal(withdrawSignal, steering(request)));
      }
      await record({
        type: 'cycle_cancelled',
        by: request.actor.personId,
        from: before,
        to: 'cancelled',
        note: request.reason,
      });
      mailing.push(
        email.notifyCycleCancelled({
          cycleId: input.id,
          cycleName: input.name,
          reason: request.reason,
          recipients: [...admins, ...leaving.map((unit) => participantOf(unit.head, 'pimpinan'))],
        }),
      );
      return state;
    },
    { validator: (request: CancelCycle) => requireSteering(request) },
  );

  function openStage(stage: StageCode) {
    if (state.stages[stage].status === 'scheduled') state.stages[stage].status = 'open';
  }

  // ---- Launch ----

  const launched = record({ type: 'cycle_launched', by: personIdOf(input.launchedBy.email), to: 'launching' });
  // Histories recorded before gave every unit the catalogue in its input, and replay that way.
  if (patched('units-load-the-stored-catalogue')) {
    await Promise.all([launched, persistence.storeCycleCatalogue({ cycleId: input.id, catalogue: input.catalogue })]);
    unitsLoadTheCatalogue = true;
  } else {
    await launched;
  }
  if (patched('unit-starts-in-batches-by-size')) {
    // Sized here, built again at each start: an input carries the clock as it stands when its unit starts.
    const inputBytes = (unit: CycleUnit) => JSON.stringify(unitInput(unit)).length;
    const maxCount = unitsLoadTheCatalogue ? unitStartBatchCount : undefined;
    for (const batch of batchesBySize(input.units, inputBytes, unitStartBatchBytes, maxCount)) {
      await Promise.all(batch.map((unit) => startUnit(unit)));
    }
  } else if (patched('unit-starts-in-batches')) {
    // Each unit's input carries the cycle's catalogue (~30 kB): starting every unit in one workflow task made its
    // completion larger than Temporal's 4 MB message limit beyond about 120 units, and the launch failed for ever.
    for (let from = 0; from < input.units.length; from += unitStartBatch) {
      await Promise.all(input.units.slice(from, from + unitStartBatch).map((unit) => startUnit(unit)));
    }
  } else {
    await Promise.all(input.units.map((unit) => startUnit(unit)));
  }
  await startChild(monevWorkflow, {
    workflowId: monevWorkflowId(input.id),
    args: [
      {
        cycleId: input.id,
        cycleName: input.name,
        cadence: input.monev ?? defaultMonevCadence,
        catalogue: input.catalogue,
        timeline: timeline(),
        units: input.units.map((unit) => unit.code),
        recipients: admins,
        schedule: childSchedule(),
      },
    ],
  });
  const digestRecipients = input.schedule.digestRecipients ?? [];
  if (digestRecipients.length > 0) {
    const known = [input.launchedBy, ...input.assessors, ...input.units.map((unit) => unit.head)];
    await startChild(digestWorkflow, {
      workflowId: digestWorkflowId(input.id),
      args: [
        {
          cycleId: input.id,
          cycleName: input.name,
          recipients: digestRecipients.map((address) => ({
            personId: personIdOf(address),
            roles: [],
            email: address,
            name: known.find((person) => personIdOf(person.email) === personIdOf(address))?.name ?? address,
          })),
          schedule: childSchedule(),
        },
      ],
    });
  }
  mailing.push(email.notifyCycleLaunched(input));
  if (state.status === 'launching') state.status = 'launched';
  await record({ type: 'cycle_status', by: 'sistem', from: 'launching', to: state.status });

  // ---- Stage windows: open on the date (or when advanced), close at the due date and flag who is late ----

  const watchWindow = async (stage: StageCode) => {
    const opensAt = calendar.atLocalTime(state.stages[stage].window.opens, '00:00');
    const untilOpen = clock.delayUntil(opensAt, Date.now());
    if (untilOpen > 0) await condition(() => ended || state.stages[stage].status !== 'scheduled', untilOpen);
    if (ended) return;
    if (state.stages[stage].status === 'scheduled') {
      openStage(stage);
      await record({ type: 'stage_opened', by: 'sistem', to: stage });
    }
    // An extension moves the close: wait again whenever the due date changed while waiting.
    for (;;) {
      const due = state.stages[stage].window.due;
      const closesAt = taskDueInstant({ kind: 'at_stage_due' }, state.stages[stage].window, calendar);
      const untilClose = clock.delayUntil(closesAt, Date.now());
      if (untilClose > 0) await condition(() => ended || state.stages[stage].window.due !== due, untilClose);
      if (ended) return;
      if (state.stages[stage].window.due === due) break;
    }
    const late = activeUnits().filter(
      (unit) => unit.stage !== 'selesai' && stageIndex(unit.stage) <= stageIndex(stage),
    );
    state.stages[stage].status = 'closed';
    state.stages[stage].lateUnits = late.map((unit) => unit.code);
    for (const unit of late) await tellUnit(unit.code, (h) => h.signal(stageClosedSignal, { stage }));
    await record({ type: 'stage_closed', by: 'sistem', from: stage, note: `${late.length} unit terlambat` });
    mailing.push(
      email.announceStageClosed({
        cycleId: input.id,
        cycleName: input.name,
        stage,
        window: state.stages[stage].window,
        zone,
        lateUnits: late.map(({ code, name }) => ({ code, name })),
        recipients: admins,
      }),
    );
  };
  // Windows may overlap (monev runs alongside pelaksanaan): each stage keeps its own watch.
  const windows = Promise.all(stageCodes.map((stage) => watchWindow(stage)));

  await condition(() => running.size === 0);
  ended = true;
  await windows;
  if (state.status !== 'cancelled') {
    state.status = 'completed';
    await record({ type: 'cycle_status', by: 'sistem', from: 'launched', to: 'completed' });
  }
  await Promise.all(mailing);
  await condition(allHandlersFinished);
  return state;
}

const steering = (request: Steering): Steering => ({ actor: request.actor, reason: request.reason });
