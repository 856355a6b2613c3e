import { renameGrants } from '../../api/units/unit-rename';

describe('renameGrants', () => {
  it('moves the unit’s grants to the new code and leaves the rest as stored', () => {
    expect(
      renameGrants(
        [
          { role: 'pengamat' },
          { role: 'pimpinan', unitCode: 'LAMA' },
          { role: 'ketua_tim', unitCode: 'LAIN' },
          { role: 'anggota_tim', unitCode: 'LAMA' },
        ],
        'LAMA',
        'BARU',
      ),
    ).toEqual([
      { role: 'pengamat' },
      { role: 'pimpinan', unitCode: 'BARU' },
      { role: 'ketua_tim', unitCode: 'LAIN' },
      { role: 'anggota_tim', unitCode: 'BARU' },
    ]);
  });

  it('keeps a grant once when the person already holds it under the new code', () => {
    expect(
      renameGrants(
        [
          { role: 'pimpinan', unitCode: 'BARU' },
          { role: 'pimpinan', unitCode: 'LAMA' },
        ],
        'LAMA',
        'BARU',
      ),
    ).toEqual([{ role: 'pimpinan', unitCode: 'BARU' }]);
  });

  it('never gives an instansi-wide grant a unitCode key', () => {
    const [grant] = renameGrants([{ role: 'admin_organisasi' }], 'LAMA', 'BARU');
    expect(Object.keys(grant!)).toEqual(['role']);
  });
});
