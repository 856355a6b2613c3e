import {
  allHandlersFinished,
  condition,
  continueAsNew,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  setHandler,
} from '@temporalio/workflow';
import type { Activities } from '../activities';
import { requiredTasksForStage } from '../domain/catalogue';
import { expectedShare, monevPeriods } from '../domain/monev';
import { stageCodes } from '../domain/stages';
import { taskDueInstant } from '../domain/task-due';
import { persistenceActivity } from './activity-options';
import {
  monevTimelineSignal,
  monevUnitsSignal,
  progressReportSignal,
  unitWorkflowId,
  type MonevWorkflowInput,
} from './definitions';
import { scheduleOf } from './schedule';

const monev = proxyActivities<Pick<Activities, 'reviewMonevPeriod'>>({
  ...persistenceActivity,
  // The review reads the read model and emails Bagian Organisasi: give it the email preset's patience.
  startToCloseTimeout: '2 minutes',
});

/**
 * Monev of one cycle, one period per run: when the period opens every unit is asked for its progress report (a task
 * of its own); when the period is due, each unit's share of approved required tasks is compared with the share the
 * plan expects by then, and Bagian Organisasi hears of the units that lag. Then the workflow continues as new with
 * the next period, so a year of months never piles up in one history.
 */
export async function monevWorkflow(input: MonevWorkflowInput): Promise<void> {
  const { clock, calendar, handOn } = scheduleOf(input.schedule);
  let units = input.units;
  let timeline = input.timeline;
  setHandler(monevUnitsSignal, (update) => {
    units = update.units;
  });
  setHandler(monevTimelineSignal, (update) => {
    timeline = update.timeline;
  });

  const done = input.done ?? 0;
  const period = monevPeriods(timeline.monev, calendar, input.cadence)[done];
  if (!period) {
    await condition(allHandlersFinished);
    return;
  }
  const untilOpen = clock.delayUntil(period.opens, Date.now());
  if (untilOpen > 0) await condition(() => false, untilOpen);
  const report = { key: period.key, label: period.label, due: period.due.toISOString() };
  const askUnit = (unitCode: string) =>
    getExternalWorkflowHandle(unitWorkflowId(input.cycleId, unitCode))
      .signal(progressReportSignal, report)
      // A unit that has finished or left has no report to make.
      .catch(() => undefined);
  if (patched('monev-asks-units-at-once')) {
    // One workflow task for every unit: one at a time, each signal waited for a workflow task of its own, and at a
    // 200-unit launch the last unit heard half a minute after the first.
    await Promise.all(units.map(askUnit));
  } else {
    for (const unitCode of units) await askUnit(unitCode);
  }
  const untilDue = clock.delayUntil(period.due, Date.now());
  if (untilDue > 0) await condition(() => false, untilDue);

  const required = stageCodes.flatMap((stage) => requiredTasksForStage(input.catalogue, stage));
  const planned = required.map((template) => taskDueInstant(template.due, timeline[template.stage], calendar));
  await monev.reviewMonevPeriod({
    cycleId: input.cycleId,
    cycleName: input.cycleName,
    period: report,
    expectedShare: expectedShare(planned, period.due),
    requiredKeys: required.map((template) => template.key),
    units,
    recipients: input.recipients,
  });

  await condition(allHandlersFinished);
  await continueAsNew<typeof monevWorkflow>({ ...input, units, timeline, schedule: handOn(), done: done + 1 });
}
