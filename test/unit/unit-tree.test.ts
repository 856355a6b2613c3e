import { parentProblem } from '../../api/units/unit-tree';

/** DINKES ← PUSKESMAS ← PUSTU; DISDIK stands alone. */
const registry = new Map<string, string | undefined>([
  ['DINKES', undefined],
  ['PUSKESMAS', 'DINKES'],
  ['PUSTU', 'PUSKESMAS'],
  ['DISDIK', undefined],
]);

describe('parentProblem: the unit registry stays a forest', () => {
  it.each([
    ['PUSTU', 'DISDIK'],
    ['DISDIK', 'PUSTU'],
    ['NEW', 'PUSTU'],
    ['PUSKESMAS', 'DINKES'],
  ])('%s under %s is fine', (code, parent) => {
    expect(parentProblem(code, parent, registry)).toBeUndefined();
  });

  it('refuses a unit as its own parent', () => {
    expect(parentProblem('DINKES', 'DINKES', registry)).toBe('unit tidak dapat menjadi induk dirinya sendiri');
  });

  it('refuses an unregistered parent', () => {
    expect(parentProblem('NEW', 'NOWHERE', registry)).toBe('unit induk NOWHERE tidak terdaftar');
  });

  it.each([
    ['DINKES', 'PUSKESMAS'],
    ['DINKES', 'PUSTU'],
    ['PUSKESMAS', 'PUSTU'],
  ])('refuses %s under its own descendant %s', (code, parent) => {
    expect(parentProblem(code, parent, registry)).toMatch(/leluhurnya sendiri/);
  });

  it('stops on a loop already stored instead of walking forever', () => {
    const looped = new Map<string, string | undefined>([
      ['A', 'B'],
      ['B', 'A'],
      ['C', undefined],
    ]);
    expect(parentProblem('C', 'A', looped)).toMatch(/berputar/);
  });
});
