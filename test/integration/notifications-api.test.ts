import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { emailWorkflowId, emailWorkflowType } from '../../workflows/definitions';
import { adminToken, tokenFor } from '../support/auth';
import { messagesTo, readMessage } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { lkeTaskAssigned } from '../fixtures/task-notification';

const stack = useTestStack();
const bearer = { type: 'bearer' } as const;

const run = randomUUID().slice(0, 8);
const officer = { name: 'Bagian Organisasi', email: `organisasi-${run}@pemkot.test` };

/** A cycle-launched email as the lifecycle sends it, through the real notifier and SMTP server. */
function sendCycleLaunched(key: string, to: string) {
  const cycle = {
    id: `2026-${key}`,
    name: `Siklus ${key}`,
    year: 2026,
    units: [{ code: 'DINKES', name: 'Dinas Kesehatan' }],
    launchedBy: { name: 'Pak Organisasi', email: to },
  };
  return stack().activities.sendEmail({
    dedupeKey: `cycle-launched:${cycle.id}`,
    template: 'cycle-launched',
    to,
    data: { recipient: cycle.launchedBy, cycle, link: `http://zi.test/siklus/${cycle.id}` },
  });
}

describe('notification log API on real Temporal, MongoDB and SMTP', () => {
  let admin: string;
  beforeAll(async () => {
    admin = await adminToken(stack(), officer);
  });

  it('resends a refused email to a corrected address, delivered there exactly once', async () => {
    const refused = `pak-organisasi-${run}@ditolak.test`;
    const corrected = `pak-organisasi-${run}@pemkot.test`;
    expect(await sendCycleLaunched(`r-${run}`, refused)).toMatchObject({ status: 'failed' });
    const id = `cycle-launched:2026-r-${run}`;

    const failed = await request(stack().app)
      .get(`/api/v1/notifications/${encodeURIComponent(id)}`)
      .auth(admin, bearer)
      .expect(200);
    expect(failed.body).toMatchObject({
      id,
      template: 'cycle-launched',
      to: refused,
      status: 'failed',
      attempts: 1,
      lastError: expect.stringContaining('550'),
      possibleDuplicate: false,
      resentAs: [],
    });
    // The stored template data never leaves the server: it may hold a one-time link.
    expect(failed.body.data).toBeUndefined();

    const resent = await request(stack().app)
      .post(`/api/v1/notifications/${encodeURIComponent(id)}/resend`)
      .auth(admin, bearer)
      .send({ to: corrected })
      .expect(202);
    const resendId = `${id}~resend-1`;
    expect(resent.body).toEqual({ id: resendId, resendOf: id, to: corrected, status: 'pending' });
    expect(resent.headers.location).toBe(`/api/v1/notifications/${encodeURIComponent(resendId)}`);

    const [message] = await eventually(async () => {
      const messages = await messagesTo(corrected);
      return messages.length > 0 ? messages : undefined;
    });
    expect(message!.Subject).toBe(`Siklus Zona Integritas "Siklus r-${run}" (2026) telah diluncurkan`);
    expect((await readMessage(message!.ID)).Text).toContain('Yth. Pak Organisasi');

    // A retried request (same dedupe key) runs the email workflow again: the log already says sent, nothing goes out.
    await eventually(async () =>
      (await stack().models.Notification.findById(resendId).lean())?.status === 'sent' ? true : undefined,
    );
    const { data } = (await stack().models.Notification.findById(id).lean())!;
    // The log says sent a moment before the first run closes; starting the id again needs it closed.
    await stack().client.workflow.getHandle(emailWorkflowId(resendId)).result();
    const again = await stack().client.workflow.execute(emailWorkflowType, {
      workflowId: emailWorkflowId(resendId),
      taskQueue: stack().config.temporal.taskQueue,
      args: [{ dedupeKey: resendId, template: 'cycle-launched', to: corrected, data }],
    });
    expect(again).toMatchObject({ status: 'already-sent' });
    expect(await messagesTo(corrected)).toHaveLength(1);

    const resendRecord = await eventually(async () => {
      const answer = await request(stack().app)
        .get(`/api/v1/notifications/${encodeURIComponent(resendId)}`)
        .auth(admin, bearer);
      return answer.body.status === 'sent' ? answer.body : undefined;
    });
    expect(resendRecord).toMatchObject({ to: corrected, attempts: 1, resendOf: id, sentAt: expect.any(String) });
    const original = await request(stack().app)
      .get(`/api/v1/notifications/${encodeURIComponent(id)}`)
      .auth(admin, bearer);
    expect(original.body).toMatchObject({ status: 'failed', resentAs: [resendId] });
    expect(await stack().models.AuditEvent.find({ entity: 'notification', entityId: id }).lean()).toEqual([
      expect.objectContaining({ type: 'notification_resent', by: officer.email, from: refused, to: corrected }),
    ]);

    // The original stays failed, so it can be resent again: the next resend is a new email, number 2.
    const second = await request(stack().app)
      .post(`/api/v1/notifications/${encodeURIComponent(id)}/resend`)
      .auth(admin, bearer)
      .send({})
      .expect(202);
    expect(second.body).toMatchObject({ id: `${id}~resend-2`, to: refused });
  });

  it('refuses to resend what was not refused (409), what does not exist (404), and to anyone but admin (403)', async () => {
    const to = `sent-${run}@pemkot.test`;
    expect(await sendCycleLaunched(`s-${run}`, to)).toMatchObject({ status: 'sent' });
    const id = `cycle-launched:2026-s-${run}`;
    const refused = await request(stack().app)
      .post(`/api/v1/notifications/${encodeURIComponent(id)}/resend`)
      .auth(admin, bearer)
      .send({})
      .expect(409);
    expect(refused.body.detail).toContain('hanya email yang gagal');
    expect((await stack().models.Notification.findById(id).lean())?.resentAs).toBeUndefined();

    await request(stack().app)
      .post(`/api/v1/notifications/${encodeURIComponent(`tidak-ada:${run}`)}/resend`)
      .auth(admin, bearer)
      .send({})
      .expect(404);
    await request(stack().app)
      .post(`/api/v1/notifications/${encodeURIComponent(id)}/resend`)
      .auth(admin, bearer)
      .send({ to: 'bukan email', cc: 'x' })
      .expect(400);
    await request(stack().app).get('/api/v1/notifications/%24where').auth(admin, bearer).expect(400);

    for (const grants of [[{ role: 'pengamat' as const }], [{ role: 'pimpinan' as const, unitCode: 'DINKES' }]]) {
      const token = await tokenFor(
        stack(),
        { name: 'Bukan admin', email: `${grants[0]!.role}-${run}@pemkot.test` },
        grants,
      );
      await request(stack().app).get('/api/v1/notifications').auth(token, bearer).expect(403);
      await request(stack().app)
        .get(`/api/v1/notifications/${encodeURIComponent(id)}`)
        .auth(token, bearer)
        .expect(403);
      await request(stack().app)
        .post(`/api/v1/notifications/${encodeURIComponent(id)}/resend`)
        .auth(token, bearer)
        .send({})
        .expect(403);
    }
  });

  it('keeps no usable one-time token in the log: task sign-in links are blanked, token emails keep no data', async () => {
    // A task email to an active account carries a sign-in link; the mail server refuses it for good.
    const refused = `anggota-${run}@ditolak.test`;
    await tokenFor(stack(), { name: 'Anggota', email: refused }, [{ role: 'anggota_tim', unitCode: 'DINKES' }]);
    const taskId = `tugas:2026-t-${run}:DINKES:lke_pemenuhan`;
    const notification = lkeTaskAssigned(`2026-t-${run}`, run, [
      { personId: refused, roles: ['anggota_tim'], name: 'Anggota', email: refused },
    ]);
    expect((await stack().activities.notifyTask(notification)).map((o) => o.status)).toEqual(['failed']);
    // A link was issued (its token hashed in one_time_tokens), but the log keeps none of it.
    expect(await stack().models.OneTimeToken.countDocuments({ personId: refused, kind: 'sign_in_link' })).toBe(1);
    const id = `task-assigned:${taskId}#1:${refused}`;
    const stored = (await stack().models.Notification.findById(id).lean())!;
    expect(stored.status).toBe('failed');
    expect(stored.data).toMatchObject({ signInLink: null, link: `http://zi.test/tugas/${encodeURIComponent(taskId)}` });
    expect(JSON.stringify(stored.data)).not.toMatch(/token=|\/masuk\/tautan/);

    // Resent to a corrected address, it renders without the sign-in link; the task link stays.
    const corrected = `anggota-${run}@pemkot.test`;
    await request(stack().app)
      .post(`/api/v1/notifications/${encodeURIComponent(id)}/resend`)
      .auth(admin, bearer)
      .send({ to: corrected })
      .expect(202);
    const message = await eventually(async () => (await messagesTo(corrected))[0]);
    const { Text } = await readMessage(message.ID);
    expect(Text).toContain(`http://zi.test/tugas/${encodeURIComponent(taskId)}`);
    expect(Text).not.toContain('/masuk/tautan');

    // Invitation and password-reset emails are their token: nothing is stored, and a resend points elsewhere.
    for (const [template, advice] of [
      ['invitation', 'POST /api/v1/people/:id/reinvite'],
      ['password-reset', 'POST /api/v1/auth/password-reset'],
    ] as const) {
      const dedupeKey = `${template}:${run}`;
      const outcome = await stack().activities.sendEmail({
        dedupeKey,
        template,
        to: `${template}-${run}@ditolak.test`,
        data: {
          recipient: { name: 'Calon', email: `${template}-${run}@ditolak.test` },
          grants: [],
          invitedBy: null,
          validDays: 7,
          validMinutes: 30,
          link: `http://zi.test/rahasia?token=rahasia-${run}`,
        },
      });
      expect(outcome).toMatchObject({ status: 'failed' });
      const record = (await stack().models.Notification.findById(dedupeKey).lean())!;
      expect(record).toMatchObject({ template, status: 'failed' });
      expect(record.data).toBeUndefined();
      expect(JSON.stringify(record)).not.toContain(`rahasia-${run}`);
      const answer = await request(stack().app)
        .post(`/api/v1/notifications/${encodeURIComponent(dedupeKey)}/resend`)
        .auth(admin, bearer)
        .send({})
        .expect(409);
      expect(answer.body.detail).toContain(advice);
      expect((await stack().models.Notification.findById(dedupeKey).lean())?.resentAs).toBeUndefined();
    }
  });

  it('filters the log by status, recipient, template and time, newest first, page by page', async () => {
    const to = `filter-${run}@pemkot.test`;
    const before = new Date();
    await sendCycleLaunched(`f1-${run}`, to);
    await sendCycleLaunched(`f2-${run}`, to);
    await sendCycleLaunched(`f3-${run}`, `filter-${run}@ditolak.test`);
    await sendCycleLaunched(`f4-${run}`, to.toUpperCase());
    const list = (query: Record<string, string>) =>
      request(stack().app).get('/api/v1/notifications').query(query).auth(admin, bearer).expect(200);

    // The recipient matches whatever the case; newest first.
    const mine = await list({ to });
    expect(mine.body.items.map((n: { id: string }) => n.id)).toEqual(
      [`f4-${run}`, `f2-${run}`, `f1-${run}`].map((key) => `cycle-launched:2026-${key}`),
    );

    // Two at a time, the pages add up to the whole list without repeats.
    const paged: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await list({
        to,
        limit: '2',
        ...(cursor ? { cursor } : {}),
      });
      paged.push(...page.body.items.map((n) => n.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(paged).toEqual(mine.body.items.map((n: { id: string }) => n.id));

    const failed = await list({ status: 'failed', to: `filter-${run}@ditolak.test` });
    expect(failed.body.items).toEqual([
      expect.objectContaining({ id: `cycle-launched:2026-f3-${run}`, status: 'failed', lastError: expect.any(String) }),
    ]);
    expect((await list({ status: 'retrying,pending', to })).body.items).toEqual([]);
    expect((await list({ status: 'sent,failed', to })).body.items).toHaveLength(3);
    expect((await list({ template: 'task-assigned', to })).body.items).toEqual([]);
    expect((await list({ template: 'cycle-launched', to })).body.items).toHaveLength(3);
    // Each belongs to its cycle.
    const ofCycle = await list({ cycle: `2026-f2-${run}` });
    expect(ofCycle.body.items).toEqual([
      expect.objectContaining({ id: `cycle-launched:2026-f2-${run}`, cycleId: `2026-f2-${run}` }),
    ]);
    expect((await list({ from: before.toISOString(), to })).body.items).toHaveLength(3);
    // Both ends are inclusive (same millisecond included): just before the first email, nothing.
    const justBefore = new Date(before.getTime() - 1).toISOString();
    expect((await list({ until: justBefore, to })).body.items).toEqual([]);

    const bad = await request(stack().app)
      .get('/api/v1/notifications')
      .query({ status: 'failed,hilang', from: 'kemarin', cycle: '$ne' })
      .auth(admin, bearer)
      .expect(400);
    expect((bad.body.errors as { field: string }[]).map((e) => e.field).sort()).toEqual([
      'query.cycle',
      'query.from',
      'query.status.1',
    ]);
  });
});
