import { escalationRecipients } from '../../domain/escalation-recipients';
import { participantOf } from '../../domain/people';

const ketua = participantOf({ name: 'Ketua', email: 'ketua@unit.test' }, 'ketua_tim');
const kepala = participantOf({ name: 'Kepala', email: 'kepala@unit.test' }, 'pimpinan');
const organisasi = participantOf({ name: 'Organisasi', email: 'org@pemkot.test' }, 'admin_organisasi');
const penilai = participantOf({ name: 'TPI', email: 'tpi@pemkot.test' }, 'penilai');

describe('escalationRecipients', () => {
  it.each([
    ['the ketua when there is one', { ketua_tim: [ketua], pimpinan: [kepala] }, 'ketua_tim', [ketua]],
    [
      'the pimpinan before the team exists',
      { pimpinan: [kepala], admin_organisasi: [organisasi] },
      'ketua_tim',
      [kepala],
    ],
    ['Bagian Organisasi when the unit has neither', { admin_organisasi: [organisasi] }, 'ketua_tim', [organisasi]],
    [
      'Bagian Organisasi for a pimpinan nobody named',
      { ketua_tim: [ketua], admin_organisasi: [organisasi] },
      'pimpinan',
      [organisasi],
    ],
    [
      'the named role even when higher ones exist',
      { pimpinan: [kepala], admin_organisasi: [organisasi] },
      'pimpinan',
      [kepala],
    ],
    ['nobody above Bagian Organisasi', { ketua_tim: [ketua], pimpinan: [kepala] }, 'admin_organisasi', []],
    ['nobody for a role off the line', { ketua_tim: [ketua] }, 'penilai', []],
    ['a role off the line when named', { penilai: [penilai] }, 'penilai', [penilai]],
  ] as const)('escalates to %s', (_case, contacts, role, expected) => {
    expect(escalationRecipients(contacts, role)).toEqual(expected);
  });

  it('copes with no contacts at all', () => {
    expect(escalationRecipients(undefined, 'ketua_tim')).toEqual([]);
  });
});
