import fc from 'fast-check';
import { mayConform } from './conformance';
import { changed, preview, type Mutation } from './mutation';
import type { Schema } from './operations';
import { jsonLimitBytes, textOf, type FuzzRequest } from './request';
import { hostileKey, hostileValue, pastTheEdges, wrongType } from './values';

/**
 * Changes to a JSON body, at any place of its tree, each chosen with the schema that governs that place: hostile,
 * out-of-bounds or wrong-typed values, unknown and missing keys, arrays where something else belongs, and text
 * that is not (or only just is) JSON.
 */

type Key = string | number;
interface Place {
  path: Key[];
  schema?: Schema;
  value: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The places of a value (itself, then its members), each with the schema that governs it, when known. */
function placesOf(value: unknown, schema: Schema | undefined, limit = 80): Place[] {
  const places: Place[] = [];
  const walk = (current: unknown, governing: Schema | undefined, path: Key[]) => {
    if (places.length >= limit || path.length > 6) return;
    const applies = governing ? branchFor(governing, current) : undefined;
    places.push({ path, schema: applies, value: current });
    if (Array.isArray(current)) {
      current.forEach((item, index) => walk(item, applies?.items as Schema | undefined, [...path, index]));
    } else if (isObject(current)) {
      const properties = (applies?.properties ?? {}) as Record<string, Schema>;
      const extra = applies?.additionalProperties;
      for (const key of Object.keys(current)) {
        const child = Object.hasOwn(properties, key)
          ? properties[key]
          : isObject(extra)
            ? (extra as Schema)
            : undefined;
        walk(current[key], child, [...path, key]);
      }
    }
  };
  walk(value, schema, []);
  return places;
}

/** Within anyOf/oneOf, the branch the value seems to follow. */
function branchFor(schema: Schema, value: unknown): Schema {
  const branches = (schema.anyOf ?? schema.oneOf) as Schema[] | undefined;
  if (!Array.isArray(branches)) return schema;
  return branches.find((branch) => mayConform(branch, value)) ?? schema;
}

/** Copies with every own key defined (not assigned), so `__proto__` stays a key and never becomes a prototype. */
function copyOf(value: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) define(copy, key, value[key]);
  return copy;
}

function define(target: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The value with `change` applied at `path` (copy-on-write along the path). */
function updateAt(value: unknown, path: Key[], change: (current: unknown) => unknown): unknown {
  if (path.length === 0) return change(value);
  const [head, ...rest] = path;
  if (Array.isArray(value)) {
    const copy = value.slice();
    copy[head as number] = updateAt(copy[head as number], rest, change);
    return copy;
  }
  if (isObject(value)) {
    const copy = copyOf(value);
    define(copy, String(head), updateAt(value[String(head)], rest, change));
    return copy;
  }
  return value;
}

const atPlace = (request: FuzzRequest, filter: (place: Place) => boolean = () => true): fc.Arbitrary<Place> => {
  const places = placesOf(request.body, request.operation.body?.schema).filter(filter);
  return places.length > 0 ? fc.constantFrom(...places) : fc.constant({ path: [], value: request.body });
};

const where = (path: Key[]) => (path.length === 0 ? 'body' : `body.${path.join('.')}`);

/** Replaces a value with a hostile one, a value just past its schema's limits, or one of the wrong type. */
export const replaceValue: Mutation = (request) =>
  request.text !== undefined
    ? fc.constant(request)
    : atPlace(request).chain((place) => {
        const options = [hostileValue];
        const edges = place.schema && pastTheEdges(place.schema);
        const wrong = place.schema && wrongType(place.schema);
        if (edges) options.push(edges, edges);
        if (wrong) options.push(wrong);
        return fc.oneof(...options).map((value) =>
          changed(request, `${where(place.path)} = ${preview(value)}`, {
            body: updateAt(request.body, place.path, () => value),
          }),
        );
      });

export const addKey: Mutation = (request) =>
  request.text !== undefined
    ? fc.constant(request)
    : atPlace(request, (place) => isObject(place.value)).chain((place) =>
        fc.tuple(hostileKey, fc.oneof(fc.constant<unknown>('x'), hostileValue)).map(([key, value]) =>
          changed(request, `${where(place.path)} + ${preview(key)}: ${preview(value)}`, {
            body: updateAt(request.body, place.path, (current) => {
              const copy = isObject(current) ? copyOf(current) : {};
              define(copy, key, value);
              return copy;
            }),
          }),
        ),
      );

export const removeKey: Mutation = (request) =>
  request.text !== undefined
    ? fc.constant(request)
    : atPlace(request, (place) => isObject(place.value) && Object.keys(place.value).length > 0).chain((place) => {
        const keys = isObject(place.value) ? Object.keys(place.value) : [];
        if (keys.length === 0) return fc.constant(request);
        return fc.constantFrom(...keys).map((key) =>
          changed(request, `${where(place.path)} - ${preview(key)}`, {
            body: updateAt(request.body, place.path, (current) => {
              const copy = isObject(current) ? copyOf(current) : {};
              delete copy[key];
              return copy;
            }),
          }),
        );
      });

/** An array where an object (or anything) belongs. */
export const wrapInArray: Mutation = (request) =>
  request.text !== undefined
    ? fc.constant(request)
    : atPlace(request).map((place) =>
        changed(request, `${where(place.path)} wrapped in []`, {
          body: updateAt(request.body, place.path, (current) => [current]),
        }),
      );

export const replaceRoot: Mutation = (request) =>
  fc
    .oneof(hostileValue, fc.constantFrom<unknown>('teks', 1, null, true, [request.body], [[request.body]]))
    .map((body) => changed(request, `body = ${preview(body)}`, { body, text: undefined }));

/** Text that is not JSON, is JSON of the wrong kind for strict parsing, or only just is JSON. */
export const malformedJson = fc
  .oneof(
    fc.constantFrom(
      '{"name": ',
      '{"a":1,}',
      "{'a':1}",
      '{"a":NaN}',
      '{"a":Infinity}',
      '{"a":undefined}',
      '{a:1}',
      '{"a":1}}',
      '{"a":1} x',
      '[1,2',
      '"teks"',
      'null',
      '123',
      'true',
      '',
      ' ',
      '\ufeff{}',
      '\u0000{}',
      '{"a":"\\ud800"}',
      '{"a":"\\u0000"}',
      '{"a":"\\x41"}',
      '{"__proto__":{"isAdmin":true}}',
      '{"a":1e99999}',
      '{"a":-}',
      '{"a"\n:\n1\n}',
      '/* komentar */ {}',
    ),
    fc.string({ unit: 'binary', maxLength: 200 }),
  )
  .map((text) => ({ text, body: undefined }));

export const malformedText: Mutation = (request) => {
  const original = textOf(request) ?? '{}';
  return fc
    .oneof(
      malformedJson,
      fc.nat({ max: Math.max(0, original.length - 1) }).map((at) => ({ text: original.slice(0, at), body: undefined })),
      fc
        .constantFrom('}', ']', ',', 'x', '\u0000', '/* */', ' //', '{', '"')
        .map((junk) => ({ text: original + junk, body: undefined })),
      fc.constant({ text: original.replace(/"/g, "'"), body: undefined }),
      fc.constant({ text: original.replace(/:/, '='), body: undefined }),
    )
    .map((content) => changed(request, `text ${preview(content.text)}`, content));
};

/** The same key twice: JSON.parse keeps the last, which is the hostile one. */
export const duplicateKeyText: Mutation = (request) => {
  const original = textOf(request);
  const keys = isObject(request.body) ? Object.keys(request.body) : [];
  if (original === undefined || !original.endsWith('}') || keys.length === 0) return fc.constant(request);
  return fc.tuple(fc.constantFrom(...keys), hostileValue).map(([key, value]) =>
    changed(request, `duplicate key ${preview(key)} = ${preview(value)}`, {
      text: `${original.slice(0, -1)},${JSON.stringify(key)}:${JSON.stringify(value)}}`,
      body: undefined,
    }),
  );
};

/** Just past the JSON body limit: as padding, a long string or a long array. */
export const oversizedText: Mutation = (request) => {
  const original = textOf(request) ?? '{}';
  return fc.constantFrom('padding', 'string', 'array').map((kind) => {
    const room = jsonLimitBytes + 1 - Buffer.byteLength(original);
    const text =
      kind === 'padding'
        ? original + ' '.repeat(Math.max(1, room))
        : kind === 'string'
          ? `{"isi":"${'x'.repeat(jsonLimitBytes)}"}`
          : `[${Array.from({ length: jsonLimitBytes / 2 }, () => '0').join(',')}]`;
    return changed(request, `oversized body (${kind})`, { text, body: undefined });
  });
};
