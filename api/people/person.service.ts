import type { AccountDocument } from '../../activities/models/account.model';
import { canSeeUnit, isInstansiWide, may, mayEverywhere, type Grant, type Principal } from '../../domain/access';
import { requireEverywhere, requireInUnit } from '../access';
import { AccountService, describe, normaliseGrants } from '../auth/accounts';
import { revokeOneTimeTokens } from '../auth/one-time-tokens';
import { recordChange } from '../audit-trail';
import { decodeCursor, defaultPageSize, encodeCursor, type Page } from '../page';
import type { ApiContext } from '../context';
import { conflict, forbidden, notFound } from '../problem';
import type { InvitePersonBody, ListPeopleQuery } from './person.schemas';

export type PersonContext = Pick<
  ApiContext,
  'models' | 'config' | 'temporal' | 'timeWorkflowCall' | 'now' | 'sessions'
>;

export interface PersonView {
  id: string;
  email: string;
  name: string;
  status: AccountDocument['status'];
  grants: Grant[];
  createdAt: string;
  updatedAt: string;
}

type Account = Pick<AccountDocument, '_id' | 'email' | 'name' | 'status' | 'grants' | 'createdAt' | 'updatedAt'>;

/** Only what the API shows of an account: never the password hash or the session version. */
const fields = { email: 1, name: 1, status: 1, grants: 1, createdAt: 1, updatedAt: 1 } as const;

/**
 * Who sees whom: Bagian Organisasi and pengamat see everyone; pimpinan and ketua_tim see the people holding a grant
 * in a unit where they may read people (and only those grants). Anyone else may not list people at all.
 */
class Audience {
  readonly everyone: boolean;
  readonly units: ReadonlySet<string>;

  constructor(readonly principal: Principal) {
    this.everyone = mayEverywhere(principal, 'person.read');
    this.units = new Set(
      principal.grants
        .filter((grant) => !isInstansiWide(grant) && may(principal, 'person.read', grant.unitCode))
        .map((grant) => grant.unitCode as string),
    );
  }

  sees(account: Pick<Account, 'grants'>): boolean {
    return (
      this.everyone || account.grants.some((grant) => grant.unitCode !== undefined && this.units.has(grant.unitCode))
    );
  }

  view(account: Account): PersonView {
    const grants = normaliseGrants(account.grants).filter(
      (grant) => this.everyone || grant.unitCode === undefined || canSeeUnit(this.principal, grant.unitCode),
    );
    return {
      id: account._id,
      email: account.email,
      name: account.name,
      status: account.status,
      grants,
      createdAt: new Date(account.createdAt).toISOString(),
      updatedAt: new Date(account.updatedAt).toISOString(),
    };
  }
}

/** People and their grants: Bagian Organisasi invites and manages; unit leaders look up their unit's people. */
export class PersonService {
  private readonly accounts: AccountService;

  constructor(private readonly context: PersonContext) {
    this.accounts = new AccountService(context);
  }

  async invite(principal: Principal, body: InvitePersonBody): Promise<PersonView> {
    requireEverywhere(principal, 'person.manage');
    const account = await this.accounts.invite({ name: body.name, email: body.email }, body.grants, principal);
    return new Audience(principal).view(account);
  }

  async list(principal: Principal, query: ListPeopleQuery): Promise<Page<PersonView>> {
    const audience = new Audience(principal);
    if (query.unit) requireInUnit(principal, 'person.read', query.unit, `Unit ${query.unit}`);
    else if (!audience.everyone && audience.units.size === 0)
      throw forbidden('Peran Anda tidak mengizinkan melihat daftar orang');
    const limit = query.limit ?? defaultPageSize;
    // A coarse filter the database can use; the exact one (role *in* that unit) runs below, since $elemMatch is not
    // available on every database this runs on.
    const filter: Record<string, unknown> = {
      ...(query.status ? { status: query.status } : {}),
      ...(query.role ? { 'grants.role': query.role } : {}),
      ...(query.unit
        ? { 'grants.unitCode': query.unit }
        : audience.everyone
          ? {}
          : { 'grants.unitCode': { $in: [...audience.units] } }),
    };
    // Only grants the viewer may see count for the role and unit filters.
    const counts = (grant: Grant) =>
      (audience.everyone || (grant.unitCode !== undefined && audience.units.has(grant.unitCode))) &&
      (!query.role || grant.role === query.role) &&
      (!query.unit || grant.unitCode === query.unit);
    const matches = (account: Account) =>
      audience.sees(account) && ((!query.role && !query.unit) || account.grants.some(counts));
    let after = query.cursor ? decodeCursor(query.cursor, ['string'] as const)[0] : undefined;
    const found: Account[] = [];
    // Pages of the database's answer until this page is full (and one more, to know another page exists).
    const batchSize = Math.max(limit * 2, 50);
    for (;;) {
      const batch = await this.context.models.Account.find(
        { ...filter, ...(after ? { _id: { $gt: after } } : {}) },
        fields,
      )
        .sort({ _id: 1 })
        .limit(batchSize)
        .lean<Account[]>();
      found.push(...batch.filter(matches));
      if (found.length > limit || batch.length < batchSize) break;
      after = batch[batch.length - 1]!._id;
    }
    const items = found.slice(0, limit);
    const last = items[items.length - 1];
    return {
      items: items.map((account) => audience.view(account)),
      nextCursor: found.length > limit && last ? encodeCursor([last._id]) : null,
    };
  }

  async get(principal: Principal, personId: string): Promise<PersonView> {
    const audience = new Audience(principal);
    if (!audience.everyone && audience.units.size === 0) throw forbidden('Peran Anda tidak mengizinkan melihat orang');
    const account = await this.context.models.Account.findById(personId, fields).lean<Account>();
    if (!account || !audience.sees(account)) throw notFound(`Orang ${personId}`);
    return audience.view(account);
  }

  async rename(principal: Principal, personId: string, name: string): Promise<PersonView> {
    requireEverywhere(principal, 'person.manage');
    const before = await this.existing(personId);
    const after = await this.context.models.Account.findOneAndUpdate(
      { _id: personId },
      { $set: { name } },
      { new: true, projection: fields },
    ).lean<Account>();
    if (!after) throw notFound(`Orang ${personId}`);
    if (before.name !== name) await this.record(principal, personId, 'renamed', { from: before.name, to: name });
    return new Audience(principal).view(after);
  }

  /** Replaces every grant of the person; refuses to leave the instansi without an active Bagian Organisasi. */
  async setGrants(principal: Principal, personId: string, grants: Grant[]): Promise<PersonView> {
    requireEverywhere(principal, 'person.manage');
    const before = await this.existing(personId);
    const wanted = normaliseGrants(grants);
    if (!wanted.some(isInstansiAdmin)) await this.keepAnAdmin(before);
    const after = await this.context.models.Account.findOneAndUpdate(
      { _id: personId },
      { $set: { grants: wanted } },
      { new: true, projection: fields },
    ).lean<Account>();
    if (!after) throw notFound(`Orang ${personId}`);
    await this.record(principal, personId, 'grants_changed', {
      from: describe(normaliseGrants(before.grants)),
      to: describe(wanted),
    });
    return new Audience(principal).view(after);
  }

  /** The person can no longer sign in: sessions end now and unused links stop working. Idempotent. */
  async deactivate(principal: Principal, personId: string): Promise<PersonView> {
    requireEverywhere(principal, 'person.manage');
    const before = await this.existing(personId);
    if (before.status !== 'deactivated') {
      await this.keepAnAdmin(before);
      const now = this.context.now();
      await this.context.models.Account.updateOne({ _id: personId }, { $set: { status: 'deactivated' } });
      await this.context.sessions.closeAll(personId);
      for (const kind of ['invitation', 'password_reset', 'sign_in_link'] as const) {
        await revokeOneTimeTokens(this.context.models, personId, kind, now);
      }
      await this.record(principal, personId, 'deactivated', { from: before.status, to: 'deactivated' });
    }
    return new Audience(principal).view(await this.existing(personId));
  }

  /** A fresh invitation email for someone who has not accepted yet. */
  async reinvite(principal: Principal, personId: string): Promise<PersonView> {
    requireEverywhere(principal, 'person.manage');
    await this.accounts.reinvite(personId, principal);
    return new Audience(principal).view(await this.existing(personId));
  }

  private async existing(personId: string): Promise<Account> {
    const account = await this.context.models.Account.findById(personId, fields).lean<Account>();
    if (!account) throw notFound(`Orang ${personId}`);
    return account;
  }

  /** 409 when the account is the last active instansi-wide admin_organisasi: nobody could manage people after it. */
  private async keepAnAdmin(account: Account): Promise<void> {
    if (account.status !== 'active' || !account.grants.some(isInstansiAdmin)) return;
    const others = await this.context.models.Account.find(
      { _id: { $ne: account._id }, status: 'active', 'grants.role': 'admin_organisasi' },
      { grants: 1 },
    ).lean();
    if (!others.some((other) => other.grants.some(isInstansiAdmin))) {
      throw conflict('Ini admin Bagian Organisasi aktif terakhir; tetapkan admin lain terlebih dahulu');
    }
  }

  private record(
    principal: Principal,
    personId: string,
    type: string,
    change: { from?: string; to?: string } = {},
  ): Promise<void> {
    return recordChange(
      this.context.models.AuditEvent,
      principal,
      { entity: 'person', entityId: personId, type, ...change },
      this.context.now(),
    );
  }
}

const isInstansiAdmin = (grant: Grant): boolean => grant.role === 'admin_organisasi' && isInstansiWide(grant);
