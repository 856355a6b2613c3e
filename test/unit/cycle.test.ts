import { duplicateUnitCodes } from '../../domain/cycle';

const unit = (code: string) => ({ code, name: `Unit ${code}` });

describe('duplicateUnitCodes', () => {
  it('returns nothing for an empty list or unique codes', () => {
    expect(duplicateUnitCodes([])).toEqual([]);
    expect(duplicateUnitCodes([unit('A'), unit('B'), unit('C')])).toEqual([]);
  });

  it('returns a code that appears twice', () => {
    expect(duplicateUnitCodes([unit('A'), unit('B'), unit('A')])).toEqual(['A']);
  });

  it('returns each duplicated code once, in order of first repetition', () => {
    expect(duplicateUnitCodes([unit('A'), unit('B'), unit('B'), unit('A'), unit('A'), unit('C')])).toEqual(['B', 'A']);
  });

  it('compares codes exactly (case-sensitive)', () => {
    expect(duplicateUnitCodes([unit('abc'), unit('ABC')])).toEqual([]);
  });

  it('ignores names: different units with the same name are fine', () => {
    expect(
      duplicateUnitCodes([
        { code: 'A', name: 'Sama' },
        { code: 'B', name: 'Sama' },
      ]),
    ).toEqual([]);
  });
});
