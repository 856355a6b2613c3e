import { randomUUID } from 'node:crypto';
import type { Connection } from '@temporalio/client';
import pino from 'pino';
import request from 'supertest';
import { ensureFirstAdmin } from '../../api/auth/first-admin';
import { requestOneTimeToken, revokeOneTimeTokens } from '../../api/auth/one-time-tokens';
import { composeApp } from '../../api/compose';
import { personIdOf } from '../../domain/people';
import { emailWorkflowId } from '../../workflows/definitions';
import { adminToken } from '../support/auth';
import { messagesTo, readMessage } from '../support/mailbox';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { lkeTaskAssigned } from '../fixtures/task-notification';

const stack = useTestStack();
const bearer = { type: 'bearer' } as const;
const run = randomUUID().slice(0, 8);
const officer = { name: 'Bagian Organisasi', email: `organisasi-auth-${run}@pemkot.test` };
const password = 'kata-sandi-yang-panjang-1';

/** The one-time token in the newest email to `to` whose subject contains `subject`, from the SMTP sink. */
async function tokenFromEmail(to: string, subject: string, path: string): Promise<string> {
  const message = await eventually(async () => (await messagesTo(to)).find((m) => m.Subject.includes(subject)), {
    what: `an email "${subject}" to ${to}`,
  });
  const { Text, HTML } = await readMessage(message.ID);
  const pattern = new RegExp(`${path.replace(/\//g, '\\/')}\\?token=([A-Za-z0-9_-]+)`);
  const token = pattern.exec(Text)?.[1];
  expect(token).toBeDefined();
  expect(HTML).toContain(`${path}?token=${token}`);
  return token!;
}

/** Invites a person through the API and accepts the emailed invitation; answers the sign-in body. */
async function invitedAndAccepted(email: string, grants: object[]) {
  const admin = await adminToken(stack(), officer);
  await request(stack().app)
    .post('/api/v1/people')
    .auth(admin, bearer)
    .send({ name: 'Siti Rahmawati', email, grants })
    .expect(201);
  const token = await tokenFromEmail(email, 'Undangan', 'http://zi.test/undangan');
  return {
    token,
    accepted: await request(stack().app).post('/api/v1/auth/invitations/accept').send({ token, password }),
  };
}

const signIn = (email: string, secret = password) =>
  request(stack().app).post('/api/v1/auth/sign-in').send({ email, password: secret });

describe('sign-in and sessions on real Temporal, MongoDB and SMTP', () => {
  it('invites, accepts, signs in, refreshes with rotation, detects reuse and signs out', async () => {
    const email = `ketua-${run}@pemkot.test`;
    const { token, accepted } = await invitedAndAccepted(email, [{ role: 'ketua_tim', unitCode: 'DINKES' }]);
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({
      tokenType: 'Bearer',
      me: {
        person: { id: email, email, name: 'Siti Rahmawati' },
        grants: [{ role: 'ketua_tim', unitCode: 'DINKES' }],
        instansiRoles: [],
        unitRoles: { DINKES: ['ketua_tim'] },
      },
    });
    // The invitation works once.
    const again = await request(stack().app).post('/api/v1/auth/invitations/accept').send({ token, password });
    expect(again.status).toBe(410);
    expect(again.type).toBe('application/problem+json');

    const signedIn = await signIn(email).expect(200);
    const { accessToken, refreshToken } = signedIn.body as { accessToken: string; refreshToken: string };
    const me = await request(stack().app).get('/api/v1/auth/me').auth(accessToken, bearer).expect(200);
    expect(me.body).toMatchObject({ person: { id: email }, unitRoles: { DINKES: ['ketua_tim'] } });

    // Refresh rotates both tokens: the old access token stops working, the new one works.
    const refreshed = await request(stack().app).post('/api/v1/auth/refresh').send({ refreshToken }).expect(200);
    expect(refreshed.body.refreshToken).not.toBe(refreshToken);
    await request(stack().app).get('/api/v1/auth/me').auth(accessToken, bearer).expect(401);
    await request(stack().app).get('/api/v1/auth/me').auth(refreshed.body.accessToken, bearer).expect(200);

    // The old refresh token presented again means it leaked: the whole session ends.
    await request(stack().app).post('/api/v1/auth/refresh').send({ refreshToken }).expect(401);
    await request(stack().app).get('/api/v1/auth/me').auth(refreshed.body.accessToken, bearer).expect(401);
    await request(stack().app)
      .post('/api/v1/auth/refresh')
      .send({ refreshToken: refreshed.body.refreshToken })
      .expect(401);

    // Sign-out ends this session only; sign-out everywhere ends the rest.
    const first = (await signIn(email).expect(200)).body.accessToken as string;
    const second = (await signIn(email).expect(200)).body.accessToken as string;
    await request(stack().app).post('/api/v1/auth/sign-out').auth(first, bearer).expect(204);
    await request(stack().app).get('/api/v1/auth/me').auth(first, bearer).expect(401);
    await request(stack().app).get('/api/v1/auth/me').auth(second, bearer).expect(200);
    const third = (await signIn(email).expect(200)).body.accessToken as string;
    await request(stack().app).post('/api/v1/auth/sign-out').auth(third, bearer).send({ everywhere: true }).expect(204);
    await request(stack().app).get('/api/v1/auth/me').auth(second, bearer).expect(401);

    const events = await stack().models.AuditEvent.find({ entity: 'person', entityId: email }).lean();
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['invited', 'invitation_accepted', 'signed_in', 'signed_out', 'signed_out_everywhere']),
    );
  });

  it('answers a wrong password, an unknown email and a not yet accepted invitation with the same 401', async () => {
    const email = `anggota-${run}@pemkot.test`;
    await invitedAndAccepted(email, [{ role: 'anggota_tim', unitCode: 'DINKES' }]);
    const pending = `pending-${run}@pemkot.test`;
    await request(stack().app)
      .post('/api/v1/people')
      .auth(await adminToken(stack(), officer), bearer)
      .send({ name: 'Belum Aktif', email: pending, grants: [] })
      .expect(201);

    const answers = await Promise.all([
      signIn(email, 'salah-salah-salah-salah'),
      signIn(`tidak-ada-${run}@pemkot.test`),
      signIn(pending),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.type).toBe('application/problem+json');
    }
    const bodies = answers.map(({ body }) => ({ title: body.title, detail: body.detail }));
    expect(new Set(bodies.map((b) => JSON.stringify(b))).size).toBe(1);
    // The right password still works (on any case of the email).
    await signIn(email.toUpperCase()).expect(200);
  });

  it('refuses a short password and unknown fields naming the field', async () => {
    const response = await request(stack().app)
      .post('/api/v1/auth/invitations/accept')
      .send({ token: 'a'.repeat(43), password: 'pendek', extra: 1 })
      .expect(400);
    expect(response.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['body.extra', 'body.password']);
  });

  it('resets a password through the emailed single-use link and ends every session', async () => {
    const email = `reset-${run}@pemkot.test`;
    const { accepted } = await invitedAndAccepted(email, [{ role: 'anggota_tim', unitCode: 'DINKES' }]);
    const oldSession = accepted.body.accessToken as string;

    await request(stack().app).post('/api/v1/auth/password-reset').send({ email }).expect(202);
    // An unknown address gets the same answer, and no token is written for it.
    const unknown = `tidak-ada-reset-${run}@pemkot.test`;
    await request(stack().app).post('/api/v1/auth/password-reset').send({ email: unknown }).expect(202);

    const token = await tokenFromEmail(email, 'Atur ulang', 'http://zi.test/atur-ulang-sandi');
    const newPassword = 'kata-sandi-baru-yang-panjang';
    await request(stack().app)
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: newPassword })
      .expect(204);
    await request(stack().app)
      .post('/api/v1/auth/password-reset/confirm')
      .send({ token, password: 'kata-sandi-ketiga-panjang' })
      .expect(410);

    await request(stack().app).get('/api/v1/auth/me').auth(oldSession, bearer).expect(401);
    await signIn(email).expect(401);
    await signIn(email, newPassword).expect(200);
    expect(await stack().models.OneTimeToken.countDocuments({ personId: personIdOf(unknown) })).toBe(0);
  });

  it('signs in once with the link in a task email, only for active accounts', async () => {
    const email = `link-${run}@pemkot.test`;
    await invitedAndAccepted(email, [{ role: 'anggota_tim', unitCode: 'DINKES' }]);
    const invited = `link-invited-${run}@pemkot.test`;
    await stack().models.Account.create({ _id: invited, email: invited, name: 'Diundang', status: 'invited' });
    const person = (address: string) => ({
      personId: address,
      roles: ['anggota_tim' as const],
      name: 'Anggota',
      email: address,
    });
    const taskId = `tugas:2026-${run}:DINKES:lke_pemenuhan`;
    const notification = lkeTaskAssigned(`2026-${run}`, run, [person(email), person(invited)]);
    const outcomes = await stack().activities.notifyTask(notification);
    expect(outcomes.map((o) => o.status)).toEqual(['sent', 'sent']);

    const token = await tokenFromEmail(email, `Isi LKE ${run}`, 'http://zi.test/masuk/tautan');
    const signedIn = await request(stack().app).post('/api/v1/auth/sign-in/link').send({ token }).expect(200);
    expect(signedIn.body).toMatchObject({ taskId, me: { person: { id: email } } });
    await request(stack().app).get('/api/v1/auth/me').auth(signedIn.body.accessToken, bearer).expect(200);
    const second = await request(stack().app).post('/api/v1/auth/sign-in/link').send({ token });
    expect(second.status).toBe(410);
    const forged = await request(stack().app)
      .post('/api/v1/auth/sign-in/link')
      .send({ token: 'x'.repeat(43) });
    expect(forged.status).toBe(401);

    // The invited person's email has the task link but no sign-in link: they must accept the invitation first.
    const theirs = await eventually(async () =>
      (await messagesTo(invited)).find((m) => m.Subject.includes(`Isi LKE ${run}`)),
    );
    const { Text } = await readMessage(theirs.ID);
    expect(Text).toContain(`http://zi.test/tugas/${encodeURIComponent(taskId)}`);
    expect(Text).not.toContain('/masuk/tautan');

    // A retried activity sends nothing new and writes no new token.
    const before = await stack().models.OneTimeToken.countDocuments({ personId: email, kind: 'sign_in_link' });
    expect((await stack().activities.notifyTask(notification)).map((o) => o.status)).toEqual([
      'already-sent',
      'already-sent',
    ]);
    expect(await stack().models.OneTimeToken.countDocuments({ personId: email, kind: 'sign_in_link' })).toBe(before);
  });

  it('mints emailed tokens in the sending activity: none in the workflow history, none on a retry or after revocation', async () => {
    const email = `tanpa-jejak-${run}@pemkot.test`;
    const { token } = await invitedAndAccepted(email, [{ role: 'anggota_tim', unitCode: 'DINKES' }]);
    const dedupeKey = `invitation:${email}:first`;

    // The email workflow was started with the person and the token's kind and lifetime; no payload holds the token.
    const history = await stack().client.workflow.getHandle(emailWorkflowId(dedupeKey)).fetchHistory();
    const payloads: string[] = [];
    const collect = (value: unknown): void => {
      if (value instanceof Uint8Array) payloads.push(Buffer.from(value).toString('utf8'));
      else if (value && typeof value === 'object') Object.values(value).forEach(collect);
    };
    collect(history);
    const started = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0]?.data;
    expect(JSON.parse(Buffer.from(started!).toString('utf8'))).toMatchObject({
      dedupeKey,
      template: 'invitation',
      oneTimeLink: { kind: 'invitation', personId: email, ttlSeconds: stack().config.auth.invitationTtlSeconds },
    });
    expect(payloads.join('\n')).not.toContain(token);
    expect(payloads.join('\n')).not.toMatch(/token=/);

    // A retry of the activity after the email went out mints nothing.
    const tokens = () => stack().models.OneTimeToken.countDocuments({ personId: email, kind: 'invitation' });
    const minted = await tokens();
    const retry = await stack().activities.sendEmail({
      dedupeKey,
      template: 'invitation',
      to: email,
      data: { recipient: { name: 'Siti' }, grants: [], validDays: 7 },
      oneTimeLink: { kind: 'invitation', personId: email, ttlSeconds: 3600 },
    });
    expect(retry.status).toBe('already-sent');
    expect(await tokens()).toBe(minted);

    // A reset email still waiting (SMTP down) when the person's reset links are revoked never mints a working one.
    const waiting = `password-reset:${email}:menunggu`;
    await requestOneTimeToken(stack().models.TokenRequest, {
      dedupeKey: waiting,
      kind: 'password_reset',
      personId: email,
    });
    await revokeOneTimeTokens(stack().models, email, 'password_reset', new Date());
    const revoked = await stack().activities.sendEmail({
      dedupeKey: waiting,
      template: 'password-reset',
      to: email,
      data: { recipient: { name: 'Siti' }, validMinutes: 60 },
      oneTimeLink: { kind: 'password_reset', personId: email, ttlSeconds: 3600 },
    });
    expect(revoked).toMatchObject({ status: 'skipped' });
    expect(await stack().models.OneTimeToken.countDocuments({ personId: email, kind: 'password_reset' })).toBe(0);
    expect(await stack().models.Notification.exists({ _id: waiting })).toBeNull();
    // Nor does an email naming a request the API never recorded.
    const unknown = await stack().activities.sendEmail({
      dedupeKey: `password-reset:${email}:tidak-ada`,
      template: 'password-reset',
      to: email,
      data: { recipient: { name: 'Siti' }, validMinutes: 60 },
      oneTimeLink: { kind: 'password_reset', personId: email, ttlSeconds: 3600 },
    });
    expect(unknown).toMatchObject({ status: 'skipped' });
    expect(await stack().models.OneTimeToken.countDocuments({ personId: email, kind: 'password_reset' })).toBe(0);
  });

  it('limits failed sign-in attempts per address with a 429 problem and Retry-After', async () => {
    const { config, models, mongo, client } = stack();
    // Its own app (a fresh limiter) with a small limit, so the other tests keep their budget.
    const app = composeApp({
      config: { ...config, auth: { ...config.auth, rateLimit: 3 } },
      log: pino({ level: 'silent' }),
      temporal: client,
      temporalConnection: client.connection as Connection,
      mongo,
      models,
    });
    const email = `limit-${run}@pemkot.test`;
    for (let attempt = 0; attempt < 3; attempt++) {
      await request(app).post('/api/v1/auth/sign-in').send({ email, password }).expect(401);
    }
    const limited = await request(app).post('/api/v1/auth/sign-in').send({ email, password }).expect(429);
    expect(limited.type).toBe('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    await request(app).post('/api/v1/auth/password-reset').send({ email }).expect(202);
  });

  it('creates the first admin once and never overwrites an existing password', async () => {
    const email = `First-Admin-${run}@pemkot.test`;
    const first = await ensureFirstAdmin(stack(), { email, name: 'Admin Pertama', password });
    expect(first).toEqual({ personId: email.toLowerCase(), created: true });
    const again = await ensureFirstAdmin(stack(), { email, name: 'Orang Lain', password: 'kata-sandi-lain-panjang' });
    expect(again.created).toBe(false);

    await signIn(email, 'kata-sandi-lain-panjang').expect(401);
    const signedIn = await signIn(email).expect(200);
    expect(signedIn.body.me).toMatchObject({
      person: { name: 'Admin Pertama' },
      grants: [{ role: 'admin_organisasi' }],
      instansiRoles: ['admin_organisasi'],
    });
    // The new admin may manage people at once.
    await request(stack().app).get('/api/v1/people').auth(signedIn.body.accessToken, bearer).expect(200);
  });
});
