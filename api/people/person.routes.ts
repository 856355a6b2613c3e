import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** People: invite, list, get, update, deactivate, grants, substitutes. Mounted at /api/v1/people. */
export function personOperations(_context: ApiContext): Operation[] {
  return [];
}
