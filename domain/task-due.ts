/**
 * When a task from the catalogue is due, for one stage window of one cycle: the template's rule counted in working
 * days on the instansi's calendar, at the end of the working day. Pure, so the unit workflow and the launch preview
 * (`GET /cycles/:id/timeline`) compute the same dates.
 */
import type { LocalTime, WorkingCalendar } from './calendar';
import type { DueRule } from './catalogue';
import type { StageWindow } from './stages';

/** Work is due at the end of the office day unless a cycle says otherwise. */
export const defaultTaskDueTime: LocalTime = '16:00';

export function taskDueInstant(
  rule: DueRule,
  window: StageWindow,
  calendar: WorkingCalendar,
  at: LocalTime = defaultTaskDueTime,
): Date {
  const stageOpens = calendar.resolveDue({ from: window.opens, workingDays: 0, at });
  const stageDue = calendar.resolveDue({ from: window.due, workingDays: 0, at });
  switch (rule.kind) {
    case 'after_stage_opens':
      // A rule longer than a short window would put the task after its own stage: the stage's due date caps it.
      return earliest(calendar.resolveDue({ from: window.opens, workingDays: rule.workingDays, at }), stageDue);
    case 'before_stage_due':
      // Likewise a task is never due before its stage opens.
      return latest(calendar.resolveDue({ from: window.due, workingDays: -rule.workingDays, at }), stageOpens);
    case 'at_stage_due':
      return stageDue;
  }
}

const earliest = (a: Date, b: Date): Date => (a.getTime() <= b.getTime() ? a : b);
const latest = (a: Date, b: Date): Date => (a.getTime() >= b.getTime() ? a : b);
