import request from 'supertest';
import type { Response } from 'supertest';
import { adminToken, bearer } from '../support/auth';
import { useTestStack, type TestStack } from '../support/stack';

const stack = useTestStack();

/**
 * Every operation the OpenAPI document lists, attacked with bad input: wrong types, missing and unknown fields,
 * operator and prototype keys, malformed JSON, oversized bodies, hostile ids and query strings. Each answer must be a
 * 4xx application/problem+json — never a 5xx, never a stack trace — and nothing may change in the database. The
 * operations come from the served document, so a new endpoint is attacked without editing this file.
 */

interface OperationDoc {
  method: string;
  path: string;
  parameters: { name: string; in: 'path' | 'query' }[];
  body?: { properties: Record<string, { type?: string | string[] }>; required: string[] };
}

const hostileIds = ['$where', 'a.b', '%24gt', '..%2F..%2Fetc', 'x'.repeat(3000), '%00', '{"$ne":1}'];

/** Bodies that no operation may accept. */
const hostileBodies: [string, string][] = [
  ['malformed JSON', '{"name": '],
  ['a JSON array', '[]'],
  ['a JSON string', '"teks"'],
  ['JSON null', 'null'],
  ['an operator key', '{"$where": "sleep(1000)"}'],
  ['a dotted key', '{"a.b": 1}'],
  ['a prototype key', '{"__proto__": {"isAdmin": true}}'],
  ['a constructor key', '{"constructor": {"prototype": {"isAdmin": true}}}'],
];

const wrongValueFor = (type: string | string[] | undefined): unknown => {
  const kind = Array.isArray(type) ? type[0] : type;
  switch (kind) {
    case 'string':
      return { $gt: '' };
    case 'number':
    case 'integer':
      return 'bukan angka';
    case 'boolean':
      return 'ya';
    case 'array':
      return { $in: [] };
    default:
      return 12345;
  }
};

async function operationsOf(s: TestStack): Promise<OperationDoc[]> {
  const { body: document } = await request(s.app).get('/api/openapi.json').expect(200);
  const resolve = (schema: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    const ref = schema?.$ref;
    if (typeof ref !== 'string') return schema;
    return document.components.schemas[ref.replace('#/components/schemas/', '')];
  };
  const operations: OperationDoc[] = [];
  for (const [path, methods] of Object.entries(document.paths as Record<string, Record<string, unknown>>)) {
    for (const [method, raw] of Object.entries(methods)) {
      const operation = raw as {
        parameters?: { name: string; in: 'path' | 'query' }[];
        requestBody?: { content: Record<string, { schema?: Record<string, unknown> }> };
      };
      const json = resolve(operation.requestBody?.content['application/json']?.schema);
      operations.push({
        method,
        path,
        parameters: (operation.parameters ?? []).map(({ name, in: where }) => ({ name, in: where })),
        ...(json
          ? {
              body: {
                properties: (json.properties ?? {}) as Record<string, { type?: string | string[] }>,
                required: (json.required ?? []) as string[],
              },
            }
          : {}),
      });
    }
  }
  return operations;
}

const urlOf = (path: string, id: string) => path.replace(/\{[^}]+\}/g, id);

/** A plausible-looking but unknown id for each path parameter (so body checks run past the id). */
const plausibleId = (path: string) => (path.includes('/tasks/') ? 'tugas:2026-00000000:UNIT:kunci' : 'TIDAKADA');

/** Collections a rejected request must leave as they were (sessions excluded: the test signs in). */
async function snapshot(s: TestStack): Promise<Record<string, number>> {
  const db = s.mongo.db!;
  const names = (await db.listCollections().toArray())
    .map((collection) => collection.name)
    .filter((name) => name !== 'sessions' && !name.startsWith('system.'))
    .sort();
  const counts: Record<string, number> = {};
  for (const name of names) counts[name] = await db.collection(name).countDocuments();
  return counts;
}

function expectProblem(response: Response, what: string): void {
  const context = `${what} → ${response.status} ${response.text.slice(0, 300)}`;
  expect({ context, clientError: response.status >= 400 && response.status < 500 }).toEqual({
    context,
    clientError: true,
  });
  expect({ context, type: response.headers['content-type'] }).toEqual({
    context,
    type: expect.stringMatching(/^application\/problem\+json/),
  });
  expect(response.text).not.toMatch(/at .*\.(ts|js):\d+|node_modules/);
}

describe('bad input never reaches a 5xx and changes nothing', () => {
  const officer = { name: 'Bagian Organisasi', email: 'organisasi-serangan@pemkot.test' };
  const tally = { requests: 0, fiveHundreds: 0 };

  afterAll(() => {
    process.stdout.write(`\n[bad input] ${tally.requests} hostile requests, ${tally.fiveHundreds} answered 5xx\n`);
  });

  it('answers every hostile request to every operation with a 4xx problem', async () => {
    const s = stack();
    const operations = (await operationsOf(s)).filter((operation) => operation.path.startsWith('/api/v1/'));
    expect(operations.length).toBeGreaterThan(20);
    await adminToken(s, officer); // the officer's account exists before the snapshot
    const before = await snapshot(s);

    for (const operation of operations) {
      // A fresh session per operation: a sign-out among the attacks must not end the others' session.
      const token = await adminToken(s, officer);
      const send = async (what: string, build: () => request.Test) => {
        const response = await build();
        tally.requests += 1;
        if (response.status >= 500) tally.fiveHundreds += 1;
        expectProblem(response, `${operation.method.toUpperCase()} ${operation.path}: ${what}`);
      };
      const call = (url: string) =>
        request(s.app)[operation.method as 'get' | 'post' | 'put' | 'patch' | 'delete'](url).auth(token, bearer);
      const hasPathParams = operation.parameters.some((p) => p.in === 'path');

      if (hasPathParams) {
        for (const id of hostileIds) {
          await send(`id ${id.slice(0, 20)}`, () => call(urlOf(operation.path, id)).send(validLooking(operation)));
        }
      }
      const url = urlOf(operation.path, plausibleId(operation.path));
      await send('unknown query parameter', () => call(`${url}?%24where=1&status%5B%24ne%5D=x`));

      if (operation.body) {
        for (const [what, raw] of hostileBodies) {
          await send(what, () => call(url).set('content-type', 'application/json').send(raw));
        }
        await send('an unknown field', () => call(url).send({ ...validLooking(operation), tidakDikenal: true }));
        await send('an oversized body', () => call(url).send({ isi: 'x'.repeat(300 * 1024) }));
        for (const field of operation.body.required) {
          const { [field]: _missing, ...rest } = validLooking(operation);
          await send(`missing ${field}`, () => call(url).send(rest));
        }
        for (const [field, schema] of Object.entries(operation.body.properties)) {
          await send(`wrong type for ${field}`, () =>
            call(url).send({ ...validLooking(operation), [field]: wrongValueFor(schema.type) }),
          );
        }
      }
    }

    expect(tally.fiveHundreds).toBe(0);
    expect(await snapshot(s)).toEqual(before);
  }, 300_000);

  it('refuses requests without a valid session with 401 problem+json, before looking at the input', async () => {
    const s = stack();
    const operations = (await operationsOf(s)).filter(
      (operation) => operation.path.startsWith('/api/v1/') && !isPublic(operation),
    );
    for (const operation of operations) {
      const url = urlOf(operation.path, plausibleId(operation.path));
      const method = operation.method as 'get' | 'post';
      const anonymous = await request(s.app)[method](url).send({});
      expect({ at: `${method} ${url}`, status: anonymous.status }).toEqual({ at: `${method} ${url}`, status: 401 });
      const forged = await request(s.app)[method](url).auth('AAAAAAAAAAAAAAAA.BBBBBBBBBBBBBBBBBBBBBBBBBBB', bearer);
      expect({ at: `${method} ${url}`, status: forged.status }).toEqual({ at: `${method} ${url}`, status: 401 });
      expect(forged.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

/** The operations anyone may call: signing in and its relatives. */
const isPublic = (operation: OperationDoc) =>
  /^\/api\/v1\/auth\/(sign-in|refresh|invitations|password-reset)/.test(operation.path);

/** A body with every property present and of a plausible type, so a single bad field is what gets refused. */
function validLooking(operation: OperationDoc): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  for (const [field, schema] of Object.entries(operation.body?.properties ?? {})) {
    const kind = Array.isArray(schema.type) ? schema.type[0] : schema.type;
    body[field] = kind === 'number' || kind === 'integer' ? 1 : kind === 'boolean' ? true : kind === 'array' ? [] : 'x';
  }
  return body;
}
