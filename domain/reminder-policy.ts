/**
 * Reminder and escalation policy for a deadline, and the schedule it produces. The policy is plain data, chosen per
 * cycle by Bagian Organisasi; the schedule is computed, never stored, so a workflow re-plans by simply calling
 * `nextNotification` again (after a timer fires, or with a new due date).
 * Pure: safe inside Temporal's workflow sandbox.
 */
import {
  type Instant,
  type IsoDate,
  isLocalTime,
  type LocalTime,
  minutesOfLocalTime,
  toInstant,
  type WorkingCalendar,
  type WorkingHours,
} from './calendar';
import { isRoleCode, type RoleCode } from './roles';

/** `assignee` is whoever the task is assigned to; a role means the holders of that role for the task's unit. */
export type NotificationRecipient = RoleCode | 'assignee';

export interface ReminderStep {
  /** Working days before the due day; 0 = on the due day itself. */
  readonly workingDaysBeforeDue: number;
  /** Local time in the instansi's zone; must lie within the policy's send window. */
  readonly at: LocalTime;
  readonly recipientRole: NotificationRecipient;
}

export interface EscalationStep {
  /** Working days after the due day, at least 1. */
  readonly workingDaysAfterDue: number;
  /** Local time in the instansi's zone; must lie within the policy's send window. */
  readonly at: LocalTime;
  readonly recipientRole: RoleCode;
}

/** Escalation that repeats after the last step until the task is resolved (the workflow stops asking then). */
export interface RepeatedEscalation {
  /**
   * Working days between repeats, counted from the last escalation step (from the due day if there is none).
   * Counting working days, not calendar days, keeps every repeat on a working day: 5 is "weekly", shifted by
   * any day off in between.
   */
  readonly everyWorkingDays: number;
  readonly at: LocalTime;
  readonly recipientRole: RoleCode;
}

export interface ReminderPolicy {
  /** Office hours in which emails may go out; anything planned outside waits for the next working morning. */
  readonly sendWindow: WorkingHours;
  /** In any order; each offset at most once. */
  readonly reminders: readonly ReminderStep[];
  /** In any order; each offset at most once. Levels follow the offsets: the nearest to the due day is level 1. */
  readonly escalations: readonly EscalationStep[];
  /** `null`: escalation stops after the last step. */
  readonly repeat: RepeatedEscalation | null;
}

/**
 * The programme's default: the assignee is reminded 3 and 1 working days before the due day and on its morning;
 * an overdue task goes to the unit's ketua tim after 1 working day, to its pimpinan after 3, to Bagian Organisasi
 * after 5, then to Bagian Organisasi again every 5 working days until resolved. Everything at 08:00 local time.
 */
export const defaultReminderPolicy: ReminderPolicy = {
  sendWindow: { start: '08:00', end: '16:00' },
  reminders: [
    { workingDaysBeforeDue: 3, at: '08:00', recipientRole: 'assignee' },
    { workingDaysBeforeDue: 1, at: '08:00', recipientRole: 'assignee' },
    { workingDaysBeforeDue: 0, at: '08:00', recipientRole: 'assignee' },
  ],
  escalations: [
    { workingDaysAfterDue: 1, at: '08:00', recipientRole: 'ketua_tim' },
    { workingDaysAfterDue: 3, at: '08:00', recipientRole: 'pimpinan' },
    { workingDaysAfterDue: 5, at: '08:00', recipientRole: 'admin_organisasi' },
  ],
  repeat: { everyWorkingDays: 5, at: '08:00', recipientRole: 'admin_organisasi' },
};

/** About one year of working days: a larger offset is a typo, and would make planning walk for ever. */
export const maxPolicyOffset = 260;

export type NotificationKind = 'reminder' | 'escalation';

export interface PlannedNotification {
  readonly kind: NotificationKind;
  /** 1-based rank among the policy's notifications of this kind, in time order; repeats continue the escalations. */
  readonly level: number;
  readonly recipientRole: NotificationRecipient;
  /** Signed distance from the due day in working days: -3 for "3 days before", 5 for "5 days after". */
  readonly workingDaysFromDue: number;
  readonly at: Date;
  /**
   * `reminder:-3`, `reminder:0`, `escalation:1`, `escalation:4` …: unique for one due date. Prefix it with the task id
   * and the due day to form an email dedupe key, so a moved deadline sends its reminders again.
   */
  readonly key: string;
}

export interface ScheduleRequest {
  readonly policy: ReminderPolicy;
  /** The instansi's calendar: its zone and days off decide the days and times. */
  readonly calendar: WorkingCalendar;
  /** The deadline instant; offsets count from its local day in the calendar's zone. */
  readonly due: Instant;
}

export interface NextRequest extends ScheduleRequest {
  readonly now: Instant;
}

export interface PlanRequest extends NextRequest {
  /** Inclusive upper bound on `at`. */
  readonly until?: Instant;
  /**
   * How many repeated escalations the result may hold.
   * @default 4 without `until`; unlimited with it
   */
  readonly maxRepeats?: number;
}

/** One problem in a policy; `path` is dotted (`escalations.1.workingDaysAfterDue`) so the API can name the field. */
export interface PolicyIssue {
  readonly path: string;
  readonly message: string;
}

/** Every problem in a policy, in field order (empty means valid). Messages are for Bagian Organisasi. */
export function validateReminderPolicy(policy: ReminderPolicy): PolicyIssue[] {
  const issues: PolicyIssue[] = [];
  const window = checkSendWindow(policy.sendWindow, issues);
  checkSteps(
    policy.reminders.map((step) => ({ ...step, offset: step.workingDaysBeforeDue })),
    {
      path: 'reminders',
      offsetField: 'workingDaysBeforeDue',
      minimum: 0,
      isRecipient,
      describe: (offset) => `pengingat ${offset} hari kerja sebelum tenggat`,
    },
    window,
    issues,
  );
  checkSteps(
    policy.escalations.map((step) => ({ ...step, offset: step.workingDaysAfterDue })),
    {
      path: 'escalations',
      offsetField: 'workingDaysAfterDue',
      minimum: 1,
      isRecipient: isRoleCode,
      describe: (offset) => `eskalasi ${offset} hari kerja setelah tenggat`,
    },
    window,
    issues,
  );
  if (policy.repeat !== null) {
    const { everyWorkingDays, at, recipientRole } = policy.repeat;
    checkOffset(everyWorkingDays, 'repeat.everyWorkingDays', 1, issues);
    checkTime(at, 'repeat.at', window, issues);
    checkRecipient(recipientRole, 'repeat.recipientRole', isRoleCode, issues);
  }
  return issues;
}

/**
 * Every notification of a deadline in time order, lazily: infinite when the policy repeats. Times are strictly
 * increasing. A reminder that would go out at or after the deadline (a 0-day reminder when the due day is a day
 * off, or due before the reminder's hour) is skipped: escalation takes over from there.
 * Throws `RangeError` for an invalid policy (on the first step of the iteration).
 */
export function* iterateNotifications({ policy, calendar, due }: ScheduleRequest): Generator<PlannedNotification> {
  assertValidPolicy(policy);
  const dueAt = toInstant(due);
  const dueDay = calendar.localDay(dueAt);
  const sendAt = (day: IsoDate, time: LocalTime) =>
    calendar.nextWorkingMoment(calendar.atLocalTime(day, time), policy.sendWindow);

  const reminders = [...policy.reminders].sort((a, b) => b.workingDaysBeforeDue - a.workingDaysBeforeDue);
  for (const [index, step] of reminders.entries()) {
    const offset = 0 - step.workingDaysBeforeDue; // not `-n`: that makes -0 on the due day
    const at = sendAt(calendar.addWorkingDays(dueDay, offset), step.at);
    if (at >= dueAt) continue;
    yield {
      kind: 'reminder',
      level: index + 1,
      recipientRole: step.recipientRole,
      workingDaysFromDue: offset,
      at,
      key: `reminder:${offset}`,
    };
  }

  const escalations = [...policy.escalations].sort((a, b) => a.workingDaysAfterDue - b.workingDaysAfterDue);
  for (const [index, step] of escalations.entries()) {
    const day = calendar.addWorkingDays(dueDay, step.workingDaysAfterDue);
    yield escalation(index + 1, step.workingDaysAfterDue, step.recipientRole, sendAt(day, step.at));
  }
  if (policy.repeat === null) return;

  const { everyWorkingDays, at, recipientRole } = policy.repeat;
  let offset = escalations.at(-1)?.workingDaysAfterDue ?? 0;
  let day = calendar.addWorkingDays(dueDay, offset);
  for (let level = escalations.length + 1; ; level++) {
    offset += everyWorkingDays;
    day = calendar.addWorkingDays(day, everyWorkingDays);
    yield escalation(level, offset, recipientRole, sendAt(day, at));
  }
}

/**
 * The notifications still to send, from `now` (inclusive) on, in time order. Finite: it stops at `until` and after
 * `maxRepeats` repeated escalations. Throws `RangeError` for an invalid policy.
 */
export function planNotifications(request: PlanRequest): PlannedNotification[] {
  const now = toInstant(request.now);
  const until = request.until === undefined ? undefined : toInstant(request.until);
  const maxRepeats = request.maxRepeats ?? (until === undefined ? 4 : Infinity);
  const stepCount = request.policy.escalations.length;
  const planned: PlannedNotification[] = [];
  let repeats = 0;
  for (const notification of iterateNotifications(request)) {
    if (until !== undefined && notification.at > until) break;
    if (notification.at < now) continue;
    if (notification.kind === 'escalation' && notification.level > stepCount && ++repeats > maxRepeats) break;
    planned.push(notification);
  }
  return planned;
}

/**
 * The first notification strictly after `now`, or `undefined` when none is left: what a workflow sleeps until.
 * Call it again with the fired notification's `at` as `now` to get the one after; with a new `due` to re-plan.
 * Throws `RangeError` for an invalid policy.
 */
export function nextNotification(request: NextRequest): PlannedNotification | undefined {
  const now = toInstant(request.now);
  for (const notification of iterateNotifications(request)) if (notification.at > now) return notification;
  return undefined;
}

function escalation(level: number, workingDaysFromDue: number, recipientRole: RoleCode, at: Date): PlannedNotification {
  return { kind: 'escalation', level, recipientRole, workingDaysFromDue, at, key: `escalation:${level}` };
}

function assertValidPolicy(policy: ReminderPolicy): void {
  const issues = validateReminderPolicy(policy);
  if (issues.length > 0) {
    throw new RangeError(`invalid reminder policy: ${issues.map((i) => `${i.path}: ${i.message}`).join('; ')}`);
  }
}

function isRecipient(value: unknown): value is NotificationRecipient {
  return value === 'assignee' || isRoleCode(value);
}

interface MinuteWindow {
  readonly start: number;
  readonly end: number;
  readonly label: string;
}

function checkSendWindow(window: WorkingHours, issues: PolicyIssue[]): MinuteWindow | undefined {
  const startValid = checkTime(window.start, 'sendWindow.start', undefined, issues);
  const endValid = checkTime(window.end, 'sendWindow.end', undefined, issues);
  if (!startValid || !endValid) return undefined;
  const [start, end] = [minutesOfLocalTime(window.start), minutesOfLocalTime(window.end)];
  if (start >= end) {
    issues.push({
      path: 'sendWindow.end',
      message: `jam kirim harus berakhir setelah dimulai (${window.start}–${window.end})`,
    });
    return undefined;
  }
  return { start, end, label: `${window.start}–${window.end}` };
}

interface StepRules {
  readonly path: string;
  readonly offsetField: string;
  readonly minimum: number;
  readonly isRecipient: (value: unknown) => boolean;
  readonly describe: (offset: number) => string;
}

interface CheckedStep {
  readonly offset: number;
  readonly at: LocalTime;
  readonly recipientRole: unknown;
}

function checkSteps(
  steps: readonly CheckedStep[],
  rules: StepRules,
  window: MinuteWindow | undefined,
  issues: PolicyIssue[],
): void {
  const firstIndexByOffset = new Map<number, number>();
  steps.forEach(({ offset, at, recipientRole }, index) => {
    const path = `${rules.path}.${index}`;
    if (checkOffset(offset, `${path}.${rules.offsetField}`, rules.minimum, issues)) {
      const first = firstIndexByOffset.get(offset);
      if (first === undefined) firstIndexByOffset.set(offset, index);
      else {
        issues.push({
          path: `${path}.${rules.offsetField}`,
          message: `${rules.describe(offset)} sudah ada pada langkah ${first}`,
        });
      }
    }
    checkTime(at, `${path}.at`, window, issues);
    checkRecipient(recipientRole, `${path}.recipientRole`, rules.isRecipient, issues);
  });
}

function checkOffset(value: number, path: string, minimum: number, issues: PolicyIssue[]): boolean {
  if (Number.isInteger(value) && value >= minimum && value <= maxPolicyOffset) return true;
  issues.push({
    path,
    message: `jumlah hari kerja harus bilangan bulat ${minimum}–${maxPolicyOffset} (tertulis ${JSON.stringify(value)})`,
  });
  return false;
}

function checkTime(value: unknown, path: string, window: MinuteWindow | undefined, issues: PolicyIssue[]): boolean {
  if (!isLocalTime(value)) {
    issues.push({ path, message: `jam ${JSON.stringify(value)} bukan jam yang valid (format HH:MM)` });
    return false;
  }
  const minutes = minutesOfLocalTime(value);
  if (window && (minutes < window.start || minutes >= window.end)) {
    // Steps outside the window would all be pushed to the same next morning and arrive together.
    issues.push({ path, message: `jam ${value} di luar jam kirim ${window.label}` });
    return false;
  }
  return true;
}

function checkRecipient(
  value: unknown,
  path: string,
  recipientCheck: (value: unknown) => boolean,
  issues: PolicyIssue[],
): void {
  if (!recipientCheck(value)) issues.push({ path, message: `penerima ${JSON.stringify(value)} tidak dikenal` });
}
