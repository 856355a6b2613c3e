import { createWorkingCalendar } from '../domain/calendar';
import { createLifecycleClock } from '../domain/clock';
import type { TaskSchedule } from './definitions';

/**
 * A workflow's view of its schedule: the lifecycle clock (real or compressed), the instansi's zone and working-day
 * calendar, and the schedule to hand a child or the next run. A child starts its own clock, so it is handed the time
 * this clock shows now: compressed time runs on across the tree and across continue-as-new.
 */
export function scheduleOf(schedule: TaskSchedule | undefined) {
  const clock = createLifecycleClock(Date.now(), schedule?.clock);
  const zone = schedule?.zone ?? 'WIB';
  const calendar = createWorkingCalendar({ zone, holidays: schedule?.holidays });
  const now = () => clock.now(Date.now());
  return {
    clock,
    zone,
    calendar,
    now,
    nowIso: () => now().toISOString(),
    handOn: (): TaskSchedule | undefined =>
      schedule?.clock ? { ...schedule, clock: { ...schedule.clock, origin: now().toISOString() } } : schedule,
  };
}
