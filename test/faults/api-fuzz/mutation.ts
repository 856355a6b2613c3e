import type fc from 'fast-check';
import type { ContentType, FuzzRequest } from './request';

/** One hostile change: draws a changed copy of a request, noting what it did. */
export type Mutation = (request: FuzzRequest) => fc.Arbitrary<FuzzRequest>;

export const jsonType: ContentType = { header: 'application/json', kind: 'json' };

/** A value, short enough for a report. */
export const preview = (value: unknown): string => {
  const text = typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 60 ? `${text.slice(0, 60)}…(${text.length})` : text;
};

/** The request with `update` applied and `change` noted. */
export const changed = (request: FuzzRequest, change: string, update: Partial<FuzzRequest>): FuzzRequest => ({
  ...request,
  ...update,
  changes: [...request.changes, change],
});
