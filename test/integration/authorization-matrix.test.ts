import request from 'supertest';
import { cycleWorkflowId } from '../../workflows/definitions';
import { bearer } from '../support/auth';
import { useTestStack } from '../support/stack';
import { eventually } from '../support/wait';
import {
  cellIds,
  formatSummary,
  isAllowed,
  type CellId,
  type Outcome,
  type RowResult,
} from './authorization-matrix/cells';
import { matrixRows, type Call, type Row } from './authorization-matrix/rows';
import { startedWorkflows } from './authorization-matrix/targets';
import { createWorld, type Actor, type World } from './authorization-matrix/world';

/**
 * Issue 4's authorization matrix: every mutating operation of the served OpenAPI document × every role, in the
 * target's unit (A) and in another unit (B). Allowed calls succeed and change the target; refused ones answer
 * 403/404 (or 422 where the workflow's own rule refuses what the API let through) and change nothing, as read in
 * MongoDB and in the workflow's query. The rows live in authorization-matrix/rows.ts.
 */
const stack = useTestStack();
const rows = matrixRows();
const labelOf = (row: Row) => (row.variant ? `${row.operation} (${row.variant})` : row.operation);

/** Sign-out only ends the caller's own session, which no role guards (public operations carry `security: []`). */
const outOfScope = new Set(['POST /api/v1/auth/sign-out']);

let world: World;
const results: RowResult[] = [];

function send(call: Call, actor: Actor) {
  const api = request(stack().app);
  const pending = api[call.method](call.path).auth(actor.token, bearer);
  if (call.form) {
    for (const [name, value] of Object.entries(call.form.fields)) void pending.field(name, value);
    const { name, content, contentType } = call.form.file;
    return pending.attach('file', content, { filename: name, contentType });
  }
  return call.body ? pending.send(call.body) : pending;
}

/** The cell's outcome as the matrix writes it; a bulk call's result for its one task. */
function outcomeOf(response: request.Response): { got: string; detail?: string } {
  const items = response.body?.items as { status: string; reason?: string }[] | undefined;
  if (response.status === 200 && Array.isArray(items) && items.length === 1) {
    return { got: `200:${items[0]!.status}`, detail: items[0]!.reason };
  }
  return { got: String(response.status), detail: response.body?.detail };
}

/** Runs one cell; returns what it got and what was wrong (empty when the cell holds). */
async function runCell(row: Row, target: unknown, cell: CellId, expected: Outcome): Promise<[string, string[]]> {
  const actor = world.actors[cell];
  const problems: string[] = [];
  const before = JSON.stringify(await row.probe(target, actor, world));
  const response = await send(row.call(target, actor, world), actor);
  const { got, detail } = outcomeOf(response);
  const where = `${labelOf(row)} as ${cell}`;
  if (got !== String(expected)) {
    problems.push(`${where}: expected ${expected}, got ${got}${detail ? ` (${detail})` : ''}`);
  }
  if (response.status >= 500 || (response.status >= 400 && response.type !== 'application/problem+json')) {
    problems.push(`${where}: ${response.status} ${response.type} is not a problem+json refusal`);
  }
  const workflowRefusal = expected === 422 || row.workflowRule?.cells?.includes(cell);
  if (workflowRefusal && got === String(expected) && !row.workflowRule?.detail.test(detail ?? '')) {
    problems.push(`${where}: refused for another reason than the workflow rule: ${detail}`);
  }
  const probe = () => row.probe(target, actor, world).then((state) => JSON.stringify(state));
  if (!isAllowed(expected) || row.readOnly) {
    const after = await probe();
    if (after !== before) problems.push(`${where}: changed state\n  before ${before}\n  after  ${after}`);
  } else if (got === String(expected)) {
    // Some effects land a moment later (a queued email's record, a launched cycle's read model).
    const changed = await eventually(async () => ((await probe()) !== before ? true : undefined), {
      timeoutMs: 10_000,
    }).catch(() => false);
    if (!changed) problems.push(`${where}: answered ${got} but changed nothing\n  state ${before}`);
  }
  return [got, problems];
}

/**
 * Refused cells first, all on one target (each must leave it as it was); then allowed ones, the first on that same
 * target and later ones on fresh targets when an allowed call uses its target up.
 */
async function runRow(row: Row): Promise<RowResult> {
  const got = {} as Record<CellId, string>;
  const problems: string[] = [];
  const shared = await row.setup(world);
  const refused = cellIds.filter((cell) => !isAllowed(row.expect[cell]));
  const allowed = cellIds.filter((cell) => isAllowed(row.expect[cell]));
  for (const cell of refused) {
    const [outcome, found] = await runCell(row, shared, cell, row.expect[cell]);
    got[cell] = outcome;
    problems.push(...found);
  }
  for (const [index, cell] of allowed.entries()) {
    const target = index > 0 && row.consumes ? await row.setup(world) : shared;
    const [outcome, found] = await runCell(row, target, cell, row.expect[cell]);
    got[cell] = outcome;
    problems.push(...found);
  }
  return { label: labelOf(row), got, problems, ...(row.workflowRule ? { workflowRule: row.workflowRule.why } : {}) };
}

describe('authorization matrix: every mutating endpoint × every role × own unit / other unit', () => {
  // Inside the describe, so the cleanup runs before the stack's own afterAll closes its connections.
  beforeAll(async () => {
    world = await createWorld(stack());
  }, 60_000);

  afterAll(async () => {
    if (results.length > 0) process.stdout.write(`\n${formatSummary(results)}`);
    if (!world) return;
    // Nothing polls this file's task queue after it ends: end what it started rather than leave it waiting (a cycle
    // takes its units and their tasks with it). The launch row's cycle is found by the run in its name.
    const launched = await stack()
      .models.Cycle.find({ name: { $regex: world.run } }, { _id: 1 })
      .lean();
    const ids = new Set([...startedWorkflows, ...launched.map((cycle) => cycleWorkflowId(cycle._id))]);
    await Promise.allSettled(
      [...ids].map((id) => stack().client.workflow.getHandle(id).terminate('authorization matrix finished')),
    );
  });

  it('has a row for every mutating operation the OpenAPI document serves, and no row for one it does not', async () => {
    const document = await request(stack().app).get('/api/openapi.json').expect(200);
    const paths = document.body.paths as Record<string, Record<string, { security?: unknown[] }>>;
    const mutating = Object.entries(paths)
      .filter(([path]) => path.startsWith('/api/v1/'))
      .flatMap(([path, item]) =>
        Object.entries(item)
          .filter(([method]) => ['post', 'put', 'patch', 'delete'].includes(method))
          // `security: []` marks the public operations (sign-in, refresh, invitation accept, password reset).
          .filter(([, operation]) => !(Array.isArray(operation.security) && operation.security.length === 0))
          .map(([method]) => `${method.toUpperCase()} ${path}`),
      )
      .filter((operation) => !outOfScope.has(operation))
      .sort();
    const covered = new Set(rows.map((row) => row.operation));
    expect(mutating.filter((operation) => !covered.has(operation))).toEqual([]);
    expect([...covered].filter((operation) => !mutating.includes(operation))).toEqual([]);
    for (const row of rows) {
      expect(Object.keys(row.expect).sort()).toEqual([...cellIds].sort());
      // A 422 cell names the workflow rule that refuses it.
      if (cellIds.some((cell) => row.expect[cell] === 422)) expect(row.workflowRule).toBeDefined();
    }
  });

  it.each(rows.map((row) => [labelOf(row), row] as const))(
    '%s',
    async (_label, row) => {
      const result = await runRow(row);
      results.push(result);
      expect(result.problems).toEqual([]);
    },
    120_000,
  );
});
