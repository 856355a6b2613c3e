import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addCalendarDays, localDayOf } from '../../domain/calendar';
import type { TaskTemplate } from '../../domain/catalogue';
import { defaultCatalogue, findTemplate } from '../../domain/catalogue';
import { personIdOf } from '../../domain/people';
import type { RoleCode } from '../../domain/roles';
import {
  taskStateQuery,
  taskWorkflowId,
  taskWorkflowType,
  type TaskPerson,
  type TaskView,
  type TaskWorkflowInput,
} from '../../workflows/definitions';
import { teamFor } from '../fixtures/team';
import { bearer, tokenFor } from '../support/auth';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { binaryBody } from '../support/binary-body';

// A small upload limit, so the oversized upload is small too (read by the stack's config in beforeAll).
const uploadLimit = 64 * 1024;
const previousLimit = process.env.UPLOAD_MAX_BYTES;
process.env.UPLOAD_MAX_BYTES = String(uploadLimit);
afterAll(() => {
  if (previousLimit === undefined) delete process.env.UPLOAD_MAX_BYTES;
  else process.env.UPLOAD_MAX_BYTES = previousLimit;
});

const stack = useTestStack();

/** Every test works in units of its own, so inboxes never see another test's (or another file's) tasks. */
const tag = () => randomUUID().slice(0, 8).toUpperCase();

interface Someone {
  name: string;
  email: string;
  personId: string;
  token: string;
}

async function someone(label: string, grants: { role: RoleCode; unitCode?: string }[]): Promise<Someone> {
  const person = { name: `${label} ${tag()}`, email: `${label.toLowerCase()}-${randomUUID()}@pemkot.test` };
  const token = await tokenFor(stack(), person, grants);
  return { ...person, personId: personIdOf(person.email), token };
}

const participant = (who: Someone, role: RoleCode): TaskPerson => ({
  personId: who.personId,
  roles: [role],
  name: who.name,
  email: who.email,
});

function template(key: string, changes: Partial<TaskTemplate> = {}): TaskTemplate {
  return {
    key,
    title: `Tugas ${key}`,
    description: 'Tugas untuk uji API',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: true, documents: ['Notulen rapat'] },
    required: true,
    due: { kind: 'at_stage_due' },
    ...changes,
  };
}

/** Starts a task workflow as a unit would, and waits until its read model is written. */
async function startTask(options: {
  cycleId: string;
  unitCode: string;
  template: TaskTemplate;
  due: string;
  assignees?: TaskPerson[];
  reviewers?: TaskPerson[];
}): Promise<string> {
  const id = taskWorkflowId(options.cycleId, options.unitCode, options.template.key);
  const input: TaskWorkflowInput = {
    cycleId: options.cycleId,
    unit: { code: options.unitCode, name: `Unit ${options.unitCode}` },
    template: options.template,
    due: options.due,
    assignees: options.assignees ?? [],
    reviewers: options.reviewers ?? [],
  };
  await stack().client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(taskWorkflowType, {
    workflowId: id,
    taskQueue: stack().config.temporal.taskQueue,
    args: [input],
  });
  await eventually(
    () =>
      stack()
        .models.Task.findById(id)
        .lean()
        .then((task) => task ?? undefined),
    {
      what: `${id} in the read model`,
    },
  );
  return id;
}

const api = () => request(stack().app);
const path = (id: string, rest = '') => `/api/v1/tasks/${encodeURIComponent(id)}${rest}`;

/** Every page of an inbox query, following nextCursor. */
async function allPages(token: string, query: Record<string, string>): Promise<{ ids: string[]; pages: number }> {
  const ids: string[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const response: request.Response = await api()
      .get('/api/v1/tasks')
      .query({ ...query, ...(cursor ? { cursor } : {}) })
      .auth(token, bearer)
      .expect(200);
    ids.push(...response.body.items.map((item: { id: string }) => item.id));
    cursor = response.body.nextCursor;
    pages++;
  } while (cursor && pages < 20);
  return { ids, pages };
}

const pdf = (text: string) => Buffer.from(`%PDF-1.4\n${text}\n%%EOF\n`);

describe('the tasks API', () => {
  it('lists the inbox soonest due first, filters it, and pages it by cursor without gaps or duplicates', async () => {
    const unit = `INB-${tag()}`;
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const ani = await someone('Ani', [{ role: 'anggota_tim', unitCode: unit }]);
    const budi = await someone('Budi', [{ role: 'anggota_tim', unitCode: unit }]);
    const ketua = await someone('Ketua', [{ role: 'ketua_tim', unitCode: unit }]);
    const future = (day: number) => `2030-04-${String(day).padStart(2, '0')}T09:00:00.000Z`;
    // Two pairs share a due date, so the order within them is by id.
    const specs: { key: string; due: string; assignees?: TaskPerson[]; changes?: Partial<TaskTemplate> }[] = [
      { key: 'k_e', due: future(3) },
      { key: 'k_a', due: future(3) },
      { key: 'k_b', due: future(1), changes: { stage: 'persiapan', area: 'manajemen_perubahan' } },
      { key: 'k_c', due: future(7), assignees: [participant(ani, 'anggota_tim')] },
      { key: 'k_d', due: future(7), assignees: [participant(budi, 'anggota_tim')] },
      { key: 'k_f', due: '2025-01-10T09:00:00.000Z', changes: { area: 'pelayanan_publik' } },
      { key: 'k_g', due: future(20), changes: { assigneeRole: 'ketua_tim', reviewerRole: 'pimpinan' } },
    ];
    const ids: Record<string, string> = {};
    for (const spec of specs) {
      ids[spec.key] = await startTask({
        cycleId,
        unitCode: unit,
        template: template(spec.key, spec.changes),
        due: spec.due,
        assignees: spec.assignees,
      });
    }
    const expectedOrder = ['k_f', 'k_b', 'k_a', 'k_e', 'k_c', 'k_d', 'k_g'].map((key) => ids[key]);

    const unitPages = await allPages(ani.token, { scope: 'unit', limit: '3' });
    expect(unitPages.pages).toBe(3);
    expect(unitPages.ids).toEqual(expectedOrder);

    // Mine: open to my role, or named for me; not Budi's, not the ketua's.
    const mine = await allPages(ani.token, { unit, limit: '2' });
    expect(mine.ids).toEqual(['k_f', 'k_b', 'k_a', 'k_e', 'k_c'].map((key) => ids[key]));
    const ketuaMine = await allPages(ketua.token, {});
    expect(ketuaMine.ids).toEqual([ids.k_g]);

    // Claimed by Budi: Budi's now, and no longer open to Ani.
    await api().post(path(ids.k_a!, '/claim')).auth(budi.token, bearer).expect(200);
    expect((await allPages(ani.token, { unit })).ids).not.toContain(ids.k_a);
    expect((await allPages(budi.token, { unit, status: 'claimed' })).ids).toEqual([ids.k_a]);

    const list = async (query: Record<string, string>) => (await allPages(ani.token, { scope: 'unit', ...query })).ids;
    expect(await list({ stage: 'persiapan' })).toEqual([ids.k_b]);
    expect(await list({ area: 'pelayanan_publik' })).toEqual([ids.k_f]);
    expect(await list({ status: 'open,claimed', cycle: cycleId, unit })).toEqual(expectedOrder);
    expect(await list({ dueAfter: '2030-04-03', dueBefore: '2030-04-07' })).toEqual(
      ['k_a', 'k_e', 'k_c', 'k_d'].map((key) => ids[key]),
    );
    expect(await list({ dueBefore: '2030-04-03T09:00:00Z' })).toEqual(['k_f', 'k_b', 'k_a', 'k_e'].map((k) => ids[k]));
    expect(await list({ overdue: 'true' })).toEqual([ids.k_f]);
    expect(await list({ overdue: 'false' })).toEqual(expectedOrder.slice(1));
    expect(await list({ noDue: 'true' })).toEqual([]);

    const first = await api()
      .get('/api/v1/tasks')
      .query({ scope: 'unit', limit: '1' })
      .auth(ani.token, bearer)
      .expect(200);
    expect(first.body.items[0]).toMatchObject({
      id: ids.k_f,
      unitCode: unit,
      status: 'open',
      statusLabel: 'Belum diambil',
      overdue: true,
      due: '2025-01-10T09:00:00.000Z',
    });

    const bad = await api()
      .get('/api/v1/tasks')
      .query({ status: 'open,selesai', limit: '0', dueBefore: 'besok', overdue: 'ya', scope: 'semua', $where: '1' })
      .auth(ani.token, bearer)
      .expect(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'query.$where',
      'query.dueBefore',
      'query.limit',
      'query.overdue',
      'query.scope',
      'query.status',
    ]);
    const badCursor = await api().get('/api/v1/tasks').query({ cursor: 'abc' }).auth(ani.token, bearer).expect(400);
    expect(badCursor.body.errors).toEqual([{ field: 'query.cursor', message: 'kursor tidak valid' }]);
  });

  it('keeps units apart: another unit’s task is never listed, read, changed or downloaded', async () => {
    const unitA = `UA-${tag()}`;
    const unitB = `UB-${tag()}`;
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const ani = await someone('Ani', [{ role: 'anggota_tim', unitCode: unitA }]);
    const ketuaB = await someone('KetuaB', [{ role: 'ketua_tim', unitCode: unitB }]);
    const anggotaB = await someone('AnggotaB', [{ role: 'anggota_tim', unitCode: unitB }]);
    const mineA = await startTask({
      cycleId,
      unitCode: unitA,
      template: template('tugas_a'),
      due: '2030-05-01T09:00:00Z',
    });
    const otherB = await startTask({
      cycleId,
      unitCode: unitB,
      template: template('tugas_b'),
      due: '2030-05-01T09:00:00Z',
    });
    const upload = await api()
      .post(path(otherB, '/files'))
      .auth(anggotaB.token, bearer)
      .field('document', 'Notulen rapat')
      .attach('file', pdf('unit B'), { filename: 'b.pdf', contentType: 'application/pdf' })
      .expect(201);

    for (const scope of ['mine', 'unit']) {
      const { ids } = await allPages(ani.token, { scope });
      expect(ids).toContain(mineA);
      expect(ids).not.toContain(otherB);
    }
    await api().get('/api/v1/tasks').query({ unit: unitB }).auth(ani.token, bearer).expect(404);
    await api().get(path(otherB)).auth(ani.token, bearer).expect(404);
    await api()
      .get(path(`tugas:${cycleId}:${unitB}:tidak_ada`))
      .auth(ketuaB.token, bearer)
      .expect(404);
    await api().post(path(otherB, '/claim')).auth(ani.token, bearer).expect(404);
    await api().post(path(otherB, '/comments')).auth(ani.token, bearer).send({ text: 'halo' }).expect(404);
    await api()
      .get(path(otherB, `/files/${upload.body.fileId}`))
      .auth(ani.token, bearer)
      .expect(404);
    // A file id of another task is not this task's file, even for someone who sees both units.
    const both = await someone('Org', [{ role: 'admin_organisasi' }]);
    await api()
      .get(path(mineA, `/files/${upload.body.fileId}`))
      .auth(both.token, bearer)
      .expect(404);
    // Nothing changed on B's task.
    const view = await stack().client.workflow.getHandle(otherB).query(taskStateQuery);
    expect(view).toMatchObject({ status: 'open', history: [] });
    expect(await stack().models.Comment.countDocuments({ taskId: otherB })).toBe(0);

    await api().get(path('tugas:a.b:c:d')).auth(ani.token, bearer).expect(400);
    await api().get(path('tugas:$x:c:d')).auth(ani.token, bearer).expect(400);
    await api().get('/api/v1/tasks').expect(401);
  });

  it('claims, uploads, submits with the file, gets a revision, resubmits and is approved; the file comes back the same', async () => {
    const unit = `ALR-${tag()}`;
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const ani = await someone('Ani', [{ role: 'anggota_tim', unitCode: unit }]);
    const ketua = await someone('Ketua', [{ role: 'ketua_tim', unitCode: unit }]);
    const pengamat = await someone('Pengamat', [{ role: 'pengamat', unitCode: unit }]);
    const id = await startTask({
      cycleId,
      unitCode: unit,
      template: template('alur_penuh', { evidence: { required: true, documents: ['Notulen rapat', 'Daftar hadir'] } }),
      due: '2030-06-01T09:00:00Z',
      reviewers: [participant(ketua, 'ketua_tim')],
    });

    const claimed = await api().post(path(id, '/claim')).auth(ani.token, bearer).expect(200);
    expect(claimed.body).toMatchObject({ id, status: 'claimed', claimedBy: ani.personId, stage: 'pelaksanaan' });
    // A second claim is refused by the workflow, with its reason.
    const again = await api().post(path(id, '/claim')).auth(ketua.token, bearer).expect(422);
    expect(again.body.detail).toBe('Tugas sudah diambil oleh orang lain');
    // Pengamat only reads.
    await api().post(path(id, '/claim')).auth(pengamat.token, bearer).expect(403);

    const content = pdf(`notulen ${randomUUID()}`);
    const uploaded = await api()
      .post(path(id, '/files'))
      .auth(ani.token, bearer)
      .field('document', 'Notulen rapat')
      .attach('file', content, { filename: 'Notulen Rapat.pdf', contentType: 'application/pdf' })
      .expect(201);
    expect(uploaded.body).toEqual({
      fileId: expect.stringMatching(/^[0-9a-f]{24}$/),
      ref: `file:${uploaded.body.fileId}`,
      name: 'Notulen Rapat.pdf',
      size: content.length,
    });

    const evidence = [
      { document: 'Notulen rapat', ref: uploaded.body.ref },
      { document: 'Daftar hadir', ref: 'https://drive.pemkot.test/daftar-hadir' },
    ];
    // A file id that is not this task's is refused, naming the field.
    const unknown = await api()
      .post(path(id, '/submit'))
      .auth(ani.token, bearer)
      .send({ evidence: [evidence[1], { document: 'Notulen rapat', ref: `file:${'0'.repeat(24)}` }] })
      .expect(400);
    expect(unknown.body.errors).toEqual([
      { field: 'body.evidence.1.ref', message: 'berkas tidak ditemukan pada tugas ini' },
    ]);
    const invalidRef = await api()
      .post(path(id, '/submit'))
      .auth(ani.token, bearer)
      .send({ evidence: [{ document: 'Notulen rapat', ref: 'javascript:alert(1)' }] })
      .expect(400);
    expect(invalidRef.body.errors[0].field).toBe('body.evidence.0.ref');
    const incomplete = await api()
      .post(path(id, '/submit'))
      .auth(ani.token, bearer)
      .send({ evidence: [evidence[0]] })
      .expect(422);
    expect(incomplete.body.detail).toBe('Data dukung belum lengkap: Daftar hadir');

    const submitted = await api()
      .post(path(id, '/submit'))
      .auth(ani.token, bearer)
      .send({ evidence, note: 'Terlampir' })
      .expect(200);
    expect(submitted.body).toMatchObject({ status: 'submitted', evidence, lastSubmittedBy: ani.personId });
    // The submitter is not the reviewer's inbox; the ketua's inbox has it waiting.
    expect((await allPages(ketua.token, { status: 'submitted' })).ids).toEqual([id]);

    const noNote = await api()
      .post(path(id, '/review'))
      .auth(ketua.token, bearer)
      .send({ decision: 'request_revision' })
      .expect(422);
    expect(noNote.body.detail).toBe('Permintaan perbaikan wajib disertai catatan');
    await api()
      .post(path(id, '/review'))
      .auth(ketua.token, bearer)
      .send({ decision: 'request_revision', note: 'Daftar hadir belum ditandatangani' })
      .expect(200);
    await api().post(path(id, '/submit')).auth(ani.token, bearer).send({ evidence }).expect(200);
    const approved = await api()
      .post(path(id, '/review'))
      .auth(ketua.token, bearer)
      .send({ decision: 'approve', note: 'Lengkap' })
      .expect(200);
    expect(approved.body.status).toBe('approved');
    expect(approved.body.teamGrants).toBeUndefined();

    // Finished: any further action is a conflict, not a workflow error.
    const late = await api().post(path(id, '/claim')).auth(ani.token, bearer).expect(409);
    expect(late.body.detail).toMatch(/sudah selesai \(Disetujui\)/);
    await api()
      .post(path(id, '/files'))
      .auth(ani.token, bearer)
      .field('document', 'Notulen rapat')
      .attach('file', content, { filename: 'lagi.pdf', contentType: 'application/pdf' })
      .expect(409);

    await api()
      .post(path(id, '/comments'))
      .auth(ketua.token, bearer)
      .send({ text: 'Terima kasih, lengkap.' })
      .expect(201);
    await api().post(path(id, '/comments')).auth(ani.token, bearer).send({ text: 'Sama-sama' }).expect(201);
    const task = await api().get(path(id)).auth(pengamat.token, bearer).expect(200);
    expect(task.body).toMatchObject({
      id,
      status: 'approved',
      unitCode: unit,
      requiredDocuments: ['Notulen rapat', 'Daftar hadir'],
    });
    expect(task.body.history.map((event: { to: string; by: string }) => [event.to, event.by])).toEqual([
      ['claimed', ani.personId],
      ['submitted', ani.personId],
      ['revision_requested', ketua.personId],
      ['submitted', ani.personId],
      ['approved', ketua.personId],
    ]);
    expect(task.body.comments.map((c: { text: string; by: string }) => [c.by, c.text])).toEqual([
      [ketua.personId, 'Terima kasih, lengkap.'],
      [ani.personId, 'Sama-sama'],
    ]);
    expect(task.body.files).toEqual([
      expect.objectContaining({ fileId: uploaded.body.fileId, document: 'Notulen rapat', uploadedBy: ani.personId }),
    ]);

    const download = await api()
      .get(path(id, `/files/${uploaded.body.fileId}`))
      .auth(pengamat.token, bearer)
      .buffer(true)
      .parse(binaryBody)
      .expect(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toContain("filename*=UTF-8''Notulen%20Rapat.pdf");
    expect(Buffer.compare(download.body as Buffer, content)).toBe(0);

    // Every change is in the audit trail: the workflow's steps, the upload and the comments.
    const audit = await stack().models.AuditEvent.find({ entityId: id }).lean();
    expect(audit.map((event) => event.type).sort()).toEqual(
      ['claim', 'submit', 'review', 'submit', 'review', 'evidence_uploaded', 'comment', 'comment'].sort(),
    );
  });

  it('refuses oversized uploads (413), types outside the allow-list (415) and a form without a file (400)', async () => {
    const unit = `UPL-${tag()}`;
    const ani = await someone('Ani', [{ role: 'anggota_tim', unitCode: unit }]);
    const pengamat = await someone('Pengamat', [{ role: 'pengamat', unitCode: unit }]);
    const id = await startTask({
      cycleId: `2026-${randomUUID().slice(0, 8)}`,
      unitCode: unit,
      template: template('unggah'),
      due: '2030-06-01T09:00:00Z',
    });
    const post = (token = ani.token) => api().post(path(id, '/files')).auth(token, bearer);

    const big = Buffer.concat([pdf('besar'), Buffer.alloc(uploadLimit, 0x20)]);
    const tooBig = await post()
      .field('document', 'Notulen rapat')
      .attach('file', big, { filename: 'besar.pdf', contentType: 'application/pdf' })
      .expect(413);
    expect(tooBig.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(tooBig.body).toMatchObject({ status: 413, title: 'Berkas terlalu besar' });

    const exe = await post()
      .field('document', 'Notulen rapat')
      .attach('file', Buffer.from('MZ\x90\x00'), { filename: 'setup.exe', contentType: 'application/octet-stream' })
      .expect(415);
    expect(exe.body.detail).toMatch(/\.exe tidak diterima/);
    // The right extension with the wrong declared type, and the right both with the wrong content.
    await post()
      .field('document', 'Notulen rapat')
      .attach('file', pdf('x'), { filename: 'sk.pdf', contentType: 'text/html' })
      .expect(415);
    const disguised = await post()
      .field('document', 'Notulen rapat')
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>'), {
        filename: 'sk.pdf',
        contentType: 'application/pdf',
      })
      .expect(415);
    expect(disguised.body.detail).toMatch(/tidak sesuai dengan ekstensinya/);

    const noFile = await post().field('document', 'Notulen rapat').expect(400);
    expect(noFile.body.errors).toEqual([{ field: 'body.file', message: 'berkas wajib diunggah pada kolom file' }]);
    const emptyForm = await post()
      .field('document', 'Notulen rapat')
      .attach('lampiran', pdf('x'), { filename: 'sk.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(emptyForm.body.errors).toEqual([
      { field: 'body.file', message: 'kirim tepat satu berkas, pada kolom file' },
    ]);
    const missingDocument = await post()
      .attach('file', pdf('x'), { filename: 'sk.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(missingDocument.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.document']);
    const json = await post().send({ document: 'x' }).expect(415);
    expect(json.body.detail).toMatch(/multipart\/form-data/);
    // Pengamat may read but not submit, so may not upload either (checked before the file is read).
    await post(pengamat.token)
      .field('document', 'Notulen rapat')
      .attach('file', pdf('x'), { filename: 'sk.pdf', contentType: 'application/pdf' })
      .expect(403);

    const bucket = stack().mongo.db!.collection('evidence.files');
    expect(await bucket.countDocuments({ 'metadata.taskId': id })).toBe(0);
  });

  it('takes uploads only from who could submit the task now: its claimant, an eligible assignee, or their substitute', async () => {
    const unit = `OWN-${tag()}`;
    const budi = await someone('Budi', [{ role: 'anggota_tim', unitCode: unit }]);
    const citra = await someone('Citra', [{ role: 'anggota_tim', unitCode: unit }]);
    const dewi = await someone('Dewi', [{ role: 'anggota_tim', unitCode: unit }]);
    const ketua = await someone('Ketua', [{ role: 'ketua_tim', unitCode: unit }]);
    const admin = await someone('Org', [{ role: 'admin_organisasi' }]);
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const due = '2030-06-01T09:00:00Z';
    const budis = await startTask({
      cycleId,
      unitCode: unit,
      template: template('milik_budi'),
      due,
      assignees: [participant(budi, 'anggota_tim')],
    });
    const anyones = await startTask({ cycleId, unitCode: unit, template: template('milik_unit'), due });
    const bucket = stack().mongo.db!.collection('evidence.files');
    const stored = async (id: string) =>
      (await bucket.find({ 'metadata.taskId': id }).toArray())
        .map((file) => file.metadata!.uploadedBy as string)
        .sort();
    const upload = async (who: Someone, id: string) => {
      const response = await api()
        .post(path(id, '/files'))
        .auth(who.token, bearer)
        .field('document', 'Notulen rapat')
        .attach('file', pdf(`oleh ${who.name}`), { filename: 'notulen.pdf', contentType: 'application/pdf' });
      if (response.status === 403) {
        expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(response.body.detail).toMatch(/Hanya pengambil tugas/);
      }
      return response.status;
    };

    // Named to Budi: he uploads; another anggota, the ketua (its reviewer) and Bagian Organisasi do not.
    expect(await upload(budi, budis)).toBe(201);
    for (const other of [citra, ketua, admin]) expect(await upload(other, budis)).toBe(403);
    expect(await stored(budis)).toEqual([budi.personId]);

    // Unassigned: anyone holding the assignee role (anggota_tim) until someone claims it, then only the claimant.
    expect(await upload(citra, anyones)).toBe(201);
    expect(await upload(ketua, anyones)).toBe(403);
    await api().post(path(anyones, '/claim')).auth(citra.token, bearer).expect(200);
    expect(await upload(citra, anyones)).toBe(201);
    expect(await upload(budi, anyones)).toBe(403);
    expect(await stored(anyones)).toEqual([citra.personId, citra.personId]);

    // Dewi stands in for Budi today: she uploads to his task as she could claim and submit it, before and after his
    // claim; she is not a substitute for Citra, whose claimed task stays closed to her.
    expect(await upload(dewi, budis)).toBe(403);
    const today = localDayOf(new Date(), 'WIB');
    await api()
      .post('/api/v1/substitutes')
      .auth(budi.token, bearer)
      .send({ substitute: { name: dewi.name, email: dewi.email }, from: today, to: addCalendarDays(today, 2) })
      .expect(201);
    expect(await upload(dewi, budis)).toBe(201);
    await api().post(path(budis, '/claim')).auth(budi.token, bearer).expect(200);
    expect(await upload(dewi, budis)).toBe(201);
    expect(await upload(citra, budis)).toBe(403);
    expect(await upload(dewi, anyones)).toBe(403);
    expect(await stored(budis)).toEqual([budi.personId, dewi.personId, dewi.personId]);
  });

  it('reassigns in bulk, reporting each task: reassigned, refused, or not found', async () => {
    const unit = `BLK-${tag()}`;
    const other = `BLX-${tag()}`;
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const ketua = await someone('Ketua', [{ role: 'ketua_tim', unitCode: unit }]);
    const anggota = await someone('Anggota', [{ role: 'anggota_tim', unitCode: unit }]);
    const admin = await someone('Org', [{ role: 'admin_organisasi' }]);
    const outsider = await someone('Luar', [{ role: 'anggota_tim', unitCode: other }]);
    const due = '2030-07-01T09:00:00Z';
    const open1 = await startTask({ cycleId, unitCode: unit, template: template('bulk_1'), due });
    const open2 = await startTask({ cycleId, unitCode: unit, template: template('bulk_2'), due });
    const cancelled = await startTask({ cycleId, unitCode: unit, template: template('bulk_3'), due });
    const elsewhere = await startTask({ cycleId, unitCode: other, template: template('bulk_4'), due });
    await api().post(path(open2, '/claim')).auth(anggota.token, bearer).expect(200);
    // Cancelling is Bagian Organisasi's; the ketua may not.
    await api()
      .post(path(cancelled, '/cancel'))
      .auth(ketua.token, bearer)
      .send({ reason: 'Tidak relevan' })
      .expect(403);
    await api()
      .post(path(cancelled, '/cancel'))
      .auth(admin.token, bearer)
      .send({ reason: 'Tidak relevan' })
      .expect(200);

    const missing = `tugas:${cycleId}:${unit}:tidak_ada`;
    const to = { name: anggota.name, email: anggota.email.toUpperCase() };
    const result = await api()
      .post('/api/v1/tasks/bulk-reassign')
      .auth(ketua.token, bearer)
      .send({ taskIds: [open1, open2, cancelled, elsewhere, missing], to, reason: 'Pemerataan beban kerja' })
      .expect(200);
    expect(result.body.items).toEqual([
      { id: open1, status: 'reassigned' },
      { id: open2, status: 'reassigned' },
      { id: cancelled, status: 'refused', reason: expect.stringMatching(/sudah selesai \(Dibatalkan\)/) },
      { id: elsewhere, status: 'not_found' },
      { id: missing, status: 'not_found' },
    ]);
    for (const id of [open1, open2]) {
      const view = await stack().client.workflow.getHandle(id).query(taskStateQuery);
      expect(view).toMatchObject({ assignees: [anggota.personId], status: 'open' });
      expect(view.history.at(-1)).toMatchObject({
        type: 'reassign',
        by: ketua.personId,
        note: 'Pemerataan beban kerja',
      });
    }
    expect((await stack().client.workflow.getHandle(elsewhere).query(taskStateQuery)).assignees).toEqual([]);

    // Someone without a role in the unit cannot be given its tasks.
    const stranger = await api()
      .post('/api/v1/tasks/bulk-reassign')
      .auth(ketua.token, bearer)
      .send({ taskIds: [open1], to: { name: outsider.name, email: outsider.email }, reason: 'Coba' })
      .expect(200);
    expect(stranger.body.items).toEqual([
      { id: open1, status: 'refused', reason: `${outsider.email} tidak memiliki peran di unit ${unit}` },
    ]);
    // An anggota may reassign in no unit at all: refused up front, and nothing changes.
    const byAnggota = await api()
      .post('/api/v1/tasks/bulk-reassign')
      .auth(anggota.token, bearer)
      .send({ taskIds: [open1], to, reason: 'Coba' })
      .expect(403);
    expect(byAnggota.headers['content-type']).toMatch(/application\/problem\+json/);
    // A ketua of another unit may reassign somewhere: each task is answered on its own (this one is not visible).
    const ketuaElsewhere = await someone('KetuaLain', [{ role: 'ketua_tim', unitCode: other }]);
    const fromElsewhere = await api()
      .post('/api/v1/tasks/bulk-reassign')
      .auth(ketuaElsewhere.token, bearer)
      .send({ taskIds: [open1], to, reason: 'Coba' })
      .expect(200);
    expect(fromElsewhere.body.items).toEqual([{ id: open1, status: 'not_found' }]);
    expect((await stack().client.workflow.getHandle(open1).query(taskStateQuery)).assignees).toEqual([
      anggota.personId,
    ]);

    const invalid = await api()
      .post('/api/v1/tasks/bulk-reassign')
      .auth(ketua.token, bearer)
      .send({ taskIds: [], to, reason: 'x', extra: 1 })
      .expect(400);
    expect(invalid.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'body.extra',
      'body.reason',
      'body.taskIds',
    ]);
  });

  it('reassigns, extends and cancels one task, each by the roles allowed to', async () => {
    const unit = `STR-${tag()}`;
    const ketua = await someone('Ketua', [{ role: 'ketua_tim', unitCode: unit }]);
    const ani = await someone('Ani', [{ role: 'anggota_tim', unitCode: unit }]);
    const pimpinan = await someone('Kadis', [{ role: 'pimpinan', unitCode: unit }]);
    const id = await startTask({
      cycleId: `2026-${randomUUID().slice(0, 8)}`,
      unitCode: unit,
      template: template('kemudi'),
      due: '2030-08-01T09:00:00Z',
    });

    await api()
      .post(path(id, '/reassign'))
      .auth(ani.token, bearer)
      .send({ to: { name: ani.name, email: ani.email } })
      .expect(403);
    const reassigned = await api()
      .post(path(id, '/reassign'))
      .auth(ketua.token, bearer)
      .send({ to: { name: 'Nama dari permintaan', email: ani.email }, reason: 'Ahli di bidangnya' })
      .expect(200);
    expect(reassigned.body.assignees).toEqual([ani.personId]);

    await api()
      .post(path(id, '/extend'))
      .auth(ani.token, bearer)
      .send({ due: '2030-08-10', reason: 'Cuti' })
      .expect(403);
    // Steering is the ketua's and Bagian Organisasi's, in the API as in the task workflow: pimpinan is refused (403).
    await api()
      .post(path(id, '/extend'))
      .auth(pimpinan.token, bearer)
      .send({ due: '2030-08-10', reason: 'Cuti' })
      .expect(403);
    await api()
      .post(path(id, '/reassign'))
      .auth(pimpinan.token, bearer)
      .send({ to: { name: ketua.name, email: ketua.email } })
      .expect(403);
    const extended = await api()
      .post(path(id, '/extend'))
      .auth(ketua.token, bearer)
      .send({ due: '2030-08-10', reason: 'Menunggu data BPS' })
      .expect(200);
    // A date alone is the end of that office day, WIB.
    expect(extended.body.due).toBe('2030-08-10T09:00:00.000Z');
    expect((await stack().models.Task.findById(id).lean())!.due.toISOString()).toBe('2030-08-10T09:00:00.000Z');
    const earlier = await api()
      .post(path(id, '/extend'))
      .auth(ketua.token, bearer)
      .send({ due: '2030-08-01T00:00:00+07:00', reason: 'Maju' })
      .expect(422);
    expect(earlier.body.detail).toBe('Tenggat baru harus setelah tenggat saat ini');

    await api().post(path(id, '/cancel')).auth(ketua.token, bearer).send({ reason: 'Tidak perlu' }).expect(403);
    await api().post(path(id, '/comments')).auth(ani.token, bearer).send({ text: '   ' }).expect(400);
  });

  it('gives the approved Tim Kerja its grants in the unit', async () => {
    const unit = `TIM-${tag()}`;
    const cycleId = `2026-${randomUUID().slice(0, 8)}`;
    const kadis = await someone('Kadis', [{ role: 'pimpinan', unitCode: unit }]);
    const admin = await someone('Org', [{ role: 'admin_organisasi' }]);
    const teamTemplate = findTemplate(defaultCatalogue, 'submit_tim_kerja')!;
    const id = await startTask({
      cycleId,
      unitCode: unit,
      template: teamTemplate,
      due: '2030-03-16T09:00:00Z',
      assignees: [participant(kadis, 'pimpinan')],
      reviewers: [participant(admin, 'admin_organisasi')],
    });
    const { submission, ketua, anggota } = teamFor(unit);
    const evidence = teamTemplate.evidence.documents.map((document) => ({
      document,
      ref: `https://drive.pemkot.test/${encodeURIComponent(document)}`,
    }));

    const badTeam = await api()
      .post(path(id, '/submit'))
      .auth(kadis.token, bearer)
      .send({ evidence, team: { ...submission, members: submission.members.slice(1) } })
      .expect(400);
    expect(badTeam.body.errors.some((e: { field: string }) => e.field.startsWith('body.team'))).toBe(true);
    await api().post(path(id, '/claim')).auth(kadis.token, bearer).expect(200);
    await api().post(path(id, '/submit')).auth(kadis.token, bearer).send({ evidence, team: submission }).expect(200);
    const approved = await api()
      .post(path(id, '/review'))
      .auth(admin.token, bearer)
      .send({ decision: 'approve' })
      .expect(200);
    expect(approved.body.team).toEqual(submission);
    expect(approved.body.teamGrants).toEqual(
      expect.arrayContaining([
        { personId: ketua.personId, role: 'ketua_tim', granted: true, invited: true },
        { personId: anggota[0]!.personId, role: 'anggota_tim', granted: true, invited: true },
      ]),
    );
    const account = await stack().models.Account.findById(ketua.personId).lean();
    expect(account).toMatchObject({ status: 'invited', grants: [{ role: 'ketua_tim', unitCode: unit }] });
  });
});
