import { meOf } from '../../api/auth/auth.service';
import { hashPassword, newPasswordSchema, passwordMatches } from '../../api/auth/passwords';
import { invitePersonSchema, listPeopleSchema, personIdParams } from '../../api/people/person.schemas';
import { createEmailRenderer } from '../../activities/templates';

describe('meOf', () => {
  it('lists instansi-wide roles and, per unit, the unit roles plus the instansi-wide ones', () => {
    const me = meOf({
      personId: 'siti@pemkot.test',
      name: 'Siti',
      email: 'Siti@pemkot.test',
      grants: [
        { role: 'ketua_tim', unitCode: 'DINKES' },
        { role: 'anggota_tim', unitCode: 'DPMPTSP' },
        { role: 'pengamat' },
        { role: 'pimpinan', unitCode: 'DINKES' },
      ],
    });
    expect(me).toEqual({
      person: { id: 'siti@pemkot.test', name: 'Siti', email: 'Siti@pemkot.test' },
      grants: [
        { role: 'ketua_tim', unitCode: 'DINKES' },
        { role: 'anggota_tim', unitCode: 'DPMPTSP' },
        { role: 'pengamat' },
        { role: 'pimpinan', unitCode: 'DINKES' },
      ],
      instansiRoles: ['pengamat'],
      unitRoles: { DINKES: ['ketua_tim', 'pengamat', 'pimpinan'], DPMPTSP: ['anggota_tim', 'pengamat'] },
    });
  });

  it('drops an undefined unitCode left by the database (no `unitCode: undefined` key in the answer)', () => {
    const me = meOf({
      personId: 'a',
      name: 'A',
      email: 'a',
      grants: [{ role: 'admin_organisasi', unitCode: undefined }],
    });
    expect(Object.keys(me.grants[0]!)).toEqual(['role']);
  });
});

describe('passwords', () => {
  it('hashes with argon2id and verifies only the right password', async () => {
    const hash = await hashPassword('kata-sandi-yang-panjang');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    await expect(passwordMatches(hash, 'kata-sandi-yang-panjang')).resolves.toBe(true);
    await expect(passwordMatches(hash, 'kata-sandi-yang-salah')).resolves.toBe(false);
  });

  it('answers false (after a decoy verification) without a stored hash or with a malformed one', async () => {
    await expect(passwordMatches(undefined, 'apa saja')).resolves.toBe(false);
    await expect(passwordMatches('bukan-hash', 'apa saja')).resolves.toBe(false);
  });

  it('requires at least 12 characters and at most 256', () => {
    expect(newPasswordSchema.safeParse('sebelas-kar').success).toBe(false);
    expect(newPasswordSchema.safeParse('dua-belas-kr').success).toBe(true);
    expect(newPasswordSchema.safeParse('x'.repeat(257)).success).toBe(false);
  });
});

describe('people schemas', () => {
  const issuesOf = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
    (result.error?.issues ?? []).map((issue) => issue.path.join('.'));

  it('validates grants with the domain rules, each issue at its field', () => {
    const parse = (grants: unknown) => invitePersonSchema.body.safeParse({ name: 'A', email: 'a@b.test', grants });
    expect(parse([{ role: 'admin_organisasi' }, { role: 'ketua_tim', unitCode: 'DINKES' }]).success).toBe(true);
    expect(issuesOf(parse([{ role: 'ketua_tim' }]))).toEqual(['grants.0.unitCode']);
    expect(issuesOf(parse([{ role: 'pengamat' }, { role: 'pengamat' }]))).toEqual(['grants.1']);
    expect(issuesOf(parse([{ role: 'pimpinan', unitCode: '$ne' }]))).toEqual(['grants.0.unitCode']);
    expect(issuesOf(parse([{ role: 'pimpinan', unitCode: 'A', extra: true }]))).toEqual(['grants.0']);
  });

  it('takes a person id in a path as an email, normalised to the lower-cased id', () => {
    expect(personIdParams.params.parse({ id: 'Siti@Pemkot.TEST' })).toEqual({ id: 'siti@pemkot.test' });
    expect(personIdParams.params.safeParse({ id: '{"$gt":""}' }).success).toBe(false);
  });

  it('reads list filters from query strings and refuses unknown ones', () => {
    expect(listPeopleSchema.query.parse({ unit: 'DINKES', role: 'ketua_tim', status: 'active', limit: '10' })).toEqual({
      unit: 'DINKES',
      role: 'ketua_tim',
      status: 'active',
      limit: 10,
    });
    expect(listPeopleSchema.query.safeParse({ sort: 'name' }).success).toBe(false);
    expect(listPeopleSchema.query.safeParse({ status: 'hapus' }).success).toBe(false);
  });
});

describe('identity emails', () => {
  const render = createEmailRenderer();
  const task = {
    title: 'Isi LKE',
    description: 'Isi lembar kerja evaluasi.',
    documents: [],
    unitName: 'Dinas Kesehatan',
    unitCode: 'DINKES',
    stageLabel: 'Pemenuhan',
    dueText: 'Rabu, 04 Maret 2026 pukul 16.00 WIB',
  };
  const base = { recipient: { name: 'Siti' }, task, link: 'http://zi.test/tugas/t1' };

  it('puts the single-use sign-in link beside the task link when there is one', () => {
    const email = render('task-assigned', {
      ...base,
      signInLink: 'http://zi.test/masuk/tautan?token=abc',
      signInLinkHours: 24,
    });
    expect(email.text).toContain('Buka tugas: http://zi.test/tugas/t1');
    expect(email.text).toContain('Masuk langsung ke tugas ini: http://zi.test/masuk/tautan?token=abc');
    expect(email.text).toContain('sekali pakai, berlaku 24 jam');
    expect(email.html).toContain('href="http://zi.test/masuk/tautan?token=abc"');
  });

  it('renders task emails without a sign-in link as before', () => {
    for (const template of ['task-assigned', 'task-approved']) {
      const email = render(template, { ...base, signInLink: null, actor: { name: 'Ketua' }, note: '', deadline: null });
      expect(email.text).toContain('Buka tugas: http://zi.test/tugas/t1');
      expect(email.text).not.toContain('/masuk/tautan');
    }
  });

  it('invites in Bahasa Indonesia with the roles, the link and how long it works', () => {
    const email = render('invitation', {
      recipient: { name: 'Budi' },
      invitedBy: 'Bagian Organisasi',
      grants: [
        { role: 'Ketua Tim Kerja ZI', unitCode: 'DINKES' },
        { role: 'Pengamat', unitCode: undefined },
      ],
      link: 'http://zi.test/undangan?token=abc',
      validDays: 7,
    });
    expect(email.subject).toBe('Undangan ZI Orchestrator: atur kata sandi Anda');
    expect(email.text.split('\n')).toEqual(
      expect.arrayContaining([
        'Yth. Budi,',
        '- Ketua Tim Kerja ZI di unit DINKES',
        '- Pengamat (seluruh instansi)',
        'Atur kata sandi dan aktifkan akun: http://zi.test/undangan?token=abc',
      ]),
    );
    expect(email.text).toContain('Bagian Organisasi mengundang Anda');
    expect(email.html).toContain('href="http://zi.test/undangan?token=abc"');
  });

  it('refuses to render an invitation or a reset without its link', () => {
    expect(() => render('invitation', { recipient: { name: 'B' }, grants: [], validDays: 7 })).toThrow();
    expect(() => render('password-reset', { recipient: { name: 'B' }, validMinutes: 60 })).toThrow();
    const reset = render('password-reset', { recipient: { name: 'B' }, link: 'http://zi.test/x', validMinutes: 60 });
    expect(reset.text).toContain('berlaku 60 menit');
  });
});
