import {
  isIsoDate,
  isStageCode,
  isValidTimeline,
  nextStage,
  previousStage,
  stageCodes,
  stageIndex,
  stageLabels,
  validateTimeline,
  type CycleTimeline,
  type StageCode,
  type TimelineInput,
} from '../../domain/stages';

describe('stages', () => {
  it('lists the six stages in lifecycle order with stable codes', () => {
    expect(stageCodes).toEqual(['persiapan', 'pembentukan_tim', 'pelaksanaan', 'monev', 'penilaian', 'penghargaan']);
  });

  it('has an Indonesian label for every stage and nothing else', () => {
    expect(Object.keys(stageLabels).sort()).toEqual([...stageCodes].sort());
    expect(stageLabels).toEqual({
      persiapan: 'Persiapan',
      pembentukan_tim: 'Pembentukan Tim',
      pelaksanaan: 'Pelaksanaan (Pembangunan)',
      monev: 'Monitoring dan Evaluasi',
      penilaian: 'Penilaian',
      penghargaan: 'Penghargaan',
    });
  });

  it.each<[StageCode, number, StageCode | undefined, StageCode | undefined]>([
    ['persiapan', 0, undefined, 'pembentukan_tim'],
    ['pembentukan_tim', 1, 'persiapan', 'pelaksanaan'],
    ['pelaksanaan', 2, 'pembentukan_tim', 'monev'],
    ['monev', 3, 'pelaksanaan', 'penilaian'],
    ['penilaian', 4, 'monev', 'penghargaan'],
    ['penghargaan', 5, 'penilaian', undefined],
  ])('%s: index %i, previous %s, next %s', (stage, index, previous, next) => {
    expect(stageIndex(stage)).toBe(index);
    expect(previousStage(stage)).toBe(previous);
    expect(nextStage(stage)).toBe(next);
  });

  it.each(stageCodes)('recognises %s as a stage code', (code) => {
    expect(isStageCode(code)).toBe(true);
  });

  it.each([
    ['Persiapan'],
    ['PERSIAPAN'],
    [' monev'],
    ['monev '],
    [''],
    ['pembentukan-tim'],
    [undefined],
    [null],
    [3],
    [{}],
  ])('rejects %p as a stage code', (value) => {
    expect(isStageCode(value)).toBe(false);
  });
});

describe('isIsoDate', () => {
  it.each(['2026-01-01', '2026-12-31', '2026-04-30', '2024-02-29', '2000-02-29', '2026-02-28'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
    },
  );

  it.each<[unknown, string]>([
    ['2026-02-29', 'not a leap year'],
    ['1900-02-29', 'century, not a leap year'],
    ['2026-04-31', 'April has 30 days'],
    ['2026-13-01', 'month 13'],
    ['2026-00-10', 'month 0'],
    ['2026-01-00', 'day 0'],
    ['2026-01-32', 'day 32'],
    ['2026-1-05', 'one-digit month'],
    ['20260105', 'no separators'],
    ['2026-01-05T00:00:00Z', 'a timestamp'],
    ['05-01-2026', 'day first'],
    ['', 'empty'],
    [20260105, 'a number'],
    [undefined, 'undefined'],
    [null, 'null'],
  ])('rejects %p (%s)', (value) => {
    expect(isIsoDate(value)).toBe(false);
  });
});

/** A realistic year: monev runs alongside pelaksanaan and past the penilaian deadline. */
const validTimeline: CycleTimeline = {
  persiapan: { opens: '2026-01-05', due: '2026-01-30' },
  pembentukan_tim: { opens: '2026-02-02', due: '2026-02-20' },
  pelaksanaan: { opens: '2026-02-23', due: '2026-04-30' },
  monev: { opens: '2026-03-02', due: '2026-11-30' },
  penilaian: { opens: '2026-05-04', due: '2026-07-31' },
  penghargaan: { opens: '2026-12-01', due: '2026-12-18' },
};

function withWindow(stage: string, window: { opens?: unknown; due?: unknown } | undefined): TimelineInput {
  return { ...validTimeline, [stage]: window } as TimelineInput;
}

function without(stage: StageCode): TimelineInput {
  const { [stage]: _removed, ...rest } = validTimeline;
  return rest;
}

describe('validateTimeline', () => {
  it('accepts a complete timeline in stage order', () => {
    expect(validateTimeline(validTimeline)).toEqual([]);
    expect(isValidTimeline(validTimeline)).toBe(true);
  });

  it.each<[string, TimelineInput]>([
    ['overlapping windows (monev inside pelaksanaan)', validTimeline],
    ['a one-day window', withWindow('persiapan', { opens: '2026-01-05', due: '2026-01-05' })],
    ['two stages opening on the same day', withWindow('monev', { opens: '2026-02-23', due: '2026-11-30' })],
    [
      'a due date earlier than the previous stage due',
      withWindow('penilaian', { opens: '2026-05-04', due: '2026-05-29' }),
    ],
    ['windows spanning a year end', withWindow('penghargaan', { opens: '2026-12-01', due: '2027-01-15' })],
  ])('accepts %s', (_case, timeline) => {
    expect(validateTimeline(timeline)).toEqual([]);
  });

  it.each(stageCodes)('reports a missing window for %s', (stage) => {
    expect(validateTimeline(without(stage))).toEqual([
      { path: stage, message: `jadwal tahap ${stageLabels[stage]} belum diisi` },
    ]);
  });

  it('reports every missing stage of an empty timeline, in stage order', () => {
    expect(validateTimeline({}).map((issue) => issue.path)).toEqual([...stageCodes]);
    expect(isValidTimeline({})).toBe(false);
  });

  it('reports an unknown stage', () => {
    const timeline = { ...validTimeline, evaluasi: { opens: '2026-05-01', due: '2026-05-02' } };
    expect(validateTimeline(timeline)).toEqual([{ path: 'evaluasi', message: 'tahap "evaluasi" tidak dikenal' }]);
  });

  it.each<[string, { opens?: unknown; due?: unknown }, { path: string; message: RegExp }[]]>([
    [
      'an impossible opening date',
      { opens: '2026-02-30', due: '2026-04-30' },
      [{ path: 'pelaksanaan.opens', message: /tanggal mulai "2026-02-30" bukan tanggal yang valid/ }],
    ],
    [
      'a due date in another format',
      { opens: '2026-02-23', due: '30/04/2026' },
      [{ path: 'pelaksanaan.due', message: /tenggat "30\/04\/2026" bukan tanggal yang valid \(format YYYY-MM-DD\)/ }],
    ],
    [
      'a missing opening date',
      { due: '2026-04-30' },
      [{ path: 'pelaksanaan.opens', message: /^tanggal mulai belum diisi$/ }],
    ],
    ['a missing due date', { opens: '2026-02-23' }, [{ path: 'pelaksanaan.due', message: /^tenggat belum diisi$/ }]],
    [
      'a number instead of a date',
      { opens: 20260223, due: '2026-04-30' },
      [{ path: 'pelaksanaan.opens', message: /tanggal mulai 20260223 bukan tanggal yang valid/ }],
    ],
    [
      'due before opens',
      { opens: '2026-02-27', due: '2026-02-23' },
      [
        {
          path: 'pelaksanaan.due',
          message:
            /^tenggat tahap Pelaksanaan \(Pembangunan\) \(2026-02-23\) lebih awal dari tanggal mulainya \(2026-02-27\)$/,
        },
      ],
    ],
    [
      'opening before the previous stage opens',
      { opens: '2026-02-01', due: '2026-04-30' },
      [
        {
          path: 'pelaksanaan.opens',
          message:
            /^tahap Pelaksanaan \(Pembangunan\) dimulai 2026-02-01, sebelum tahap sebelumnya \(Pembentukan Tim\) dimulai 2026-02-02$/,
        },
      ],
    ],
  ])('reports %s', (_case, window, expected) => {
    const issues = validateTimeline(withWindow('pelaksanaan', window));
    expect(issues).toHaveLength(expected.length);
    expected.forEach((want, index) => {
      expect(issues[index]?.path).toBe(want.path);
      expect(issues[index]?.message).toMatch(want.message);
    });
  });

  it('compares a stage with the last stage that had a valid opening date', () => {
    const timeline = {
      ...validTimeline,
      pelaksanaan: { opens: 'kapan-kapan', due: '2026-04-30' },
      monev: { opens: '2026-01-20', due: '2026-11-30' },
    };
    expect(validateTimeline(timeline)).toEqual([
      { path: 'pelaksanaan.opens', message: expect.stringContaining('bukan tanggal yang valid') as string },
      {
        path: 'monev.opens',
        message:
          'tahap Monitoring dan Evaluasi dimulai 2026-01-20, sebelum tahap sebelumnya (Pembentukan Tim) dimulai 2026-02-02',
      },
    ]);
  });

  it('compares across a missing stage', () => {
    const { pembentukan_tim: _removed, ...rest } = validTimeline;
    const timeline = { ...rest, pelaksanaan: { opens: '2026-01-02', due: '2026-04-30' } };
    expect(validateTimeline(timeline)).toEqual([
      { path: 'pembentukan_tim', message: 'jadwal tahap Pembentukan Tim belum diisi' },
      {
        path: 'pelaksanaan.opens',
        message:
          'tahap Pelaksanaan (Pembangunan) dimulai 2026-01-02, sebelum tahap sebelumnya (Persiapan) dimulai 2026-01-05',
      },
    ]);
  });

  it('reports every problem at once, in stage order', () => {
    const timeline = {
      persiapan: { opens: '2026-01-30', due: '2026-01-05' },
      pelaksanaan: { opens: '2026-02-23', due: '2026-04-30' },
      monev: { opens: '2026-02-20', due: 'nanti' },
      penilaian: { opens: '2026-05-04', due: '2026-07-31' },
      penghargaan: { opens: '2026-12-01', due: '2026-12-18' },
      lainnya: { opens: '2026-01-01', due: '2026-01-02' },
    };
    expect(validateTimeline(timeline).map((issue) => issue.path)).toEqual([
      'lainnya',
      'persiapan.due',
      'pembentukan_tim',
      'monev.due',
      'monev.opens',
    ]);
  });
});
