import { areaCodes, type AreaCode } from '../../domain/areas';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import type { Participant } from '../../domain/people';
import {
  assigneesFor,
  coordinatedAreas,
  isValidTeam,
  maxTeamMembers,
  teamRoster,
  teamTaskKey,
  validateTeam,
  type Roster,
  type TeamMember,
  type TeamSubmission,
} from '../../domain/team';

const ketua: TeamMember = { name: 'Rina Wulandari', email: 'rina@kota.test', role: 'ketua_tim' };
const budi: TeamMember = { name: 'Budi Santoso', email: 'budi@kota.test', role: 'anggota_tim' };
const sari: TeamMember = { name: 'Sari Dewi', email: 'sari@kota.test', role: 'anggota_tim' };
const andi: TeamMember = { name: 'Andi Pratama', email: 'andi@kota.test', role: 'anggota_tim' };

/** Budi coordinates three areas, Sari two, and the ketua one: a coordinator need not be an anggota. */
const validTeam: TeamSubmission = {
  members: [ketua, budi, sari, andi],
  coordinators: {
    manajemen_perubahan: 'rina@kota.test',
    penataan_tatalaksana: 'budi@kota.test',
    penataan_sdm: 'budi@kota.test',
    akuntabilitas_kinerja: 'sari@kota.test',
    penguatan_pengawasan: 'SARI@Kota.Test',
    pelayanan_publik: 'budi@kota.test',
  },
};

/** The submission with some fields replaced: any shape, as an HTTP body could carry. */
function withTeam(changes: Record<string, unknown>): unknown {
  return { ...validTeam, ...changes };
}

function withMember(index: number, member: unknown): unknown {
  const members: unknown[] = [...validTeam.members];
  members[index] = member;
  return withTeam({ members });
}

function withCoordinator(area: string, email: unknown): unknown {
  return withTeam({ coordinators: { ...validTeam.coordinators, [area]: email } });
}

const paths = (team: unknown) => validateTeam(team).map((issue) => issue.path);

describe('teamTaskKey', () => {
  it('names the catalogue task through which the pimpinan submits the team', () => {
    const template = findTemplate(defaultCatalogue, teamTaskKey);
    expect(template).toMatchObject({ stage: 'pembentukan_tim', assigneeRole: 'pimpinan' });
  });
});

describe('validateTeam', () => {
  it('accepts a complete team', () => {
    expect(validateTeam(validTeam)).toEqual([]);
    expect(isValidTeam(validTeam)).toBe(true);
  });

  it.each<[string, unknown]>([
    [
      'a team of two (one ketua coordinating every area, one anggota)',
      {
        members: [ketua, budi],
        coordinators: Object.fromEntries(areaCodes.map((area) => [area, 'rina@kota.test'])),
      },
    ],
    [
      'names and emails with surrounding spaces',
      withMember(1, { ...budi, name: '  Budi  ', email: ' budi@kota.test ' }),
    ],
    ['a name of exactly 200 characters', withMember(1, { ...budi, name: 'a'.repeat(200) })],
    [
      `exactly ${maxTeamMembers} members`,
      withTeam({
        members: [
          ketua,
          ...Array.from({ length: maxTeamMembers - 1 }, (_, i) => ({
            name: `Anggota ${i}`,
            email: `anggota${i}@kota.test`,
            role: 'anggota_tim',
          })),
        ],
        coordinators: Object.fromEntries(areaCodes.map((area) => [area, 'anggota0@kota.test'])),
      }),
    ],
  ])('accepts %s', (_case, team) => {
    expect(validateTeam(team)).toEqual([]);
  });

  it.each<[string, unknown, { path: string; message: string }[]]>([
    ['undefined', undefined, [{ path: '', message: 'susunan Tim Kerja belum diisi' }]],
    ['null', null, [{ path: '', message: 'susunan Tim Kerja belum diisi' }]],
    ['a string', 'tim', [{ path: '', message: 'susunan Tim Kerja tidak valid' }]],
    ['an array', [ketua], [{ path: '', message: 'susunan Tim Kerja tidak valid' }]],
    [
      'members that are not a list',
      withTeam({ members: { 0: ketua } }),
      [{ path: 'members', message: 'daftar anggota Tim Kerja harus berupa daftar' }],
    ],
    [
      'an empty member list',
      withTeam({ members: [] }),
      // One issue: six "bukan anggota" on the coordinators would only repeat it.
      [{ path: 'members', message: 'Tim Kerja belum memiliki anggota' }],
    ],
    [
      'a member that is not an object',
      withMember(3, 'andi@kota.test'),
      [{ path: 'members.3', message: 'data anggota ke-4 tidak valid (perlu nama, email dan peran)' }],
    ],
    [
      'a missing name',
      withMember(2, { ...sari, name: undefined }),
      [{ path: 'members.2.name', message: 'nama anggota ke-3 belum diisi' }],
    ],
    [
      'a blank name',
      withMember(2, { ...sari, name: '   ' }),
      [{ path: 'members.2.name', message: 'nama anggota ke-3 belum diisi' }],
    ],
    [
      'a name that is a number',
      withMember(2, { ...sari, name: 42 }),
      [{ path: 'members.2.name', message: 'nama anggota ke-3 belum diisi' }],
    ],
    [
      'a name of 201 characters',
      withMember(3, { ...andi, name: 'a'.repeat(201) }),
      [{ path: 'members.3.name', message: 'nama anggota ke-4 terlalu panjang (paling banyak 200 karakter)' }],
    ],
    [
      'a missing email',
      withMember(3, { ...andi, email: undefined }),
      [{ path: 'members.3.email', message: 'email anggota ke-4 belum diisi' }],
    ],
    [
      'an email without a domain',
      withMember(3, { ...andi, email: 'andi@kota' }),
      [{ path: 'members.3.email', message: 'email anggota ke-4 (andi@kota) tidak valid' }],
    ],
    [
      'an email with a space',
      withMember(3, { ...andi, email: 'andi pratama@kota.test' }),
      [{ path: 'members.3.email', message: 'email anggota ke-4 (andi pratama@kota.test) tidak valid' }],
    ],
    [
      'an email without @',
      withMember(3, { ...andi, email: 'andi.kota.test' }),
      [{ path: 'members.3.email', message: 'email anggota ke-4 (andi.kota.test) tidak valid' }],
    ],
    [
      'the same email in another case',
      withMember(3, { ...andi, email: 'Budi@KOTA.test' }),
      [{ path: 'members.3.email', message: 'email anggota ke-4 (Budi@KOTA.test) sudah dipakai anggota ke-2' }],
    ],
    [
      'a missing role',
      withMember(3, { ...andi, role: undefined }),
      [{ path: 'members.3.role', message: 'peran anggota ke-4 belum diisi' }],
    ],
    [
      'a role outside the team',
      withMember(3, { ...andi, role: 'pimpinan' }),
      [
        {
          path: 'members.3.role',
          message: 'peran anggota ke-4 "pimpinan" tidak dikenal (pilih ketua_tim atau anggota_tim)',
        },
      ],
    ],
    [
      'no ketua',
      withMember(0, { ...ketua, role: 'anggota_tim' }),
      [{ path: 'members', message: 'Tim Kerja belum memiliki Ketua Tim Kerja ZI' }],
    ],
    [
      'two ketua',
      withMember(2, { ...sari, role: 'ketua_tim' }),
      [
        {
          path: 'members.2.role',
          message: 'Tim Kerja hanya boleh memiliki satu ketua; anggota ke-1 sudah menjadi ketua',
        },
      ],
    ],
    [
      'no anggota',
      withTeam({
        members: [ketua],
        coordinators: Object.fromEntries(areaCodes.map((area) => [area, 'rina@kota.test'])),
      }),
      [{ path: 'members', message: 'Tim Kerja belum memiliki Anggota Tim Kerja ZI' }],
    ],
    [
      'a missing coordinator',
      withCoordinator('penguatan_pengawasan', undefined),
      [{ path: 'coordinators.penguatan_pengawasan', message: 'koordinator area Penguatan Pengawasan belum ditunjuk' }],
    ],
    [
      'a blank coordinator',
      withCoordinator('pelayanan_publik', ' '),
      [
        {
          path: 'coordinators.pelayanan_publik',
          message: 'koordinator area Peningkatan Kualitas Pelayanan Publik belum ditunjuk',
        },
      ],
    ],
    [
      'a coordinator that is not a string',
      withCoordinator('penataan_sdm', { email: 'budi@kota.test' }),
      [
        {
          path: 'coordinators.penataan_sdm',
          message: 'koordinator area Penataan Sistem Manajemen SDM harus diisi dengan email anggota Tim Kerja',
        },
      ],
    ],
    [
      'a coordinator outside the team',
      withCoordinator('penataan_sdm', 'kepala@kota.test'),
      [
        {
          path: 'coordinators.penataan_sdm',
          message: 'koordinator area Penataan Sistem Manajemen SDM (kepala@kota.test) bukan anggota Tim Kerja',
        },
      ],
    ],
    [
      'an unknown area',
      withCoordinator('keuangan', 'budi@kota.test'),
      [{ path: 'coordinators.keuangan', message: 'area "keuangan" tidak dikenal' }],
    ],
    [
      'coordinators that are a list',
      withTeam({ coordinators: ['budi@kota.test'] }),
      [{ path: 'coordinators', message: 'koordinator area harus diisi per area' }],
    ],
  ])('reports %s', (_case, team, expected) => {
    expect(validateTeam(team)).toEqual(expected);
    expect(isValidTeam(team)).toBe(false);
  });

  it('reports a missing member list and six missing coordinators for an empty object', () => {
    expect(validateTeam({})).toEqual([
      { path: 'members', message: 'daftar anggota Tim Kerja belum diisi' },
      ...areaCodes.map((area) => ({ path: `coordinators.${area}`, message: expect.stringMatching(/belum ditunjuk$/) })),
    ]);
  });

  it(`reports more than ${maxTeamMembers} members and still checks each of them`, () => {
    const members = [
      ...validTeam.members,
      ...Array.from({ length: maxTeamMembers - 3 }, (_, i) => ({
        name: `Anggota ${i}`,
        email: `anggota${i}@kota.test`,
        role: 'anggota_tim',
      })),
    ];
    members[100] = { name: '', email: 'x@kota.test', role: 'anggota_tim' };
    expect(validateTeam(withTeam({ members }))).toEqual([
      { path: 'members', message: `Tim Kerja paling banyak ${maxTeamMembers} orang (diisi 101)` },
      { path: 'members.100.name', message: 'nama anggota ke-101 belum diisi' },
    ]);
  });

  it('does not match a coordinator to a member whose email is invalid', () => {
    expect(paths(withMember(1, { ...budi, email: 'budi@' }))).toEqual([
      'members.1.email',
      'coordinators.penataan_tatalaksana',
      'coordinators.penataan_sdm',
      'coordinators.pelayanan_publik',
    ]);
  });

  it('reports every problem at once: members in order, then unknown areas, then areas in LKE order', () => {
    const team = {
      members: [{ ...ketua, role: 'anggota_tim' }, { ...budi, name: '' }, null, { ...sari, email: 'rina@kota.test' }],
      coordinators: { pelayanan_publik: 'budi@kota.test', lainnya: 'rina@kota.test', manajemen_perubahan: 'x@y.z' },
    };
    expect(paths(team)).toEqual([
      'members.1.name',
      'members.2',
      'members.3.email',
      'members',
      'coordinators.lainnya',
      'coordinators.manajemen_perubahan',
      'coordinators.penataan_tatalaksana',
      'coordinators.penataan_sdm',
      'coordinators.akuntabilitas_kinerja',
      'coordinators.penguatan_pengawasan',
    ]);
  });

  it.each<[string, unknown]>([
    ['members of every type', { members: [0, false, [], 'x', { name: {}, email: [], role: 7 }], coordinators: 7 }],
    ['a coordinators object with a __proto__ key', JSON.parse('{"members":[],"coordinators":{"__proto__":"x"}}')],
    ['numbers everywhere', { members: 5, coordinators: { manajemen_perubahan: 5 } }],
  ])('never throws on %s', (_case, team) => {
    expect(() => validateTeam(team)).not.toThrow();
    expect(validateTeam(team).length).toBeGreaterThan(0);
  });

  it('reports a __proto__ key as an unknown area instead of reading through it', () => {
    const team = { ...validTeam, coordinators: JSON.parse(JSON.stringify(validTeam.coordinators)) as object };
    Object.defineProperty(team.coordinators, '__proto__', { value: 'x', enumerable: true });
    expect(validateTeam(team)).toEqual([{ path: 'coordinators.__proto__', message: 'area "__proto__" tidak dikenal' }]);
  });
});

const pimpinan: Participant = {
  personId: 'kepala@kota.test',
  name: 'Kepala Dinas',
  email: 'kepala@kota.test',
  roles: ['pimpinan'],
};
const organisasi: Participant = {
  personId: 'organisasi@kota.test',
  name: 'Bagian Organisasi',
  email: 'organisasi@kota.test',
  roles: ['admin_organisasi'],
};
const inspektur: Participant = {
  personId: 'inspektur@kota.test',
  name: 'Inspektur',
  email: 'inspektur@kota.test',
  roles: ['penilai'],
};
const base: Roster = { pimpinan: [pimpinan], admin_organisasi: [organisasi], penilai: [inspektur] };

const person = (member: TeamMember, roles: Participant['roles']): Participant => ({
  personId: member.email,
  name: member.name,
  email: member.email,
  roles,
});

describe('teamRoster', () => {
  it('adds the ketua and the anggota to the people known at launch, in submitted order', () => {
    expect(teamRoster(validTeam, base)).toEqual({
      admin_organisasi: [organisasi],
      pimpinan: [pimpinan],
      ketua_tim: [person(ketua, ['ketua_tim'])],
      anggota_tim: [person(budi, ['anggota_tim']), person(sari, ['anggota_tim']), person(andi, ['anggota_tim'])],
      penilai: [inspektur],
    });
  });

  it('derives person ids from emails: trimmed and lower-cased', () => {
    const team = { ...validTeam, members: [ketua, { ...budi, name: ' Budi ', email: ' Budi@Kota.TEST ' }] };
    expect(teamRoster(team, {}).anggota_tim).toEqual([
      { personId: 'budi@kota.test', name: 'Budi', email: 'Budi@Kota.TEST', roles: ['anggota_tim'] },
    ]);
  });

  it('gives a pimpinan who also chairs the team both roles, in both lists, once', () => {
    const team = { ...validTeam, members: [{ ...ketua, name: 'Kepala', email: 'KEPALA@kota.test' }, budi] };
    const roster = teamRoster(team, base);
    const both = { ...pimpinan, roles: ['pimpinan', 'ketua_tim'] };
    expect(roster.pimpinan).toEqual([both]);
    expect(roster.ketua_tim).toEqual([both]);
    expect(roster.anggota_tim).toEqual([person(budi, ['anggota_tim'])]);
  });

  it('merges a person listed twice in base and drops empty lists', () => {
    const roster = teamRoster(validTeam, {
      pimpinan: [pimpinan],
      penilai: [{ ...pimpinan, roles: ['penilai'] }],
      pengamat: [],
      admin_organisasi: [organisasi, organisasi],
    });
    expect(roster.pimpinan).toEqual([{ ...pimpinan, roles: ['pimpinan', 'penilai'] }]);
    expect(roster.penilai).toEqual([{ ...pimpinan, roles: ['pimpinan', 'penilai'] }]);
    expect(roster.admin_organisasi).toEqual([organisasi]);
    expect(roster).not.toHaveProperty('pengamat');
  });

  it('derives roles from the lists, not from what base participants claim', () => {
    const roster = teamRoster(validTeam, { pimpinan: [{ ...pimpinan, roles: ['pimpinan', 'penilai'] }] });
    expect(roster.pimpinan).toEqual([pimpinan]);
    expect(roster).not.toHaveProperty('penilai');
  });

  it('replaces team roles in base, so a dropped member is gone and re-applying changes nothing', () => {
    const first = teamRoster(validTeam, base);
    const resubmitted = { ...validTeam, members: [ketua, sari] };
    const second = teamRoster(resubmitted, first);
    expect(second.anggota_tim).toEqual([person(sari, ['anggota_tim'])]);
    expect(second).toEqual(teamRoster(resubmitted, base));
    expect(teamRoster(validTeam, first)).toEqual(first);
  });

  it('returns fresh participants: editing one list does not change another', () => {
    const team = { ...validTeam, members: [{ ...ketua, email: 'kepala@kota.test' }, budi] };
    const roster = teamRoster(team, base);
    roster.pimpinan![0]!.name = 'Diubah';
    expect(roster.ketua_tim![0]!.name).toBe('Kepala Dinas');
    expect(pimpinan.name).toBe('Kepala Dinas');
  });
});

describe('assigneesFor', () => {
  const roster = teamRoster(validTeam, base);
  const names = (people: Participant[]) => people.map((participant) => participant.name);

  it.each<[string, Parameters<typeof assigneesFor>[0], TeamSubmission | undefined, string[]]>([
    [
      'an anggota task of an area: its coordinator only',
      { assigneeRole: 'anggota_tim', area: 'penataan_sdm' },
      validTeam,
      ['Budi Santoso'],
    ],
    [
      'a coordinator named in another case',
      { assigneeRole: 'anggota_tim', area: 'penguatan_pengawasan' },
      validTeam,
      ['Sari Dewi'],
    ],
    [
      'an area coordinated by the ketua: the ketua',
      { assigneeRole: 'anggota_tim', area: 'manajemen_perubahan' },
      validTeam,
      ['Rina Wulandari'],
    ],
    [
      'an anggota task without an area: every anggota',
      { assigneeRole: 'anggota_tim' },
      validTeam,
      ['Budi Santoso', 'Sari Dewi', 'Andi Pratama'],
    ],
    [
      'no team given: every anggota',
      { assigneeRole: 'anggota_tim', area: 'penataan_sdm' },
      undefined,
      ['Budi Santoso', 'Sari Dewi', 'Andi Pratama'],
    ],
    [
      'a team without a coordinator for the area: every anggota',
      { assigneeRole: 'anggota_tim', area: 'penataan_sdm' },
      { ...validTeam, coordinators: {} },
      ['Budi Santoso', 'Sari Dewi', 'Andi Pratama'],
    ],
    [
      'a coordinator missing from the roster: every anggota',
      { assigneeRole: 'anggota_tim', area: 'penataan_sdm' },
      { ...validTeam, coordinators: { penataan_sdm: 'baru@kota.test' } },
      ['Budi Santoso', 'Sari Dewi', 'Andi Pratama'],
    ],
    [
      'a ketua task of an area: the ketua',
      { assigneeRole: 'ketua_tim', area: 'penataan_sdm' },
      validTeam,
      ['Rina Wulandari'],
    ],
    [
      'a pimpinan task: the pimpinan',
      { assigneeRole: 'pimpinan', area: 'manajemen_perubahan' },
      validTeam,
      ['Kepala Dinas'],
    ],
    ['a role nobody holds: nobody', { assigneeRole: 'pengamat' }, validTeam, []],
  ])('%s', (_case, template, team, expected) => {
    expect(names(assigneesFor(template, roster, team))).toEqual(expected);
  });

  it('answers with the roster participant, carrying every role the person holds', () => {
    const team = { ...validTeam, coordinators: { ...validTeam.coordinators, penataan_sdm: 'rina@kota.test' } };
    expect(assigneesFor({ assigneeRole: 'anggota_tim', area: 'penataan_sdm' }, roster, team)).toEqual([
      person(ketua, ['ketua_tim']),
    ]);
  });

  it('returns a copy: changing it leaves the roster alone', () => {
    const assignees = assigneesFor({ assigneeRole: 'anggota_tim' }, roster);
    assignees.pop();
    expect(roster.anggota_tim).toHaveLength(3);
  });

  it('gives every area task of the default catalogue to exactly one person of the example team', () => {
    const areaTasks = defaultCatalogue.templates.filter(
      (template) => template.assigneeRole === 'anggota_tim' && template.area !== undefined,
    );
    expect(areaTasks.length).toBeGreaterThan(0);
    for (const template of areaTasks) {
      const [assignee, ...others] = assigneesFor(template, roster, validTeam);
      expect(others).toEqual([]);
      expect(assignee?.personId).toBe(validTeam.coordinators[template.area!]!.toLowerCase());
    }
  });
});

describe('coordinatedAreas', () => {
  it.each<[string, AreaCode[]]>([
    ['budi@kota.test', ['penataan_tatalaksana', 'penataan_sdm', 'pelayanan_publik']],
    [' BUDI@kota.test ', ['penataan_tatalaksana', 'penataan_sdm', 'pelayanan_publik']],
    ['sari@kota.test', ['akuntabilitas_kinerja', 'penguatan_pengawasan']],
    ['rina@kota.test', ['manajemen_perubahan']],
    ['andi@kota.test', []],
    ['orang.lain@kota.test', []],
  ])('%s coordinates %j', (email, expected) => {
    expect(coordinatedAreas(validTeam, email)).toEqual(expected);
  });

  it('is empty for a team without coordinators', () => {
    expect(coordinatedAreas({ members: [ketua, budi], coordinators: {} }, 'budi@kota.test')).toEqual([]);
  });
});
