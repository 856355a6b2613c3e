import { allHandlersFinished, condition, continueAsNew, proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { defaultReminderPolicy } from '../domain/reminder-policy';
import { emailActivity } from './activity-options';
import type { DigestWorkflowInput } from './definitions';
import { scheduleOf } from './schedule';

const digest = proxyActivities<Pick<Activities, 'sendDigest'>>(emailActivity);

/**
 * The daily digest of one cycle: on every working morning (the start of the policy's send window, local time) each
 * person who chose the digest gets one email with the reminders queued for them since the last one. One run per
 * day, then continue-as-new, so the history stays one day long for as long as the cycle runs.
 */
export async function digestWorkflow(input: DigestWorkflowInput): Promise<void> {
  const { clock, zone, calendar, now: clockNow, handOn } = scheduleOf(input.schedule);
  const morning = (input.schedule?.policy ?? defaultReminderPolicy).sendWindow.start;

  const now = clockNow();
  let day = calendar.workingDayOnOrAfter(calendar.localDay(now));
  if (day === input.lastDay || calendar.atLocalTime(day, morning).getTime() < now.getTime()) {
    day = calendar.addWorkingDays(day, 1);
  }
  const sendAt = calendar.atLocalTime(day, morning);
  const wait = clock.delayUntil(sendAt, Date.now());
  if (wait > 0) await condition(() => false, wait);

  for (const recipient of input.recipients) {
    await digest.sendDigest({
      cycleId: input.cycleId,
      cycleName: input.cycleName,
      recipient,
      day,
      cutoff: sendAt.toISOString(),
      zone,
    });
  }
  await condition(allHandlersFinished);
  await continueAsNew<typeof digestWorkflow>({ ...input, schedule: handOn(), lastDay: day });
}
