import { addCalendarDays, createWorkingCalendar, type IndonesianZone } from '../../domain/calendar';
import {
  defaultMonevCadence,
  expectedShare,
  formatShare,
  isMonevCadence,
  laggingUnits,
  type MonevCadence,
  monevPeriods,
  type MonevPeriod,
  type UnitMonevSample,
  validateMonevCadence,
} from '../../domain/monev';
import type { StageWindow } from '../../domain/stages';

const wib = createWorkingCalendar({ zone: 'WIB' });
const offsets: Record<IndonesianZone, string> = { WIB: '+07:00', WITA: '+08:00', WIT: '+09:00' };

/** A period as readable strings: local wall-clock times with the zone's offset. */
function local(dateTime: string, zone: IndonesianZone = 'WIB'): string {
  return new Date(`${dateTime}:00${offsets[zone]}`).toISOString();
}

const readable = (periods: MonevPeriod[]) =>
  periods.map(({ key, label, opens, due }) => ({ key, label, opens: opens.toISOString(), due: due.toISOString() }));

const monthly: MonevCadence = { kind: 'monthly' };
const every = (workingDays: number): MonevCadence => ({ kind: 'every_working_days', workingDays });

describe('validateMonevCadence', () => {
  it('defaults to monthly', () => {
    expect(defaultMonevCadence).toEqual({ kind: 'monthly' });
    expect(validateMonevCadence(defaultMonevCadence)).toEqual([]);
  });

  it.each<[unknown]>([[{ kind: 'monthly' }], [every(5)], [every(20)], [every(130)]])('accepts %j', (cadence) => {
    expect(validateMonevCadence(cadence)).toEqual([]);
    expect(isMonevCadence(cadence)).toBe(true);
  });

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ['undefined', undefined, [{ path: '', message: 'frekuensi monev tidak valid' }]],
    ['null', null, [{ path: '', message: 'frekuensi monev tidak valid' }]],
    ['a string', 'monthly', [{ path: '', message: 'frekuensi monev tidak valid' }]],
    ['an array', [{ kind: 'monthly' }], [{ path: '', message: 'frekuensi monev tidak valid' }]],
    ['no kind', {}, [{ path: 'kind', message: 'jenis frekuensi monev belum diisi' }]],
    [
      'an unknown kind',
      { kind: 'weekly' },
      [
        {
          path: 'kind',
          message: 'jenis frekuensi monev "weekly" tidak dikenal (pilih monthly atau every_working_days)',
        },
      ],
    ],
    [
      'working days on a monthly cadence',
      { kind: 'monthly', workingDays: 10 },
      [{ path: 'workingDays', message: 'isian "workingDays" tidak dikenal' }],
    ],
    [
      'missing working days',
      { kind: 'every_working_days' },
      [{ path: 'workingDays', message: 'jumlah hari kerja per periode monev belum diisi' }],
    ],
    ...[4, 131, 0, -5, 10.5, '10', Number.NaN, Number.POSITIVE_INFINITY].map(
      (workingDays): [string, unknown, { path: string; message: string }[]] => [
        `${String(workingDays)} working days`,
        { kind: 'every_working_days', workingDays },
        [
          {
            path: 'workingDays',
            message: `jumlah hari kerja per periode monev harus bilangan bulat 5 sampai 130 (diisi ${JSON.stringify(workingDays)})`,
          },
        ],
      ],
    ),
    [
      'an unknown field',
      { kind: 'every_working_days', workingDays: 10, at: '16:00' },
      [{ path: 'at', message: 'isian "at" tidak dikenal' }],
    ],
  ])('reports %s', (_case, cadence, expected) => {
    expect(validateMonevCadence(cadence)).toEqual(expected);
    expect(isMonevCadence(cadence)).toBe(false);
  });
});

describe('monevPeriods, monthly', () => {
  it('cuts the default monev window (March–April 2026) into two months, due on their last working day', () => {
    expect(readable(monevPeriods({ opens: '2026-03-01', due: '2026-04-30' }, wib, monthly))).toEqual([
      { key: 'monev_2026_03', label: 'Maret 2026', opens: local('2026-03-01T00:00'), due: local('2026-03-31T16:00') },
      { key: 'monev_2026_04', label: 'April 2026', opens: local('2026-04-01T00:00'), due: local('2026-04-30T16:00') },
    ]);
  });

  it('opens the first period on the window day and ends the last on its last working day', () => {
    // 31 May 2026 is a Sunday and Waisak, 30 May a Saturday: May's report is due Friday 29 May.
    expect(readable(monevPeriods({ opens: '2026-03-14', due: '2026-05-31' }, wib, monthly))).toEqual([
      { key: 'monev_2026_03', label: 'Maret 2026', opens: local('2026-03-14T00:00'), due: local('2026-03-31T16:00') },
      { key: 'monev_2026_04', label: 'April 2026', opens: local('2026-04-01T00:00'), due: local('2026-04-30T16:00') },
      { key: 'monev_2026_05', label: 'Mei 2026', opens: local('2026-05-01T00:00'), due: local('2026-05-29T16:00') },
    ]);
  });

  it('ends a window cut mid-month on its last working day, skipping holidays', () => {
    // 18–24 March 2026: Nyepi and Idulfitri with their cuti bersama; 17 March is the last working day before.
    expect(readable(monevPeriods({ opens: '2026-02-10', due: '2026-03-22' }, wib, monthly))).toEqual([
      {
        key: 'monev_2026_02',
        label: 'Februari 2026',
        opens: local('2026-02-10T00:00'),
        due: local('2026-02-27T16:00'),
      },
      { key: 'monev_2026_03', label: 'Maret 2026', opens: local('2026-03-01T00:00'), due: local('2026-03-17T16:00') },
    ]);
  });

  it.each<[string, StageWindow, string[]]>([
    [
      'a last month holding only a holiday (1 May, Hari Buruh)',
      { opens: '2026-04-01', due: '2026-05-01' },
      ['monev_2026_04'],
    ],
    [
      'a last month holding only a weekend (1–2 August 2026)',
      { opens: '2026-07-01', due: '2026-08-02' },
      ['monev_2026_07'],
    ],
    [
      'a first month holding only a weekend (30–31 May 2026)',
      { opens: '2026-05-30', due: '2026-06-30' },
      ['monev_2026_06'],
    ],
    ['a window of days off only (Idulfitri 2026)', { opens: '2026-03-18', due: '2026-03-24' }, []],
    ['a one-day window on a working day', { opens: '2026-03-25', due: '2026-03-25' }, ['monev_2026_03']],
    [
      'a window across a year end',
      { opens: '2026-11-15', due: '2027-02-10' },
      ['monev_2026_11', 'monev_2026_12', 'monev_2027_01', 'monev_2027_02'],
    ],
    [
      'a whole year',
      { opens: '2026-01-01', due: '2026-12-31' },
      Array.from({ length: 12 }, (_, i) => `monev_2026_${String(i + 1).padStart(2, '0')}`),
    ],
  ])('drops or keeps months: %s', (_case, window, keys) => {
    expect(monevPeriods(window, wib, monthly).map((period) => period.key)).toEqual(keys);
  });

  it('names the months in Indonesian', () => {
    const labels = monevPeriods({ opens: '2026-01-01', due: '2026-12-31' }, wib, monthly).map((p) => p.label);
    expect(labels).toEqual([
      'Januari 2026',
      'Februari 2026',
      'Maret 2026',
      'April 2026',
      'Mei 2026',
      'Juni 2026',
      'Juli 2026',
      'Agustus 2026',
      'September 2026',
      'Oktober 2026',
      'November 2026',
      'Desember 2026',
    ]);
  });

  it.each<[IndonesianZone]>([['WITA'], ['WIT']])('computes every instant in the calendar zone (%s)', (zone) => {
    const calendar = createWorkingCalendar({ zone });
    expect(readable(monevPeriods({ opens: '2026-03-01', due: '2026-04-30' }, calendar, monthly, '15:30'))).toEqual([
      {
        key: 'monev_2026_03',
        label: 'Maret 2026',
        opens: local('2026-03-01T00:00', zone),
        due: local('2026-03-31T15:30', zone),
      },
      {
        key: 'monev_2026_04',
        label: 'April 2026',
        opens: local('2026-04-01T00:00', zone),
        due: local('2026-04-30T15:30', zone),
      },
    ]);
  });

  it('in WITA, a period opens at 16:00 UTC of the previous day', () => {
    const [march] = monevPeriods({ opens: '2026-03-01', due: '2026-03-31' }, createWorkingCalendar({ zone: 'WITA' }), {
      kind: 'monthly',
    });
    expect(march?.opens.toISOString()).toBe('2026-02-28T16:00:00.000Z');
    expect(march?.due.toISOString()).toBe('2026-03-31T08:00:00.000Z');
  });

  it("follows the cycle's own holidays", () => {
    const calendar = createWorkingCalendar({
      zone: 'WIB',
      holidays: [{ date: '2026-04-30', name: 'Hari Jadi Kota', kind: 'libur_nasional' }],
    });
    const periods = monevPeriods({ opens: '2026-04-01', due: '2026-04-30' }, calendar, monthly);
    expect(readable(periods).map((period) => period.due)).toEqual([local('2026-04-29T16:00')]);
  });
});

describe('monevPeriods, every N working days', () => {
  // Working days in March–April 2026 (WIB): off are weekends, 18–24 March (Nyepi, Idulfitri) and 3 April (Wafat
  // Yesus Kristus).
  it('comes round every 5 working days and cuts the last period to the window', () => {
    expect(readable(monevPeriods({ opens: '2026-03-02', due: '2026-04-30' }, wib, every(5)))).toEqual([
      { key: 'monev_p01', label: 'Periode 1', opens: local('2026-03-02T00:00'), due: local('2026-03-09T16:00') },
      { key: 'monev_p02', label: 'Periode 2', opens: local('2026-03-10T00:00'), due: local('2026-03-16T16:00') },
      { key: 'monev_p03', label: 'Periode 3', opens: local('2026-03-17T00:00'), due: local('2026-03-30T16:00') },
      { key: 'monev_p04', label: 'Periode 4', opens: local('2026-03-31T00:00'), due: local('2026-04-07T16:00') },
      { key: 'monev_p05', label: 'Periode 5', opens: local('2026-04-08T00:00'), due: local('2026-04-14T16:00') },
      { key: 'monev_p06', label: 'Periode 6', opens: local('2026-04-15T00:00'), due: local('2026-04-21T16:00') },
      { key: 'monev_p07', label: 'Periode 7', opens: local('2026-04-22T00:00'), due: local('2026-04-28T16:00') },
      { key: 'monev_p08', label: 'Periode 8', opens: local('2026-04-29T00:00'), due: local('2026-04-30T16:00') },
    ]);
  });

  it('counts from a weekend opening day as "N hari kerja" does', () => {
    // Day 0 is Saturday 7 March: the 5th working day after it is Friday 13 March.
    const [first] = monevPeriods({ opens: '2026-03-07', due: '2026-04-30' }, wib, every(5));
    expect(first?.opens.toISOString()).toBe(local('2026-03-07T00:00'));
    expect(first?.due.toISOString()).toBe(local('2026-03-13T16:00'));
  });

  it('caps at the last working day when the window ends on a day off', () => {
    // 10 working days after 2 March is 16 March; the window's last working day is 17 March (18–22 are off).
    expect(readable(monevPeriods({ opens: '2026-03-02', due: '2026-03-22' }, wib, every(10)))).toEqual([
      { key: 'monev_p01', label: 'Periode 1', opens: local('2026-03-02T00:00'), due: local('2026-03-16T16:00') },
      { key: 'monev_p02', label: 'Periode 2', opens: local('2026-03-17T00:00'), due: local('2026-03-17T16:00') },
    ]);
  });

  it.each<[string, StageWindow, number, string[]]>([
    ['a window shorter than one period', { opens: '2026-03-02', due: '2026-03-06' }, 10, [local('2026-03-06T16:00')]],
    ['a window of days off only', { opens: '2026-03-18', due: '2026-03-24' }, 5, []],
    [
      'a window ending exactly on a due day',
      { opens: '2026-03-02', due: '2026-03-16' },
      5,
      [local('2026-03-09T16:00'), local('2026-03-16T16:00')],
    ],
  ])('%s', (_case, window, workingDays, dues) => {
    expect(readable(monevPeriods(window, wib, every(workingDays))).map((period) => period.due)).toEqual(dues);
  });

  it('uses the calendar zone and the due time (WIT, 12:00; local midnight is 15:00 UTC the day before)', () => {
    const wit = createWorkingCalendar({ zone: 'WIT' });
    expect(readable(monevPeriods({ opens: '2026-03-02', due: '2026-03-16' }, wit, every(5), '12:00'))).toEqual([
      { key: 'monev_p01', label: 'Periode 1', opens: '2026-03-01T15:00:00.000Z', due: '2026-03-09T03:00:00.000Z' },
      { key: 'monev_p02', label: 'Periode 2', opens: '2026-03-09T15:00:00.000Z', due: '2026-03-16T03:00:00.000Z' },
    ]);
  });

  it.each([5, 7, 10, 20, 22])('keeps due days exactly %i working days apart over a holiday-rich year', (n) => {
    const window = { opens: '2026-01-05', due: '2026-12-31' };
    const periods = monevPeriods(window, wib, every(n));
    const dueDays = periods.map((period) => wib.localDay(period.due));
    expect(wib.workingDaysBetween(window.opens, dueDays[0]!)).toBe(n);
    for (let i = 1; i < dueDays.length - 1; i++) {
      expect(wib.workingDaysBetween(dueDays[i - 1]!, dueDays[i]!)).toBe(n);
    }
    // The last one is cut: at most n working days, ending on the window's last working day.
    const [beforeLast, last] = [dueDays.at(-2)!, dueDays.at(-1)!];
    expect(wib.workingDaysBetween(beforeLast, last)).toBeGreaterThan(0);
    expect(wib.workingDaysBetween(beforeLast, last)).toBeLessThanOrEqual(n);
    expect(last).toBe('2026-12-31');
  });
});

describe('monevPeriods, every cadence', () => {
  const windows: StageWindow[] = [
    { opens: '2026-03-01', due: '2026-04-30' },
    { opens: '2025-12-20', due: '2026-06-05' },
    { opens: '2026-02-14', due: '2026-11-30' },
  ];
  const cadences: MonevCadence[] = [monthly, every(5), every(13), every(130)];
  const cases = windows.flatMap((window) => cadences.map((cadence): [StageWindow, MonevCadence] => [window, cadence]));

  it.each(cases)('%j %j: periods tile the window without gaps or overlaps', (window, cadence) => {
    const periods = monevPeriods(window, wib, cadence);
    expect(periods.length).toBeGreaterThan(0);
    expect(new Set(periods.map((period) => period.key)).size).toBe(periods.length);
    expect(wib.localDay(periods[0]!.opens)).toBe(window.opens);
    periods.forEach((period, index) => {
      expect(period.key).toMatch(/^[a-z0-9_]+$/);
      expect(period.opens.getTime()).toBeLessThan(period.due.getTime());
      expect(wib.isWorkingDay(wib.localDay(period.due))).toBe(true);
      expect(wib.localDay(period.due) <= window.due).toBe(true);
      const next = periods[index + 1];
      // The next period opens at the midnight after this one's due day (a skipped, work-free month part aside).
      if (next && cadence.kind === 'every_working_days') {
        expect(wib.localDay(next.opens)).toBe(addCalendarDays(wib.localDay(period.due), 1));
      }
    });
  });
});

describe('monevPeriods, refused input', () => {
  it.each<[string, StageWindow, MonevCadence, string | undefined]>([
    ['a due day before the opening day', { opens: '2026-04-30', due: '2026-03-01' }, monthly, undefined],
    ['an impossible day', { opens: '2026-02-30', due: '2026-04-30' }, monthly, undefined],
    ['a cadence of 3 working days', { opens: '2026-03-01', due: '2026-04-30' }, every(3), undefined],
    ['an unknown cadence', { opens: '2026-03-01', due: '2026-04-30' }, { kind: 'weekly' } as never, undefined],
    ['a due time that is not HH:MM', { opens: '2026-03-01', due: '2026-04-30' }, monthly, '4pm'],
  ])('throws RangeError for %s', (_case, window, cadence, dueAt) => {
    expect(() => monevPeriods(window, wib, cadence, dueAt)).toThrow(RangeError);
  });
});

describe('expectedShare', () => {
  const dues = ['2026-03-09T09:00:00Z', '2026-03-16T09:00:00Z', '2026-03-31T09:00:00Z', '2026-04-30T09:00:00Z'].map(
    (iso) => new Date(iso),
  );

  it.each<[string, string, number]>([
    ['before anything is due', '2026-03-01T00:00:00Z', 0],
    ['a moment before the first due instant', '2026-03-09T08:59:59.999Z', 0],
    ['exactly at the first due instant (inclusive)', '2026-03-09T09:00:00Z', 0.25],
    ['between the second and third', '2026-03-20T00:00:00Z', 0.5],
    ['after the last', '2026-05-01T00:00:00Z', 1],
  ])('%s', (_case, at, expected) => {
    expect(expectedShare(dues, new Date(at))).toBe(expected);
  });

  it('counts duplicates and ignores the order of the plan', () => {
    const plan = [dues[3]!, dues[0]!, dues[0]!];
    expect(expectedShare(plan, new Date('2026-03-10T00:00:00Z'))).toBeCloseTo(2 / 3, 12);
  });

  it('expects nothing of an empty plan', () => {
    expect(expectedShare([], new Date('2026-12-31T00:00:00Z'))).toBe(0);
  });
});

describe('laggingUnits', () => {
  const sample = (unitCode: string, planned: number, approved: number): UnitMonevSample => ({
    unitCode,
    unitName: `Unit ${unitCode}`,
    planned,
    approved,
  });

  it('lists units strictly below the expected share, furthest behind first, ties by unit code', () => {
    const samples = [
      sample('DISHUB', 10, 5), // 0.5: exactly on target, not lagging
      sample('DISDIK', 10, 2), // 0.2
      sample('BAPPEDA', 20, 4), // 0.2: same shortfall, earlier code
      sample('DINKES', 10, 4), // 0.4
      sample('DPMPTSP', 4, 4), // done
      sample('SATPOL', 0, 0), // nothing planned: not lagging
      sample('INSPEKTORAT', 8, 0), // 0
    ];
    expect(laggingUnits(samples, 0.5)).toEqual([
      { unitCode: 'INSPEKTORAT', unitName: 'Unit INSPEKTORAT', share: 0, expected: 0.5, shortfall: 0.5 },
      { unitCode: 'BAPPEDA', unitName: 'Unit BAPPEDA', share: 0.2, expected: 0.5, shortfall: 0.3 },
      { unitCode: 'DISDIK', unitName: 'Unit DISDIK', share: 0.2, expected: 0.5, shortfall: 0.3 },
      { unitCode: 'DINKES', unitName: 'Unit DINKES', share: 0.4, expected: 0.5, shortfall: expect.closeTo(0.1, 12) },
    ]);
  });

  it('treats equal fractions as equal: 1/3 approved against 2 of 6 due is on target', () => {
    const expected = expectedShare(
      [1, 2, 3, 4, 5, 6].map((day) => new Date(Date.UTC(2026, 2, day))),
      new Date(Date.UTC(2026, 2, 2)),
    );
    expect(laggingUnits([sample('A', 3, 1), sample('B', 9, 3), sample('C', 300, 99)], expected)).toEqual([
      expect.objectContaining({ unitCode: 'C' }),
    ]);
  });

  it.each<[string, UnitMonevSample, number]>([
    ['more approved than planned counts as complete', sample('X', 4, 6), 1],
    ['nothing planned counts as complete', sample('X', 0, 0), 1],
    ['a negative count counts as nothing done', sample('X', 4, -1), 0],
  ])('%s', (_case, unit, share) => {
    // An expectation above 100 % is no real target; it makes every unit lag, so the computed share shows.
    expect(laggingUnits([unit], 2)).toEqual([expect.objectContaining({ share, shortfall: 2 - share })]);
  });

  it('flags nobody when nothing is expected yet', () => {
    expect(laggingUnits([sample('A', 10, 0), sample('B', 0, 0)], 0)).toEqual([]);
  });

  it('flags every unfinished unit when everything is due', () => {
    expect(laggingUnits([sample('A', 10, 9), sample('B', 10, 10)], 1).map((unit) => unit.unitCode)).toEqual(['A']);
  });
});

describe('formatShare', () => {
  it.each<[number, string]>([
    [0, '0 %'],
    [1, '100 %'],
    [0.5, '50 %'],
    [0.425, '42,5 %'],
    [1 / 3, '33,3 %'],
    [2 / 3, '66,7 %'],
    [0.07, '7 %'],
    [0.0005, '0,1 %'],
    [0.0004, '0 %'],
    [0.5005, '50,1 %'],
    [0.9996, '100 %'],
    [0.9994, '99,9 %'],
    [0.125, '12,5 %'],
  ])('%p → %s', (share, text) => {
    expect(formatShare(share)).toBe(text);
  });

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('refuses %p', (share) => {
    expect(() => formatShare(share)).toThrow(RangeError);
  });
});
