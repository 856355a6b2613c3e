import type { FuzzedOperation, Method } from '../faults/api-fuzz/operations';
import { surelyRefused, type FuzzRequest } from '../faults/api-fuzz/request';

/**
 * The API fuzzer's oracle: a request it calls surely refused must be refused by every route its URL could reach, or
 * an accepted answer is a false finding (CI once failed on `GET /substitutes/`, the list, judged as a DELETE).
 */
const deleteSubstitute: FuzzedOperation = {
  label: 'DELETE /api/v1/substitutes/{id}',
  method: 'delete',
  path: '/api/v1/substitutes/{id}',
  pathParams: [{ name: 'id', required: true, schema: { type: 'string', pattern: '^[0-9a-f]{24}$' } }],
  queryParams: [],
  public: false,
};
const unserved: Method[] = ['get', 'post', 'put', 'patch'];

const requestWith = (changes: Partial<FuzzRequest>): FuzzRequest => ({
  operation: deleteSubstitute,
  method: 'delete',
  path: { id: { value: '65a1f0c2b4d3e2a1f0c2b4d3', raw: false } },
  query: [],
  rawQuery: '',
  auth: 'admin',
  headers: {},
  changes: [],
  ...changes,
});

describe("the API fuzzer's oracle", () => {
  it('calls a valid request possibly valid', () => {
    expect(surelyRefused(requestWith({}), unserved)).toBe(false);
  });

  it('calls a request refused when the method, the session, the id or the query breaks the document', () => {
    expect(surelyRefused(requestWith({ method: 'get' }), unserved)).toBe(true);
    expect(surelyRefused(requestWith({ auth: 'anonymous' }), unserved)).toBe(true);
    expect(surelyRefused(requestWith({ path: { id: { value: 'bukan-id', raw: false } } }), unserved)).toBe(true);
    expect(surelyRefused(requestWith({ query: [['$where', '1']] }), unserved)).toBe(true);
  });

  it('proves nothing when an empty id makes the URL another route, whatever else was changed', () => {
    const emptyId = { id: { value: '', raw: false } };
    expect(surelyRefused(requestWith({ path: emptyId, method: 'get' }), unserved)).toBe(false);
    expect(surelyRefused(requestWith({ path: emptyId, auth: 'anonymous' }), unserved)).toBe(false);
    expect(surelyRefused(requestWith({ path: emptyId, query: [['$where', '1']] }), unserved)).toBe(false);
  });

  it('proves nothing when a raw id carries URL syntax, but refuses a raw id the router cannot decode', () => {
    const slashed = { id: { value: '../tasks', raw: true } };
    expect(surelyRefused(requestWith({ path: slashed, method: 'get' }), unserved)).toBe(false);
    expect(surelyRefused(requestWith({ path: { id: { value: '%ZZ', raw: true } } }), unserved)).toBe(true);
  });
});
