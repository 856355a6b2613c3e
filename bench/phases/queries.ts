/**
 * 3. Inbox and dashboard queries over a realistic read model (tasksPerUnit × units tasks: 100,000 at 200 units),
 * written straight into the Task collection. One request at a time, each product request next to its floor — the
 * same query done directly with the MongoDB driver (the inbox's own filter, sort and limit; the cycle read and the
 * progress aggregation) — so drift on a busy machine touches both alike.
 */
import { randomUUID } from 'node:crypto';
import type { Principal } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import { inboxFilter } from '../../api/tasks/task-inbox';
import { inboxQuery } from '../../api/tasks/task.schemas';
import { call, expectStatus } from '../support/http';
import { progress } from '../support/progress';
import { percentiles, type Percentiles } from '../support/stats';
import type { ApiProcess, BenchStack } from '../support/stack';
import { taskCorpus } from '../support/task-corpus';

export type QueryKind = 'unitInbox' | 'instansiInbox' | 'cycleProgress';

export interface QueryFigure {
  kind: QueryKind;
  request: string;
  product: Percentiles;
  floor: Percentiles;
  /** Whether the API and the driver returned the same tasks (inbox) or totals (progress). */
  sameAnswer: boolean;
  itemsPerPage?: number[];
}

export interface QueriesResult {
  tasksInDatabase: number;
  tasksWritten: number;
  cycles: number;
  currentCycleTasks: number;
  writeSeconds: number;
  figures: QueryFigure[];
  /**
   * Diagnostic, not a goal: an authenticated request that queries no task (`GET /api/v1/auth/me`: the session and
   * the account read by id, HTTP and JSON), what every product request pays before its own query.
   */
  apiAlone: Percentiles;
}

export interface QueriesContext {
  stack: BenchStack;
  api: ApiProcess;
  samples: number;
}

type Raw = Record<string, string>;

export async function queriesPhase(context: QueriesContext, units: number, target: number): Promise<QueriesResult> {
  const { stack, api } = context;
  const { Task, Cycle } = stack.models;
  const now = new Date();
  const existing = await Task.countDocuments({});
  const corpus = taskCorpus({ units, tag: randomUUID().slice(0, 6), now, tasks: Math.max(0, target - existing) });
  progress(`queries: writing ${target - existing} tasks (${corpus.cycles.length} cycles × ${units} units) directly`);
  const writeStarted = performance.now();
  await Cycle.collection.insertMany(corpus.cycleDocuments() as never[]);
  let written = 0;
  const tasksWritten = await corpus.write(target - existing, async (batch) => {
    await Task.collection.insertMany(batch as never[], { ordered: false });
    written += batch.length;
    if (written % 20_000 === 0) progress(`  queries: ${written} tasks written`);
  });
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  const [tasksInDatabase, currentCycleTasks] = await Promise.all([
    Task.countDocuments({}),
    Task.countDocuments({ cycleId: corpus.current.id }),
  ]);
  progress(`queries: ${tasksInDatabase} tasks in the database, ${currentCycleTasks} in the current cycle`);

  const unit = corpus.units[0]!;
  const ketua: Principal = person(`ketua.${unit.toLowerCase()}@pemkot.test`, 'Ketua Tim', [
    { role: 'ketua_tim', unitCode: unit },
  ]);
  const admin: Principal = person(`organisasi-${randomUUID().slice(0, 8)}@pemkot.test`, 'Bagian Organisasi', [
    { role: 'admin_organisasi' },
  ]);
  const tokens = new Map<Principal, string>();
  for (const who of [ketua, admin]) tokens.set(who, await stack.tokenFor(who, [...who.grants]));

  const inbox = async (kind: QueryKind, who: Principal, raw: Raw): Promise<QueryFigure> => {
    const token = tokens.get(who)!;
    const url = (query: Raw) => `/api/v1/tasks?${new URLSearchParams(query)}`;
    // The second page follows the first one's cursor, as a person paging on does.
    const first = expectStatus(await call(api.url, 'GET', url(raw), token), 200, kind).body as Page;
    const pages: Raw[] = [raw, ...(first.nextCursor ? [{ ...raw, cursor: first.nextCursor }] : [])];
    const driver = (query: Raw) => {
      const parsed = inboxQuery.parse(query);
      const filter = inboxFilter(parsed, { principal: who, now: new Date(), substituting: [] });
      return () =>
        Task.collection
          .find(filter as never)
          .sort({ due: 1, _id: 1 })
          .limit((parsed.limit ?? 50) + 1)
          .toArray();
    };
    let sameAnswer = true;
    const itemsPerPage: number[] = [];
    for (const query of pages) {
      const viaApi = expectStatus(await call(api.url, 'GET', url(query), token), 200, kind).body as Page;
      const viaDriver = (await driver(query)()).slice(0, Number(query.limit ?? 50));
      itemsPerPage.push(viaApi.items.length);
      sameAnswer &&= JSON.stringify(viaApi.items.map((i) => i.id)) === JSON.stringify(viaDriver.map((t) => t._id));
    }
    const { product, floor } = await sample(
      context.samples,
      (n) => call(api.url, 'GET', url(pages[n % pages.length]!), token),
      (n) => driver(pages[n % pages.length]!),
    );
    return {
      kind,
      request: `GET ${url(raw)}${pages.length > 1 ? ' (and its next page)' : ''}`,
      product,
      floor,
      sameAnswer,
      itemsPerPage,
    };
  };

  progress(`queries: GET /api/v1/auth/me (the API's cost without a query, diagnostic), ${context.samples} samples`);
  const apiAlone = await alone(context.samples, () => call(api.url, 'GET', '/api/v1/auth/me', tokens.get(ketua)!));

  progress(`queries: inbox of a ketua tim (one unit), ${context.samples} samples`);
  const unitInbox = await inbox('unitInbox', ketua, {
    scope: 'unit',
    cycle: corpus.current.id,
    status: 'open,claimed,submitted,revision_requested',
    limit: '20',
  });
  progress(`queries: inbox of Bagian Organisasi (every unit, overdue), ${context.samples} samples`);
  const instansiInbox = await inbox('instansiInbox', admin, {
    scope: 'unit',
    cycle: corpus.current.id,
    overdue: 'true',
    limit: '50',
  });

  progress(`queries: cycle progress (GET /api/v1/cycles/:id, every unit), ${context.samples} samples`);
  const cycleId = corpus.current.id;
  const adminToken = tokens.get(admin)!;
  const viaApi = expectStatus(await call(api.url, 'GET', `/api/v1/cycles/${cycleId}`, adminToken), 200, 'progress');
  const progressFloor = async () => {
    // What CycleService.get does with the database: the cycle by id, then the grouped counts of its tasks.
    const cycle = await Cycle.collection.findOne({ _id: cycleId as never });
    const unitCodes = (cycle!.units as { code: string }[]).map((u) => u.code);
    return Task.collection
      .aggregate([
        { $match: { cycleId, unitCode: { $in: unitCodes } } },
        {
          $group: {
            _id: { unitCode: '$unitCode', stage: '$stage', area: '$area', status: '$status' },
            count: { $sum: 1 },
            overdue: { $sum: { $cond: [{ $eq: ['$overdue', true] }, 1, 0] } },
            maxEscalationLevel: { $max: '$escalationLevel' },
          },
        },
      ])
      .toArray();
  };
  const grouped = await progressFloor();
  const total = grouped.reduce((sum, row) => sum + (row.count as number), 0);
  const progressFigure = await sample(
    context.samples,
    () => call(api.url, 'GET', `/api/v1/cycles/${cycleId}`, adminToken),
    () => progressFloor,
  );
  // The memory phase needs none of them: removed, so the in-memory database server does not carry them on.
  const cycleIds = corpus.cycles.map((cycle) => cycle.id);
  await Task.collection.deleteMany({ cycleId: { $in: cycleIds } });
  await Cycle.collection.deleteMany({ _id: { $in: cycleIds as never[] } });
  progress(`queries: the ${tasksWritten} written tasks removed again`);
  return {
    tasksInDatabase,
    tasksWritten,
    cycles: corpus.cycles.length,
    currentCycleTasks,
    writeSeconds,
    apiAlone,
    figures: [
      unitInbox,
      instansiInbox,
      {
        kind: 'cycleProgress',
        request: `GET /api/v1/cycles/${cycleId}`,
        ...progressFigure,
        sameAnswer: (viaApi.body as { progress?: { overall?: { total?: number } } }).progress?.overall?.total === total,
      },
    ],
  };
}

interface Page {
  items: { id: string }[];
  nextCursor: string | null;
}

function person(email: string, name: string, grants: Principal['grants']): Principal {
  return { personId: personIdOf(email), name, email, grants };
}

/**
 * `samples` product requests and as many floor queries, alternating which goes first, after a few of each to warm
 * up. A product request that does not answer 200 fails the phase: its time would not be the query's.
 */
async function sample(
  samples: number,
  product: (n: number) => Promise<{ status: number; ms: number; body: unknown }>,
  floorFor: (n: number) => () => Promise<unknown>,
): Promise<{ product: Percentiles; floor: Percentiles }> {
  const times = { product: [] as number[], floor: [] as number[] };
  const warmUp = 5;
  for (let n = 0; n < samples + warmUp; n++) {
    const runProduct = async () => {
      const answer = await product(n);
      if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
      if (n >= warmUp) times.product.push(answer.ms);
    };
    const runFloor = async () => {
      const query = floorFor(n);
      const started = performance.now();
      await query();
      if (n >= warmUp) times.floor.push(performance.now() - started);
    };
    if (n % 2 === 0) {
      await runProduct();
      await runFloor();
    } else {
      await runFloor();
      await runProduct();
    }
  }
  return { product: percentiles(times.product), floor: percentiles(times.floor) };
}

/** `samples` requests one at a time after 5 unmeasured; any answer but 200 fails the phase. */
async function alone(
  samples: number,
  request: () => Promise<{ status: number; ms: number; body: unknown }>,
): Promise<Percentiles> {
  const times: number[] = [];
  for (let n = 0; n < samples + 5; n++) {
    const answer = await request();
    if (answer.status !== 200) throw new Error(`HTTP ${answer.status}: ${JSON.stringify(answer.body).slice(0, 300)}`);
    if (n >= 5) times.push(answer.ms);
  }
  return percentiles(times);
}
