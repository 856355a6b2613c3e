import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** The unit registry: create, list, get, update. Mounted at /api/v1/units. */
export function unitOperations(_context: ApiContext): Operation[] {
  return [];
}
