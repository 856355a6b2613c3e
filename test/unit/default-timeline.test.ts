import { firstCycleYear, lastCycleYear } from '../../domain/cycle';
import { defaultTimeline } from '../../domain/default-timeline';
import { isIsoDate, stageCodes, validateTimeline } from '../../domain/stages';

const everyYear = Array.from({ length: lastCycleYear - firstCycleYear + 1 }, (_, i) => firstCycleYear + i);

describe('defaultTimeline', () => {
  it('is the programme year plan for 2026', () => {
    expect(defaultTimeline(2026)).toEqual({
      persiapan: { opens: '2026-01-02', due: '2026-01-31' },
      pembentukan_tim: { opens: '2026-02-01', due: '2026-02-28' },
      pelaksanaan: { opens: '2026-03-01', due: '2026-04-30' },
      monev: { opens: '2026-03-01', due: '2026-04-30' },
      penilaian: { opens: '2026-05-01', due: '2026-05-31' },
      penghargaan: { opens: '2026-06-01', due: '2026-12-15' },
    });
  });

  it.each<[number, string]>([
    [2024, '2024-02-29'],
    [2025, '2025-02-28'],
    [2028, '2028-02-29'],
    [2100, '2100-02-28'], // divisible by 100, not by 400: no leap year
  ])('ends pembentukan tim on the last day of February %i', (year, due) => {
    expect(defaultTimeline(year).pembentukan_tim.due).toBe(due);
  });

  it('runs monev alongside pelaksanaan, and ends penilaian on the 31 May proposal deadline', () => {
    const timeline = defaultTimeline(2027);
    expect(timeline.monev).toEqual(timeline.pelaksanaan);
    expect(timeline.penilaian.due).toBe('2027-05-31');
  });

  it(`passes validateTimeline for every year ${firstCycleYear}–${lastCycleYear}`, () => {
    expect(everyYear).toHaveLength(87);
    for (const year of everyYear) {
      const timeline = defaultTimeline(year);
      expect({ year, issues: validateTimeline(timeline) }).toEqual({ year, issues: [] });
      for (const stage of stageCodes) {
        expect(isIsoDate(timeline[stage].opens) && timeline[stage].opens.startsWith(`${year}-`)).toBe(true);
        expect(isIsoDate(timeline[stage].due) && timeline[stage].due.startsWith(`${year}-`)).toBe(true);
      }
    }
  });

  it('returns a new object each time, so a caller editing one cycle changes no other', () => {
    const first = defaultTimeline(2026) as { pelaksanaan: { due: string } };
    first.pelaksanaan.due = '2026-05-15';
    expect(defaultTimeline(2026).pelaksanaan.due).toBe('2026-04-30');
  });

  it.each([firstCycleYear - 1, lastCycleYear + 1, 2026.5, Number.NaN, -2026])('refuses the year %p', (year) => {
    expect(() => defaultTimeline(year)).toThrow(RangeError);
  });
});
