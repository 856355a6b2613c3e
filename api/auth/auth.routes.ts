import type { ApiContext } from '../context';
import type { Operation } from '../operation';

/** Sign-in, refresh, sign-out, invitations, password reset, me. Mounted at /api/v1/auth. */
export function authOperations(_context: ApiContext): Operation[] {
  return [];
}
