import { randomUUID } from 'node:crypto';
import type { SubstitutionDocument } from '../../activities/models/substitution.model';
import { canSeeUnit, mayEverywhere, type Principal } from '../../domain/access';
import { localDayOf, type IsoDate } from '../../domain/calendar';
import { personIdOf } from '../../domain/people';
import { recordChange } from '../audit-trail';
import type { ApiContext } from '../context';
import { HttpProblem, badRequest, conflict, forbidden, notFound } from '../problem';
import type { CreateSubstitutionBody } from './substitute.schemas';

export type SubstitutionContext = Pick<ApiContext, 'models' | 'now'>;

export interface SubstitutionView {
  id: string;
  personId: string;
  personName: string;
  substitute: { personId: string; name: string };
  from: string;
  to: string;
  /** Whether it holds today (WIB). */
  active: boolean;
  createdBy: string;
  createdAt?: string;
}

/** The instansi's calendar day: substitutions are whole days in WIB (Asia/Jakarta). */
export const todayOf = (now: Date): IsoDate => localDayOf(now, 'WIB');

const refused = (detail: string): HttpProblem => new HttpProblem(422, 'Permintaan ditolak', detail);

/**
 * Substitutes while away. A person names who acts on their tasks for a range of days; while it holds, the
 * substitute's inbox shows the person's tasks and the task service hands a task over when the substitute acts on
 * it. The substitute acts with their own grants: they must hold one in a unit the person away works in (checked
 * here) and, for each task, in the task's unit (checked by the task service like any action).
 */
export class SubstitutionService {
  constructor(private readonly context: SubstitutionContext) {}

  async create(principal: Principal, body: CreateSubstitutionBody): Promise<SubstitutionView> {
    const { Account, Substitution, AuditEvent } = this.context.models;
    const today = todayOf(this.context.now());
    const absentId = body.personId === undefined ? principal.personId : personIdOf(body.personId);
    if (absentId !== principal.personId && !mayEverywhere(principal, 'person.manage')) {
      throw forbidden('Hanya Bagian Organisasi yang dapat menunjuk pengganti untuk orang lain');
    }
    const substituteId = personIdOf(body.substitute.email);
    if (substituteId === absentId) {
      throw badRequest([{ field: 'body.substitute.email', message: 'pengganti tidak boleh orang yang sama' }]);
    }
    if (body.to < today) throw badRequest([{ field: 'body.to', message: 'rentang sudah lewat' }]);

    const [absent, substitute] = await Promise.all([
      Account.findById(absentId, { name: 1, grants: 1, status: 1 }).lean(),
      Account.findById(substituteId, { name: 1, grants: 1, status: 1 }).lean(),
    ]);
    if (!absent) throw notFound(`Orang ${absentId}`);
    if (!substitute || substitute.status === 'deactivated') {
      throw refused(`${body.substitute.email} belum memiliki akun aktif; undang dahulu melalui Bagian Organisasi`);
    }
    const sharedUnits = absent.grants.filter((grant) => grant.unitCode && canSeeUnit(substitute, grant.unitCode));
    if (absent.grants.some((grant) => grant.unitCode) && sharedUnits.length === 0) {
      throw refused(`${substitute.name} tidak memiliki peran di unit mana pun tempat ${absent.name} bertugas`);
    }
    const overlapping = await Substitution.findOne({
      personId: absentId,
      from: { $lte: body.to },
      to: { $gte: body.from },
    }).lean();
    if (overlapping) {
      throw conflict(
        `Sudah ada pengganti ${overlapping.substituteName} pada ${overlapping.from} s.d. ${overlapping.to}`,
      );
    }

    const created = await Substitution.create({
      _id: randomUUID(),
      personId: absentId,
      personName: absent.name,
      substituteId,
      substituteName: substitute.name,
      createdBy: principal.personId,
      from: body.from,
      to: body.to,
    });
    await recordChange(
      AuditEvent,
      principal,
      {
        entity: 'person',
        entityId: absentId,
        type: 'substitute_named',
        to: substituteId,
        note: `Pengganti ${substitute.name} pada ${body.from} s.d. ${body.to}`,
      },
      this.context.now(),
    );
    return viewOf(created.toObject(), today);
  }

  /** The caller's substitutions and those naming them; Bagian Organisasi may look at anyone's. */
  async list(principal: Principal, personId?: string): Promise<SubstitutionView[]> {
    const today = todayOf(this.context.now());
    let filter: Record<string, unknown>;
    if (personId !== undefined && personIdOf(personId) !== principal.personId) {
      if (!mayEverywhere(principal, 'person.manage')) {
        throw forbidden('Hanya Bagian Organisasi yang dapat melihat pengganti orang lain');
      }
      filter = { personId: personIdOf(personId) };
    } else {
      filter = { $or: [{ personId: principal.personId }, { substituteId: principal.personId }] };
    }
    const found = await this.context.models.Substitution.find(filter).sort({ from: 1, _id: 1 }).limit(500).lean();
    return found.map((doc) => viewOf(doc, today));
  }

  /** The person away or Bagian Organisasi ends a substitution; anyone else is told it does not exist. */
  async remove(principal: Principal, id: string): Promise<void> {
    const { Substitution, AuditEvent } = this.context.models;
    const found = await Substitution.findById(id).lean();
    const mayRemove = found && (found.personId === principal.personId || mayEverywhere(principal, 'person.manage'));
    if (!found || !mayRemove) throw notFound('Pengganti');
    await Substitution.deleteOne({ _id: id });
    await recordChange(
      AuditEvent,
      principal,
      {
        entity: 'person',
        entityId: found.personId,
        type: 'substitute_removed',
        from: found.substituteId,
        note: `Pengganti ${found.substituteName} pada ${found.from} s.d. ${found.to} dihapus`,
      },
      this.context.now(),
    );
  }

  /** Whom `substituteId` stands in for today. */
  async activeFor(substituteId: string): Promise<SubstitutionDocument[]> {
    const today = todayOf(this.context.now());
    return this.context.models.Substitution.find({ substituteId, from: { $lte: today }, to: { $gte: today } }).lean();
  }
}

function viewOf(doc: SubstitutionDocument, today: IsoDate): SubstitutionView {
  return {
    id: doc._id,
    personId: doc.personId,
    personName: doc.personName,
    substitute: { personId: doc.substituteId, name: doc.substituteName },
    from: doc.from,
    to: doc.to,
    active: doc.from <= today && today <= doc.to,
    createdBy: doc.createdBy,
    ...(doc.createdAt ? { createdAt: doc.createdAt.toISOString() } : {}),
  };
}
