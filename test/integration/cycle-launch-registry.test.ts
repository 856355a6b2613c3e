import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { cycleStateQuery, cycleWorkflowId } from '../../workflows/definitions';
import { pinnedLaunchBody } from '../fixtures/cycles';
import { adminToken, bearer, launchRequest, tokenFor } from '../support/auth';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';

const stack = useTestStack();

/** Codes and mailboxes of this run only: the database is shared with other test files. */
const run = randomUUID().slice(0, 6).toUpperCase();
const code = (name: string) => `${name}-${run}`;
/** Several codes at once, as a tuple: `const [A, B] = codes('A', 'B')`. */
const codes = <T extends string[]>(...names: T) => names.map(code) as { [K in keyof T]: string };
const email = (name: string) => `${name}-${run.toLowerCase()}@pemkot.test`;

const register = (token: string, unit: Record<string, unknown>) =>
  request(stack().app).post('/api/v1/units').auth(token, bearer).send(unit).expect(201);

describe('launching a cycle with units named by their registered code', () => {
  const body = pinnedLaunchBody();
  let admin: string;
  beforeAll(async () => {
    admin = await adminToken(stack(), body.launchedBy);
  });

  it('fills name and head from the registry, makes the head pimpinan, and does the same for an added unit', async () => {
    const [KNOWN, FRESH, FULL, GIVEN, ADDED, NOHEAD] = codes('KNOWN', 'FRESH', 'FULL', 'GIVEN', 'ADDED', 'NOHEAD');
    // A head who already has an account is named as the account is; one without is named after the unit.
    await tokenFor(stack(), { name: 'dr. Sari Wulandari', email: email('sari') }, []);
    await register(admin, { code: KNOWN, name: 'Dinas Kesehatan', zone: 'WIB', headEmail: email('Sari') });
    await register(admin, { code: FRESH, name: 'Dinas Pendidikan', zone: 'WIB', headEmail: email('kadisdik') });
    await register(admin, { code: GIVEN, name: 'Nama Terdaftar', zone: 'WITA', headEmail: email('terdaftar') });
    await register(admin, { code: ADDED, name: 'Badan Pendapatan', zone: 'WIB', headEmail: email('bapenda') });
    await register(admin, { code: NOHEAD, name: 'Tanpa Pimpinan', zone: 'WIB' });

    const full = { code: FULL, name: 'Unit Tanpa Registrasi', head: { name: 'Kepala Lengkap', email: email('full') } };
    // A full entry for a registered code is used as given, zone included.
    const given = { code: GIVEN, name: 'Nama Untuk Siklus Ini', head: { name: 'Plt. Kepala', email: email('plt') } };
    const launched = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest({ ...body, units: [{ code: KNOWN }, { code: FRESH }, full, given] }))
      .expect(202);
    const id: string = launched.body.id;
    const expected = [
      { code: KNOWN, name: 'Dinas Kesehatan', head: { name: 'dr. Sari Wulandari', email: email('sari') } },
      { code: FRESH, name: 'Dinas Pendidikan', head: { name: 'Pimpinan Dinas Pendidikan', email: email('kadisdik') } },
      full,
      given,
    ];
    expect(launched.body.units).toEqual(expected.map(({ code, name }) => ({ code, name })));

    // The workflow runs on the completed units, and its read model says so.
    const cycle = stack().client.workflow.getHandle(cycleWorkflowId(id));
    const state = await eventually(
      async () => {
        const current = await cycle.query(cycleStateQuery);
        return current.units.length === 4 ? current : undefined;
      },
      { what: 'the cycle to record its units' },
    );
    expect(state.units).toEqual(expected.map((unit) => expect.objectContaining(unit)));
    const stored = await eventually(async () => (await stack().models.Cycle.findById(id).lean()) ?? undefined, {
      what: 'the cycle read model',
    });
    expect(stored.units).toEqual(expected.map((unit) => expect.objectContaining(unit)));

    // Heads hold pimpinan of their unit: the existing account gains it, the missing one is created and invited.
    const account = (address: string) => stack().models.Account.findById(address).lean();
    expect(await account(email('sari'))).toMatchObject({
      status: 'active',
      grants: [{ role: 'pimpinan', unitCode: KNOWN }],
    });
    expect(await account(email('kadisdik'))).toMatchObject({
      name: 'Pimpinan Dinas Pendidikan',
      status: 'invited',
      grants: [{ role: 'pimpinan', unitCode: FRESH }],
    });
    expect((await account(email('plt')))?.grants).toEqual([{ role: 'pimpinan', unitCode: GIVEN }]);
    expect(await account(email('terdaftar'))).toBeNull();

    // A unit a cycle names keeps its code: workflow ids carry it.
    const renamed = await request(stack().app)
      .post(`/api/v1/units/${KNOWN}/rename`)
      .auth(admin, bearer)
      .send({ code: code('KNOWN2') })
      .expect(409);
    expect(renamed.body.cycles).toEqual([id]);

    // Adding a unit to the running cycle resolves `{code}` the same way.
    const addUnit = (unit: object) =>
      request(stack().app).post(`/api/v1/cycles/${id}/units`).auth(admin, bearer).send({ unit });
    expect((await addUnit({ code: NOHEAD }).expect(400)).body.errors).toEqual([
      { field: 'body.unit.head', message: expect.stringContaining('headEmail') },
    ]);
    expect((await addUnit({ code: code('NONE') }).expect(400)).body.errors).toEqual([
      { field: 'body.unit.code', message: expect.stringContaining('tidak terdaftar') },
    ]);
    const added = await addUnit({ code: ADDED }).expect(200);
    expect(added.body.units).toContainEqual(
      expect.objectContaining({
        code: ADDED,
        name: 'Badan Pendapatan',
        head: { name: 'Pimpinan Badan Pendapatan', email: email('bapenda') },
      }),
    );
    expect((await account(email('bapenda')))?.grants).toEqual([{ role: 'pimpinan', unitCode: ADDED }]);

    await request(stack().app)
      .post(`/api/v1/cycles/${id}/cancel`)
      .auth(admin, bearer)
      .send({ reason: 'Akhir uji' })
      .expect(200);
  });

  it('refuses units it cannot complete, naming each field, in the dry run and the launch alike', async () => {
    const [NOHEAD, WITA] = codes('KOSONG', 'TIMUR');
    await register(admin, { code: NOHEAD, name: 'Tanpa Pimpinan', zone: 'WIB' });
    await register(admin, { code: WITA, name: 'Unit di WITA', zone: 'WITA', headEmail: email('wita') });
    const units = [{ code: NOHEAD }, { code: code('TIDAKADA') }, { code: WITA }];

    for (const path of ['/api/v1/cycles/preview', '/api/v1/cycles']) {
      const refused = await request(stack().app)
        .post(path)
        .auth(admin, bearer)
        .send(launchRequest({ ...body, units }))
        .expect(400);
      expect(refused.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(refused.body.errors).toEqual([
        { field: 'body.units.0.head', message: expect.stringContaining('headEmail') },
        { field: 'body.units.1.code', message: expect.stringContaining('tidak terdaftar') },
        { field: 'body.units.2.code', message: expect.stringContaining('zona WITA') },
      ]);
    }
    // Nothing started: nobody was given the unit.
    expect(await stack().models.Account.exists({ _id: email('wita') })).toBeNull();

    // In a cycle on WITA's calendar the unit fits (dry run: nothing starts).
    const preview = await request(stack().app)
      .post('/api/v1/cycles/preview')
      .auth(admin, bearer)
      .send(launchRequest({ ...body, zone: 'WITA', units: [{ code: WITA }] }))
      .expect(200);
    expect(preview.body).toBeDefined();

    // Half an entry is refused by the schema, before the registry is read.
    const half = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest({ ...body, units: [{ code: WITA, name: 'Setengah' }] }))
      .expect(400);
    expect(half.body.errors).toEqual([{ field: 'body.units.0.head', message: expect.any(String) }]);
  });
});
