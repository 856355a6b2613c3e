import type { NextFunction, Request, Response } from 'express';
import { z } from 'zod';
import { HttpProblem } from '../../api/problem';
import { validate, type RequestSchema } from '../../api/validate';

interface FakeRequestParts {
  params?: unknown;
  query?: unknown;
  body?: unknown;
}

/** Builds a request the way Express 5 does: `query` is a getter on the prototype, not a writable property. */
function fakeRequest({ params = {}, query = {}, body }: FakeRequestParts): Request {
  const proto = {};
  Object.defineProperty(proto, 'query', { configurable: true, enumerable: true, get: () => query });
  const req = Object.create(proto) as Record<string, unknown>;
  req.params = params;
  if (body !== undefined) req.body = body;
  return req as unknown as Request;
}

/** Runs the middleware once and returns what it passed to next (undefined means "no error": carry on). */
function run(schema: RequestSchema, req: Request): unknown {
  const next = jest.fn();
  validate(schema)(req, {} as Response, next as NextFunction);
  expect(next).toHaveBeenCalledTimes(1);
  const args = next.mock.calls[0] as unknown[];
  expect(args.length).toBeLessThanOrEqual(1);
  return args[0];
}

function problemOf(schema: RequestSchema, req: Request): HttpProblem {
  const error = run(schema, req);
  expect(error).toBeInstanceOf(HttpProblem);
  return error as HttpProblem;
}

const bodySchema = z.strictObject({
  name: z.string().trim().min(3),
  year: z.number().int().min(2014),
  owner: z.strictObject({ email: z.email() }).optional(),
});
const querySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  status: z.enum(['launching', 'launched']).optional(),
});
const paramsSchema = z.strictObject({
  id: z
    .string()
    .trim()
    .regex(/^[a-z0-9-]+$/),
});
const schema: RequestSchema = { params: paramsSchema, query: querySchema, body: bodySchema };

describe('validate', () => {
  it('calls next without an error and writes back the parsed values', () => {
    const req = fakeRequest({
      params: { id: ' 2026-abc ' },
      query: { limit: '5' },
      body: { name: '  Siklus 2026  ', year: 2026 },
    });
    expect(run(schema, req)).toBeUndefined();
    expect(req.params).toEqual({ id: '2026-abc' });
    expect(req.query).toEqual({ limit: 5 });
    expect(req.body).toEqual({ name: 'Siklus 2026', year: 2026 });
  });

  it('overrides the Express 5 req.query getter with the parsed value', () => {
    const rawQuery = { limit: '7' };
    const req = fakeRequest({ query: rawQuery });
    expect(req.query).toBe(rawQuery);
    run({ query: querySchema }, req);
    expect(req.query).toEqual({ limit: 7 });
    expect(typeof req.query.limit).toBe('number');
    expect(Object.getOwnPropertyDescriptor(req, 'query')?.value).toEqual({ limit: 7 });
  });

  it('also overrides a getter defined on the request itself', () => {
    const req = {} as Record<string, unknown>;
    Object.defineProperty(req, 'query', { configurable: true, enumerable: true, get: () => ({}) });
    expect(run({ query: querySchema }, req as unknown as Request)).toBeUndefined();
    expect(req.query).toEqual({ limit: 20 });
  });

  it('applies defaults from the schema', () => {
    const req = fakeRequest({ query: {} });
    run({ query: querySchema }, req);
    expect(req.query).toEqual({ limit: 20 });
  });

  it('only validates the parts it has a schema for', () => {
    const params = { anything: 'goes' };
    const req = fakeRequest({ params, query: { whatever: '1' }, body: { name: 'Siklus', year: 2026 } });
    expect(run({ body: bodySchema }, req)).toBeUndefined();
    expect(req.params).toBe(params);
    expect(req.query).toEqual({ whatever: '1' });
  });

  it('validates a missing body as an empty object', () => {
    const problem = problemOf({ body: bodySchema }, fakeRequest({}));
    expect(problem.status).toBe(400);
    expect(problem.extras.errors?.map((e) => e.field).sort()).toEqual(['body.name', 'body.year']);
  });

  it('reports every failing field of every part with its location', () => {
    const req = fakeRequest({
      params: { id: 'NOT OK' },
      query: { limit: '500' },
      body: { name: 'ab', year: 2013, owner: { email: 'not-an-email' } },
    });
    const problem = problemOf(schema, req);
    expect(problem.status).toBe(400);
    const fields = problem.extras.errors?.map((e) => e.field);
    expect(fields?.sort()).toEqual(['body.name', 'body.owner.email', 'body.year', 'params.id', 'query.limit']);
    for (const error of problem.extras.errors ?? []) expect(error.message).toEqual(expect.any(String));
    expect(problem.detail).toContain('body.year');
    expect(problem.detail).toContain('query.limit');
  });

  it('reports each unknown key as its own field with "kolom tidak dikenal"', () => {
    const req = fakeRequest({
      query: { limit: '5', sort: 'name' },
      body: { name: 'Siklus', year: 2026, extra: 1, $where: 'x', owner: { email: 'a@b.co', role: 'admin' } },
    });
    const problem = problemOf({ query: querySchema, body: bodySchema }, req);
    expect(problem.status).toBe(400);
    expect(problem.extras.errors).toEqual(
      expect.arrayContaining([
        { field: 'query.sort', message: 'kolom tidak dikenal' },
        { field: 'body.extra', message: 'kolom tidak dikenal' },
        { field: 'body.$where', message: 'kolom tidak dikenal' },
        { field: 'body.owner.role', message: 'kolom tidak dikenal' },
      ]),
    );
    expect(problem.extras.errors).toHaveLength(4);
  });

  it('does not write back a part that failed', () => {
    const body = { name: 'ab', year: 2026 };
    const req = fakeRequest({ body });
    problemOf({ body: bodySchema }, req);
    expect(req.body).toBe(body);
  });

  it('uses the index of array elements in the field path', () => {
    const req = fakeRequest({ body: { units: [{ code: 'A' }, { code: '' }] } });
    const problem = problemOf(
      { body: z.strictObject({ units: z.array(z.strictObject({ code: z.string().min(1) })) }) },
      req,
    );
    expect(problem.extras.errors?.map((e) => e.field)).toEqual(['body.units.1.code']);
  });
});
