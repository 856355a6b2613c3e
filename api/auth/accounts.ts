import type { AccountDocument, AccountModel } from '../../activities/models/account.model';
import type { Grant, Principal } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import { roleLabels } from '../../domain/roles';
import { recordChange } from '../audit-trail';
import type { ApiContext } from '../context';
import { queueEmail } from '../email-outbox';
import { conflict, notFound } from '../problem';
import { newRequestId, requestOneTimeToken, revokeOneTimeTokens } from './one-time-tokens';

export type AccountContext = Pick<ApiContext, 'models' | 'config' | 'temporal' | 'timeWorkflowCall' | 'now'>;

/** Grants as stored and compared: no `unitCode` key at all for an instansi-wide grant. */
export const normaliseGrants = (grants: readonly Grant[]): Grant[] =>
  grants.map(({ role, unitCode }) => (unitCode === undefined ? { role } : { role, unitCode }));

const grantKey = (grant: Grant): string => `${grant.role}@${grant.unitCode ?? '*'}`;

/**
 * Accounts as the lifecycle and Bagian Organisasi create them: invited (an email with a one-time link to set a
 * password) or, for the first admin, active with a password. Grants are only ever added here; replacing them is the
 * people service's job.
 */
export class AccountService {
  constructor(private readonly context: AccountContext) {}

  /**
   * Makes sure the person has an account (created `invited`, invitation email queued, when missing) and holds these
   * grants (added, never removed). Idempotent: safe to call on every launch/approval.
   */
  async ensurePerson(
    person: { name: string; email: string },
    grants: Grant[],
    by: Principal | string,
  ): Promise<{ personId: string; created: boolean }> {
    const { Account, AuditEvent } = this.context.models;
    const personId = personIdOf(person.email);
    const created = await insertAccountIfMissing(this.context.models.Account, {
      personId,
      email: person.email.trim(),
      name: person.name.trim(),
    });
    const wanted = normaliseGrants(grants);
    const before = await Account.findById(personId, { grants: 1, status: 1 }).lean();
    const held = new Set((before?.grants ?? []).map(grantKey));
    const missing = wanted.filter((grant) => !held.has(grantKey(grant)));
    if (missing.length > 0) {
      // $addToSet keeps concurrent callers (two approvals naming the same person) from overwriting each other.
      await Account.updateOne({ _id: personId }, { $addToSet: { grants: { $each: missing } } });
    }
    const now = this.context.now();
    if (created) {
      await recordChange(
        AuditEvent,
        by,
        { entity: 'person', entityId: personId, type: 'invited', to: describe(wanted) },
        now,
      );
      await this.sendInvitation(personId, by, { replacing: false });
      return { personId, created };
    }
    if (missing.length > 0) {
      await recordChange(
        AuditEvent,
        by,
        { entity: 'person', entityId: personId, type: 'grants_added', to: describe(missing) },
        now,
      );
    }
    // An earlier call created the account but could not queue its invitation (Temporal down): this one sends it. A
    // first invitation is queued once however many calls race (see sendInvitation).
    if (before?.status === 'invited') await this.sendInvitation(personId, by, { replacing: false });
    return { personId, created };
  }

  /** A new person invited by Bagian Organisasi; 409 when the email already has an account. */
  async invite(person: { name: string; email: string }, grants: Grant[], by: Principal): Promise<AccountDocument> {
    const personId = personIdOf(person.email);
    if (await this.context.models.Account.exists({ _id: personId })) {
      throw conflict(`Sudah ada akun untuk ${personId}`);
    }
    await this.ensurePerson(person, grants, by);
    return (await this.context.models.Account.findById(personId).lean())!;
  }

  /** A fresh invitation for someone who has not accepted yet; the earlier link stops working. */
  async reinvite(personId: string, by: Principal): Promise<void> {
    const account = await this.context.models.Account.findById(personId).lean();
    if (!account) throw notFound('Orang');
    if (account.status !== 'invited')
      throw conflict('Undangan hanya dapat dikirim ulang kepada orang yang belum aktif');
    await recordChange(
      this.context.models.AuditEvent,
      by,
      { entity: 'person', entityId: personId, type: 'reinvited' },
      this.context.now(),
    );
    await this.sendInvitation(personId, by, { replacing: true });
  }

  /**
   * Queues an invitation email; its token is minted by the email's activity when it sends (activities/token-emails.ts),
   * so none passes through Temporal. A first invitation (not `replacing`) has one request per person, so only one
   * caller queues it; when the email cannot be queued the request is removed again, so a later `ensurePerson` sends
   * it. `replacing` (a re-invitation) is a new request, and makes earlier links, and earlier invitations still
   * waiting to be sent, stop working.
   */
  private async sendInvitation(
    personId: string,
    by: Principal | string,
    options: { replacing: boolean },
  ): Promise<void> {
    const { models, config } = this.context;
    const account = await models.Account.findById(personId).lean();
    if (!account) throw notFound('Orang');
    if (options.replacing) await revokeOneTimeTokens(models, personId, 'invitation', this.context.now());
    const ttlSeconds = config.auth.invitationTtlSeconds;
    const dedupeKey = `invitation:${personId}:${options.replacing ? newRequestId() : 'first'}`;
    if (!(await requestOneTimeToken(models.TokenRequest, { dedupeKey, kind: 'invitation', personId }))) return;
    try {
      await queueEmail(this.context, {
        dedupeKey,
        template: 'invitation',
        to: account.email,
        data: {
          recipient: { name: account.name },
          invitedBy: typeof by === 'string' ? undefined : by.name,
          grants: account.grants.map((grant) => ({ role: roleLabels[grant.role], unitCode: grant.unitCode })),
          validDays: Math.max(1, Math.round(ttlSeconds / 86_400)),
        },
        oneTimeLink: { kind: 'invitation', personId, ttlSeconds },
      });
    } catch (error) {
      await models.TokenRequest.deleteOne({ _id: dedupeKey });
      throw error;
    }
  }
}

/** Inserts the account only when none exists for the id; concurrent callers agree on who created it. */
export async function insertAccountIfMissing(
  Account: AccountModel,
  account: { personId: string; email: string; name: string } & Partial<
    Pick<AccountDocument, 'status' | 'passwordHash' | 'grants'>
  >,
): Promise<boolean> {
  const { personId, ...fields } = account;
  try {
    const result = await Account.updateOne(
      { _id: personId },
      { $setOnInsert: { status: 'invited', sessionVersion: 0, ...fields } },
      { upsert: true },
    );
    return result.upsertedCount === 1;
  } catch (error) {
    // Two upserts racing on the same _id: one inserts, the other meets the duplicate key and did not create.
    if ((error as { code?: unknown }).code === 11000) return false;
    throw error;
  }
}

/** Grants as an audit event shows them: `ketua_tim@UNIT-A, admin_organisasi@*`. */
export const describe = (grants: readonly Grant[]): string => grants.map(grantKey).join(', ');
