import type {
  OneTimeTokenDocument,
  OneTimeTokenKind,
  OneTimeTokenModel,
} from '../../activities/models/one-time-token.model';
import { HttpProblem } from '../problem';
import { hashSecret, newSecret } from './tokens';

/**
 * Single-use tokens sent by email (invitation, password reset, sign-in link). Only the sha256 is stored; using one is
 * one atomic update on `usedAt`, so two clicks racing each other cannot both succeed.
 */
export async function issueOneTimeToken(
  OneTimeToken: OneTimeTokenModel,
  request: { kind: OneTimeTokenKind; personId: string; ttlSeconds: number; target?: string; now: Date },
): Promise<string> {
  const token = newSecret();
  await OneTimeToken.create({
    _id: hashSecret(token),
    kind: request.kind,
    personId: request.personId,
    expiresAt: new Date(request.now.getTime() + request.ttlSeconds * 1000),
    ...(request.target ? { target: request.target } : {}),
  });
  return token;
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

/** Tokens still usable for a person and kind stop working (a new invitation replaces the old one). */
export async function revokeOneTimeTokens(
  OneTimeToken: OneTimeTokenModel,
  personId: string,
  kind: OneTimeTokenKind,
  now: Date,
): Promise<void> {
  await OneTimeToken.updateMany({ personId, kind, usedAt: null }, { $set: { usedAt: now } });
}

const invalidToken = (): HttpProblem => new HttpProblem(401, 'Tautan tidak sah', 'Token tidak dikenal');
