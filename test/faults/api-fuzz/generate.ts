import fc from 'fast-check';
import {
  addKey,
  duplicateKeyText,
  malformedJson,
  malformedText,
  oversizedText,
  removeKey,
  replaceRoot,
  replaceValue,
  wrapInArray,
} from './body-changes';
import { evidenceForm, mangleForm } from './evidence-form';
import { changed, jsonType, preview, type Mutation } from './mutation';
import { operationsOf, unservedMethods, type FuzzedOperation, type OpenApiDocument } from './operations';
import { surelyRefused, textOf, type ContentType, type FuzzRequest } from './request';
import { hostileKey, hostileUrlString, hostileValue, pastTheEdges, plausible, rawSegment } from './values';

/**
 * Generated requests: each starts plausible (real or well-formed ids, values that follow the operation's schemas)
 * and then takes one to four hostile changes. A change of data (any method but GET) is always made invalid by the
 * document's own rules — if the drawn changes happen not to, one more that surely does is added — so an accepted
 * write is a finding, never luck. Reads may stay valid, to reach their handlers with hostile but well-formed
 * input (random cursors, regex characters in searches).
 */

export interface FuzzContext {
  document: OpenApiDocument;
  /** Ids of real objects by `<path segment before the parameter>:<parameter>`, e.g. `tasks:id`. */
  realIds: Record<string, string[]>;
}

export function fuzzedOperations(context: FuzzContext): FuzzedOperation[] {
  return operationsOf(context.document);
}

/** One arbitrary over every operation of the document, each equally likely. */
export function requestArbitrary(context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  return fc.oneof(...fuzzedOperations(context).map((operation) => operationRequests(operation, context)));
}

function operationRequests(operation: FuzzedOperation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const unserved = unservedMethods(context.document, operation.path);
  const mutations = mutationsFor(operation, context, unserved);
  const isRead = operation.method === 'get';
  const mutate = (request: FuzzRequest, count: number): fc.Arbitrary<FuzzRequest> =>
    count === 0
      ? fc.constant(request)
      : fc
          .constantFrom(...mutations)
          .chain((mutation) => mutation(request))
          .chain((next) => mutate(next, count - 1));
  return baseRequest(operation, context)
    .chain((request) => fc.integer({ min: isRead ? 0 : 1, max: 4 }).chain((count) => mutate(request, count)))
    .chain((request) =>
      isRead || surelyRefused(request, unserved) ? fc.constant(request) : breaker(operation, unserved)(request),
    )
    .map((request) =>
      isRead || surelyRefused(request, unserved)
        ? request
        : { ...request, query: [...request.query, ['$where', '1']], changes: [...request.changes, 'query $where=1'] },
    );
}

/** A change that makes any request to the operation invalid by the document's rules. */
function breaker(operation: FuzzedOperation, unserved: FuzzRequest['method'][]): Mutation {
  return (request) =>
    fc.oneof(
      addUnknownQueryKey(request),
      ...(operation.public ? [] : [withoutSession(request)]),
      ...(unserved.length > 0 ? [wrongMethod(unserved)(request)] : []),
    );
}

// ---------------------------------------------------------------------------------------------------------------
// The plausible starting point

function baseRequest(operation: FuzzedOperation, context: FuzzContext): fc.Arbitrary<FuzzRequest> {
  const path = fc.record(
    Object.fromEntries(
      operation.pathParams.map((parameter) => {
        const real = context.realIds[`${segmentBefore(operation.path, parameter.name)}:${parameter.name}`] ?? [];
        const wellFormed = plausible(parameter.schema).map(String);
        const value = real.length > 0 ? fc.oneof(fc.constantFrom(...real), wellFormed) : wellFormed;
        return [parameter.name, value.map((v) => ({ value: v, raw: false }))];
      }),
    ),
  );
  // Required parameters and at most two others, so a read's query is often valid and its handler runs.
  const required = operation.queryParams.filter((parameter) => parameter.required);
  const optional = operation.queryParams.filter((parameter) => !parameter.required);
  const query = fc
    .subarray(optional, { maxLength: Math.min(2, optional.length) })
    .chain((chosen) =>
      fc.tuple(
        ...[...required, ...chosen].map((parameter) =>
          plausible(parameter.schema).map((value): [string, string] => [parameter.name, String(value)]),
        ),
      ),
    );
  const auth = fc.oneof(
    { weight: 16, arbitrary: fc.constant({ auth: 'admin' as const }) },
    { weight: 2, arbitrary: fc.constant({ auth: 'anonymous' as const }) },
    { weight: 1, arbitrary: forgedCredential },
    { weight: 1, arbitrary: malformedCredential },
  );
  const body =
    operation.body?.contentType === 'application/json'
      ? plausible(operation.body.schema).map((value) => ({ body: value, contentType: jsonType }))
      : operation.body?.contentType === 'multipart/form-data'
        ? evidenceForm
        : fc.constant({});
  return fc.tuple(path, query, auth, body).map(([pathValues, queryPairs, credential, content]): FuzzRequest => ({
    operation,
    method: operation.method,
    path: pathValues,
    query: queryPairs,
    rawQuery: '',
    ...credential,
    ...content,
    headers: {},
    changes: [],
  }));
}

function segmentBefore(path: string, parameter: string): string {
  const segments = path.split('/');
  return segments[segments.indexOf(`{${parameter}}`) - 1] ?? '';
}

const forgedCredential = fc
  .oneof(
    fc.stringMatching(/^[A-Za-z0-9_-]{16,43}\.[A-Za-z0-9_-]{16,43}$/),
    fc.string({ unit: fc.constantFrom('A', 'z', '0', '-', '_', '.'), minLength: 1, maxLength: 200 }),
  )
  .map((token) => ({ auth: 'forged' as const, authorization: `Bearer ${token}` }));

/** `{admin}` is replaced with the signed-in admin's token when the request is sent. */
const malformedCredential = fc
  .constantFrom(
    'Bearer',
    'Bearer ',
    'Bearer  {admin}',
    'Bearer {admin} {admin}',
    'Bearer {admin}x',
    'Bearer x{admin}',
    'Basic YWRtaW46YWRtaW4=',
    'Token {admin}',
    '{admin}',
    'Bearer {"$ne":null}',
    'Bearer $where',
    'Bearer ../../etc/passwd',
    `Bearer ${'A'.repeat(8000)}`,
    'Bearer\t{admin}',
  )
  .map((authorization) => ({ auth: 'malformed' as const, authorization }));

// ---------------------------------------------------------------------------------------------------------------
// Hostile changes

function mutationsFor(operation: FuzzedOperation, context: FuzzContext, unserved: FuzzRequest['method'][]): Mutation[] {
  const mutations: Mutation[] = [addUnknownQueryKey, appendQueryJunk, withContentType, withContentEncoding, oddHeaders];
  if (!operation.public) mutations.push(withoutSession, withForgedSession);
  if (unserved.length > 0) mutations.push(wrongMethod(unserved));
  if (operation.pathParams.length > 0) mutations.push(hostilePathValue(context), hostilePathValue(context));
  if (operation.queryParams.length > 0) mutations.push(hostileQueryValue, hostileQueryValue, repeatQueryKey);
  if (operation.body?.contentType === 'application/json') {
    mutations.push(replaceValue, replaceValue, addKey, addKey, removeKey, wrapInArray, replaceRoot);
    mutations.push(malformedText, duplicateKeyText, oversizedText);
  } else if (operation.body?.contentType === 'multipart/form-data') {
    mutations.push(mangleForm, mangleForm, strayJsonBody);
  } else {
    mutations.push(strayJsonBody);
  }
  return mutations;
}

const addUnknownQueryKey: Mutation = (request) =>
  fc
    .tuple(fc.oneof(hostileKey, fc.constantFrom('status[$ne]', 'a[b][c]', 'limit[]', 'q[$regex]')), hostileUrlString)
    .filter(([key]) => !request.operation.queryParams.some((parameter) => parameter.name === key))
    .map(([key, value]) =>
      changed(request, `query + ${preview(key)}=${preview(value)}`, { query: [...request.query, [key, value]] }),
    );

const appendQueryJunk: Mutation = (request) =>
  fc
    .constantFrom(
      '&%ZZ=1',
      '&=',
      '&&',
      '&a',
      '&%00=%00',
      '&__proto__=x',
      '&a[b]=1',
      '&%',
      '&+=+',
      '&;=;',
      '&%E0%A4%A=x',
    )
    .map((junk) => changed(request, `query junk ${junk}`, { rawQuery: request.rawQuery + junk }));

const repeatQueryKey: Mutation = (request) =>
  fc.tuple(fc.constantFrom(...request.operation.queryParams), hostileUrlString).chain(([parameter, other]) =>
    fc.oneof(plausible(parameter.schema).map(String), fc.constant(other)).map((value) =>
      changed(request, `query ${parameter.name} twice`, {
        query: [...request.query, [parameter.name, value], [parameter.name, value]],
      }),
    ),
  );

const hostileQueryValue: Mutation = (request) =>
  fc.constantFrom(...request.operation.queryParams).chain((parameter) =>
    fc
      .oneof(
        hostileUrlString,
        fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e308', '-1', '0', '1.5', '999999', ''),
        pastTheEdges(parameter.schema)?.map(String) ?? hostileUrlString,
      )
      .map((value) =>
        changed(request, `query ${parameter.name}=${preview(value)}`, {
          query: [...request.query.filter(([key]) => key !== parameter.name), [parameter.name, value]],
        }),
      ),
  );

const hostilePathValue =
  (context: FuzzContext): Mutation =>
  (request) => {
    const otherRealIds = Object.values(context.realIds).flat();
    return fc
      .tuple(
        fc.constantFrom(...request.operation.pathParams),
        fc.oneof(
          { weight: 4, arbitrary: hostileUrlString.map((value) => ({ value, raw: false })) },
          { weight: 2, arbitrary: rawSegment.map((value) => ({ value, raw: true })) },
          {
            weight: 1,
            arbitrary: (otherRealIds.length > 0 ? fc.constantFrom(...otherRealIds) : fc.constant('x')).map((value) => ({
              value,
              raw: false,
            })),
          },
        ),
      )
      .map(([parameter, given]) =>
        changed(request, `path ${parameter.name}=${preview(given.value)}${given.raw ? ' (raw)' : ''}`, {
          path: { ...request.path, [parameter.name]: given },
        }),
      );
  };

const wrongMethod =
  (unserved: FuzzRequest['method'][]): Mutation =>
  (request) =>
    fc.constantFrom(...unserved).map((method) => changed(request, `method ${method.toUpperCase()}`, { method }));

const withoutSession: Mutation = (request) =>
  fc.constant(changed(request, 'no session', { auth: 'anonymous', authorization: undefined }));

const withForgedSession: Mutation = (request) =>
  fc
    .oneof(forgedCredential, malformedCredential)
    .map((credential) => changed(request, `authorization ${preview(credential.authorization)}`, credential));

const contentTypes: ContentType[] = [
  { header: 'application/json; charset=utf-8', kind: 'json' },
  { header: 'APPLICATION/JSON', kind: 'json' },
  { header: 'application/json; charset=latin1', kind: 'refused' },
  { header: 'application/json; charset=utf-16', kind: 'unknown' },
  { header: 'application/json, text/plain', kind: 'unknown' },
  { header: 'application/json; boundary=x; charset="utf-8"', kind: 'unknown' },
  { header: 'text/plain', kind: 'other' },
  { header: 'text/json', kind: 'other' },
  { header: 'application/xml', kind: 'other' },
  { header: 'application/x-www-form-urlencoded', kind: 'other' },
  { header: 'application/vnd.api+json', kind: 'other' },
  { header: 'application/octet-stream', kind: 'other' },
  { header: 'multipart/form-data; boundary=zzz', kind: 'other' },
  { header: '*/*', kind: 'unknown' },
  { header: 'application/', kind: 'unknown' },
];

const withContentType: Mutation = (request) =>
  fc.constantFrom(...contentTypes).map((contentType) =>
    changed(request, `content-type ${contentType.header}`, {
      contentType,
      // A request that had no body gets one, so the header has something to describe.
      ...(textOf(request) === undefined ? { body: {} } : {}),
    }),
  );

const withContentEncoding: Mutation = (request) =>
  fc
    .constantFrom('gzip', 'deflate', 'br', 'identity', 'compress', 'gzip, gzip', 'x-unknown', 'GZIP')
    .map((contentEncoding) =>
      changed(request, `content-encoding ${contentEncoding}`, {
        contentEncoding,
        ...(textOf(request) === undefined ? { body: {} } : {}),
      }),
    );

const oddHeaders: Mutation = (request) =>
  fc
    .tuple(
      fc.constantFrom(
        'X-Request-Id',
        'Accept',
        'X-HTTP-Method-Override',
        'Origin',
        'Cookie',
        'X-Forwarded-For',
        'Range',
      ),
      fc.oneof(
        fc.constantFrom('DELETE', 'application/xml', 'https://jahat.test', 'bytes=0-1,2-3', '../../x', '$where'),
        fc.string({ unit: fc.constantFrom('a', '$', '.', ' ', ';', '=', ','), maxLength: 2000 }),
      ),
    )
    .map(([name, value]) =>
      changed(request, `header ${name}: ${preview(value)}`, { headers: { ...request.headers, [name]: value } }),
    );

const strayJsonBody: Mutation = (request) =>
  fc
    .oneof(
      hostileValue.map((body) => ({ body, text: undefined })),
      malformedJson,
    )
    .map((content) =>
      changed(request, `stray body ${preview(content.text ?? content.body)}`, { ...content, contentType: jsonType }),
    );
