import { parse as parseQuery } from 'node:querystring';
import { mayConform } from './conformance';
import type { FuzzedOperation, Method, Parameter } from './operations';

/**
 * One generated request, kept as data so it can be printed when it fails and its fate predicted before it is sent.
 * The URL and body text are built here for both purposes, so the prediction reads exactly what the server reads.
 */
export interface FuzzRequest {
  operation: FuzzedOperation;
  /** Usually the operation's; a method the path is not served with when that mutation was drawn. */
  method: Method;
  /** Path parameter values; `raw` ones go into the URL without percent-encoding (`%ZZ`, `..`). */
  path: Record<string, { value: string; raw: boolean }>;
  /** Query pairs, percent-encoded when sent; the same key may appear twice. */
  query: [string, string][];
  /** Appended to the query string verbatim (`&%ZZ=1`, `&&`). */
  rawQuery: string;
  auth: 'admin' | 'anonymous' | 'forged' | 'malformed';
  /** The Authorization header of a forged or malformed credential. */
  authorization?: string;
  contentType?: ContentType;
  contentEncoding?: string;
  /** A JSON value, sent as its JSON text unless `text` is set. */
  body?: unknown;
  /** The body sent verbatim (malformed JSON, a multipart form). */
  text?: string;
  headers: Record<string, string>;
  /** What the generator did, in order, for reports. */
  changes: string[];
}

/** A Content-Type header and what body-parser makes of it. */
export interface ContentType {
  header: string;
  /** json: parsed as JSON; other: not read (the body is then `{}`); refused: 415; unknown: cannot tell. */
  kind: 'json' | 'other' | 'refused' | 'unknown';
}

/** The JSON body limit of api/app.ts (`express.json({ limit: '100kb' })`). */
export const jsonLimitBytes = 100 * 1024;

/** Lone surrogates cannot be percent-encoded: such values become U+FFFD in URLs, as a browser would send them. */
export const wellFormed = (value: string): string =>
  value.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

export function urlOf(request: FuzzRequest): string {
  const path = request.operation.path.replace(/\{([^}]+)\}/g, (_whole, name: string) => {
    const given = request.path[name];
    if (!given) return 'TIDAKADA';
    return given.raw ? given.value : encodeURIComponent(wellFormed(given.value));
  });
  const search = queryStringOf(request);
  return search ? `${path}?${search}` : path;
}

export function queryStringOf(request: FuzzRequest): string {
  const pairs = request.query.map(
    ([key, value]) => `${encodeURIComponent(wellFormed(key))}=${encodeURIComponent(wellFormed(value))}`,
  );
  return `${pairs.join('&')}${request.rawQuery}`;
}

/** The body as sent, or undefined when the request has none. */
export function textOf(request: FuzzRequest): string | undefined {
  if (request.text !== undefined) return wellFormed(request.text);
  return request.body === undefined ? undefined : JSON.stringify(request.body);
}

/**
 * True when the API's own document says this request must be refused: no valid session for an operation that needs
 * one, a method the path does not serve, a path or query value outside its schema, an unknown query key, or a body
 * that is not JSON, too large, or outside the body schema. False means "might be valid" (reads are allowed to be).
 */
export function surelyRefused(request: FuzzRequest, unservedMethods: readonly Method[]): boolean {
  const { operation } = request;
  // Another route, with rules of its own, may answer such a URL: `DELETE /substitutes/{id}` with an empty id and the
  // method changed to GET is `GET /substitutes/`, the list. This operation's rules then prove nothing.
  if (operation.pathParams.some((parameter) => mayRouteElsewhere(request.path[parameter.name]))) return false;
  if (request.method !== operation.method) return unservedMethods.includes(request.method);
  if (!operation.public && request.auth !== 'admin') return true;
  if (operation.pathParams.some((parameter) => pathValueRefused(parameter, request.path[parameter.name]))) return true;
  if (queryRefused(operation.queryParams, queryStringOf(request))) return true;
  return bodyRefused(request);
}

/** An empty value, or a raw one with URL syntax in it, changes which route the URL names. */
function mayRouteElsewhere(given: { value: string; raw: boolean } | undefined): boolean {
  return given !== undefined && (given.value === '' || (given.raw && /[/?#\\]/.test(given.value)));
}

function pathValueRefused(parameter: Parameter, given: { value: string; raw: boolean } | undefined): boolean {
  if (!given) return false; // sent as a placeholder segment, which may conform
  let decoded = wellFormed(given.value);
  if (given.raw) {
    try {
      decoded = decodeURIComponent(given.value);
    } catch {
      return true; // the router cannot decode it: 400
    }
  }
  return !mayConform(parameter.schema, decoded);
}

/** Parsed as Express parses it (`query parser: 'simple'` is node:querystring); every query schema is strict. */
function queryRefused(parameters: readonly Parameter[], search: string): boolean {
  const query = parseQuery(search) as Record<string, string | string[]>;
  for (const [key, value] of Object.entries(query)) {
    const parameter = parameters.find((candidate) => candidate.name === key);
    if (!parameter) return true;
    if (typeof value !== 'string') return true; // a repeated key arrives as an array
    if (!mayConform(parameter.schema, asQueryValue(parameter, value))) return true;
  }
  return parameters.some((parameter) => parameter.required && !Object.hasOwn(query, parameter.name));
}

/** Number-typed query parameters are coerced (`z.coerce.number()`), so judge them as numbers. */
function asQueryValue(parameter: Parameter, value: string): unknown {
  const type = parameter.schema.type;
  return type === 'integer' || type === 'number' ? Number(value) : value;
}

function bodyRefused(request: FuzzRequest): boolean {
  const { operation } = request;
  if (operation.body?.contentType === 'multipart/form-data') {
    // Whether a generated form is acceptable is the upload middleware's call; only a non-form is surely refused.
    return !/^multipart\/form-data/i.test(request.contentType?.header ?? '');
  }
  const parsed = parsedBody(request);
  if (parsed.outcome === 'refused') return true;
  if (parsed.outcome === 'unknown' || !operation.body) return false;
  return !mayConform(operation.body.schema, parsed.value ?? {});
}

type Parsed = { outcome: 'value'; value: unknown } | { outcome: 'refused' } | { outcome: 'unknown' };

/** What `express.json({ strict: true, limit: '100kb' })` leaves in req.body: a value, nothing, or a refusal. */
function parsedBody(request: FuzzRequest): Parsed {
  const text = textOf(request);
  const kind = request.contentType?.kind ?? 'json';
  const encoded = request.contentEncoding !== undefined && request.contentEncoding !== 'identity';
  if (text === undefined || kind === 'other') return { outcome: 'value', value: undefined };
  // An empty body may go out with no Content-Length (GET), and is then not read at all, whatever its headers say.
  if (text === '') return kind === 'json' && !encoded ? { outcome: 'value', value: {} } : { outcome: 'unknown' };
  if (kind !== 'json') return { outcome: kind };
  if (encoded) return { outcome: 'unknown' };
  if (Buffer.byteLength(text) > jsonLimitBytes) return { outcome: 'refused' };
  const decoded = text.replace(/^\ufeff/, '');
  if (decoded === '') return { outcome: 'value', value: {} };
  const first = /^[ \t\n\r]*(.)/s.exec(decoded)?.[1];
  if (first !== '{' && first !== '[') return { outcome: 'refused' };
  try {
    return { outcome: 'value', value: JSON.parse(decoded) as unknown };
  } catch {
    return { outcome: 'refused' };
  }
}
