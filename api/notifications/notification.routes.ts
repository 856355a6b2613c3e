import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** The email log and resend. Mounted at /api/v1/notifications. */
export function notificationOperations(_context: ApiContext): Operation[] {
  return [];
}
