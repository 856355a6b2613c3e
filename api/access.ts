import { canSeeUnit, may, mayEverywhere, type Action, type Principal } from '../domain/access';
import { forbidden, notFound } from './problem';

/**
 * The service layer's gate, asked before every read and write. What a person may not even see answers 404, so the
 * API never confirms that another unit's task exists; what they see but may not change answers 403.
 */
export function requireInUnit(principal: Principal, action: Action, unitCode: string, what: string): void {
  if (!canSeeUnit(principal, unitCode)) throw notFound(what);
  if (!may(principal, action, unitCode)) throw forbidden(`Peran Anda di unit ${unitCode} tidak mengizinkan ini`);
}

/** For instansi-wide actions (launching and steering cycles, managing units and people, the email log). */
export function requireEverywhere(principal: Principal, action: Action): void {
  if (!mayEverywhere(principal, action)) throw forbidden('Hanya Bagian Organisasi yang dapat melakukan ini');
}
