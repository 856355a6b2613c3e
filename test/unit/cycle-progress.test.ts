import { noArea, summariseProgress, type ProgressRow } from '../../domain/cycle-progress';

const row = (overrides: Partial<ProgressRow>): ProgressRow => ({
  unitCode: 'A',
  stage: 'pelaksanaan',
  area: 'manajemen_perubahan',
  status: 'open',
  count: 1,
  overdue: 0,
  maxEscalationLevel: 0,
  ...overrides,
});

describe('summariseProgress', () => {
  it('tallies per stage, unit (and its stages), area and overall', () => {
    const progress = summariseProgress([
      row({ status: 'approved', count: 3 }),
      row({ status: 'open', count: 2, overdue: 1, maxEscalationLevel: 2 }),
      row({ unitCode: 'B', stage: 'persiapan', area: null, status: 'submitted', count: 4 }),
      row({ unitCode: 'B', status: 'cancelled', count: 1 }),
    ]);
    expect(progress.overall.total).toBe(10);
    expect(progress.overall.byStatus).toMatchObject({ approved: 3, open: 2, submitted: 4, cancelled: 1 });
    expect(progress.overall.overdue).toBe(1);
    expect(progress.overall.maxEscalationLevel).toBe(2);
    // Cancelled tasks do not count against completion: 3 approved of 9 live.
    expect(progress.overall.completion).toBeCloseTo(3 / 9);
    expect(progress.byStage.pelaksanaan!.total).toBe(6);
    expect(progress.byStage.persiapan!.byStatus.submitted).toBe(4);
    expect(progress.byUnit.A!.completion).toBeCloseTo(3 / 5);
    expect(progress.byUnit.B!.byStage.persiapan!.total).toBe(4);
    expect(progress.byUnit.B!.completion).toBe(0);
    expect(progress.byArea[noArea]!.total).toBe(4);
    expect(progress.byArea.manajemen_perubahan!.total).toBe(6);
  });

  it('answers zeros, not NaN, for a cycle without tasks', () => {
    const progress = summariseProgress([]);
    expect(progress.overall).toMatchObject({ total: 0, overdue: 0, completion: 0, maxEscalationLevel: 0 });
    expect(progress.byUnit).toEqual({});
  });
});
