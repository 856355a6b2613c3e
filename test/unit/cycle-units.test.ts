import { completeUnits, type RegisteredUnit } from '../../api/cycles/cycle-units';
import { addUnitSchema, launchCycleSchema } from '../../api/cycles/cycle.schemas';
import { launchBody } from '../fixtures/cycles';
import { launchRequest } from '../support/auth';

const registered = (units: RegisteredUnit[], names: [string, string][] = []) => ({
  units: new Map(units.map((unit) => [unit._id, unit])),
  names: new Map(names),
});
const field = (index: number) => `body.units.${index}`;

const dinkes: RegisteredUnit = { _id: 'DINKES', name: 'Dinas Kesehatan', zone: 'WIB', headEmail: 'kadis@pemkot.test' };
const head = { name: 'Kepala Lain', email: 'lain@pemkot.test' };

describe('unit entries of a launch: {code} alone or {code, name, head}', () => {
  const paths = (units: unknown[]) => {
    const result = launchCycleSchema.body.safeParse({ ...launchRequest(launchBody()), units });
    return result.success ? [] : result.error.issues.map((issue) => issue.path.join('.'));
  };

  it('accepts a code alone and a full entry; refuses half an entry, naming the missing field', () => {
    expect(paths([{ code: 'DINKES' }, { code: 'BARU', name: 'Unit Baru', head }])).toEqual([]);
    expect(paths([{ code: 'DINKES', name: 'Dinas Kesehatan' }])).toEqual(['units.0.head']);
    expect(paths([{ code: 'DINKES', head }])).toEqual(['units.0.name']);
    expect(paths([{ code: 'DINKES' }, { code: ' DINKES ' }])).toEqual(['units']);
    const added = addUnitSchema.body.safeParse({ unit: { code: 'DINKES', head } });
    expect(added.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['unit.name']);
  });
});

describe('completeUnits', () => {
  it('takes a registered unit’s name, and its head from headEmail named as their account is', () => {
    const result = completeUnits(
      [{ code: 'DINKES' }],
      registered([dinkes], [['kadis@pemkot.test', 'dr. Sari']]),
      'WIB',
      field,
    );
    expect(result).toEqual({
      units: [{ code: 'DINKES', name: 'Dinas Kesehatan', head: { name: 'dr. Sari', email: 'kadis@pemkot.test' } }],
    });
  });

  it('names a head without an account after the unit', () => {
    expect(completeUnits([{ code: 'DINKES' }], registered([dinkes]), 'WIB', field)).toEqual({
      units: [
        {
          code: 'DINKES',
          name: 'Dinas Kesehatan',
          head: { name: 'Pimpinan Dinas Kesehatan', email: dinkes.headEmail },
        },
      ],
    });
  });

  it('uses a full entry as given, registered or not, whatever the registry’s zone', () => {
    const full = { code: 'DINKES', name: 'Nama Lain', head };
    expect(completeUnits([full], registered([{ ...dinkes, zone: 'WIT' }]), 'WIB', field)).toEqual({ units: [full] });
    expect(completeUnits([{ ...full, code: 'BARU' }], registered([]), 'WIB', field)).toEqual({
      units: [{ ...full, code: 'BARU' }],
    });
  });

  it('names every entry it cannot complete: unknown code, no head email, another zone', () => {
    const result = completeUnits(
      [
        { code: 'DINKES' },
        { code: 'TIDAKADA' },
        { code: 'TANPAKEPALA' },
        { code: 'WITA', name: 'Lengkap', head },
        { code: 'JAUH' },
      ],
      registered([
        dinkes,
        { _id: 'TANPAKEPALA', name: 'Tanpa Kepala', zone: 'WIB' },
        { _id: 'JAUH', name: 'Jauh', zone: 'WITA', headEmail: 'jauh@pemkot.test' },
      ]),
      'WIB',
      field,
    );
    expect(result).toEqual({
      errors: [
        { field: 'body.units.1.code', message: expect.stringContaining('tidak terdaftar') },
        { field: 'body.units.2.head', message: expect.stringContaining('headEmail') },
        { field: 'body.units.4.code', message: expect.stringContaining('zona WITA') },
      ],
    });
  });

  it('skips the zone check when the cycle’s zone is not known yet', () => {
    const wita = { ...dinkes, zone: 'WITA' } as const;
    expect(completeUnits([{ code: 'DINKES' }], registered([wita]), undefined, () => 'body.unit')).toMatchObject({
      units: [{ code: 'DINKES' }],
    });
    expect(completeUnits([{ code: 'X' }], registered([]), undefined, () => 'body.unit')).toEqual({
      errors: [{ field: 'body.unit.code', message: expect.any(String) }],
    });
  });
});
