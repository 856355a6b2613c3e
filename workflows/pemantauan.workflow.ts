import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  proxyActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/common';
import type { Activities } from '../activities';
import { pemantauanDue, pemantauanPeriods, pemantauanTaskTemplate, type PemantauanPeriod } from '../domain/awards';
import { persistenceActivity } from './activity-options';
import {
  pemantauanStateQuery,
  steerTaskSignal,
  stopPemantauanSignal,
  taskWorkflowId,
  type PemantauanView,
  type PemantauanWorkflowInput,
  type Steering,
  type TaskWorkflowInput,
} from './definitions';
import { scheduleOf } from './schedule';
import { taskWorkflow } from './task.workflow';

const awards = proxyActivities<Pick<Activities, 'pemantauanPenilai' | 'recordPemantauan'>>(persistenceActivity);

/**
 * Pemantauan of one awarded unit: one TPI monitoring round per run. When a round opens (every N months from the award
 * day, N = 3 by default, for a year by default) a monitoring task starts for the unit's penilai, reviewed by Bagian
 * Organisasi; then the workflow continues as new with the next round. Tasks outlive the run that started them
 * (abandoned children), so a slow round never holds up the next. A revocation stops the plan: every round's task
 * still open is cancelled. After the last round has started the workflow stays until that round is due, so a
 * revocation during it still cancels it.
 */
export async function pemantauanWorkflow(input: PemantauanWorkflowInput): Promise<PemantauanView> {
  const { clock, calendar, nowIso, handOn } = scheduleOf(input.schedule);
  const { cycleId, unit } = input;
  const periods = pemantauanPeriods(input.awardedOn, input.plan);
  let started = input.done ?? 0;
  let stop: Steering | undefined;
  const view = (): PemantauanView => ({
    cycleId,
    unitCode: unit.code,
    started,
    periods: periods.length,
    stopped: stop !== undefined,
  });
  setHandler(pemantauanStateQuery, view);
  setHandler(stopPemantauanSignal, (request) => {
    stop ??= request;
  });
  const workflowId = workflowInfo().workflowId;
  /** Sleeps on the plan's clock until `at`, waking early when the plan is stopped. */
  const waitUntil = async (at: Date) => {
    const wait = clock.delayUntil(at, Date.now());
    if (wait > 0) await condition(() => stop !== undefined, wait);
  };

  const startRound = async (period: PemantauanPeriod) => {
    const penilai = await awards.pemantauanPenilai({ unitCode: unit.code });
    const taskInput: TaskWorkflowInput = {
      cycleId,
      unit,
      template: pemantauanTaskTemplate(period, input.predicate),
      due: pemantauanDue(period, calendar).toISOString(),
      assignees: penilai,
      reviewers: input.reviewers,
      escalationContacts: { admin_organisasi: input.reviewers },
      schedule: handOn(),
    };
    try {
      await startChild(taskWorkflow, {
        workflowId: taskWorkflowId(cycleId, unit.code, period.key),
        args: [taskInput],
        // The round's task outlives this run (continue-as-new) and the plan itself.
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      // Started by an earlier attempt at this plan: the round is under way.
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
    await awards.recordPemantauan({
      workflowId,
      cycleId,
      unitCode: unit.code,
      key: period.key,
      type: 'pemantauan_started',
      by: 'sistem',
      at: nowIso(),
      note: period.label,
    });
  };

  const period = periods[started];
  if (period) {
    await waitUntil(calendar.atLocalTime(period.opens, '00:00'));
    if (!stop) {
      await startRound(period);
      started += 1;
    }
    // A stop that came while the round was starting is handled here: the next run would not know of it.
    if (!stop) {
      await condition(allHandlersFinished);
      await continueAsNew<typeof pemantauanWorkflow>({ ...input, schedule: handOn(), done: started });
    }
  } else if (periods.length > 0) {
    await waitUntil(pemantauanDue(periods[periods.length - 1]!, calendar));
  }

  if (stop) {
    const request = stop;
    for (const round of periods.slice(0, started)) {
      await getExternalWorkflowHandle(taskWorkflowId(cycleId, unit.code, round.key))
        .signal(steerTaskSignal, { type: 'cancel', actor: request.actor, reason: request.reason })
        // A round that has ended has nothing left to cancel.
        .catch(() => undefined);
    }
    await awards.recordPemantauan({
      workflowId,
      cycleId,
      unitCode: unit.code,
      key: 'berhenti',
      type: 'pemantauan_stopped',
      by: request.actor.personId,
      at: nowIso(),
      note: request.reason,
    });
  }
  await condition(allHandlersFinished);
  return view();
}
