import type { AccountDocument } from '../../activities/models/account.model';
import { isInstansiWide, rolesIn, type Grant, type Principal } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import type { RoleCode } from '../../domain/roles';
import { recordChange } from '../audit-trail';
import type { ApiContext } from '../context';
import { queueEmail } from '../email-outbox';
import { HttpProblem } from '../problem';
import { normaliseGrants } from './accounts';
import { consumeOneTimeToken, newRequestId, requestOneTimeToken, revokeOneTimeTokens } from './one-time-tokens';
import { hashPassword, passwordMatches } from './passwords';
import type { SessionTokens } from './sessions';

export type AuthContext = Pick<
  ApiContext,
  'models' | 'config' | 'temporal' | 'timeWorkflowCall' | 'now' | 'sessions' | 'log'
>;

export interface Me {
  person: { id: string; name: string; email: string };
  grants: Grant[];
  instansiRoles: RoleCode[];
  unitRoles: Record<string, RoleCode[]>;
}

export type SignedIn = SessionTokens & { me: Me };

/** The same answer for an unknown email, a wrong password and an account that may not sign in. */
const wrongCredentials = (): HttpProblem =>
  new HttpProblem(401, 'Gagal masuk', 'Email atau kata sandi salah, atau akun belum/tidak lagi aktif');

const sessionEnded = (): HttpProblem =>
  new HttpProblem(401, 'Sesi tidak berlaku', 'Sesi sudah berakhir atau token penyegaran tidak sah; masuk lagi');

/** Who a person is and what they may do where, as the web UI needs it right after sign-in. */
export function meOf(person: Pick<Principal, 'personId' | 'name' | 'email' | 'grants'>): Me {
  const grants = normaliseGrants(person.grants);
  const unitRoles: Record<string, RoleCode[]> = {};
  for (const grant of grants) {
    if (grant.unitCode !== undefined) unitRoles[grant.unitCode] = rolesIn({ grants }, grant.unitCode);
  }
  return {
    person: { id: person.personId, name: person.name, email: person.email },
    grants,
    instansiRoles: [...new Set(grants.filter(isInstansiWide).map((grant) => grant.role))],
    unitRoles,
  };
}

const principalOfAccount = (account: AccountDocument): Principal => ({
  personId: account._id,
  name: account.name,
  email: account.email,
  grants: account.grants,
});

/** Sign-in, sessions, invitations, password reset and sign-in links: everything a person does before the API. */
export class AuthService {
  constructor(private readonly context: AuthContext) {}

  async signIn(email: string, password: string): Promise<SignedIn> {
    const account = await this.context.models.Account.findById(personIdOf(email)).lean();
    // Always verify a hash (a decoy when there is none), so an unknown email answers as slowly as a wrong password.
    const matches = await passwordMatches(account?.passwordHash, password);
    if (!account || !matches || account.status !== 'active') throw wrongCredentials();
    await this.record(account._id, 'signed_in');
    return this.open(account);
  }

  async refresh(refreshToken: string): Promise<SessionTokens> {
    const tokens = await this.context.sessions.refresh(refreshToken);
    if (!tokens) throw sessionEnded();
    return tokens;
  }

  async signOut(principal: Principal & { sessionId: string }, everywhere: boolean): Promise<void> {
    if (everywhere) await this.context.sessions.closeAll(principal.personId);
    else await this.context.sessions.close(principal.sessionId);
    await this.record(principal.personId, everywhere ? 'signed_out_everywhere' : 'signed_out');
  }

  /** Sets the invited person's password and signs them in; the token works once. */
  async acceptInvitation(token: string, password: string, name?: string): Promise<SignedIn> {
    const { Account } = this.context.models;
    const { personId } = await consumeOneTimeToken(
      this.context.models.OneTimeToken,
      'invitation',
      token,
      this.context.now(),
    );
    const passwordHash = await hashPassword(password);
    const activated = await Account.findOneAndUpdate(
      { _id: personId, status: 'invited' },
      { $set: { passwordHash, status: 'active', ...(name ? { name } : {}) } },
      { new: true },
    ).lean();
    if (!activated) {
      throw new HttpProblem(410, 'Undangan tidak berlaku lagi', 'Akun ini sudah aktif atau telah dinonaktifkan');
    }
    await this.record(personId, 'invitation_accepted');
    return this.open(activated);
  }

  /**
   * Emails a reset link when the address belongs to an active account. The caller answers 202 at once whatever the
   * outcome: the work runs after the answer, so neither its result nor its duration tells whether the account exists.
   */
  requestPasswordReset(email: string): void {
    this.sendPasswordReset(personIdOf(email)).catch((error: unknown) => {
      this.context.log.error({ err: error }, 'password reset email could not be queued');
    });
  }

  /** Sets a new password from a reset link and ends every session of the account. */
  async confirmPasswordReset(token: string, password: string): Promise<void> {
    const { Account, OneTimeToken } = this.context.models;
    const now = this.context.now();
    const { personId } = await consumeOneTimeToken(OneTimeToken, 'password_reset', token, now);
    const passwordHash = await hashPassword(password);
    const updated = await Account.updateOne({ _id: personId, status: 'active' }, { $set: { passwordHash } });
    if (updated.matchedCount === 0) {
      throw new HttpProblem(410, 'Tautan tidak berlaku lagi', 'Akun ini tidak aktif');
    }
    await this.context.sessions.closeAll(personId);
    await revokeOneTimeTokens(this.context.models, personId, 'password_reset', now);
    await this.record(personId, 'password_reset');
  }

  /** Exchanges a task email's sign-in link (once) for a session, and names the task it leads to. */
  async signInWithLink(token: string): Promise<SignedIn & { taskId: string }> {
    const used = await consumeOneTimeToken(this.context.models.OneTimeToken, 'sign_in_link', token, this.context.now());
    const account = await this.context.models.Account.findById(used.personId).lean();
    if (!account || account.status !== 'active') throw wrongCredentials();
    await this.record(account._id, 'signed_in_by_link', used.target);
    return { ...(await this.open(account)), taskId: used.target ?? '' };
  }

  /** Queues the reset email; its token is minted by the email's activity when it sends (activities/token-emails.ts). */
  private async sendPasswordReset(personId: string): Promise<void> {
    const { models, config } = this.context;
    const account = await models.Account.findById(personId).lean();
    if (account?.status !== 'active') return;
    const ttlSeconds = config.auth.passwordResetTtlSeconds;
    const dedupeKey = `password-reset:${personId}:${newRequestId()}`;
    await requestOneTimeToken(models.TokenRequest, { dedupeKey, kind: 'password_reset', personId });
    await this.record(personId, 'password_reset_requested');
    await queueEmail(this.context, {
      dedupeKey,
      template: 'password-reset',
      to: account.email,
      data: { recipient: { name: account.name }, validMinutes: Math.max(1, Math.round(ttlSeconds / 60)) },
      oneTimeLink: { kind: 'password_reset', personId, ttlSeconds },
    });
  }

  private async open(account: AccountDocument): Promise<SignedIn> {
    const tokens = await this.context.sessions.open(account);
    return { ...tokens, me: meOf(principalOfAccount(account)) };
  }

  private record(personId: string, type: string, note?: string): Promise<void> {
    return recordChange(
      this.context.models.AuditEvent,
      personId,
      { entity: 'person', entityId: personId, type, ...(note ? { note } : {}) },
      this.context.now(),
    );
  }
}
