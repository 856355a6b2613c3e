/**
 * The units a launch (or an added unit) names, completed from the unit registry: `{code}` alone takes the registered
 * unit's name and its head from `headEmail` (named as their account is, if they have one); `{code, name, head}` is
 * used as given, registered or not, as before the registry existed.
 *
 * Zones: a cycle runs on one calendar (`zone`, WIB unless the launch says otherwise), so a registered unit taken by
 * code must be registered in that zone — otherwise its due dates and reminders would fall at another hour than its
 * people keep. The launch is refused, naming the unit, rather than the zone silently ignored. A full entry is taken
 * as given, zone included.
 */
import type { AccountModel } from '../../activities/models/account.model';
import type { UnitKerjaDocument, UnitKerjaModel } from '../../activities/models/unit-kerja.model';
import type { IndonesianZone } from '../../domain/calendar';
import type { CycleUnit } from '../../domain/cycle';
import { personIdOf } from '../../domain/people';
import { badRequest, type FieldError } from '../problem';
import type { CycleUnitEntry } from './cycle.schemas';

export type RegisteredUnit = Pick<UnitKerjaDocument, '_id' | 'name' | 'zone' | 'headEmail'>;

export interface UnitRegistry {
  /** Registered units by code (only those the entries name by code alone are needed). */
  units: ReadonlyMap<string, RegisteredUnit>;
  /** Account names by person id, for the heads of those units. */
  names: ReadonlyMap<string, string>;
}

const isComplete = (entry: CycleUnitEntry): entry is CycleUnit => entry.name !== undefined && entry.head !== undefined;

/**
 * Pure: every entry completed, or the problems found, each naming its field (`field(index)` is the entry's path,
 * e.g. `body.units.2`). `zone` undefined skips the zone check (a cycle whose read model is not written yet).
 */
export function completeUnits(
  entries: readonly CycleUnitEntry[],
  registry: UnitRegistry,
  zone: IndonesianZone | undefined,
  field: (index: number) => string,
): { units: CycleUnit[] } | { errors: FieldError[] } {
  const units: CycleUnit[] = [];
  const errors: FieldError[] = [];
  entries.forEach((entry, index) => {
    if (isComplete(entry)) {
      units.push(entry);
      return;
    }
    const registered = registry.units.get(entry.code);
    if (!registered) {
      errors.push({
        field: `${field(index)}.code`,
        message: `unit ${entry.code} tidak terdaftar; daftarkan unitnya atau isi name dan head`,
      });
      return;
    }
    if (zone !== undefined && registered.zone !== zone) {
      errors.push({
        field: `${field(index)}.code`,
        message: `unit ${entry.code} terdaftar di zona ${registered.zone}, sedangkan siklus memakai zona ${zone}`,
      });
    }
    if (!registered.headEmail) {
      errors.push({
        field: `${field(index)}.head`,
        message: `unit ${entry.code} terdaftar tanpa email pimpinan (headEmail); lengkapi unitnya atau isi name dan head`,
      });
      return;
    }
    const email = registered.headEmail;
    const name = registry.names.get(personIdOf(email)) ?? `Pimpinan ${registered.name}`;
    units.push({ code: entry.code, name: registered.name, head: { name, email } });
  });
  return errors.length > 0 ? { errors } : { units };
}

/** Reads what `completeUnits` needs from MongoDB and completes the entries; 400 naming each field it cannot. */
export async function resolveCycleUnits(
  models: { UnitKerja: UnitKerjaModel; Account: AccountModel },
  entries: readonly CycleUnitEntry[],
  zone: IndonesianZone | undefined,
  field: (index: number) => string,
): Promise<CycleUnit[]> {
  const codes = entries.filter((entry) => !isComplete(entry)).map((entry) => entry.code);
  const registered =
    codes.length > 0
      ? await models.UnitKerja.find({ _id: { $in: codes } }, { name: 1, zone: 1, headEmail: 1 }).lean()
      : [];
  const heads = registered.flatMap((unit) => (unit.headEmail ? [personIdOf(unit.headEmail)] : []));
  const accounts = heads.length > 0 ? await models.Account.find({ _id: { $in: heads } }, { name: 1 }).lean() : [];
  const result = completeUnits(
    entries,
    {
      units: new Map(registered.map((unit) => [unit._id, unit])),
      names: new Map(accounts.map((account) => [account._id, account.name])),
    },
    zone,
    field,
  );
  if ('errors' in result) throw badRequest(result.errors);
  return result.units;
}
