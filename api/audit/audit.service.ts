import type { AuditEventDocument, AuditEventModel } from '../../activities/models/audit-event.model';
import type { CycleModel } from '../../activities/models/cycle.model';
import type { TaskModel } from '../../activities/models/task.model';
import type { UnitKerjaModel } from '../../activities/models/unit-kerja.model';
import { canSeeUnit, may, mayEverywhere, type Principal } from '../../domain/access';
import { requireEverywhere, requireInUnit } from '../access';
import { forbidden, notFound } from '../problem';
import type { AuditQuery } from './audit.schemas';
import { afterKey, decodeCursor, defaultPageSize, pageOf, type Page } from '../page';

export interface AuditEventView {
  id: string;
  entity: AuditEventDocument['entity'];
  entityId: string;
  cycleId?: string;
  unitCode?: string;
  type: string;
  by: string;
  at: string;
  from?: string;
  to?: string;
  note?: string;
}

type Filter = Record<string, unknown>;

/**
 * The audit trail, read per cycle, unit, task or person, oldest first. Who may read it is decided per subject:
 * a cycle instansi-wide (admin, pengamat) or per unit for those holding `audit.read` there; a unit or a task in its
 * unit; a person's trail only by Bagian Organisasi, since it crosses every unit.
 *
 * The ids match what is written: the cycle workflow's events carry `cycleId`, a unit's in a cycle and a task's carry
 * `cycleId` and `unitCode`, a task's `entityId` is its workflow id, and the registry's changes carry the unit's code.
 */
export class AuditService {
  constructor(
    private readonly deps: {
      AuditEvent: AuditEventModel;
      Cycle: CycleModel;
      Task: TaskModel;
      UnitKerja: UnitKerjaModel;
    },
  ) {}

  async list(principal: Principal, query: AuditQuery): Promise<Page<AuditEventView>> {
    const scope = await this.scopeOf(principal, query);
    const limit = query.limit ?? defaultPageSize;
    const conditions: Filter[] = [scope];
    if (query.cursor) {
      const [at, id] = decodeCursor(query.cursor, ['date', 'string'] as const);
      conditions.push(afterKey('at', at, id, 1));
    }
    const events = await this.deps.AuditEvent.find(conditions.length > 1 ? { $and: conditions } : scope)
      .sort({ at: 1, _id: 1 })
      .limit(limit + 1)
      .lean();
    return pageOf(events, limit, (event) => [event.at.toISOString(), event._id], view);
  }

  /** The events the person may read about the one subject asked for; 404 for what they may not see at all. */
  private scopeOf(principal: Principal, query: AuditQuery): Promise<Filter> {
    if (query.cycle !== undefined) return this.cycleScope(principal, query.cycle);
    if (query.unit !== undefined) return this.unitScope(principal, query.unit);
    if (query.task !== undefined) return this.taskScope(principal, query.task);
    requireEverywhere(principal, 'person.manage');
    const person = query.person!;
    return Promise.resolve({ $or: [{ by: person }, { entity: 'person', entityId: person }] });
  }

  private async cycleScope(principal: Principal, cycleId: string): Promise<Filter> {
    const { AuditEvent, Cycle } = this.deps;
    const what = `Siklus ${cycleId}`;
    if (mayEverywhere(principal, 'audit.read')) {
      const known = (await Cycle.exists({ _id: cycleId })) ?? (await AuditEvent.exists({ cycleId }));
      if (!known) throw notFound(what);
      return { cycleId };
    }
    // A unit's people read their unit's part of the cycle: its progress and its tasks, not the other units'.
    const [cycle, unitsWithEvents] = await Promise.all([
      Cycle.findById(cycleId, { 'units.code': 1 }).lean(),
      AuditEvent.distinct('unitCode', { cycleId }),
    ]);
    const units = new Set<string>([
      ...(cycle?.units.map((unit) => unit.code) ?? []),
      ...unitsWithEvents.filter((code): code is string => typeof code === 'string'),
    ]);
    const readable = [...units].filter((code) => may(principal, 'audit.read', code));
    if (readable.length > 0) return { cycleId, unitCode: { $in: readable } };
    if ([...units].some((code) => canSeeUnit(principal, code))) {
      throw forbidden('Peran Anda tidak mengizinkan membaca jejak audit siklus ini');
    }
    throw notFound(what);
  }

  private async unitScope(principal: Principal, unitCode: string): Promise<Filter> {
    const what = `Unit ${unitCode}`;
    requireInUnit(principal, 'audit.read', unitCode, what);
    const known =
      (await this.deps.UnitKerja.exists({ _id: unitCode })) ?? (await this.deps.AuditEvent.exists({ unitCode }));
    if (!known) throw notFound(what);
    return { unitCode };
  }

  private async taskScope(principal: Principal, taskId: string): Promise<Filter> {
    const what = `Tugas ${taskId}`;
    // The read model knows the task's unit; before its first write, the task's first event does.
    const task =
      (await this.deps.Task.findById(taskId, { unitCode: 1 }).lean()) ??
      (await this.deps.AuditEvent.findOne({ entityId: taskId }, { unitCode: 1 }).lean());
    if (!task) throw notFound(what);
    if (task.unitCode) requireInUnit(principal, 'audit.read', task.unitCode, what);
    else if (!mayEverywhere(principal, 'audit.read')) throw notFound(what);
    return { entityId: taskId };
  }
}

function view(event: AuditEventDocument): AuditEventView {
  return {
    id: event._id,
    entity: event.entity,
    entityId: event.entityId,
    ...(event.cycleId ? { cycleId: event.cycleId } : {}),
    ...(event.unitCode ? { unitCode: event.unitCode } : {}),
    type: event.type,
    by: event.by,
    at: event.at.toISOString(),
    ...(event.from !== undefined ? { from: event.from } : {}),
    ...(event.to !== undefined ? { to: event.to } : {}),
    ...(event.note ? { note: event.note } : {}),
  };
}
