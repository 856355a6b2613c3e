import type { AccountDocument, AccountModel } from '../../activities/models/account.model';
import type { AuditEventModel } from '../../activities/models/audit-event.model';
import type { CycleModel } from '../../activities/models/cycle.model';
import type { UnitKerjaDocument, UnitKerjaModel } from '../../activities/models/unit-kerja.model';
import type { Grant, Principal } from '../../domain/access';
import { recordChange } from '../audit-trail';
import { badRequest, conflict, HttpProblem, notFound } from '../problem';

export interface UnitRenameDeps {
  UnitKerja: UnitKerjaModel;
  Account: AccountModel;
  Cycle: CycleModel;
  AuditEvent: AuditEventModel;
  now: () => Date;
}

/** How many cycles a refusal names; the rest are counted. */
const namedCycles = 10;
/** Attempts to rewrite one person's grants while someone else keeps changing them. */
const grantAttempts = 5;

const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;

/**
 * Changes a unit's code, which is its id: the registry document moves to the new id, every grant in the unit and
 * every child's `parentCode` follow. Only while no cycle names the unit: running workflows carry the code in their
 * ids, finished ones in their history.
 *
 * There are no transactions, so the move is a sequence of steps that are each safe to repeat, and the new document
 * carries a mark (`renaming.from`) until the old one is gone. A request cut off half-way (the database went away) is
 * finished by sending it again; the old document stays the unit's truth until the last step deletes it.
 */
export async function renameUnit(
  deps: UnitRenameDeps,
  principal: Principal,
  from: string,
  to: string,
): Promise<UnitKerjaDocument> {
  if (from === to) throw badRequest([{ field: 'body.code', message: 'kode baru sama dengan kode sekarang' }]);
  const source = await deps.UnitKerja.findById(from).lean();
  if (!source) {
    // Cut off after the old document was deleted: only the mark is left to clear.
    if (!(await deps.UnitKerja.exists({ _id: to, 'renaming.from': from }))) throw notFound(`Unit ${from}`);
    return finish(deps.UnitKerja, to);
  }
  if (source.renaming) {
    throw conflict(`Unit ${from} sedang dipindahkan dari kode ${source.renaming.from}; ulangi permintaan itu dahulu`);
  }
  await refuseIfInCycles(deps.Cycle, from, `Kode unit ${from} tidak dapat diubah karena dipakai siklus`);
  const unfinished = await deps.UnitKerja.findOne({ 'renaming.from': from, _id: { $ne: to } }, { _id: 1 }).lean();
  if (unfinished) {
    throw conflict(
      `Penggantian kode ${from} menjadi ${unfinished._id} belum selesai; ulangi permintaan itu untuk menyelesaikannya`,
    );
  }

  const target = await claim(deps, source, to);
  for (const holder of await deps.Account.find({ 'grants.unitCode': from }, { grants: 1 }).lean()) {
    await moveGrantsOf(deps.Account, holder, from, to);
  }
  await deps.UnitKerja.updateMany({ parentCode: from }, { $set: { parentCode: to } });
  await recordOnce(deps, principal, from, to, target.renaming!.startedAt);
  await deps.UnitKerja.deleteOne({ _id: from });
  return finish(deps.UnitKerja, to);
}

/**
 * The person's grants with the unit's code replaced; a grant they already hold under the new code is kept once.
 * Instansi-wide grants stay without `unitCode`, as stored.
 */
export function renameGrants(grants: readonly Grant[], from: string, to: string): Grant[] {
  const seen = new Set<string>();
  const renamed: Grant[] = [];
  for (const { role, unitCode } of grants) {
    const code = unitCode === from ? to : unitCode;
    const key = `${role}@${code ?? '*'}`;
    if (seen.has(key)) continue;
    seen.add(key);
    renamed.push(code === undefined ? { role } : { role, unitCode: code });
  }
  return renamed;
}

/**
 * Inserts the unit under its new code, marked as moving from the old one. Finding its own mark there (a repeated
 * request) it copies the old document again, which is still the truth; anything else under that code is a 409.
 */
async function claim(deps: UnitRenameDeps, source: UnitKerjaDocument, to: string): Promise<UnitKerjaDocument> {
  const existing = await deps.UnitKerja.findById(to).lean();
  if (existing) {
    if (existing.renaming?.from !== source._id) throw conflict(`Unit dengan kode ${to} sudah terdaftar`);
    const unset = (['headEmail', 'parentCode'] as const).filter((key) => source[key] === undefined);
    const copied = await deps.UnitKerja.findOneAndUpdate(
      { _id: to },
      {
        $set: fieldsOf(source),
        ...(unset.length > 0 ? { $unset: Object.fromEntries(unset.map((key) => [key, 1])) } : {}),
      },
      { new: true },
    ).lean();
    if (!copied) throw conflict(`Unit dengan kode ${to} berubah selama penggantian kode; coba lagi`);
    return copied;
  }
  // Taking over a code that cycles or grants already use would hand their history and people to this unit.
  await refuseIfInCycles(deps.Cycle, to, `Kode ${to} sudah dipakai siklus`);
  const holders = await deps.Account.countDocuments({ 'grants.unitCode': to });
  if (holders > 0) throw conflict(`Kode ${to} sudah dipakai dalam hak akses ${holders} orang; pilih kode lain`);
  try {
    const created = await deps.UnitKerja.create({
      _id: to,
      ...fieldsOf(source),
      // Still the same unit: registered when the old code was.
      createdAt: source.createdAt,
      renaming: { from: source._id, startedAt: deps.now() },
    });
    return created.toObject();
  } catch (error) {
    if (isDuplicateKey(error)) throw conflict(`Unit dengan kode ${to} sudah terdaftar`);
    throw error;
  }
}

function fieldsOf(unit: UnitKerjaDocument): Partial<UnitKerjaDocument> {
  return {
    name: unit.name,
    zone: unit.zone,
    ...(unit.headEmail !== undefined ? { headEmail: unit.headEmail } : {}),
    ...(unit.parentCode !== undefined ? { parentCode: unit.parentCode } : {}),
  };
}

/**
 * Reads the person's grants and writes them back renamed, but only if they are still what was read (the filter
 * compares the whole array), so a grant changed at the same moment through the people API is never lost.
 */
async function moveGrantsOf(
  Account: AccountModel,
  holder: Pick<AccountDocument, '_id' | 'grants'>,
  from: string,
  to: string,
): Promise<void> {
  let grants = holder.grants;
  for (let attempt = 0; attempt < grantAttempts; attempt++) {
    const written = await Account.updateOne(
      { _id: holder._id, grants },
      { $set: { grants: renameGrants(grants, from, to) } },
    );
    if (written.matchedCount === 1) return;
    const again = await Account.findById(holder._id, { grants: 1 }).lean();
    if (!again || !again.grants.some((grant) => grant.unitCode === from)) return;
    grants = again.grants;
  }
  throw conflict(`Hak akses ${holder._id} terus berubah selama penggantian kode ${from}; ulangi permintaan`);
}

async function refuseIfInCycles(Cycle: CycleModel, code: string, message: string): Promise<void> {
  const found = await Cycle.find({ 'units.code': code }, { _id: 1 })
    .sort({ _id: 1 })
    .limit(namedCycles + 1)
    .lean();
  if (found.length === 0) return;
  const cycles = found.slice(0, namedCycles).map((cycle) => cycle._id);
  const more = found.length > namedCycles ? ' dan lainnya' : '';
  throw new HttpProblem(409, 'Konflik', `${message} ${cycles.join(', ')}${more}`, { cycles });
}

/** One audit event per rename, however often the request is repeated: those since the mark count. */
async function recordOnce(
  deps: UnitRenameDeps,
  principal: Principal,
  from: string,
  to: string,
  since: Date,
): Promise<void> {
  const change = { entity: 'unit_kerja', entityId: to, type: 'unit_renamed' } as const;
  if (await deps.AuditEvent.exists({ ...change, from: `code=${from}`, at: { $gte: since } })) return;
  await recordChange(
    deps.AuditEvent,
    principal,
    { ...change, unitCode: to, from: `code=${from}`, to: `code=${to}` },
    deps.now(),
  );
}

async function finish(UnitKerja: UnitKerjaModel, to: string): Promise<UnitKerjaDocument> {
  const done = await UnitKerja.findOneAndUpdate({ _id: to }, { $unset: { renaming: 1 } }, { new: true }).lean();
  if (!done) throw notFound(`Unit ${to}`);
  return done;
}
