import { randomBytes } from 'node:crypto';
import type { AccountDocument, AccountModel } from '../../activities/models/account.model';
import type { SessionModel } from '../../activities/models/session.model';
import type { Principal } from '../../domain/access';
import { hashSecret, newSecret, secretMatches, splitToken } from './tokens';

export interface SessionTokens {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds the access token works. */
  expiresIn: number;
  refreshToken: string;
  refreshExpiresIn: number;
}

/**
 * Sessions as short-lived access tokens plus a refresh token that rotates on use. Both are opaque
 * (`<sessionId>.<secret>`) and checked against the database, so sign-out, deactivation and a password change take
 * effect on the next request rather than when a signed token would expire.
 */
export class SessionService {
  constructor(
    private readonly deps: {
      Session: SessionModel;
      Account: AccountModel;
      accessTtlSeconds: number;
      refreshTtlSeconds: number;
      now?: () => Date;
    },
  ) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  /** Signs an (active) account in on a new session. */
  async open(account: Pick<AccountDocument, '_id' | 'sessionVersion'>): Promise<SessionTokens> {
    const id = randomBytes(12).toString('base64url');
    const issued = this.issue();
    await this.deps.Session.create({
      _id: id,
      personId: account._id,
      sessionVersion: account.sessionVersion ?? 0,
      ...issued.stored,
    });
    return this.tokensOf(id, issued);
  }

  /** The signed-in person behind an access token, or undefined when it is unknown, expired or revoked. */
  async principalOf(accessToken: string): Promise<(Principal & { sessionId: string }) | undefined> {
    const parts = splitToken(accessToken);
    if (!parts) return undefined;
    const session = await this.deps.Session.findById(parts.id).lean();
    if (!session || session.revokedAt || session.accessExpiresAt <= this.now()) return undefined;
    if (!secretMatches(parts.secret, session.accessHash)) return undefined;
    const account = await this.deps.Account.findById(session.personId).lean();
    if (!account || account.status !== 'active' || account.sessionVersion !== session.sessionVersion) return undefined;
    return {
      sessionId: session._id,
      personId: account._id,
      name: account.name,
      email: account.email,
      grants: account.grants.map(({ role, unitCode }) => (unitCode ? { role, unitCode } : { role })),
    };
  }

  /**
   * New tokens for a valid refresh token; the old pair stops working. A refresh token presented twice means it
   * leaked: the session is revoked, so neither the thief nor the owner keeps it.
   */
  async refresh(refreshToken: string): Promise<SessionTokens | undefined> {
    const parts = splitToken(refreshToken);
    if (!parts) return undefined;
    const session = await this.deps.Session.findById(parts.id).lean();
    if (!session || session.revokedAt || session.refreshExpiresAt <= this.now()) return undefined;
    if (!secretMatches(parts.secret, session.refreshHash)) {
      await this.deps.Session.updateOne({ _id: session._id }, { $set: { revokedAt: this.now() } });
      return undefined;
    }
    const account = await this.deps.Account.findById(session.personId).lean();
    if (!account || account.status !== 'active' || account.sessionVersion !== session.sessionVersion) return undefined;
    const issued = this.issue();
    // Only the holder of the current refresh hash wins the rotation, so two concurrent refreshes cannot both succeed.
    const rotated = await this.deps.Session.updateOne(
      { _id: session._id, refreshHash: session.refreshHash, revokedAt: null },
      { $set: issued.stored },
    );
    return rotated.modifiedCount === 1 ? this.tokensOf(session._id, issued) : undefined;
  }

  /** Ends one session (sign-out). */
  async close(sessionId: string): Promise<void> {
    await this.deps.Session.updateOne({ _id: sessionId, revokedAt: null }, { $set: { revokedAt: this.now() } });
  }

  /** Ends every session of a person (password change, deactivation). */
  async closeAll(personId: string): Promise<void> {
    await this.deps.Account.updateOne({ _id: personId }, { $inc: { sessionVersion: 1 } });
    await this.deps.Session.updateMany({ personId, revokedAt: null }, { $set: { revokedAt: this.now() } });
  }

  private issue() {
    const access = newSecret();
    const refresh = newSecret();
    const now = this.now().getTime();
    return {
      access,
      refresh,
      stored: {
        accessHash: hashSecret(access),
        accessExpiresAt: new Date(now + this.deps.accessTtlSeconds * 1000),
        refreshHash: hashSecret(refresh),
        refreshExpiresAt: new Date(now + this.deps.refreshTtlSeconds * 1000),
      },
    };
  }

  private tokensOf(id: string, issued: { access: string; refresh: string }): SessionTokens {
    return {
      tokenType: 'Bearer',
      accessToken: `${id}.${issued.access}`,
      expiresIn: this.deps.accessTtlSeconds,
      refreshToken: `${id}.${issued.refresh}`,
      refreshExpiresIn: this.deps.refreshTtlSeconds,
    };
  }
}
