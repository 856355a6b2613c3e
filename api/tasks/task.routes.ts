import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** Tasks: inbox, get, claim, submit, files, review, reassign, comments. Mounted at /api/v1/tasks. */
export function taskOperations(_context: ApiContext): Operation[] {
  return [];
}
