import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { adminToken, tokenFor } from '../support/auth';
import { useTestStack } from '../support/stack';

const stack = useTestStack({ worker: false });
const bearer = { type: 'bearer' } as const;

/** Codes and names of this run only: the database is shared with other test files. */
const run = randomUUID().slice(0, 6).toUpperCase();
const code = (name: string) => `${name}-${run}`;
/** Several codes at once, as a tuple: `const [A, B] = codes('A', 'B')`. */
const codes = <T extends string[]>(...names: T) => names.map(code) as { [K in keyof T]: string };
const officer = { name: 'Bagian Organisasi', email: `organisasi-${run.toLowerCase()}@pemkot.test` };

function register(token: string, body: Record<string, unknown>) {
  return request(stack().app).post('/api/v1/units').auth(token, bearer).send(body);
}

describe('unit registry API on real MongoDB', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await adminToken(stack(), officer);
  });

  it('registers a unit (admin only), answers 201 with Location, reads it back and records the change', async () => {
    const DINKES = code('DINKES');
    const created = await register(admin, {
      code: DINKES,
      name: `Dinas Kesehatan ${run}`,
      zone: 'WITA',
      headEmail: 'Kadis.Kesehatan@Pemkot.test',
    }).expect(201);
    expect(created.headers.location).toBe(`/api/v1/units/${DINKES}`);
    expect(created.body).toMatchObject({
      code: DINKES,
      name: `Dinas Kesehatan ${run}`,
      zone: 'WITA',
      headEmail: 'kadis.kesehatan@pemkot.test',
    });

    const read = await request(stack().app).get(created.headers.location!).auth(admin, bearer).expect(200);
    expect(read.body).toEqual(created.body);
    expect(await stack().models.UnitKerja.findById(DINKES).lean()).toMatchObject({ zone: 'WITA' });
    expect(await stack().models.AuditEvent.find({ entity: 'unit_kerja', entityId: DINKES }).lean()).toEqual([
      expect.objectContaining({ type: 'unit_registered', by: officer.email, unitCode: DINKES }),
    ]);
  });

  it('refuses registration by anyone but Bagian Organisasi (403), and writes nothing', async () => {
    const HOME = code('HOME');
    await register(admin, { code: HOME, name: 'Unit rumah', zone: 'WIB' }).expect(201);
    for (const role of ['pimpinan', 'ketua_tim', 'pengamat'] as const) {
      const token = await tokenFor(stack(), { name: role, email: `${role}-${run}@pemkot.test` }, [
        { role, unitCode: HOME },
      ]);
      const answer = await register(token, { code: code(`BY-${role}`), name: 'Tidak boleh', zone: 'WIB' }).expect(403);
      expect(answer.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(await stack().models.UnitKerja.exists({ _id: code(`BY-${role}`) })).toBeNull();
    }
    // Instansi-wide pengamat observes; it does not manage.
    const pengamat = await tokenFor(stack(), { name: 'Pengamat', email: `pengamat-wide-${run}@pemkot.test` }, [
      { role: 'pengamat' },
    ]);
    await register(pengamat, { code: code('BY-PENGAMAT'), name: 'Tidak boleh', zone: 'WIB' }).expect(403);
  });

  it('answers 409 for a code already registered, and keeps the first', async () => {
    const DISDIK = code('DISDIK');
    await register(admin, { code: DISDIK, name: 'Dinas Pendidikan', zone: 'WIB' }).expect(201);
    const again = await register(admin, { code: DISDIK, name: 'Penimpa', zone: 'WIT' }).expect(409);
    expect(again.body.detail).toContain(DISDIK);
    expect(await stack().models.UnitKerja.findById(DISDIK).lean()).toMatchObject({ name: 'Dinas Pendidikan' });
  });

  it('validates the body: unknown fields, bad zone, unsafe code', async () => {
    const answer = await register(admin, { code: 'a.b$', name: '', zone: 'UTC', extra: 1 }).expect(400);
    const fields = (answer.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(['body.code', 'body.extra', 'body.name', 'body.zone']);
  });

  it('requires a registered parent and refuses a unit below itself (422 naming body.parentCode)', async () => {
    const [TOP, MID, LEAF] = [code('TOP'), code('MID'), code('LEAF')];
    await register(admin, { code: TOP, name: 'Atas', zone: 'WIB' }).expect(201);
    await register(admin, { code: MID, name: 'Tengah', zone: 'WIB', parentCode: TOP }).expect(201);
    await register(admin, { code: LEAF, name: 'Daun', zone: 'WIB', parentCode: MID }).expect(201);

    const orphan = await register(admin, {
      code: code('ORPHAN'),
      name: 'Yatim',
      zone: 'WIB',
      parentCode: code('NONE'),
    });
    expect(orphan.status).toBe(422);
    expect(orphan.body.errors).toEqual([
      { field: 'body.parentCode', message: expect.stringContaining('tidak terdaftar') },
    ]);
    expect(await stack().models.UnitKerja.exists({ _id: code('ORPHAN') })).toBeNull();

    const self = await register(admin, { code: code('SELF'), name: 'Diri', zone: 'WIB', parentCode: code('SELF') });
    expect(self.status).toBe(422);

    // TOP under its grandchild would make TOP its own ancestor.
    for (const parentCode of [LEAF, MID, TOP]) {
      const loop = await request(stack().app)
        .patch(`/api/v1/units/${TOP}`)
        .auth(admin, bearer)
        .send({ parentCode })
        .expect(422);
      expect(loop.body.errors[0].field).toBe('body.parentCode');
    }
    expect((await stack().models.UnitKerja.findById(TOP).lean())?.parentCode).toBeUndefined();

    // Moving LEAF up to TOP is fine; so is detaching it.
    await request(stack().app).patch(`/api/v1/units/${LEAF}`).auth(admin, bearer).send({ parentCode: TOP }).expect(200);
    const detached = await request(stack().app)
      .patch(`/api/v1/units/${LEAF}`)
      .auth(admin, bearer)
      .send({ parentCode: null })
      .expect(200);
    expect(detached.body.parentCode).toBeUndefined();
  });

  it('lists what each person may see, filtered by parent and name, page by page in code order', async () => {
    const PARENT = code('INDUK');
    await register(admin, { code: PARENT, name: `Induk ${run}`, zone: 'WIB' }).expect(201);
    const children = ['C1', 'C2', 'C3', 'C4', 'C5'].map(code);
    for (const [index, child] of children.entries()) {
      await register(admin, { code: child, name: `Anak (${index}) ${run}`, zone: 'WIB', parentCode: PARENT }).expect(
        201,
      );
    }

    // Admin: every unit; by parent, two at a time.
    const seen: string[] = [];
    let cursor: string | null | undefined;
    do {
      const page = await request(stack().app)
        .get('/api/v1/units')
        .query({ parent: PARENT, limit: '2', ...(cursor ? { cursor } : {}) })
        .auth(admin, bearer)
        .expect(200);
      expect(page.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.body.items.map((unit: { code: string }) => unit.code));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...children].sort());

    // q is a plain "contains", never a pattern: `(2)` matches the text, `.*` matches nothing here.
    const byName = await request(stack().app)
      .get('/api/v1/units')
      .query({ q: `(2) ${run}` })
      .auth(admin, bearer);
    expect(byName.body.items.map((u: { code: string }) => u.code)).toEqual([code('C3')]);
    const pattern = await request(stack().app)
      .get('/api/v1/units')
      .query({ q: '.*', parent: PARENT })
      .auth(admin, bearer);
    expect(pattern.body.items).toEqual([]);

    // A unit's ketua sees that unit only.
    const ketua = await tokenFor(stack(), { name: 'Ketua', email: `ketua-c2-${run}@pemkot.test` }, [
      { role: 'ketua_tim', unitCode: code('C2') },
    ]);
    const mine = await request(stack().app).get('/api/v1/units').query({ parent: PARENT }).auth(ketua, bearer);
    expect(mine.body).toEqual({ items: [expect.objectContaining({ code: code('C2') })], nextCursor: null });
    await request(stack().app)
      .get(`/api/v1/units/${code('C2')}`)
      .auth(ketua, bearer)
      .expect(200);
    // Someone in two units pages through just those two.
    const twoUnits = await tokenFor(stack(), { name: 'Dua unit', email: `dua-${run}@pemkot.test` }, [
      { role: 'anggota_tim', unitCode: code('C4') },
      { role: 'ketua_tim', unitCode: code('C1') },
    ]);
    const firstPage = await request(stack().app).get('/api/v1/units').query({ limit: '1' }).auth(twoUnits, bearer);
    expect(firstPage.body.items.map((u: { code: string }) => u.code)).toEqual([code('C1')]);
    const lastPage = await request(stack().app)
      .get('/api/v1/units')
      .query({ limit: '1', cursor: firstPage.body.nextCursor })
      .auth(twoUnits, bearer);
    expect(lastPage.body).toEqual({ items: [expect.objectContaining({ code: code('C4') })], nextCursor: null });
    // Another unit, and an unknown one, look the same from outside: 404.
    await request(stack().app)
      .get(`/api/v1/units/${code('C1')}`)
      .auth(ketua, bearer)
      .expect(404);
    await request(stack().app)
      .get(`/api/v1/units/${code('NOPE')}`)
      .auth(admin, bearer)
      .expect(404);

    await request(stack().app).get('/api/v1/units').query({ cursor: 'bm90IGpzb24' }).auth(admin, bearer).expect(400);
    await request(stack().app).get('/api/v1/units').expect(401);
  });

  it('updates name, zone and head (admin only), not the code (that is rename), and records from → to', async () => {
    const DPMPTSP = code('DPMPTSP');
    await register(admin, { code: DPMPTSP, name: 'Dinas Perizinan', zone: 'WIB', headEmail: 'a@pemkot.test' }).expect(
      201,
    );
    const ketua = await tokenFor(stack(), { name: 'Ketua', email: `ketua-dpm-${run}@pemkot.test` }, [
      { role: 'ketua_tim', unitCode: DPMPTSP },
    ]);
    await request(stack().app).patch(`/api/v1/units/${DPMPTSP}`).auth(ketua, bearer).send({ name: 'X' }).expect(403);

    const changed = await request(stack().app)
      .patch(`/api/v1/units/${DPMPTSP}`)
      .auth(admin, bearer)
      .send({ name: 'DPMPTSP', zone: 'WIT', headEmail: null })
      .expect(200);
    expect(changed.body).toMatchObject({ code: DPMPTSP, name: 'DPMPTSP', zone: 'WIT' });
    expect(changed.body.headEmail).toBeUndefined();
    const [event] = await stack().models.AuditEvent.find({ entityId: DPMPTSP, type: 'unit_changed' }).lean();
    expect(event).toMatchObject({
      by: officer.email,
      from: 'name=Dinas Perizinan; zone=WIB; headEmail=a@pemkot.test',
      to: 'name=DPMPTSP; zone=WIT; headEmail=-',
    });

    const renameCode = await request(stack().app)
      .patch(`/api/v1/units/${DPMPTSP}`)
      .auth(admin, bearer)
      .send({ code: 'BARU' })
      .expect(400);
    expect(renameCode.body.errors).toContainEqual({ field: 'body.code', message: 'kolom tidak dikenal' });
    expect((await stack().models.UnitKerja.findById(DPMPTSP).lean())?.name).toBe('DPMPTSP');
    await request(stack().app).patch(`/api/v1/units/${DPMPTSP}`).auth(admin, bearer).send({}).expect(400);
    await request(stack().app)
      .patch(`/api/v1/units/${code('NOPE')}`)
      .auth(admin, bearer)
      .send({ name: 'X' })
      .expect(404);
  });

  describe('changing a unit’s code', () => {
    const rename = (token: string, from: string, to: string) =>
      request(stack().app).post(`/api/v1/units/${from}/rename`).auth(token, bearer).send({ code: to });
    const grantsOf = async (email: string) => (await stack().models.Account.findById(email).lean())?.grants;

    it('moves the unit, its grants and its children to the new code, and records it once', async () => {
      const [PARENT, OLD, CHILD, NEW, OTHER] = codes('R-INDUK', 'R-LAMA', 'R-ANAK', 'R-BARU', 'R-LAIN');
      await register(admin, { code: PARENT, name: 'Induk', zone: 'WIB' }).expect(201);
      await register(admin, {
        code: OLD,
        name: 'Dinas Lama',
        zone: 'WITA',
        headEmail: 'kadis@pemkot.test',
        parentCode: PARENT,
      }).expect(201);
      await register(admin, { code: CHILD, name: 'Anak', zone: 'WITA', parentCode: OLD }).expect(201);
      await register(admin, { code: OTHER, name: 'Lain', zone: 'WIB' }).expect(201);
      const registered = await stack().models.UnitKerja.findById(OLD).lean();
      const head = `pimpinan-rename-${run.toLowerCase()}@pemkot.test`;
      const member = `anggota-rename-${run.toLowerCase()}@pemkot.test`;
      const headToken = await tokenFor(stack(), { name: 'Pimpinan', email: head }, [
        { role: 'pengamat' },
        { role: 'pimpinan', unitCode: OLD },
        { role: 'ketua_tim', unitCode: OTHER },
      ]);
      await tokenFor(stack(), { name: 'Anggota', email: member }, [{ role: 'anggota_tim', unitCode: OLD }]);

      const ketua = await tokenFor(stack(), { name: 'Ketua', email: `ketua-rename-${run}@pemkot.test` }, [
        { role: 'ketua_tim', unitCode: OLD },
      ]);
      await rename(ketua, OLD, NEW).expect(403);

      const renamed = await rename(admin, OLD, NEW).expect(200);
      expect(renamed.headers.location).toBe(`/api/v1/units/${NEW}`);
      expect(renamed.body).toMatchObject({
        code: NEW,
        name: 'Dinas Lama',
        zone: 'WITA',
        headEmail: 'kadis@pemkot.test',
        parentCode: PARENT,
        createdAt: registered!.createdAt.toISOString(),
      });
      expect(await stack().models.UnitKerja.exists({ _id: OLD })).toBeNull();
      const stored = await stack().models.UnitKerja.findById(NEW).lean();
      expect(stored?.renaming).toBeUndefined();
      expect((await stack().models.UnitKerja.findById(CHILD).lean())?.parentCode).toBe(NEW);
      expect(await grantsOf(head)).toEqual([
        { role: 'pengamat' },
        { role: 'pimpinan', unitCode: NEW },
        { role: 'ketua_tim', unitCode: OTHER },
      ]);
      expect(await grantsOf(member)).toEqual([{ role: 'anggota_tim', unitCode: NEW }]);
      // Grants are read on every request: the head's session sees the unit under its new code at once.
      await request(stack().app).get(`/api/v1/units/${NEW}`).auth(headToken, bearer).expect(200);
      await request(stack().app).get(`/api/v1/units/${OLD}`).auth(admin, bearer).expect(404);
      expect(await stack().models.AuditEvent.find({ entityId: NEW, type: 'unit_renamed' }).lean()).toEqual([
        expect.objectContaining({ by: officer.email, unitCode: NEW, from: `code=${OLD}`, to: `code=${NEW}` }),
      ]);
      // Done is done: the old code is gone.
      await rename(admin, OLD, NEW).expect(404);
    });

    it('refuses while a cycle names the unit or the new code, or the new code is taken (409), changing nothing', async () => {
      const [INCYCLE, FREE, TAKEN, CYCLECODE, GRANTED] = codes('R-SIKLUS', 'R-BEBAS', 'R-TERPAKAI', 'R-KODE', 'R-HAK');
      await register(admin, { code: INCYCLE, name: 'Ikut siklus', zone: 'WIB' }).expect(201);
      await register(admin, { code: FREE, name: 'Bebas', zone: 'WIB' }).expect(201);
      await register(admin, { code: TAKEN, name: 'Terpakai', zone: 'WIB' }).expect(201);
      const holder = `holder-${run.toLowerCase()}@pemkot.test`;
      await tokenFor(stack(), { name: 'Pemegang', email: holder }, [
        { role: 'pimpinan', unitCode: FREE },
        { role: 'anggota_tim', unitCode: GRANTED },
      ]);
      // The cycle read model as the cycle workflow writes it (a real launch is in cycle-launch-registry.test.ts).
      const cycleId = `2026-r${run.toLowerCase()}`;
      await stack().models.Cycle.create({
        _id: cycleId,
        name: 'Siklus uji',
        year: 2026,
        units: [
          { code: INCYCLE, name: 'Ikut siklus', head: { name: 'K', email: 'k@pemkot.test' } },
          { code: CYCLECODE, name: 'Tidak terdaftar', head: { name: 'K', email: 'k@pemkot.test' } },
        ],
        launchedBy: officer,
        status: 'completed',
        seq: 1,
      });

      const inCycle = await rename(admin, INCYCLE, code('R-X')).expect(409);
      expect(inCycle.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(inCycle.body).toMatchObject({ cycles: [cycleId], detail: expect.stringContaining(cycleId) });
      expect((await rename(admin, FREE, CYCLECODE).expect(409)).body.detail).toContain(cycleId);
      expect((await rename(admin, FREE, TAKEN).expect(409)).body.detail).toContain('sudah terdaftar');
      expect((await rename(admin, FREE, GRANTED).expect(409)).body.detail).toContain('hak akses 1 orang');
      expect((await rename(admin, FREE, FREE).expect(400)).body.errors).toEqual([
        { field: 'body.code', message: 'kode baru sama dengan kode sekarang' },
      ]);
      expect((await rename(admin, FREE, 'a.b').expect(400)).body.errors[0].field).toBe('body.code');
      await rename(admin, code('R-TIDAKADA'), code('R-Y')).expect(404);

      for (const unit of [INCYCLE, FREE, TAKEN])
        expect(await stack().models.UnitKerja.exists({ _id: unit })).not.toBeNull();
      for (const unit of [CYCLECODE, GRANTED, code('R-X')])
        expect(await stack().models.UnitKerja.exists({ _id: unit })).toBeNull();
      expect(await grantsOf(holder)).toEqual([
        { role: 'pimpinan', unitCode: FREE },
        { role: 'anggota_tim', unitCode: GRANTED },
      ]);
      expect(
        await stack().models.AuditEvent.countDocuments({ type: 'unit_renamed', unitCode: { $in: [FREE, INCYCLE] } }),
      ).toBe(0);
      // Other test files list cycles from the same database: this one was never a real cycle.
      await stack().models.Cycle.deleteOne({ _id: cycleId });
    });

    it('finishes a rename that was cut off when the same request is sent again', async () => {
      const { UnitKerja, Account, AuditEvent } = stack().models;
      const [OLD, NEW, CHILD, ELSEWHERE] = codes('R-PUTUS', 'R-SAMBUNG', 'R-PUTUS-ANAK', 'R-LAINNYA');
      await register(admin, { code: OLD, name: 'Terputus', zone: 'WIT', headEmail: 'a@pemkot.test' }).expect(201);
      await register(admin, { code: CHILD, name: 'Anak', zone: 'WIT', parentCode: OLD }).expect(201);
      const moved = `moved-${run.toLowerCase()}@pemkot.test`;
      const notYet = `notyet-${run.toLowerCase()}@pemkot.test`;
      await tokenFor(stack(), { name: 'Sudah', email: moved }, [{ role: 'pimpinan', unitCode: NEW }]);
      await tokenFor(stack(), { name: 'Belum', email: notYet }, [{ role: 'ketua_tim', unitCode: OLD }]);
      // What the first attempt left when the database went away: the new document claimed (with the mark) and one
      // person's grants moved; the old document, a grant and the child not yet. Meanwhile the name was changed.
      const startedAt = new Date();
      await UnitKerja.create({ _id: NEW, name: 'Terputus', zone: 'WIT', renaming: { from: OLD, startedAt } });
      await request(stack().app)
        .patch(`/api/v1/units/${OLD}`)
        .auth(admin, bearer)
        .send({ name: 'Nama baru' })
        .expect(200);

      // Another code cannot be started while this one is unfinished, and the half-moved unit is not renamed itself.
      expect((await rename(admin, OLD, ELSEWHERE).expect(409)).body.detail).toContain(NEW);
      expect((await rename(admin, NEW, ELSEWHERE).expect(409)).body.detail).toContain(OLD);

      const finished = await rename(admin, OLD, NEW).expect(200);
      expect(finished.body).toMatchObject({ code: NEW, name: 'Nama baru', zone: 'WIT', headEmail: 'a@pemkot.test' });
      expect(await UnitKerja.exists({ _id: OLD })).toBeNull();
      expect((await UnitKerja.findById(NEW).lean())?.renaming).toBeUndefined();
      expect((await UnitKerja.findById(CHILD).lean())?.parentCode).toBe(NEW);
      expect((await Account.findById(moved).lean())?.grants).toEqual([{ role: 'pimpinan', unitCode: NEW }]);
      expect((await Account.findById(notYet).lean())?.grants).toEqual([{ role: 'ketua_tim', unitCode: NEW }]);
      expect(await AuditEvent.countDocuments({ entityId: NEW, type: 'unit_renamed' })).toBe(1);

      // Cut off after the old document was deleted: only the mark was left; sending again clears it.
      await UnitKerja.updateOne({ _id: NEW }, { $set: { renaming: { from: OLD, startedAt } } });
      const again = await rename(admin, OLD, NEW).expect(200);
      expect(again.body.code).toBe(NEW);
      expect((await UnitKerja.findById(NEW).lean())?.renaming).toBeUndefined();
      expect(await AuditEvent.countDocuments({ entityId: NEW, type: 'unit_renamed' })).toBe(1);
    });
  });
});
