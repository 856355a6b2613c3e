/**
 * Single-use tokens sent by email (invitation, password reset, sign-in link). Only the sha256 is stored; using one is
 * one atomic update on `usedAt`, so two clicks racing each other cannot both succeed. The API never mints an emailed
 * token itself: it records a request, and the email's activity mints the token as it sends
 * (activities/token-emails.ts), so no usable token reaches Temporal's history.
 */
import { randomBytes } from 'node:crypto';
import type { Models } from '../../activities/models';
import type {
  OneTimeTokenDocument,
  OneTimeTokenKind,
  OneTimeTokenModel,
} from '../../activities/models/one-time-token.model';
import type { EmailTokenKind, TokenRequestModel } from '../../activities/models/token-request.model';
import { HttpProblem } from '../problem';
import { hashSecret } from './tokens';

/** A fresh part for an emailed token's dedupe key (`invitation:<personId>:<id>`): each request is its own email. */
export const newRequestId = (): string => randomBytes(8).toString('hex');

/**
 * Records that an email carrying a token of this kind is about to be queued for the person, under the email's dedupe
 * key. False when that key was requested already: a fixed key (a person's first invitation) is queued once however
 * many callers race to send it.
 */
export async function requestOneTimeToken(
  TokenRequest: TokenRequestModel,
  request: { dedupeKey: string; kind: EmailTokenKind; personId: string },
): Promise<boolean> {
  try {
    await TokenRequest.create({ _id: request.dedupeKey, kind: request.kind, personId: request.personId });
    return true;
  } catch (error) {
    if ((error as { code?: unknown }).code === 11000) return false;
    throw error;
  }
}

/** Tokens are 43 URL-safe characters; anything else is not looked up at all. */
const tokenShape = /^[A-Za-z0-9_-]{20,100}$/;

/**
 * Marks the token used and returns it, or throws: 401 for a token that never existed (or of another kind), 410 for
 * one already used or expired, so the person knows to ask for a new one.
 */
export async function consumeOneTimeToken(
  OneTimeToken: OneTimeTokenModel,
  kind: OneTimeTokenKind,
  token: string,
  now: Date,
): Promise<Pick<OneTimeTokenDocument, 'personId' | 'target'>> {
  if (!tokenShape.test(token)) throw invalidToken();
  const _id = hashSecret(token);
  const used = await OneTimeToken.findOneAndUpdate(
    { _id, kind, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
    { new: true },
  ).lean();
  if (used) return { personId: used.personId, ...(used.target ? { target: used.target } : {}) };
  const known = await OneTimeToken.findOne({ _id, kind }).lean();
  if (!known) throw invalidToken();
  throw new HttpProblem(
    410,
    'Tautan tidak berlaku lagi',
    known.usedAt
      ? 'Tautan ini sudah pernah dipakai; minta tautan baru'
      : 'Tautan ini sudah kedaluwarsa; minta tautan baru',
  );
}

/**
 * Tokens still usable for a person and kind stop working (a new invitation replaces the old one), and so do emails of
 * that kind still waiting to be sent. The requests are marked first: an email's activity writes its token before it
 * reads its request again, so it either sees the revocation or has written a token the second update marks.
 */
export async function revokeOneTimeTokens(
  models: Pick<Models, 'OneTimeToken' | 'TokenRequest'>,
  personId: string,
  kind: OneTimeTokenKind,
  now: Date,
): Promise<void> {
  await models.TokenRequest.updateMany({ personId, kind, revokedAt: null }, { $set: { revokedAt: now } });
  await models.OneTimeToken.updateMany({ personId, kind, usedAt: null }, { $set: { usedAt: now } });
}

const invalidToken = (): HttpProblem => new HttpProblem(401, 'Tautan tidak sah', 'Token tidak dikenal');
