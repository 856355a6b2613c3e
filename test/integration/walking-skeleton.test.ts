import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { cancelCycleUpdate, cycleStateQuery, cycleWorkflowId } from '../../workflows/definitions';
import { launchBody, pinnedLaunchBody } from '../fixtures/cycles';
import { person } from '../fixtures/people';
import { messagesTo, readMessage } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { adminToken, bearer, launchRequest } from '../support/auth';

const stack = useTestStack();
const officer = { name: 'Bagian Organisasi', email: 'organisasi-kerangka@pemkot.test' };

describe('walking skeleton: HTTP → Temporal → activities → MongoDB and SMTP', () => {
  it('launches a cycle, persists it, emails the launcher once, and reads it back', async () => {
    const body = pinnedLaunchBody();
    const launcher = body.launchedBy.email;

    const admin = await adminToken(stack(), body.launchedBy);
    const launched = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(202);
    const id: string = launched.body.id;
    expect(id).toMatch(/^2026-[0-9a-f]{8}$/);
    expect(launched.headers.location).toBe(`/api/v1/cycles/${id}`);
    expect(launched.body).toMatchObject({ status: 'launching', workflowId: `siklus:${id}` });

    const cycle = await eventually(
      async () => {
        const response = await request(stack().app).get(`/api/v1/cycles/${id}`).auth(admin, bearer).expect(200);
        return response.body.status === 'launched' ? response.body : undefined;
      },
      { what: 'the cycle to be launched' },
    );
    expect(cycle).toMatchObject({
      id,
      name: 'Pembangunan ZI Pemerintah Kota Contoh',
      year: 2026,
      units: [{ code: 'DISDUKCAPIL' }, { code: 'DPMPTSP' }],
      launchedBy: { email: launcher },
    });

    // The read model is really in the database, with a seq per state written.
    const stored = await stack().models.Cycle.findById(id).lean();
    expect(stored).toMatchObject({ status: 'launched' });
    expect(stored!.seq).toBeGreaterThanOrEqual(2);

    // The workflow really runs on Temporal, and says the same.
    const handle = stack().client.workflow.getHandle(cycleWorkflowId(id));
    expect(await handle.query(cycleStateQuery)).toMatchObject({ cycleId: id, status: 'launched' });

    // The email really went through the SMTP server, and says what happened in Indonesian.
    const [mail, ...others] = await eventually(async () => {
      const messages = await messagesTo(launcher);
      return messages.length > 0 ? messages : undefined;
    });
    expect(others).toHaveLength(0);
    expect(mail!.Subject).toBe(
      'Siklus Zona Integritas "Pembangunan ZI Pemerintah Kota Contoh" (2026) telah diluncurkan',
    );
    const mailBody = await readMessage(mail!.ID);
    expect(mailBody.Text).toContain('Dinas Kependudukan dan Pencatatan Sipil (DISDUKCAPIL)');
    expect(mailBody.Text).toContain(`http://zi.test/siklus/${id}`);
    expect(mailBody.HTML).toContain('<strong>Pembangunan ZI Pemerintah Kota Contoh</strong>');

    // The record says `sent` only once the SMTP server has answered: the email may arrive a moment before.
    const notification = await eventually(async () => {
      const record = await stack().models.Notification.findById(`cycle-launched:${id}`).lean();
      return record?.status === 'sent' ? record : undefined;
    });
    expect(notification).toMatchObject({ status: 'sent', attempts: 1, to: launcher });

    // What happened shows in the metrics: the start round trip, the route, the tasks from the read model.
    const metrics = await request(stack().app).get('/metrics').expect(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);
    expect(metrics.text).toMatch(/zi_workflow_call_duration_seconds_count\{call="start",outcome="ok"\} [1-9]/);
    expect(metrics.text).toContain(
      'zi_http_request_duration_seconds_count{method="POST",route="/api/v1/cycles",status="202"}',
    );
    expect(metrics.text).toMatch(/zi_tasks\{status="open"\} [1-9]/);
    expect(metrics.text).toMatch(/zi_emails\{status="sent"\} [1-9]/);

    const organisasi = { ...person('organisasi', 'admin_organisasi'), email: launcher };
    await handle.executeUpdate(cancelCycleUpdate, { args: [{ actor: organisasi, reason: 'Uji selesai' }] });
    expect(await handle.result()).toMatchObject({ status: 'cancelled' });
  });

  it('previews a launch without starting anything', async () => {
    const body = pinnedLaunchBody();
    const before = await stack().models.Cycle.countDocuments();
    const admin = await adminToken(stack(), body.launchedBy);
    const preview = await request(stack().app)
      .post('/api/v1/cycles/preview')
      .auth(admin, bearer)
      .send(launchRequest(body))
      .expect(200);
    expect(preview.body.totalTasks).toBe(2 * preview.body.tasksPerUnit);
    expect(preview.body.stages).toHaveLength(6);
    expect(preview.body.stages[0].tasks[0]).toMatchObject({ key: expect.any(String), due: expect.any(String) });
    expect(await stack().models.Cycle.countDocuments()).toBe(before);
    expect(await messagesTo(body.launchedBy.email)).toHaveLength(0);
    // The same validation as the launch itself.
    const bad = await request(stack().app)
      .post('/api/v1/cycles/preview')
      .auth(admin, bearer)
      .send({ ...launchRequest(body), zone: 'UTC' })
      .expect(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['body.zone']);
  });

  it('never sends the same email twice when the activity is retried', async () => {
    const launcher = `ulang-${randomUUID()}@pemkot.test`;
    const cycle = { id: `2026-${randomUUID().slice(0, 8)}`, ...launchBody(launcher) };

    const first = await stack().activities.notifyCycleLaunched(cycle);
    const retry = await stack().activities.notifyCycleLaunched(cycle);

    if (first.status !== 'sent') throw new Error(`first send: ${JSON.stringify(first)}`);
    expect(retry).toEqual({ status: 'already-sent', messageId: first.messageId });
    await eventually(async () => ((await messagesTo(launcher)).length === 1 ? true : undefined));
    // Give a second message the chance to arrive before asserting there is none.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await messagesTo(launcher)).toHaveLength(1);
  });

  it('keeps the newest state when an older write arrives late', async () => {
    const id = `2026-${randomUUID().slice(0, 8)}`;
    const base = {
      id,
      ...launchBody('a@pemkot.test'),
      catalogueVersion: 'test',
      zone: 'WIB' as const,
      stages: {} as never,
      units: [],
    };
    const save = (status: 'launched' | 'launching', seq: number) =>
      stack().activities.saveCycle({ snapshot: { ...base, status, seq } });
    expect(await save('launched', 2)).toBe('saved');
    expect(await save('launching', 1)).toBe('stale');
    expect(await stack().models.Cycle.findById(id).lean()).toMatchObject({ status: 'launched', seq: 2 });
  });

  it.each([
    ['a missing field', (b: Record<string, unknown>) => ({ ...b, name: undefined }), 'body.name'],
    ['a wrong type', (b: Record<string, unknown>) => ({ ...b, year: '2026' }), 'body.year'],
    ['an unknown field', (b: Record<string, unknown>) => ({ ...b, isAdmin: true }), 'body.isAdmin'],
    [
      'a bad unit code',
      (b: Record<string, unknown>) => ({ ...b, units: [{ code: '$where', name: 'x', head: officer }] }),
      'body.units.0.code',
    ],
    [
      'an operator key in a unit',
      (b: Record<string, unknown>) => ({ ...b, units: [{ code: 'A', name: 'x', head: officer, $gt: '' }] }),
      'body.units.0.$gt',
    ],
    [
      'a bad email',
      (b: Record<string, unknown>) => ({
        ...b,
        units: [{ code: 'A', name: 'x', head: { name: 'x', email: 'bukan' } }],
      }),
      'body.units.0.head.email',
    ],
    [
      'a launcher named in the body (the session says who launches)',
      (b: Record<string, unknown>) => ({ ...b, launchedBy: { name: 'x', email: 'lain@pemkot.test' } }),
      'body.launchedBy',
    ],
  ])('rejects %s with 400 problem+json naming the field, and starts nothing', async (_case, mutate, field) => {
    const before = await stack().models.Cycle.countDocuments();
    const admin = await adminToken(stack(), officer);
    const response = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(admin, bearer)
      .send(mutate(launchRequest(launchBody('x@pemkot.test'))))
      .expect(400);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({ status: 400, title: 'Permintaan tidak valid' });
    expect(response.body.errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await stack().models.Cycle.countDocuments()).toBe(before);
  });

  it('rejects a body that is not JSON with 400', async () => {
    const response = await request(stack().app)
      .post('/api/v1/cycles')
      .auth(await adminToken(stack(), officer), bearer)
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(response.body.errors).toEqual([{ field: 'body', message: 'JSON tidak sah' }]);
  });

  it('answers 404 problem+json for a cycle that does not exist', async () => {
    const response = await request(stack().app)
      .get('/api/v1/cycles/2026-00000000')
      .auth(await adminToken(stack(), officer), bearer)
      .expect(404);
    expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(response.body.detail).toBe('Siklus 2026-00000000 tidak ditemukan');
  });

  it('is ready when Temporal and MongoDB answer', async () => {
    await request(stack().app).get('/healthz').expect(200, { status: 'ok' });
    const ready = await request(stack().app).get('/readyz').expect(200);
    expect(ready.body).toEqual({ status: 'ready', checks: { temporal: { status: 'up' }, mongodb: { status: 'up' } } });
  });
});
