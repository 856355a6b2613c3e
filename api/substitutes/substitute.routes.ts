import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** Substitutes while away: a person names who acts on their tasks for a date range. Mounted at /api/v1/substitutes. */
export function substituteOperations(_context: ApiContext): Operation[] {
  return [];
}
