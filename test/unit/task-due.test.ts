import { createWorkingCalendar } from '../../domain/calendar';
import type { DueRule } from '../../domain/catalogue';
import { taskDueInstant } from '../../domain/task-due';

// Pelaksanaan window around Idulfitri 2026: Mon 2 March – Tue 31 March. Days off: 18 (cuti), 19 (Nyepi),
// 20 (cuti), 21–22 (Idulfitri, weekend), 23–24 (cuti). Working days after 2 March: 16 March is the 10th,
// 17 March the 11th, then 25 and 26 March the 12th and 13th.
const window = { opens: '2026-03-02', due: '2026-03-31' };
const wib = createWorkingCalendar({ zone: 'WIB' });
const wit = createWorkingCalendar({ zone: 'WIT' });

describe('taskDueInstant', () => {
  it.each<[string, DueRule, string]>([
    [
      '0 working days after opening: the opening day, 16:00 WIB',
      { kind: 'after_stage_opens', workingDays: 0 },
      '2026-03-02T09:00:00.000Z',
    ],
    [
      '10 working days after a Monday opening',
      { kind: 'after_stage_opens', workingDays: 10 },
      '2026-03-16T09:00:00.000Z',
    ],
    [
      '13 working days after opening skips Nyepi and Idulfitri',
      { kind: 'after_stage_opens', workingDays: 13 },
      '2026-03-26T09:00:00.000Z',
    ],
    [
      'a rule longer than the window is capped at the stage due date',
      { kind: 'after_stage_opens', workingDays: 40 },
      '2026-03-31T09:00:00.000Z',
    ],
    ['at the stage due date', { kind: 'at_stage_due' }, '2026-03-31T09:00:00.000Z'],
    [
      '5 working days before due skips the cuti bersama',
      { kind: 'before_stage_due', workingDays: 5 },
      '2026-03-17T09:00:00.000Z',
    ],
    [
      'a rule reaching before the opening is held at the opening day',
      { kind: 'before_stage_due', workingDays: 40 },
      '2026-03-02T09:00:00.000Z',
    ],
  ])('%s', (_case, rule, expected) => {
    expect(taskDueInstant(rule, window, wib).toISOString()).toBe(expected);
  });

  it('moves a stage due date that falls on a day off to the next working day', () => {
    expect(
      taskDueInstant({ kind: 'at_stage_due' }, { opens: '2026-03-02', due: '2026-03-21' }, wib).toISOString(),
    ).toBe('2026-03-25T09:00:00.000Z');
  });

  it('is the same local time in another zone, so a different instant', () => {
    expect(taskDueInstant({ kind: 'at_stage_due' }, window, wit).toISOString()).toBe('2026-03-31T07:00:00.000Z');
  });

  it('takes another due time of day', () => {
    expect(taskDueInstant({ kind: 'at_stage_due' }, window, wib, '12:00').toISOString()).toBe(
      '2026-03-31T05:00:00.000Z',
    );
  });
});
