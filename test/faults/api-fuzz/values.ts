import fc from 'fast-check';
import { mayConform } from './conformance';
import type { Schema } from './operations';

/**
 * Values for the fuzzer: plausible ones that follow a schema (so one bad change is what gets judged), and hostile
 * ones — operator and prototype keys, wrong types, numbers at and past the edges, control and unpaired characters,
 * huge strings, deep nesting.
 */

const cache = new WeakMap<Schema, fc.Arbitrary<unknown>>();

/** A value the schema (probably) accepts. */
export function plausible(schema: Schema, depth = 0): fc.Arbitrary<unknown> {
  const cached = cache.get(schema);
  if (cached) return cached;
  const built = buildPlausible(schema, depth);
  cache.set(schema, built);
  return built;
}

function buildPlausible(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  if ('const' in schema) return fc.constant(schema.const);
  if (Array.isArray(schema.enum) && schema.enum.length > 0) return fc.constantFrom(...(schema.enum as unknown[]));
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (Array.isArray(branches) && branches.length > 0) return fc.oneof(...branches.map((b) => plausible(b, depth)));
  const types = typeof schema.type === 'string' ? [schema.type] : ((schema.type as string[] | undefined) ?? []);
  const type = types.find((candidate) => candidate !== 'null') ?? types[0] ?? guessType(schema);
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  switch (type) {
    case 'string':
      return plausibleString(schema);
    case 'integer':
      return fc.integer({ min: num('minimum') ?? -1000, max: num('maximum') ?? 1000 });
    case 'number':
      return fc.double({ min: num('minimum') ?? -1000, max: num('maximum') ?? 1000, noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    case 'array': {
      const minLength = num('minItems') ?? 0;
      const maxLength = Math.max(minLength, Math.min(num('maxItems') ?? 3, depth > 2 ? minLength : 3));
      return fc.array(plausible((schema.items as Schema | undefined) ?? {}, depth + 1), { minLength, maxLength });
    }
    case 'object':
      return plausibleObject(schema, depth);
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

const guessType = (schema: Schema): string | undefined =>
  schema.properties ? 'object' : schema.items ? 'array' : undefined;

function plausibleString(schema: Schema): fc.Arbitrary<string> {
  const minLength = typeof schema.minLength === 'number' ? schema.minLength : 0;
  const maxLength = typeof schema.maxLength === 'number' ? schema.maxLength : Infinity;
  if (schema.format === 'binary') return fc.constant('');
  if (typeof schema.pattern === 'string') {
    const pattern = new RegExp(schema.pattern);
    return fc
      .stringMatching(pattern, { size: 'xsmall' })
      .filter((value) => value.length >= minLength && value.length <= maxLength);
  }
  return fc
    .string({ unit: 'grapheme', minLength: Math.max(1, minLength), maxLength: Math.max(minLength, 20) })
    .map((value) =>
      value.trim().length < minLength || value.trim() === '' ? `x${value}`.padEnd(minLength, 'x') : value,
    )
    .filter((value) => value.length <= maxLength);
}

function plausibleObject(schema: Schema, depth: number): fc.Arbitrary<unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  const required = ((schema.required as string[] | undefined) ?? []).filter((key) => key in properties);
  // Deep inside a big schema (the launch body) optional parts are left out, to keep bodies small.
  const kept = Object.keys(properties).filter((key) => depth < 3 || required.includes(key));
  const record = fc.record(Object.fromEntries(kept.map((key) => [key, plausible(properties[key]!, depth + 1)])), {
    requiredKeys: required,
  });
  const extra = schema.additionalProperties;
  if (typeof extra !== 'object' || extra === null) return record;
  const names = schema.propertyNames as Schema | undefined;
  const keys = names ? (plausible(names, depth + 1) as fc.Arbitrary<string>) : fc.string({ maxLength: 10 });
  return fc
    .tuple(record, fc.dictionary(keys, plausible(extra as Schema, depth + 1), { maxKeys: 3 }))
    .map(([known, more]) => ({ ...more, ...known }));
}

/** Strings that have broken parsers, query builders, templates and regular expressions before. */
const trickyStrings = [
  '$where',
  '$gt',
  '$ne',
  '$regex',
  '$expr',
  '$',
  'a.b',
  '.',
  '..',
  '__proto__',
  'constructor',
  'prototype',
  'hasOwnProperty',
  'toString',
  '../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '{"$ne":null}',
  "' OR '1'='1",
  '<script>alert(1)</script>',
  '{{ 7*7 }}',
  '{% include "/etc/passwd" %}',
  '${7*7}',
  '%00',
  '%ZZ',
  '%',
  'NaN',
  'Infinity',
  '-Infinity',
  '1e308',
  '-1e308',
  '1e-400',
  '-0',
  '0x7E0',
  '2026.5',
  '9007199254740993',
  ' 1 ',
  '',
  ' ',
  '\t\n',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '*',
  '.*',
  '(a+)+$',
  '[',
  '\\',
  '"',
  "'",
  '\u0000',
  'a\u0000b',
  '\u202eTIDAKADA',
  '\ufeff',
  '\ud800',
  '\udfff',
  '😀',
  'e\u0301',
  'İ',
  '\u2028',
  '\u0085',
  'tugas:X:Y:Z',
  'tugas:$:..:__proto__',
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '9999-12-31',
  '2026-03-02T25:00:00Z',
  'admin@',
  '@pemkot.test',
  'a@b',
  'A@B.CO\u0000',
];

/** Characters that matter to MongoDB, URLs, JSON and our id patterns, for generated strings. */
const sharpCharacters = fc.constantFrom(
  '$',
  '.',
  '_',
  '-',
  '/',
  '%',
  '\u0000',
  'a',
  'Z',
  '0',
  ':',
  '@',
  ' ',
  '\n',
  '{',
  '"',
);

/** A hostile string of at most `maxLength` characters (long ones are repeats). */
export function hostileString(maxLength: number): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 5, arbitrary: fc.constantFrom(...trickyStrings) },
    { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
    { weight: 2, arbitrary: fc.string({ unit: sharpCharacters, maxLength: 30 }) },
    {
      weight: 1,
      arbitrary: fc
        .tuple(fc.constantFrom('x', 'é', '😀', '\u0000', ' ', '$'), fc.integer({ min: 65, max: maxLength }))
        .map(([unit, length]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length)),
    },
  );
}

/** A short hostile string for URLs (percent-encoding multiplies its length; headers stay under Node's 16 KB). */
export const hostileUrlString: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: hostileString(300) },
  { weight: 1, arbitrary: fc.integer({ min: 301, max: 3000 }).map((length) => 'x'.repeat(length)) },
);

/** Raw (not percent-encoded) path segments: broken escapes, dot segments, reserved characters. */
export const rawSegment = fc.constantFrom(
  '%ZZ',
  '%',
  '%E0%A4%A',
  '%C0%AF',
  '%FF%FE',
  '%00',
  '%2F',
  '%2e%2e',
  '..',
  '.',
  '$where',
  '~',
  '*',
  ':',
  ';x=1',
  'a,b',
  '!',
  "'",
  '(',
  '@',
  '=',
  '+',
  '&',
  '[',
  ']',
  '%25',
  '%u0041',
  'a%20b',
);

const operatorTexts = [
  '{"$gt":""}',
  '{"$ne":null}',
  '{"$where":"sleep(1000)"}',
  '{"$regex":".*","$options":"i"}',
  '{"$in":["a","b"]}',
  '{"$expr":{"$eq":[1,1]}}',
  '{"a.b":1}',
  '{"$set":{"grants":[{"role":"admin_organisasi"}]}}',
  '{"__proto__":{"isAdmin":true}}',
  '{"constructor":{"prototype":{"isAdmin":true}}}',
  '{"toString":1,"valueOf":2}',
  '{"_bsontype":"ObjectId","id":"aaaaaaaaaaaa"}',
  '{"$oid":"507f1f77bcf86cd799439011"}',
  '{"$date":"2026-01-01"}',
  '{"_id":"x"}',
  '[]',
  '[[]]',
  '{}',
  '[{}]',
  '[null]',
];

/** Objects with operator and prototype keys, parsed from text so `__proto__` is an own key, as a server sees it. */
const operatorObjects = fc.constantFrom(...operatorTexts).map((text) => JSON.parse(text) as unknown);

/** `[[[…]]]`, `{"a":{"a":…}}` or a mix, deep enough to find recursion limits. */
const deeplyNested = fc
  .tuple(fc.integer({ min: 20, max: 2500 }), fc.constantFrom('array', 'object', 'mixed'))
  .map(([depth, kind]) => {
    let value: unknown = 'fondasi';
    for (let level = 0; level < depth; level++) {
      const asArray = kind === 'array' || (kind === 'mixed' && level % 2 === 0);
      value = asArray ? [value] : { a: value };
    }
    return value;
  });

/** Very wide values: long arrays and objects with thousands of keys. */
const wide = fc.constantFrom('array', 'object', 'operators').map((kind) => {
  if (kind === 'array') return Array.from({ length: 10_000 }, (_, i) => i);
  const keys = Array.from({ length: 3000 }, (_, i) => (kind === 'operators' ? `$k${i}` : `k${i}`));
  return Object.fromEntries(keys.map((key) => [key, 1]));
});

const oddScalars = fc.constantFrom<unknown>(
  null,
  true,
  false,
  0,
  -1,
  -0,
  0.5,
  1e308,
  -1e308,
  5e-324,
  2 ** 53 + 1,
  1e21,
  2026.5,
);

/** Any hostile JSON value. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 5, arbitrary: hostileString(99_000) },
  { weight: 3, arbitrary: oddScalars },
  { weight: 3, arbitrary: operatorObjects },
  { weight: 1, arbitrary: deeplyNested },
  { weight: 1, arbitrary: wide },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** Keys that must never reach a query, a `$set` or an object's prototype. */
export const hostileKey: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      '$where',
      '$set',
      '$gt',
      '$',
      'a.b',
      '.',
      '__proto__',
      'constructor',
      'prototype',
      'hasOwnProperty',
      '_id',
      'grants',
      'passwordHash',
      'sessionVersion',
      'status',
      '',
      ' ',
      'tidakDikenal',
    ),
  },
  { weight: 1, arbitrary: hostileString(300) },
);

/**
 * Values just past what the schema allows: one character too long or short, outside the pattern or enum, one past
 * a bound, a fraction for an integer, one item too many. Undefined when the schema sets no such limit.
 */
export function pastTheEdges(schema: Schema): fc.Arbitrary<unknown> | undefined {
  const options: unknown[] = [];
  const num = (key: string) => (typeof schema[key] === 'number' ? (schema[key] as number) : undefined);
  const maxLength = num('maxLength');
  const minLength = num('minLength');
  if (maxLength !== undefined) options.push('x'.repeat(maxLength + 1), 'é'.repeat(maxLength + 1));
  if (minLength !== undefined && minLength > 0) options.push('', 'x'.repeat(minLength - 1), ' '.repeat(minLength + 2));
  if (typeof schema.pattern === 'string') options.push('$x', 'a.b', 'x y', '-x', '__proto__', `${'x'.repeat(70)}`);
  if (Array.isArray(schema.enum)) {
    const first = String(schema.enum[0]);
    options.push(first.toUpperCase(), `${first} `.repeat(2), `${first}_x`, `$${first}`);
  }
  const minimum = num('minimum');
  const maximum = num('maximum');
  if (minimum !== undefined) options.push(minimum - 1, minimum - 0.5, -1e308);
  if (maximum !== undefined) options.push(maximum + 1, maximum + 0.5, 1e308);
  if (schema.type === 'integer') options.push(1.5, 2 ** 53 + 2);
  const maxItems = num('maxItems');
  const minItems = num('minItems');
  if (maxItems !== undefined) options.push(Array.from({ length: maxItems + 1 }, () => ({})));
  if (minItems !== undefined && minItems > 0) options.push([]);
  const refused = options.filter((value) => !mayConform(schema, value));
  return refused.length > 0 ? fc.constantFrom(...refused) : undefined;
}

/** A value of a JSON type the schema does not take (a string for a number, an object for a string, …). */
export function wrongType(schema: Schema): fc.Arbitrary<unknown> | undefined {
  const candidates: unknown[] = ['teks', 'NaN', 'Infinity', 1, 1e308, true, null, [], ['x'], { $gt: '' }, {}];
  const refused = candidates.filter((value) => !mayConform(schema, value));
  return refused.length > 0 ? fc.constantFrom(...refused) : undefined;
}
