import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import {
  claimTaskUpdate,
  submitTaskUpdate,
  taskWorkflowId,
  taskWorkflowType,
  type TaskPerson,
  type TaskView,
  type TaskWorkflowInput,
} from '../../workflows/definitions';
import { teamFor } from '../fixtures/team';
import { adminToken, tokenFor } from '../support/auth';
import { useTestStack } from '../support/stack';

const stack = useTestStack();
const bearer = { type: 'bearer' } as const;

const run = randomUUID().slice(0, 6);
const cycleId = `2026-${run}`;
const [UA, UB] = [`AUDA-${run}`, `AUDB-${run}`];
const template = findTemplate(defaultCatalogue, 'submit_tim_kerja')!;
const officer = { name: 'Bagian Organisasi', email: `organisasi-${run}@pemkot.test` };

const personOf = (tag: string, role: TaskPerson['roles'][number]): TaskPerson => ({
  personId: `${tag}-${run}@pemkot.test`,
  roles: [role],
  name: `Pegawai ${tag}`,
  email: `${tag}-${run}@pemkot.test`,
});
const kadisA = personOf('kadis-a', 'pimpinan');
const kadisB = personOf('kadis-b', 'pimpinan');
const reviewer = personOf('organisasi', 'admin_organisasi');

/** A task workflow started directly, as the cycle would start it for one unit. */
async function startTask(unitCode: string, pimpinan: TaskPerson) {
  const input: TaskWorkflowInput = {
    cycleId,
    unit: { code: unitCode, name: `Unit ${unitCode}` },
    template,
    due: '2026-03-16T09:00:00.000Z',
    assignees: [pimpinan],
    reviewers: [reviewer],
  };
  return stack().client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(taskWorkflowType, {
    workflowId: taskWorkflowId(cycleId, unitCode, template.key),
    taskQueue: stack().config.temporal.taskQueue,
    args: [input],
  });
}

type Event = { id: string; type: string; by: string; entityId: string; unitCode?: string; at: string };

describe('audit API on real Temporal and MongoDB', () => {
  let admin: string;
  const taskA = taskWorkflowId(cycleId, UA, template.key);
  const taskB = taskWorkflowId(cycleId, UB, template.key);
  const read = (token: string, query: Record<string, string>) =>
    request(stack().app).get('/api/v1/audit').query(query).auth(token, bearer);
  const types = (body: { items: Event[] }) => body.items.map((event) => `${event.entityId} ${event.type}`);

  beforeAll(async () => {
    admin = await adminToken(stack(), officer);
    // The registry's change is part of the unit's trail too.
    await request(stack().app)
      .post('/api/v1/units')
      .auth(admin, bearer)
      .send({ code: UA, name: 'Unit A', zone: 'WIB' })
      .expect(201);
    const [a, b] = await Promise.all([startTask(UA, kadisA), startTask(UB, kadisB)]);
    await a.executeUpdate(claimTaskUpdate, { args: [{ actor: kadisA }] });
    const evidence = template.evidence.documents.map((document) => ({
      document,
      ref: `https://drive.test/${document}`,
    }));
    await a.executeUpdate(submitTaskUpdate, {
      args: [{ actor: kadisA, evidence, team: teamFor(UA).submission }],
    });
    await b.executeUpdate(claimTaskUpdate, { args: [{ actor: kadisB }] });
  }, 60_000);

  it("reads a task's events oldest first, for admin and for the unit's readers", async () => {
    const all = await read(admin, { task: taskA }).expect(200);
    expect(all.body.items.map((e: Event) => [e.type, e.by, e.unitCode])).toEqual([
      ['claim', kadisA.personId, UA],
      ['submit', kadisA.personId, UA],
    ]);
    expect(all.body.nextCursor).toBeNull();

    const ketua = await tokenFor(stack(), { name: 'Ketua A', email: `ketua-a-${run}@pemkot.test` }, [
      { role: 'ketua_tim', unitCode: UA },
    ]);
    expect((await read(ketua, { task: taskA }).expect(200)).body).toEqual(all.body);

    // One at a time, the pages add up to the same trail.
    const first = await read(admin, { task: taskA, limit: '1' }).expect(200);
    expect(first.body.items).toEqual([all.body.items[0]]);
    const second = await read(admin, { task: taskA, limit: '1', cursor: first.body.nextCursor }).expect(200);
    expect(second.body).toEqual({ items: [all.body.items[1]], nextCursor: null });
  });

  it('scopes task and unit trails: 404 outside the unit, 403 inside it without audit.read', async () => {
    const ketuaB = await tokenFor(stack(), { name: 'Ketua B', email: `ketua-b-${run}@pemkot.test` }, [
      { role: 'ketua_tim', unitCode: UB },
    ]);
    const anggotaA = await tokenFor(stack(), { name: 'Anggota A', email: `anggota-a-${run}@pemkot.test` }, [
      { role: 'anggota_tim', unitCode: UA },
    ]);
    await read(ketuaB, { task: taskA }).expect(404);
    await read(ketuaB, { unit: UA }).expect(404);
    await read(anggotaA, { task: taskA }).expect(403);
    await read(anggotaA, { unit: UA }).expect(403);
    await read(admin, { task: `tugas:${cycleId}:${UA}:tidak_ada` }).expect(404);
    await read(admin, { unit: `NOPE-${run}` }).expect(404);

    const unitTrail = await read(ketuaB, { unit: UB }).expect(200);
    expect(types(unitTrail.body)).toEqual([`${taskB} claim`]);
    const registered = await read(admin, { unit: UA }).expect(200);
    expect(types(registered.body)).toEqual([`${UA} unit_registered`, `${taskA} claim`, `${taskA} submit`]);
  });

  it("reads a cycle's trail instansi-wide, or only the reader's own unit within it", async () => {
    const everything = await read(admin, { cycle: cycleId }).expect(200);
    expect(types(everything.body).sort()).toEqual([`${taskA} claim`, `${taskA} submit`, `${taskB} claim`].sort());
    const pengamat = await tokenFor(stack(), { name: 'Pengamat', email: `pengamat-${run}@pemkot.test` }, [
      { role: 'pengamat' },
    ]);
    expect((await read(pengamat, { cycle: cycleId }).expect(200)).body).toEqual(everything.body);

    const pimpinanB = await tokenFor(stack(), { name: 'Kadis B', email: kadisB.email }, [
      { role: 'pimpinan', unitCode: UB },
    ]);
    expect(types((await read(pimpinanB, { cycle: cycleId }).expect(200)).body)).toEqual([`${taskB} claim`]);

    const anggotaB = await tokenFor(stack(), { name: 'Anggota B', email: `anggota-b-${run}@pemkot.test` }, [
      { role: 'anggota_tim', unitCode: UB },
    ]);
    await read(anggotaB, { cycle: cycleId }).expect(403);
    const elsewhere = await tokenFor(stack(), { name: 'Lain', email: `lain-${run}@pemkot.test` }, [
      { role: 'ketua_tim', unitCode: `LAIN-${run}` },
    ]);
    await read(elsewhere, { cycle: cycleId }).expect(404);
    await read(admin, { cycle: `2026-tidakada${run}` }).expect(404);
  });

  it("reads a person's trail for Bagian Organisasi only", async () => {
    const theirs = await read(admin, { person: kadisA.email.toUpperCase() }).expect(200);
    expect(types(theirs.body)).toEqual([`${taskA} claim`, `${taskA} submit`]);
    const officerTrail = await read(admin, { person: officer.email }).expect(200);
    expect(types(officerTrail.body)).toContain(`${UA} unit_registered`);

    const pengamat = await tokenFor(stack(), { name: 'Pengamat', email: `pengamat-p-${run}@pemkot.test` }, [
      { role: 'pengamat' },
    ]);
    await read(pengamat, { person: kadisA.email }).expect(403);
  });

  it('asks for exactly one subject and never lets an operator through', async () => {
    const none = await read(admin, {}).expect(400);
    expect(none.body.errors).toEqual([
      { field: 'query', message: 'isi tepat satu dari cycle, unit, task atau person' },
    ]);
    const two = await read(admin, { cycle: cycleId, unit: UA }).expect(400);
    expect(two.body.errors[0].field).toBe('query.unit');
    await request(stack().app).get('/api/v1/audit?task[$ne]=x').auth(admin, bearer).expect(400);
    await read(admin, { task: taskA, cursor: 'xyz' }).expect(400);
    await request(stack().app).get('/api/v1/audit').query({ task: taskA }).expect(401);
  });
});
