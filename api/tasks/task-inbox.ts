/**
 * The inbox as a MongoDB filter: who sees which tasks (unit scope), what "mine" means, the filters, and the cursor
 * of keyset pagination over (due, _id). Pure, so every rule is unit-tested; every value in the filter comes from
 * validated input or the principal, never a raw request key.
 */
import type { RootFilterQuery } from 'mongoose';
import type { TaskDocument } from '../../activities/models/task.model';
import { isInstansiWide, visibleUnits, type Principal } from '../../domain/access';
import { addCalendarDays, instantAt, type IsoDate } from '../../domain/calendar';
import type { RoleCode } from '../../domain/roles';
import type { TaskStatus } from '../../domain/task';
import { badRequest } from '../problem';
import { taskIdPattern, type InboxQuery } from './task.schemas';

type Filter = RootFilterQuery<TaskDocument>;

const terminal: TaskStatus[] = ['approved', 'cancelled'];
export const defaultInboxLimit = 50;

/** Where the last page ended: the last task's due date (null when it has none) and id. */
export interface InboxCursor {
  due: Date | null;
  id: string;
}

export function encodeCursor(cursor: InboxCursor): string {
  return Buffer.from(JSON.stringify([cursor.due?.toISOString() ?? null, cursor.id])).toString('base64url');
}

/** 400 naming `query.cursor` for anything that is not a cursor this API made. */
export function decodeCursor(value: string): InboxCursor {
  const invalid = () => badRequest([{ field: 'query.cursor', message: 'kursor tidak valid' }]);
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) throw invalid();
  const [due, id] = parsed as unknown[];
  if (typeof id !== 'string' || !taskIdPattern.test(id)) throw invalid();
  if (due === null) return { due: null, id };
  if (typeof due !== 'string' || Number.isNaN(Date.parse(due))) throw invalid();
  return { due: new Date(due), id };
}

/** `YYYY-MM-DD` is a whole day in WIB; anything else is an ISO instant (validated by the schema). */
const isDay = (value: string): value is IsoDate => /^\d{4}-\d{2}-\d{2}$/.test(value);
const startOf = (value: string): Date => (isDay(value) ? instantAt(value, '00:00', 'WIB') : new Date(value));

export interface InboxContext {
  principal: Pick<Principal, 'personId' | 'grants'>;
  now: Date;
  /** People whose substitute the principal is today: their work is in the principal's `mine` inbox. */
  substituting: readonly string[];
}

/** The filter of one inbox page (sort: due ascending, then _id). */
export function inboxFilter(query: InboxQuery, context: InboxContext): Filter {
  const conditions: Filter[] = [];
  const units = visibleUnits(context.principal);
  if (units !== 'all') conditions.push({ unitCode: { $in: units } });
  if (query.scope === 'mine') conditions.push({ $or: mineClauses(context) });
  if (query.status) conditions.push({ status: { $in: query.status } });
  if (query.stage) conditions.push({ stage: query.stage });
  if (query.area) conditions.push({ area: query.area });
  if (query.unit) conditions.push({ unitCode: query.unit });
  if (query.cycle) conditions.push({ cycleId: query.cycle });
  if (query.dueAfter) conditions.push({ due: { $gte: startOf(query.dueAfter) } });
  if (query.dueBefore) {
    const before = query.dueBefore;
    // A day counts whole: due before 2026-03-16 includes tasks due that afternoon.
    conditions.push(
      isDay(before)
        ? { due: { $lt: instantAt(addCalendarDays(before, 1), '00:00', 'WIB') } }
        : { due: { $lte: new Date(before) } },
    );
  }
  if (query.overdue === true) conditions.push({ status: { $nin: terminal }, due: { $lt: context.now } });
  if (query.overdue === false) {
    conditions.push({ $or: [{ status: { $in: terminal } }, { due: { $gte: context.now } }, { due: null }] });
  }
  if (query.noDue === true) conditions.push({ due: null });
  if (query.noDue === false) conditions.push({ due: { $ne: null } });
  if (query.cursor) conditions.push(after(decodeCursor(query.cursor)));
  return conditions.length === 0 ? {} : { $and: conditions };
}

/** Tasks sorting after the cursor under (due ascending, nulls first; then _id). */
function after(cursor: InboxCursor): Filter {
  if (cursor.due === null) return { $or: [{ due: null, _id: { $gt: cursor.id } }, { due: { $ne: null } }] };
  return { $or: [{ due: { $gt: cursor.due } }, { due: cursor.due, _id: { $gt: cursor.id } }] };
}

/**
 * "Mine": assigned to me or claimed by me; open to a role I hold in its unit when nobody is named; submitted and
 * waiting for a reviewer role I hold (not my own submission: the submitter holds the claim); and the work of people
 * I substitute today.
 */
export function mineClauses(context: Pick<InboxContext, 'principal' | 'substituting'>): Filter[] {
  const me = context.principal.personId;
  const clauses: Filter[] = [{ assignees: me }, { claimedBy: me }];
  for (const { unitCode, roles } of rolesByUnit(context.principal.grants)) {
    const where = unitCode === undefined ? {} : { unitCode };
    clauses.push({ ...where, status: 'open', assignees: { $size: 0 }, assigneeRole: { $in: roles } });
    clauses.push({ ...where, status: 'submitted', reviewerRole: { $in: roles }, claimedBy: { $ne: me } });
  }
  if (context.substituting.length > 0) {
    clauses.push({ assignees: { $in: [...context.substituting] } }, { claimedBy: { $in: [...context.substituting] } });
  }
  return clauses;
}

/** Grants grouped: one entry per unit, and one without a unit for instansi-wide roles (they hold everywhere). */
function rolesByUnit(grants: Principal['grants']): { unitCode?: string; roles: RoleCode[] }[] {
  const groups = new Map<string | undefined, RoleCode[]>();
  for (const grant of grants) {
    const key = isInstansiWide(grant) ? undefined : grant.unitCode;
    groups.set(key, [...(groups.get(key) ?? []), grant.role]);
  }
  return [...groups].map(([unitCode, roles]) => ({ ...(unitCode === undefined ? {} : { unitCode }), roles }));
}
