import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** Audit events per cycle, unit or task. Mounted at /api/v1/audit. */
export function auditOperations(_context: ApiContext): Operation[] {
  return [];
}
