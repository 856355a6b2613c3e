import { z } from 'zod';
import { badRequest } from './problem';

/**
 * Cursor pagination shared by the unit registry, the email log and the audit trail. A cursor is the sort key of the
 * last item a page held, opaque to callers (base64url JSON); the next page starts strictly after it, so items
 * written meanwhile neither repeat nor shift the pages.
 */
export interface Page<T> {
  items: T[];
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const defaultPageSize = 50;
export const maxPageSize = 200;

/** Query-string parameters (strings: the query parser is 'simple'). */
export const pageQuery = {
  cursor: z
    .string()
    .max(600)
    .regex(/^[A-Za-z0-9_-]+$/, 'kursor tidak valid')
    .optional(),
  limit: z
    .string()
    .regex(/^\d{1,3}$/, `limit harus bilangan 1..${maxPageSize}`)
    .transform(Number)
    .pipe(z.number().int().min(1).max(maxPageSize))
    .optional(),
};

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** The sort key inside a cursor, checked against the shape the endpoint expects; 400 naming `query.cursor` if not. */
export function decodeCursor<const Kinds extends readonly ('string' | 'date')[]>(
  cursor: string,
  kinds: Kinds,
): { [K in keyof Kinds]: Kinds[K] extends 'date' ? Date : string } {
  const invalid = () => badRequest([{ field: 'query.cursor', message: 'kursor tidak valid' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== kinds.length) throw invalid();
  return kinds.map((kind, index) => {
    const value: unknown = parsed[index];
    if (typeof value !== 'string' || value.length > 500) throw invalid();
    if (kind === 'string') return value;
    const date = new Date(value);
    if (Number.isNaN(date.getTime())) throw invalid();
    return date;
  }) as never;
}

/** Cuts a page from `limit + 1` fetched items: the extra one only tells that another page exists. */
export function pageOf<T, V>(
  fetched: readonly T[],
  limit: number,
  key: (item: T) => readonly (string | number)[],
  view: (item: T) => V,
): Page<V> {
  const items = fetched.slice(0, limit);
  const last = items[items.length - 1];
  return {
    items: items.map(view),
    nextCursor: fetched.length > limit && last !== undefined ? encodeCursor(key(last)) : null,
  };
}

/**
 * The MongoDB condition for "strictly after the cursor" in a sort on (field, _id), ascending or descending; ties on
 * the field are broken by _id, which is unique.
 */
export function afterKey(field: string, value: Date | string, id: string, direction: 1 | -1) {
  const beyond = direction === 1 ? '$gt' : '$lt';
  return { $or: [{ [field]: { [beyond]: value } }, { [field]: value, _id: { [beyond]: id } }] };
}

/** Escapes a person's search text for a `$regex`, so `.*` or `(` match themselves and cannot hang the database. */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
