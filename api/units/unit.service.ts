import type { AccountModel } from '../../activities/models/account.model';
import type { AuditEventModel } from '../../activities/models/audit-event.model';
import type { CycleModel } from '../../activities/models/cycle.model';
import type { UnitKerjaDocument, UnitKerjaModel } from '../../activities/models/unit-kerja.model';
import { visibleUnits, type Principal } from '../../domain/access';
import { requireEverywhere, requireInUnit } from '../access';
import { recordChange } from '../audit-trail';
import { decodeCursor, defaultPageSize, escapeRegex, pageOf, type Page } from '../page';
import { conflict, HttpProblem, notFound } from '../problem';
import { renameUnit } from './unit-rename';
import { parentProblem } from './unit-tree';
import type { CreateUnitBody, ListUnitsQuery, RenameUnitBody, UpdateUnitBody } from './unit.schemas';

export interface UnitView {
  code: string;
  name: string;
  zone: UnitKerjaDocument['zone'];
  headEmail?: string;
  parentCode?: string;
  createdAt?: string;
  updatedAt?: string;
}

const unitNotFound = (code: string) => notFound(`Unit ${code}`);

/** The parent field names itself, as validation errors do, though only the registry can tell it is wrong. */
const parentRefused = (message: string) =>
  new HttpProblem(422, 'Permintaan ditolak', `body.parentCode: ${message}`, {
    errors: [{ field: 'body.parentCode', message }],
  });

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

/**
 * The unit registry: Bagian Organisasi registers and changes units; everyone signed in reads the units they may
 * see. The code is the unit's id (in grants, cycles, task ids): it changes only by `rename`, before any cycle uses it.
 */
export class UnitService {
  constructor(
    private readonly deps: {
      UnitKerja: UnitKerjaModel;
      Account: AccountModel;
      Cycle: CycleModel;
      AuditEvent: AuditEventModel;
      now: () => Date;
    },
  ) {}

  async create(principal: Principal, body: CreateUnitBody): Promise<UnitView> {
    requireEverywhere(principal, 'unit.manage');
    if (body.parentCode !== undefined) await this.checkParent(body.code, body.parentCode);
    const fields = {
      name: body.name,
      zone: body.zone,
      ...(body.headEmail !== undefined ? { headEmail: body.headEmail.toLowerCase() } : {}),
      ...(body.parentCode !== undefined ? { parentCode: body.parentCode } : {}),
    };
    let created: UnitKerjaDocument;
    try {
      created = (await this.deps.UnitKerja.create({ _id: body.code, ...fields })).toObject();
    } catch (error) {
      if (isDuplicateKey(error)) throw conflict(`Unit dengan kode ${body.code} sudah terdaftar`);
      throw error;
    }
    await recordChange(
      this.deps.AuditEvent,
      principal,
      { entity: 'unit_kerja', entityId: body.code, unitCode: body.code, type: 'unit_registered', to: describe(fields) },
      this.deps.now(),
    );
    return view(created);
  }

  async list(principal: Principal, query: ListUnitsQuery): Promise<Page<UnitView>> {
    const visible = visibleUnits(principal);
    const limit = query.limit ?? defaultPageSize;
    const id: Record<string, unknown> = visible === 'all' ? {} : { $in: visible };
    if (query.cursor) id.$gt = decodeCursor(query.cursor, ['string'] as const)[0];
    const filter = {
      ...(Object.keys(id).length > 0 ? { _id: id } : {}),
      ...(query.parent ? { parentCode: query.parent } : {}),
      ...(query.q ? { name: { $regex: escapeRegex(query.q), $options: 'i' } } : {}),
    };
    const units = await this.deps.UnitKerja.find(filter)
      .sort({ _id: 1 })
      .limit(limit + 1)
      .lean();
    return pageOf(units, limit, (unit) => [unit._id], view);
  }

  async get(principal: Principal, code: string): Promise<UnitView> {
    requireInUnit(principal, 'unit.read', code, `Unit ${code}`);
    const unit = await this.deps.UnitKerja.findById(code).lean();
    if (!unit) throw unitNotFound(code);
    return view(unit);
  }

  async update(principal: Principal, code: string, body: UpdateUnitBody): Promise<UnitView> {
    requireEverywhere(principal, 'unit.manage');
    const before = await this.deps.UnitKerja.findById(code).lean();
    if (!before) throw unitNotFound(code);
    if (body.parentCode) await this.checkParent(code, body.parentCode);

    const set: Partial<UnitKerjaDocument> = {};
    const unset: Record<string, 1> = {};
    if (body.name !== undefined) set.name = body.name;
    if (body.zone !== undefined) set.zone = body.zone;
    if (body.headEmail === null) unset.headEmail = 1;
    else if (body.headEmail !== undefined) set.headEmail = body.headEmail.toLowerCase();
    if (body.parentCode === null) unset.parentCode = 1;
    else if (body.parentCode !== undefined) set.parentCode = body.parentCode;

    const after = await this.deps.UnitKerja.findByIdAndUpdate(
      code,
      {
        ...(Object.keys(set).length > 0 ? { $set: set } : {}),
        ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}),
      },
      { new: true },
    ).lean();
    if (!after) throw unitNotFound(code);
    const changed = (['name', 'zone', 'headEmail', 'parentCode'] as const).filter((key) => before[key] !== after[key]);
    if (changed.length > 0) {
      await recordChange(
        this.deps.AuditEvent,
        principal,
        {
          entity: 'unit_kerja',
          entityId: code,
          unitCode: code,
          type: 'unit_changed',
          from: describe(pick(before, changed)),
          to: describe(pick(after, changed)),
        },
        this.deps.now(),
      );
    }
    return view(after);
  }

  /** A new code for the unit, its grants and children following; 409 once a cycle names it. Safe to repeat. */
  async rename(principal: Principal, code: string, body: RenameUnitBody): Promise<UnitView> {
    requireEverywhere(principal, 'unit.manage');
    return view(await renameUnit(this.deps, principal, code, body.code));
  }

  /** The parent must be registered and must not sit below the unit; the registry is small, so read it whole. */
  private async checkParent(code: string, parentCode: string): Promise<void> {
    const units = await this.deps.UnitKerja.find({}, { parentCode: 1 }).lean();
    const parentOf = new Map(units.map((unit) => [unit._id, unit.parentCode ?? undefined]));
    const problem = parentProblem(code, parentCode, parentOf);
    if (problem) throw parentRefused(problem);
  }
}

function view(unit: UnitKerjaDocument): UnitView {
  return {
    code: unit._id,
    name: unit.name,
    zone: unit.zone,
    ...(unit.headEmail ? { headEmail: unit.headEmail } : {}),
    ...(unit.parentCode ? { parentCode: unit.parentCode } : {}),
    createdAt: unit.createdAt?.toISOString(),
    updatedAt: unit.updatedAt?.toISOString(),
  };
}

function pick<T extends object, K extends keyof T>(source: T, keys: readonly K[]): Partial<Pick<T, K>> {
  return Object.fromEntries(keys.map((key) => [key, source[key]])) as Partial<Pick<T, K>>;
}

/** `name=Dinas X; zone=WITA; parentCode=-` for the audit trail's from/to. */
function describe(fields: Partial<Record<string, unknown>>): string {
  return Object.entries(fields)
    .map(([key, value]) => `${key}=${value === undefined || value === null ? '-' : String(value)}`)
    .join('; ');
}
