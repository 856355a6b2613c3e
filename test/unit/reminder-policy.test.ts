import { createWorkingCalendar, type IndonesianZone, toInstant, type WorkingCalendar } from '../../domain/calendar';
import {
  defaultReminderPolicy,
  iterateNotifications,
  nextNotification,
  planNotifications,
  type PlannedNotification,
  type ReminderPolicy,
  validateReminderPolicy,
} from '../../domain/reminder-policy';

const offsets: Record<IndonesianZone, string> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };
const calendars: Record<IndonesianZone, WorkingCalendar> = {
  WIB: createWorkingCalendar({ zone: 'WIB' }),
  WITA: createWorkingCalendar({ zone: 'WITA' }),
  WIT: createWorkingCalendar({ zone: 'WIT' }),
};
const wib = calendars.WIB;

/** `2026-03-10T08:00` local in the zone, as a Date. */
const local = (dateTime: string, zone: IndonesianZone = 'WIB') => toInstant(`${dateTime}:00${offsets[zone]}`);

/** A notification as a readable row: key, recipient and local `YYYY-MM-DDTHH:MM` in the zone. */
const row = (notification: PlannedNotification, zone: IndonesianZone = 'WIB') => {
  const shifted = new Date(notification.at.getTime() + Number(offsets[zone].slice(1, 3)) * 3_600_000);
  return [notification.key, notification.recipientRole, shifted.toISOString().slice(0, 16)];
};

const longAgo = '2026-01-05T00:00:00Z';

describe('defaultReminderPolicy', () => {
  it('is valid', () => {
    expect(validateReminderPolicy(defaultReminderPolicy)).toEqual([]);
  });

  it('reminds the assignee 3 and 1 working days before and on the due morning, at 08:00', () => {
    expect(defaultReminderPolicy.sendWindow).toEqual({ start: '08:00', end: '16:00' });
    expect(defaultReminderPolicy.reminders).toEqual([
      { workingDaysBeforeDue: 3, at: '08:00', recipientRole: 'assignee' },
      { workingDaysBeforeDue: 1, at: '08:00', recipientRole: 'assignee' },
      { workingDaysBeforeDue: 0, at: '08:00', recipientRole: 'assignee' },
    ]);
  });

  it('escalates to ketua tim (+1), pimpinan (+3), Bagian Organisasi (+5), then Bagian Organisasi every 5', () => {
    expect(defaultReminderPolicy.escalations).toEqual([
      { workingDaysAfterDue: 1, at: '08:00', recipientRole: 'ketua_tim' },
      { workingDaysAfterDue: 3, at: '08:00', recipientRole: 'pimpinan' },
      { workingDaysAfterDue: 5, at: '08:00', recipientRole: 'admin_organisasi' },
    ]);
    expect(defaultReminderPolicy.repeat).toEqual({
      everyWorkingDays: 5,
      at: '08:00',
      recipientRole: 'admin_organisasi',
    });
  });
});

describe('validateReminderPolicy', () => {
  const withReminders = (reminders: ReminderPolicy['reminders']): ReminderPolicy => ({
    ...defaultReminderPolicy,
    reminders,
  });
  const withEscalations = (escalations: ReminderPolicy['escalations']): ReminderPolicy => ({
    ...defaultReminderPolicy,
    escalations,
  });
  const step = { at: '08:00', recipientRole: 'assignee' } as const;
  const escalationStep = { at: '08:00', recipientRole: 'pimpinan' } as const;

  it.each([
    [
      'a negative reminder offset',
      withReminders([{ ...step, workingDaysBeforeDue: -1 }]),
      'reminders.0.workingDaysBeforeDue',
      'bilangan bulat 0–260',
    ],
    [
      'a fractional reminder offset',
      withReminders([{ ...step, workingDaysBeforeDue: 1.5 }]),
      'reminders.0.workingDaysBeforeDue',
      'tertulis 1.5',
    ],
    [
      'an offset beyond a year',
      withReminders([{ ...step, workingDaysBeforeDue: 261 }]),
      'reminders.0.workingDaysBeforeDue',
      'bilangan bulat 0–260',
    ],
    [
      'a duplicate reminder',
      withReminders([
        { ...step, workingDaysBeforeDue: 2 },
        { ...step, workingDaysBeforeDue: 2, at: '10:00' },
      ]),
      'reminders.1.workingDaysBeforeDue',
      'pengingat 2 hari kerja sebelum tenggat sudah ada pada langkah 0',
    ],
    [
      'a reminder at night',
      withReminders([{ ...step, workingDaysBeforeDue: 1, at: '20:00' }]),
      'reminders.0.at',
      'jam 20:00 di luar jam kirim 08:00–16:00',
    ],
    [
      'a reminder at closing time (the window ends before it)',
      withReminders([{ ...step, workingDaysBeforeDue: 1, at: '16:00' }]),
      'reminders.0.at',
      'di luar jam kirim',
    ],
    [
      'a malformed time',
      withReminders([{ ...step, workingDaysBeforeDue: 1, at: '8:00' }]),
      'reminders.0.at',
      'bukan jam yang valid',
    ],
    [
      'an unknown recipient',
      withReminders([{ workingDaysBeforeDue: 1, at: '08:00', recipientRole: 'bupati' as 'assignee' }]),
      'reminders.0.recipientRole',
      'penerima "bupati" tidak dikenal',
    ],
    [
      'an escalation on the due day',
      withEscalations([{ ...escalationStep, workingDaysAfterDue: 0 }]),
      'escalations.0.workingDaysAfterDue',
      'bilangan bulat 1–260',
    ],
    [
      'a duplicate escalation',
      withEscalations([
        { ...escalationStep, workingDaysAfterDue: 3 },
        { ...escalationStep, workingDaysAfterDue: 1 },
        { ...escalationStep, workingDaysAfterDue: 3, recipientRole: 'admin_organisasi' },
      ]),
      'escalations.2.workingDaysAfterDue',
      'eskalasi 3 hari kerja setelah tenggat sudah ada pada langkah 0',
    ],
    [
      'an escalation to the assignee (not a role)',
      withEscalations([{ workingDaysAfterDue: 1, at: '08:00', recipientRole: 'assignee' as 'pimpinan' }]),
      'escalations.0.recipientRole',
      'tidak dikenal',
    ],
    [
      'a repeat of zero days',
      { ...defaultReminderPolicy, repeat: { everyWorkingDays: 0, at: '08:00', recipientRole: 'admin_organisasi' } },
      'repeat.everyWorkingDays',
      'bilangan bulat 1–260',
    ],
    [
      'a repeat outside the window',
      { ...defaultReminderPolicy, repeat: { everyWorkingDays: 5, at: '07:00', recipientRole: 'admin_organisasi' } },
      'repeat.at',
      'di luar jam kirim',
    ],
    [
      'a send window that ends before it starts',
      { ...defaultReminderPolicy, sendWindow: { start: '16:00', end: '08:00' } },
      'sendWindow.end',
      'harus berakhir setelah dimulai (16:00–08:00)',
    ],
  ] as const)('reports %s', (_label, policy, path, message) => {
    const issues = validateReminderPolicy(policy);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe(path);
    expect(issues[0]?.message).toContain(message);
  });

  it('reports a malformed window once, without judging step times against it', () => {
    const issues = validateReminderPolicy({ ...defaultReminderPolicy, sendWindow: { start: '25:00', end: '16:00' } });
    expect(issues.map((issue) => issue.path)).toEqual(['sendWindow.start']);
  });

  it('reports every problem, in field order', () => {
    const issues = validateReminderPolicy({
      sendWindow: { start: '08:00', end: '16:00' },
      reminders: [{ workingDaysBeforeDue: -2, at: '06:00', recipientRole: 'assignee' }],
      escalations: [{ workingDaysAfterDue: 0, at: '08:00', recipientRole: 'ketua_tim' }],
      repeat: { everyWorkingDays: 2.5, at: '08:00', recipientRole: 'admin_organisasi' },
    });
    expect(issues.map((issue) => issue.path)).toEqual([
      'reminders.0.workingDaysBeforeDue',
      'reminders.0.at',
      'escalations.0.workingDaysAfterDue',
      'repeat.everyWorkingDays',
    ]);
  });

  it('accepts a policy without reminders, escalations or repeat', () => {
    expect(validateReminderPolicy({ ...defaultReminderPolicy, reminders: [], escalations: [], repeat: null })).toEqual(
      [],
    );
  });
});

describe('planNotifications with the default policy', () => {
  it('due on a Friday: reminders on the previous working days, escalations over Idulfitri, then weekly', () => {
    const due = wib.resolveDue({ from: '2026-03-13', workingDays: 0 });
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar: wib, due, now: longAgo });
    expect(plan.map((notification) => row(notification))).toEqual([
      ['reminder:-3', 'assignee', '2026-03-10T08:00'],
      ['reminder:-1', 'assignee', '2026-03-12T08:00'],
      ['reminder:0', 'assignee', '2026-03-13T08:00'],
      ['escalation:1', 'ketua_tim', '2026-03-16T08:00'],
      // 17 March, then 18–24 March are Nyepi, Idulfitri and their cuti bersama.
      ['escalation:2', 'pimpinan', '2026-03-25T08:00'],
      ['escalation:3', 'admin_organisasi', '2026-03-27T08:00'],
      // 3 April is Wafat Yesus Kristus: the "week" ends on Monday 6 April.
      ['escalation:4', 'admin_organisasi', '2026-04-06T08:00'],
      ['escalation:5', 'admin_organisasi', '2026-04-13T08:00'],
      ['escalation:6', 'admin_organisasi', '2026-04-20T08:00'],
      ['escalation:7', 'admin_organisasi', '2026-04-27T08:00'],
    ]);
    expect(
      plan.map((notification) => [notification.kind, notification.level, notification.workingDaysFromDue]),
    ).toEqual([
      ['reminder', 1, -3],
      ['reminder', 2, -1],
      ['reminder', 3, 0],
      ['escalation', 1, 1],
      ['escalation', 2, 3],
      ['escalation', 3, 5],
      ['escalation', 4, 10],
      ['escalation', 5, 15],
      ['escalation', 6, 20],
      ['escalation', 7, 25],
    ]);
  });

  it('due on a Monday: the 1-day reminder goes out on the Friday before', () => {
    const due = local('2026-03-16T16:00');
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar: wib, due, now: longAgo, maxRepeats: 0 });
    expect(plan.slice(0, 3).map((notification) => row(notification))).toEqual([
      ['reminder:-3', 'assignee', '2026-03-11T08:00'],
      ['reminder:-1', 'assignee', '2026-03-13T08:00'],
      ['reminder:0', 'assignee', '2026-03-16T08:00'],
    ]);
  });

  it('due right after the Idulfitri holidays: reminders land before them', () => {
    const due = local('2026-03-25T16:00');
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar: wib, due, now: longAgo, maxRepeats: 1 });
    expect(plan.map((notification) => row(notification))).toEqual([
      ['reminder:-3', 'assignee', '2026-03-13T08:00'],
      ['reminder:-1', 'assignee', '2026-03-17T08:00'],
      ['reminder:0', 'assignee', '2026-03-25T08:00'],
      ['escalation:1', 'ketua_tim', '2026-03-26T08:00'],
      ['escalation:2', 'pimpinan', '2026-03-30T08:00'],
      ['escalation:3', 'admin_organisasi', '2026-04-01T08:00'],
      ['escalation:4', 'admin_organisasi', '2026-04-09T08:00'],
    ]);
  });

  it('across the year boundary', () => {
    const due = local('2026-01-02T16:00');
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar: wib, due, now: '2025-12-01T00:00:00Z' });
    expect(plan.slice(0, 5).map((notification) => row(notification))).toEqual([
      ['reminder:-3', 'assignee', '2025-12-29T08:00'],
      ['reminder:-1', 'assignee', '2025-12-31T08:00'],
      ['reminder:0', 'assignee', '2026-01-02T08:00'],
      ['escalation:1', 'ketua_tim', '2026-01-05T08:00'],
      ['escalation:2', 'pimpinan', '2026-01-07T08:00'],
    ]);
  });

  it('a due date on a day off gets no same-day reminder (it would come after the deadline)', () => {
    const due = local('2026-03-15T16:00');
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar: wib, due, now: longAgo, maxRepeats: 0 });
    expect(plan.slice(0, 3).map((notification) => row(notification))).toEqual([
      ['reminder:-3', 'assignee', '2026-03-11T08:00'],
      ['reminder:-1', 'assignee', '2026-03-13T08:00'],
      ['escalation:1', 'ketua_tim', '2026-03-16T08:00'],
    ]);
  });

  it('a deadline before the reminder hour gets no same-day reminder', () => {
    const due = local('2026-03-13T07:00');
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar: wib, due, now: longAgo, maxRepeats: 0 });
    expect(plan.map((notification) => notification.key)).toEqual([
      'reminder:-3',
      'reminder:-1',
      'escalation:1',
      'escalation:2',
      'escalation:3',
    ]);
  });

  it.each([
    ['WIB', '2026-03-10T01:00:00.000Z', '2026-03-16T01:00:00.000Z'],
    ['WITA', '2026-03-10T00:00:00.000Z', '2026-03-16T00:00:00.000Z'],
    ['WIT', '2026-03-09T23:00:00.000Z', '2026-03-15T23:00:00.000Z'],
  ] as const)('in %s, sends at 08:00 local time', (zone, firstReminder, firstEscalation) => {
    const calendar = calendars[zone];
    const due = calendar.resolveDue({ from: '2026-03-13', workingDays: 0 });
    const plan = planNotifications({ policy: defaultReminderPolicy, calendar, due, now: longAgo });
    expect(plan.find((notification) => notification.key === 'reminder:-3')?.at.toISOString()).toBe(firstReminder);
    expect(plan.find((notification) => notification.key === 'escalation:1')?.at.toISOString()).toBe(firstEscalation);
    expect(new Set(plan.map((notification) => row(notification, zone)[2]?.slice(11)))).toEqual(new Set(['08:00']));
  });

  it('counts from the due day in the instansi zone: the same instant is a different day in WIB and WIT', () => {
    // 23:30 WIB on Thursday 12 March is already Friday 13 March in WIT.
    const due = '2026-03-12T16:30:00Z';
    const [inWib, inWit] = [calendars.WIB, calendars.WIT].map((calendar) =>
      planNotifications({ policy: defaultReminderPolicy, calendar, due, now: longAgo, maxRepeats: 0 }),
    );
    expect(inWib?.map((notification) => row(notification, 'WIB'))).toEqual([
      ['reminder:-3', 'assignee', '2026-03-09T08:00'],
      ['reminder:-1', 'assignee', '2026-03-11T08:00'],
      ['reminder:0', 'assignee', '2026-03-12T08:00'],
      ['escalation:1', 'ketua_tim', '2026-03-13T08:00'],
      ['escalation:2', 'pimpinan', '2026-03-17T08:00'],
      ['escalation:3', 'admin_organisasi', '2026-03-26T08:00'],
    ]);
    expect(inWit?.map((notification) => row(notification, 'WIT'))).toEqual([
      ['reminder:-3', 'assignee', '2026-03-10T08:00'],
      ['reminder:-1', 'assignee', '2026-03-12T08:00'],
      ['escalation:1', 'ketua_tim', '2026-03-16T08:00'],
      ['escalation:2', 'pimpinan', '2026-03-25T08:00'],
      ['escalation:3', 'admin_organisasi', '2026-03-27T08:00'],
    ]);
  });
});

describe('planNotifications: now, until and the repeat limit', () => {
  const due = local('2026-03-13T16:00');
  const request = { policy: defaultReminderPolicy, calendar: wib, due };

  it('drops what is already past and keeps what is due exactly now', () => {
    const plan = planNotifications({ ...request, now: local('2026-03-12T08:00'), maxRepeats: 0 });
    expect(plan.map((notification) => notification.key)).toEqual([
      'reminder:-1',
      'reminder:0',
      'escalation:1',
      'escalation:2',
      'escalation:3',
    ]);
  });

  it('stops at until, inclusive', () => {
    const plan = planNotifications({ ...request, now: longAgo, until: local('2026-03-16T08:00') });
    expect(plan.map((notification) => notification.key)).toEqual([
      'reminder:-3',
      'reminder:-1',
      'reminder:0',
      'escalation:1',
    ]);
  });

  it('with until, repeats are not limited to four and shift around days off', () => {
    const plan = planNotifications({ ...request, now: longAgo, until: local('2026-05-31T00:00') });
    const repeats = plan.filter((notification) => notification.level > 3 && notification.kind === 'escalation');
    expect(repeats.map((notification) => row(notification)[2])).toEqual([
      '2026-04-06T08:00',
      '2026-04-13T08:00',
      '2026-04-20T08:00',
      '2026-04-27T08:00',
      '2026-05-05T08:00', // 1 May is Hari Buruh
      '2026-05-12T08:00',
      '2026-05-21T08:00', // 14–15 May: Kenaikan and its cuti bersama
    ]);
  });

  it('maxRepeats limits the repeated escalations counted from now, not from the due date', () => {
    const plan = planNotifications({ ...request, now: local('2026-04-14T08:00'), maxRepeats: 2 });
    expect(plan.map((notification) => notification.key)).toEqual(['escalation:6', 'escalation:7']);
  });

  it('returns nothing once a policy without repeat has run out', () => {
    const policy = { ...defaultReminderPolicy, repeat: null };
    expect(planNotifications({ ...request, policy, now: local('2026-03-28T08:00') })).toEqual([]);
  });

  it('throws on an invalid policy', () => {
    const policy = {
      ...defaultReminderPolicy,
      repeat: { everyWorkingDays: 0, at: '08:00', recipientRole: 'pimpinan' },
    };
    expect(() => planNotifications({ ...request, policy: policy as ReminderPolicy, now: longAgo })).toThrow(
      /repeat\.everyWorkingDays/,
    );
  });
});

describe('a cycle policy of its own', () => {
  it('plans its own steps, sorted by time whatever their order in the list', () => {
    const policy: ReminderPolicy = {
      sendWindow: { start: '07:30', end: '15:30' },
      reminders: [
        { workingDaysBeforeDue: 2, at: '09:00', recipientRole: 'assignee' },
        { workingDaysBeforeDue: 5, at: '07:30', recipientRole: 'ketua_tim' },
      ],
      escalations: [
        { workingDaysAfterDue: 4, at: '10:00', recipientRole: 'admin_organisasi' },
        { workingDaysAfterDue: 2, at: '07:30', recipientRole: 'pimpinan' },
      ],
      repeat: null,
    };
    const due = local('2026-03-13T15:00');
    const plan = planNotifications({ policy, calendar: wib, due, now: longAgo });
    expect(plan.map((notification) => [...row(notification), notification.level])).toEqual([
      ['reminder:-5', 'ketua_tim', '2026-03-06T07:30', 1],
      ['reminder:-2', 'assignee', '2026-03-11T09:00', 2],
      ['escalation:1', 'pimpinan', '2026-03-17T07:30', 1],
      ['escalation:2', 'admin_organisasi', '2026-03-26T10:00', 2],
    ]);
  });

  it('repeats from the due day when it has no escalation steps', () => {
    const policy: ReminderPolicy = {
      ...defaultReminderPolicy,
      reminders: [],
      escalations: [],
      repeat: { everyWorkingDays: 2, at: '08:00', recipientRole: 'pimpinan' },
    };
    const plan = planNotifications({ policy, calendar: wib, due: local('2026-03-13T16:00'), now: longAgo });
    expect(plan.map((notification) => row(notification))).toEqual([
      ['escalation:1', 'pimpinan', '2026-03-17T08:00'],
      ['escalation:2', 'pimpinan', '2026-03-26T08:00'],
      ['escalation:3', 'pimpinan', '2026-03-30T08:00'],
      ['escalation:4', 'pimpinan', '2026-04-01T08:00'],
    ]);
  });
});

describe('nextNotification (what a workflow sleeps until)', () => {
  const due = local('2026-03-13T16:00');
  const request = { policy: defaultReminderPolicy, calendar: wib, due };

  it('is the first notification strictly after now', () => {
    expect(nextNotification({ ...request, now: longAgo })?.key).toBe('reminder:-3');
    expect(nextNotification({ ...request, now: local('2026-03-10T08:00') })?.key).toBe('reminder:-1');
    expect(nextNotification({ ...request, now: local('2026-03-13T23:00') })?.key).toBe('escalation:1');
  });

  it('keeps escalating long after the due date, without a limit', () => {
    const next = nextNotification({ ...request, now: local('2026-12-01T00:00') });
    expect(next?.kind).toBe('escalation');
    expect(next?.recipientRole).toBe('admin_organisasi');
    expect(next && next.at > local('2026-12-01T00:00')).toBe(true);
    const plan = planNotifications({ ...request, now: longAgo, until: next?.at });
    expect(plan.at(-1)).toEqual(next);
    expect(plan.at(-2)?.at.getTime()).toBeLessThanOrEqual(local('2026-12-01T00:00').getTime());
  });

  it('chained from each fired notification, walks the same schedule as planNotifications', () => {
    const walked: PlannedNotification[] = [];
    let now: Date = toInstant(longAgo);
    for (let i = 0; i < 12; i++) {
      const next = nextNotification({ ...request, now });
      if (!next) break;
      walked.push(next);
      now = next.at;
    }
    const plan = planNotifications({ ...request, now: longAgo, maxRepeats: 6 });
    expect(walked).toEqual(plan);
  });

  it('re-plans from a new due date by calling it again', () => {
    const now = local('2026-03-10T09:00');
    expect(nextNotification({ ...request, now })?.key).toBe('reminder:-1');
    const moved = nextNotification({ ...request, due: local('2026-03-27T16:00'), now });
    expect(moved && row(moved)).toEqual(['reminder:-3', 'assignee', '2026-03-17T08:00']);
  });

  it('is undefined when a policy without repeat has nothing left', () => {
    const policy = { ...defaultReminderPolicy, repeat: null };
    expect(nextNotification({ ...request, policy, now: local('2026-03-27T08:00') })).toBeUndefined();
  });

  it('throws on an invalid policy', () => {
    const policy: ReminderPolicy = {
      ...defaultReminderPolicy,
      reminders: [{ workingDaysBeforeDue: -1, at: '08:00', recipientRole: 'assignee' }],
    };
    expect(() => nextNotification({ ...request, policy, now: longAgo })).toThrow(RangeError);
  });
});

describe('schedule invariants over many due dates', () => {
  const dueDays = Array.from({ length: 120 }, (_, i) =>
    new Date(Date.parse('2026-03-01T00:00:00Z') + i * 86_400_000).toISOString().slice(0, 10),
  );

  it.each(['WIB', 'WITA', 'WIT'] as const)(
    'in %s: strictly increasing, unique keys, always inside working hours, reminders before due',
    (zone) => {
      const calendar = calendars[zone];
      const problems: string[] = [];
      for (const day of dueDays) {
        const due = calendar.resolveDue({ from: day, workingDays: 0 });
        const first = [...take(iterateNotifications({ policy: defaultReminderPolicy, calendar, due }), 12)];
        first.forEach((notification, index) => {
          const previous = first[index - 1];
          if (previous && notification.at <= previous.at) problems.push(`${day}: ${notification.key} not after`);
          if (calendar.nextWorkingMoment(notification.at).getTime() !== notification.at.getTime()) {
            problems.push(`${day}: ${notification.key} outside working hours`);
          }
          if ((notification.kind === 'reminder') !== notification.at < due) {
            problems.push(`${day}: ${notification.key} on the wrong side of the due date`);
          }
        });
        if (new Set(first.map((notification) => notification.key)).size !== first.length) {
          problems.push(`${day}: duplicate keys`);
        }
      }
      expect(problems).toEqual([]);
    },
  );
});

function* take<T>(items: Iterable<T>, count: number): Generator<T> {
  if (count <= 0) return;
  let taken = 0;
  for (const item of items) {
    yield item;
    if (++taken >= count) return;
  }
}
