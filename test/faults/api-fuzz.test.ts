import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import request from 'supertest';
import { SessionService } from '../../api/auth/sessions';
import { defaultCatalogue } from '../../domain/catalogue';
import { personIdOf } from '../../domain/people';
import { taskWorkflowId } from '../../workflows/definitions';
import { openTimeline } from '../fixtures/lifecycle';
import { adminToken, bearer, tokenFor } from '../support/auth';
import { useTestStack, type TestStack } from '../support/stack';
import { eventually } from '../support/wait';
import { differences, settledSnapshot } from './api-fuzz/data-snapshot';
import { fuzzedOperations, requestArbitrary, type FuzzContext } from './api-fuzz/generate';
import { unservedMethods, type OpenApiDocument } from './api-fuzz/operations';
import { describeOutcome, faultsOf, httpClient, type Outcome } from './api-fuzz/answers';
import { surelyRefused, type FuzzRequest } from './api-fuzz/request';

/**
 * Issue 7, API fuzzing: thousands of generated malformed and hostile requests (fast-check over the served OpenAPI
 * document) against the real app and servers, signed in as an instansi-wide admin and also without a session.
 * Every answer must be below 500, problem+json when it is a 4xx, and free of stack traces; no request the document
 * calls invalid may be accepted; and the database must hold exactly what it held before (counts and content).
 *
 * FAULTS_SIZE=small (default) sends 10,000 requests, FAULTS_SIZE=large 50,000. The seed is printed; FAULTS_SEED
 * (and FAULTS_PATH, from a failure's report) replay a run.
 */

// A database of its own, so test files running alongside never move its figures (read when the stack starts).
// The auth rate limit is lifted so generated sign-ins reach validation instead of stopping at 429.
const savedEnv = { MONGODB_URI: process.env.MONGODB_URI, AUTH_RATE_LIMIT: process.env.AUTH_RATE_LIMIT };
const database = `zi-fuzz-${randomUUID().slice(0, 8)}`;
if (process.env.MONGODB_URI) {
  process.env.MONGODB_URI = process.env.MONGODB_URI.replace(
    /^(mongodb(?:\+srv)?:\/\/[^/?]+)(\/[^?]*)?/,
    `$1/${database}`,
  );
}
process.env.AUTH_RATE_LIMIT = '1000000000';
afterAll(() => {
  for (const [name, value] of Object.entries(savedEnv)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});

const stack = useTestStack();

const large = process.env.FAULTS_SIZE === 'large';
const requestCount = large ? 50_000 : 10_000;
/** Requests sent at once; fast-check draws one batch per run. */
const batchSize = 25;
const seed = process.env.FAULTS_SEED ? Number(process.env.FAULTS_SEED) : Math.floor(Math.random() * 2 ** 31);
const replayPath = process.env.FAULTS_PATH;

const admin = { name: 'Bagian Organisasi Fuzz', email: `organisasi-fuzz-${randomUUID().slice(0, 8)}@pemkot.test` };

/** Figures of the run, printed at the end whatever happens. */
const tally = {
  requests: 0,
  refusedByDocument: 0,
  byStatus: new Map<number, number>(),
  accepted: new Map<string, number>(),
  transportErrors: 0,
  reSignIns: 0,
  crashes: [] as string[],
  startedAt: 0,
  finishedAt: 0,
  /** The database compared before and after: collections with their document counts. */
  data: '',
};

afterAll(() => {
  const count = (test: (status: number) => boolean) =>
    [...tally.byStatus].filter(([status]) => test(status)).reduce((sum, [, n]) => sum + n, 0);
  const statuses = [...tally.byStatus]
    .sort(([a], [b]) => a - b)
    .map(([status, n]) => `${status}: ${n}`)
    .join(', ');
  const accepted = [...tally.accepted].map(([label, n]) => `${label} ×${n}`).join(', ');
  const seconds = (tally.finishedAt - tally.startedAt) / 1000;
  process.stdout.write(
    `\n[api fuzz] seed ${seed}${replayPath ? ` path ${replayPath}` : ''} · ${tally.requests} requests in ` +
      `${seconds.toFixed(1)} s (${Math.round(tally.requests / Math.max(seconds, 0.001))}/s) · ` +
      `invalid by the document ${tally.refusedByDocument}\n` +
      `[api fuzz] 2xx ${count((s) => s < 300)} · 3xx ${count((s) => s >= 300 && s < 400)} · ` +
      `4xx ${count((s) => s >= 400 && s < 500)} · 5xx ${count((s) => s >= 500)} · no answer ${tally.transportErrors} · ` +
      `crashes ${tally.crashes.length} · re-sign-ins ${tally.reSignIns}\n` +
      `[api fuzz] by status: ${statuses}\n` +
      `[api fuzz] accepted (reads with well-formed hostile input): ${accepted || 'none'}\n` +
      `[api fuzz] data compared before/after (count + content hash): ${tally.data || 'not reached'}\n`,
  );
});

const expectStatus = (status: number) => (response: request.Response) => {
  if (response.status !== status) throw new Error(`expected ${status}, got ${response.status}: ${response.text}`);
};

/** The ids of real objects the generated requests may hit: a unit, a cycle with one task, its emails, a substitute. */
async function createFixtures(s: TestStack, base: string, token: string): Promise<FuzzContext['realIds']> {
  const api = () => request(base);
  const tag = randomUUID().slice(0, 8).toUpperCase();
  const unitCode = `FUZZ-${tag}`;
  const headEmail = `kepala-fuzz-${tag.toLowerCase()}@pemkot.test`;
  await api()
    .post('/api/v1/units')
    .auth(token, bearer)
    .send({ code: unitCode, name: 'Unit Uji Fuzz', zone: 'WIB', headEmail })
    .expect(expectStatus(201));
  // One required task per stage; the first one's due date at the end of its stage, so no timer fires during the run.
  const kept = new Set([
    'pencanangan_zi',
    'submit_tim_kerja',
    'agen_perubahan',
    'laporan_kemajuan_bulanan',
    'penilaian_mandiri_lke',
    'pencatatan_predikat',
  ]);
  const launched = await api()
    .post('/api/v1/cycles')
    .auth(token, bearer)
    .send({
      name: 'Siklus uji fuzz',
      year: 2026,
      units: [{ code: unitCode }],
      timeline: openTimeline,
      catalogue: {
        drop: defaultCatalogue.templates.map((t) => t.key).filter((key) => !kept.has(key)),
        change: [{ key: 'pencanangan_zi', due: { kind: 'at_stage_due' } }],
      },
      clock: { origin: '2026-03-02T00:00:00.000Z', speedup: 1 },
    })
    .expect(expectStatus(202));
  const cycleId = launched.body.id as string;
  const taskId = taskWorkflowId(cycleId, unitCode, 'pencanangan_zi');
  await eventually(
    () =>
      s.models.Task.findById(taskId)
        .lean()
        .then((task) => task ?? undefined),
    {
      what: `task ${taskId}`,
      timeoutMs: 60_000,
    },
  );
  const notification = await eventually(
    () =>
      s.models.Notification.findOne({})
        .lean()
        .then((found) => found ?? undefined),
    { what: 'a notification of the launch', timeoutMs: 60_000 },
  );
  // A colleague stands in for the unit head for ten days, starting next month.
  const colleague = { name: 'Rekan Uji Fuzz', email: `rekan-fuzz-${tag.toLowerCase()}@pemkot.test` };
  await tokenFor(s, colleague, [{ role: 'anggota_tim', unitCode }]);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const substitution = await api()
    .post('/api/v1/substitutes')
    .auth(token, bearer)
    .send({ substitute: colleague, from: day(30), to: day(39), personId: headEmail })
    .expect(expectStatus(201));
  return {
    'units:code': [unitCode],
    'cycles:id': [cycleId],
    'tasks:id': [taskId],
    'people:id': [personIdOf(admin.email), personIdOf(headEmail)],
    'notifications:id': [String(notification._id)],
    'substitutes:id': [substitution.body.id as string],
  };
}

/** A new session for the admin without touching their account (its content is part of the snapshot). */
async function newSession(s: TestStack): Promise<string> {
  const account = await s.models.Account.findById(personIdOf(admin.email)).lean();
  const sessions = new SessionService({
    Session: s.models.Session,
    Account: s.models.Account,
    accessTtlSeconds: s.config.auth.accessTtlSeconds,
    refreshTtlSeconds: s.config.auth.refreshTtlSeconds,
  });
  return (await sessions.open({ _id: account!._id, sessionVersion: account!.sessionVersion })).accessToken;
}

describe('API fuzzing: generated hostile requests', () => {
  let server: Server;
  let base: string;
  const client = httpClient(batchSize);

  beforeAll(async () => {
    server = createServer(stack().app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    client.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  it(
    `answers ${requestCount} generated requests below 500, as problems, and changes nothing`,
    async () => {
      const s = stack();
      let token = await adminToken(s, admin);
      const { body: document } = (await request(base).get('/api/openapi.json').expect(200)) as {
        body: OpenApiDocument;
      };
      const realIds = await createFixtures(s, base, token);
      const context: FuzzContext = { document, realIds };
      expect(fuzzedOperations(context).length).toBeGreaterThan(40);
      const before = await settledSnapshot(s.mongo);
      tally.data = Object.entries(before.counts)
        .map(([name, count]) => `${name} ${count}`)
        .join(', ');

      const onCrash = (error: unknown) =>
        tally.crashes.push(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.on('uncaughtException', onCrash);
      process.on('unhandledRejection', onCrash);
      const unserved = new Map<string, ReturnType<typeof unservedMethods>>();
      const unservedOf = (path: string) => {
        if (!unserved.has(path)) unserved.set(path, unservedMethods(document, path));
        return unserved.get(path)!;
      };

      const batch = async (requests: FuzzRequest[]) => {
        const outcomes: Outcome[] = await Promise.all(
          requests.map(async (fuzz) => ({
            ...(await client.send(base, fuzz, token)),
            refusedByDocument: surelyRefused(fuzz, unservedOf(fuzz.operation.path)),
          })),
        );
        const failures: string[] = [];
        let sessionLost = false;
        for (const outcome of outcomes) {
          tally.requests += 1;
          if (outcome.refusedByDocument) tally.refusedByDocument += 1;
          if (outcome.status === undefined) tally.transportErrors += 1;
          else tally.byStatus.set(outcome.status, (tally.byStatus.get(outcome.status) ?? 0) + 1);
          if (outcome.status !== undefined && outcome.status < 400) {
            const label = outcome.request.operation.label;
            tally.accepted.set(label, (tally.accepted.get(label) ?? 0) + 1);
          }
          if (outcome.status === 401 && outcome.request.auth === 'admin' && !outcome.request.operation.public) {
            sessionLost = true;
          }
          const faults = faultsOf(outcome);
          if (faults.length > 0) failures.push(describeOutcome(outcome, faults));
        }
        // A generated request that signed the session out (it should not exist) must not spoil the rest of the run.
        if (sessionLost && (await request(base).get('/api/v1/auth/me').auth(token, bearer)).status === 401) {
          token = await newSession(s);
          tally.reSignIns += 1;
        }
        if (tally.crashes.length > 0) failures.push(`the process reported: ${tally.crashes.join('\n')}`);
        if (failures.length > 0) {
          throw new Error(
            `${failures.length} of ${outcomes.length} answers are wrong:\n${failures.slice(0, 5).join('\n')}`,
          );
        }
      };

      tally.startedAt = Date.now();
      try {
        await fc.assert(
          fc.asyncProperty(fc.array(requestArbitrary(context), { minLength: batchSize, maxLength: batchSize }), batch),
          {
            seed,
            ...(replayPath ? { path: replayPath } : {}),
            numRuns: Math.ceil(requestCount / batchSize),
            endOnFailure: true, // shrinking would resend thousands of requests; the report names the failing ones
            reporter: (details) => {
              if (!details.failed) return;
              const cause =
                details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
              throw new Error(
                `API fuzzing failed (replay: FAULTS_SEED=${details.seed} FAULTS_PATH=${details.counterexamplePath})\n${cause}`,
              );
            },
          },
        );
      } finally {
        tally.finishedAt = Date.now();
        process.off('uncaughtException', onCrash);
        process.off('unhandledRejection', onCrash);
      }

      // Still serving, and the admin is still signed in.
      await request(base).get('/healthz').expect(200);
      await request(base).get('/api/v1/auth/me').auth(token, bearer).expect(200);
      expect(tally.requests).toBeGreaterThanOrEqual(requestCount);
      expect(tally.crashes).toEqual([]);
      // Nothing changed, including anything a request might have set off to happen later.
      const after = await settledSnapshot(s.mongo);
      // The only change allowed: the sessions the test itself opened again after a generated sign-out.
      const changes = differences(before, after).filter(
        (change) =>
          !(
            change.startsWith('sessions:') &&
            tally.reSignIns > 0 &&
            after.counts.sessions === (before.counts.sessions ?? 0) + tally.reSignIns
          ),
      );
      tally.data += changes.length === 0 ? ' → unchanged' : ` → CHANGED: ${changes.join('; ')}`;
      expect(changes).toEqual([]);
      await s.mongo.db!.dropDatabase();
    },
    large ? 1_800_000 : 300_000,
  );
});
