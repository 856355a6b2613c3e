import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { AccountService } from '../../api/auth/accounts';
import { adminToken, tokenFor } from '../support/auth';
import { messagesTo, readMessage } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();
const bearer = { type: 'bearer' } as const;
const run = randomUUID().slice(0, 8);
const unitA = `A${run}`;
const unitB = `B${run}`;
const officer = { name: 'Bagian Organisasi', email: `organisasi-people-${run}@pemkot.test` };
const mail = (who: string) => `${who}-${run}@pemkot.test`;

/** Invitation emails received by `to`, newest first as the sink lists them. */
const invitationsTo = async (to: string) => (await messagesTo(to)).filter((m) => m.Subject.includes('Undangan'));

describe('people API on real Temporal, MongoDB and SMTP', () => {
  let admin: string;
  let ketuaA: string;
  let anggotaA: string;
  beforeAll(async () => {
    admin = await adminToken(stack(), officer);
    ketuaA = await tokenFor(stack(), { name: 'Ketua A', email: mail('ketua-a') }, [
      { role: 'ketua_tim', unitCode: unitA },
      { role: 'anggota_tim', unitCode: unitB },
    ]);
    anggotaA = await tokenFor(stack(), { name: 'Anggota A', email: mail('anggota-a') }, [
      { role: 'anggota_tim', unitCode: unitA },
    ]);
    await tokenFor(stack(), { name: 'Anggota B', email: mail('anggota-b') }, [
      { role: 'anggota_tim', unitCode: unitB },
    ]);
  });

  it('invites a person (201, Location, invitation email) and refuses the same email twice', async () => {
    const email = mail('Diundang');
    const created = await request(stack().app)
      .post('/api/v1/people')
      .auth(admin, bearer)
      .send({ name: 'Budi Santoso', email, grants: [{ role: 'penilai', unitCode: unitA }] })
      .expect(201);
    const id = email.toLowerCase();
    expect(created.headers.location).toBe(`/api/v1/people/${encodeURIComponent(id)}`);
    expect(created.body).toMatchObject({
      id,
      email,
      name: 'Budi Santoso',
      status: 'invited',
      grants: [{ role: 'penilai', unitCode: unitA }],
    });
    expect(created.body.passwordHash).toBeUndefined();
    const message = await eventually(async () => (await invitationsTo(id))[0], { what: 'the invitation' });
    const { Text } = await readMessage(message.ID);
    expect(Text).toContain('Yth. Budi Santoso,');
    expect(Text).toContain(`di unit ${unitA}`);
    expect(Text).toMatch(/http:\/\/zi\.test\/undangan\?token=[A-Za-z0-9_-]{43}/);

    const again = await request(stack().app)
      .post('/api/v1/people')
      .auth(admin, bearer)
      .send({ name: 'Budi', email: email.toUpperCase(), grants: [] })
      .expect(409);
    expect(again.type).toBe('application/problem+json');
    const audit = await stack().models.AuditEvent.find({ entity: 'person', entityId: id }).lean();
    expect(audit).toEqual([expect.objectContaining({ type: 'invited', by: officer.email })]);
  });

  it('validates grants, naming the failing field', async () => {
    const invite = (grants: unknown[]) =>
      request(stack().app)
        .post('/api/v1/people')
        .auth(admin, bearer)
        .send({ name: 'X', email: mail('x'), grants });
    const fields = async (grants: unknown[]) =>
      ((await invite(grants).expect(400)).body.errors as { field: string }[]).map((e) => e.field);
    expect(await fields([{ role: 'anggota_tim' }])).toEqual(['body.grants.0.unitCode']);
    expect(await fields([{ role: 'pemimpin', unitCode: unitA }])).toEqual(['body.grants.0.role']);
    expect(await fields([{ role: 'pimpinan', unitCode: '$where' }])).toEqual(['body.grants.0.unitCode']);
    expect(await fields([{ role: 'pimpinan', unitCode: 'a.b' }])).toEqual(['body.grants.0.unitCode']);
    expect(
      await fields([
        { role: 'pimpinan', unitCode: unitA },
        { role: 'pimpinan', unitCode: unitA },
      ]),
    ).toEqual(['body.grants.1']);
    await request(stack().app)
      .put(`/api/v1/people/${encodeURIComponent(mail('anggota-a'))}/grants`)
      .auth(admin, bearer)
      .send({ grants: [{ role: 'ketua_tim' }] })
      .expect(400)
      .expect((response) => expect(response.body.errors[0].field).toBe('body.grants.0.unitCode'));
    await request(stack().app).get('/api/v1/people/bukan-email').auth(admin, bearer).expect(400);
  });

  it('lets only Bagian Organisasi change people (403 for everyone else, nothing changed)', async () => {
    const target = encodeURIComponent(mail('anggota-a'));
    const attempts = [
      request(stack().app)
        .post('/api/v1/people')
        .send({ name: 'Y', email: mail('y'), grants: [] }),
      request(stack().app).patch(`/api/v1/people/${target}`).send({ name: 'Diubah' }),
      request(stack().app)
        .put(`/api/v1/people/${target}/grants`)
        .send({ grants: [{ role: 'admin_organisasi' }] }),
      request(stack().app).post(`/api/v1/people/${target}/deactivate`),
      request(stack().app).post(`/api/v1/people/${target}/reinvite`),
    ];
    for (const attempt of attempts) {
      const response = await attempt.auth(ketuaA, bearer);
      expect(response.status).toBe(403);
      expect(response.type).toBe('application/problem+json');
    }
    const account = await stack().models.Account.findById(mail('anggota-a')).lean();
    expect(account).toMatchObject({
      name: 'Anggota A',
      status: 'active',
      grants: [{ role: 'anggota_tim', unitCode: unitA }],
    });
    expect(await stack().models.Account.exists({ _id: mail('y') })).toBeNull();
    await request(stack().app).get('/api/v1/people').auth(anggotaA, bearer).expect(403);
  });

  it('shows a ketua the people of their unit only (404 outside it), with only the grants they may see', async () => {
    const list = await request(stack().app).get('/api/v1/people').auth(ketuaA, bearer).expect(200);
    const ids = (list.body.items as { id: string }[]).map((p) => p.id);
    expect(ids).toEqual(expect.arrayContaining([mail('ketua-a'), mail('anggota-a'), mail('diundang')]));
    expect(ids).not.toContain(mail('anggota-b'));
    expect(ids).toEqual([...ids].sort());

    // Their own grant in unit B (as anggota) does not let them read unit B's people.
    await request(stack().app)
      .get(`/api/v1/people/${encodeURIComponent(mail('anggota-b'))}`)
      .auth(ketuaA, bearer)
      .expect(404);
    await request(stack().app).get('/api/v1/people/tidak-ada@pemkot.test').auth(ketuaA, bearer).expect(404);
    await request(stack().app).get(`/api/v1/people?unit=${unitB}`).auth(ketuaA, bearer).expect(403);
    await request(stack().app).get('/api/v1/people?unit=UNIT-LAIN').auth(ketuaA, bearer).expect(404);

    const self = await request(stack().app)
      .get(`/api/v1/people/${encodeURIComponent(mail('Ketua-A'))}`)
      .auth(ketuaA, bearer)
      .expect(200);
    // A unit ketua sees their unit's grant; the admin sees all of them.
    expect(self.body.grants).toEqual([
      { role: 'ketua_tim', unitCode: unitA },
      { role: 'anggota_tim', unitCode: unitB },
    ]);
    const anggotaB = await request(stack().app)
      .get(`/api/v1/people/${encodeURIComponent(mail('anggota-b'))}`)
      .auth(admin, bearer)
      .expect(200);
    expect(anggotaB.body.grants).toEqual([{ role: 'anggota_tim', unitCode: unitB }]);
  });

  it('filters by unit, role and status and pages by cursor in id order', async () => {
    const page = (query: string) => request(stack().app).get(`/api/v1/people?${query}`).auth(admin, bearer).expect(200);
    const inA = (await page(`unit=${unitA}`)).body.items.map((p: { id: string }) => p.id);
    expect(inA).toEqual([mail('anggota-a'), mail('diundang'), mail('ketua-a')].sort());
    // Role *in that unit*: ketua-a is anggota only in unit B.
    const anggotaInA = (await page(`unit=${unitA}&role=anggota_tim`)).body.items.map((p: { id: string }) => p.id);
    expect(anggotaInA).toEqual([mail('anggota-a')]);
    const invitedInA = (await page(`unit=${unitA}&status=invited`)).body.items.map((p: { id: string }) => p.id);
    expect(invitedInA).toEqual([mail('diundang')]);

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const response: request.Response = await page(`unit=${unitA}&limit=1${cursor ? `&cursor=${cursor}` : ''}`);
      expect(response.body.items.length).toBeLessThanOrEqual(1);
      seen.push(...response.body.items.map((p: { id: string }) => p.id));
      cursor = response.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(inA);
    await request(stack().app).get('/api/v1/people?cursor=bukan-kursor').auth(admin, bearer).expect(400);
    await request(stack().app).get('/api/v1/people?limit=0').auth(admin, bearer).expect(400);
  });

  it('renames, replaces grants, reinvites and deactivates, each recorded in the audit trail', async () => {
    const email = mail('dikelola');
    await request(stack().app)
      .post('/api/v1/people')
      .auth(admin, bearer)
      .send({ name: 'Dikelola', email, grants: [{ role: 'anggota_tim', unitCode: unitA }] })
      .expect(201);
    const path = `/api/v1/people/${encodeURIComponent(email)}`;
    await eventually(async () => (await invitationsTo(email))[0]);

    await request(stack().app).patch(path).auth(admin, bearer).send({ name: 'Nama Baru' }).expect(200);
    const regranted = await request(stack().app)
      .put(`${path}/grants`)
      .auth(admin, bearer)
      .send({ grants: [{ role: 'ketua_tim', unitCode: unitB }, { role: 'pengamat' }] })
      .expect(200);
    expect(regranted.body).toMatchObject({
      name: 'Nama Baru',
      grants: [{ role: 'ketua_tim', unitCode: unitB }, { role: 'pengamat' }],
    });

    await request(stack().app).post(`${path}/reinvite`).auth(admin, bearer).expect(200);
    const invitations = await eventually(async () => {
      const found = await invitationsTo(email);
      return found.length >= 2 ? found : undefined;
    });
    const tokens = await Promise.all(
      invitations.map(async (m) => /undangan\?token=([A-Za-z0-9_-]+)/.exec((await readMessage(m.ID)).Text)![1]!),
    );
    // Only the latest invitation works: accepting the older one answers 410.
    const password = 'kata-sandi-yang-panjang-2';
    const results = await Promise.all(
      tokens.map(
        async (token) =>
          (await request(stack().app).post('/api/v1/auth/invitations/accept').send({ token, password })).status,
      ),
    );
    expect(results.sort()).toEqual([200, 410]);
    await request(stack().app).post(`${path}/reinvite`).auth(admin, bearer).expect(409);

    const session = (await request(stack().app).post('/api/v1/auth/sign-in').send({ email, password }).expect(200)).body
      .accessToken as string;
    const deactivated = await request(stack().app).post(`${path}/deactivate`).auth(admin, bearer).expect(200);
    expect(deactivated.body.status).toBe('deactivated');
    await request(stack().app).get('/api/v1/auth/me').auth(session, bearer).expect(401);
    await request(stack().app).post('/api/v1/auth/sign-in').send({ email, password }).expect(401);
    // Deactivating twice changes nothing more.
    await request(stack().app).post(`${path}/deactivate`).auth(admin, bearer).expect(200);

    const events = await stack().models.AuditEvent.find({ entity: 'person', entityId: email }).sort({ at: 1 }).lean();
    const byAdmin = events.filter((e) => e.by === officer.email).map((e) => e.type);
    expect(byAdmin).toEqual(['invited', 'renamed', 'grants_changed', 'reinvited', 'deactivated']);
    expect(events.find((e) => e.type === 'grants_changed')).toMatchObject({
      from: `anggota_tim@${unitA}`,
      to: `ketua_tim@${unitB}, pengamat@*`,
    });
    await request(stack().app)
      .patch('/api/v1/people/tidak-ada@pemkot.test')
      .auth(admin, bearer)
      .send({ name: 'X' })
      .expect(404);
  });

  it('ensurePerson creates an invited account once and only ever adds grants', async () => {
    const accounts = new AccountService(contextOf());
    const person = { name: 'Ketua Tim Baru', email: mail('Lewat-Peluncuran') };
    const id = person.email.toLowerCase();
    const results = await Promise.all([
      accounts.ensurePerson(person, [{ role: 'pimpinan', unitCode: unitA }], officer.email),
      accounts.ensurePerson(person, [{ role: 'ketua_tim', unitCode: unitB }], officer.email),
    ]);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(results.every((r) => r.personId === id)).toBe(true);
    const again = await accounts.ensurePerson(person, [{ role: 'pimpinan', unitCode: unitA }], officer.email);
    expect(again).toEqual({ personId: id, created: false });

    const account = await stack().models.Account.findById(id).lean();
    expect(account?.status).toBe('invited');
    expect(account?.grants).toEqual(
      expect.arrayContaining([
        { role: 'pimpinan', unitCode: unitA },
        { role: 'ketua_tim', unitCode: unitB },
      ]),
    );
    expect(account?.grants).toHaveLength(2);
    await eventually(async () => (await invitationsTo(id))[0], { what: 'the invitation' });
    expect(await invitationsTo(id)).toHaveLength(1);
  });

  it('ensurePerson sends the invitation an earlier call could not queue', async () => {
    const accounts = new AccountService(contextOf());
    const email = mail('tanpa-undangan');
    // As left by a call whose invitation could not be queued: the account exists, no invitation token does.
    await stack().models.Account.create({ _id: email, email, name: 'Tanpa Undangan', status: 'invited' });
    const result = await accounts.ensurePerson({ name: 'Tanpa Undangan', email }, [], officer.email);
    expect(result).toEqual({ personId: email, created: false });
    await eventually(async () => (await invitationsTo(email))[0], { what: 'the invitation' });
    await accounts.ensurePerson({ name: 'Tanpa Undangan', email }, [], officer.email);
    expect(await stack().models.OneTimeToken.countDocuments({ personId: email, kind: 'invitation' })).toBe(1);
  });
});

/** The parts of the API context AccountService needs, built from the test stack. */
function contextOf() {
  const { models, config, client } = stack();
  return {
    models,
    config: { ...config, publicUrl: config.http.publicUrl },
    temporal: client,
    timeWorkflowCall: <T>(_call: unknown, run: () => Promise<T>) => run(),
    now: () => new Date(),
  };
}
