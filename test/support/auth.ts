import type { Grant } from '../../domain/access';
import { personIdOf } from '../../domain/people';
import { SessionService } from '../../api/auth/sessions';
import type { TestStack } from './stack';

/**
 * Signs a person in for a test: their account (active, with these grants added) is written to the real database
 * and a real session opened, so every request the test makes goes through the same authentication as production.
 * Tests of sign-in itself use the auth endpoints instead.
 */
export async function tokenFor(
  stack: Pick<TestStack, 'models' | 'config'>,
  person: { name: string; email: string },
  grants: Grant[],
): Promise<string> {
  const { Account, Session } = stack.models;
  const personId = personIdOf(person.email);
  await Account.updateOne(
    { _id: personId },
    {
      $setOnInsert: { email: person.email, name: person.name, sessionVersion: 0 },
      $set: { status: 'active' },
    },
    { upsert: true },
  );
  const account = await Account.findById(personId).lean();
  const held = new Set(account!.grants.map((g) => `${g.role}@${g.unitCode ?? '*'}`));
  const missing = grants.filter((g) => !held.has(`${g.role}@${g.unitCode ?? '*'}`));
  if (missing.length > 0) {
    await Account.updateOne({ _id: personId }, { $set: { grants: [...account!.grants, ...missing] } });
  }
  const sessions = new SessionService({
    Session,
    Account,
    accessTtlSeconds: stack.config.auth.accessTtlSeconds,
    refreshTtlSeconds: stack.config.auth.refreshTtlSeconds,
  });
  return (await sessions.open({ _id: personId, sessionVersion: account!.sessionVersion })).accessToken;
}

/** A Bagian Organisasi officer's token (instansi-wide admin_organisasi). */
export const adminToken = (stack: Pick<TestStack, 'models' | 'config'>, person: { name: string; email: string }) =>
  tokenFor(stack, person, [{ role: 'admin_organisasi' }]);

/** supertest's `.auth(token, bearer)`. */
export const bearer = { type: 'bearer' } as const;

/**
 * The launch request a signed-in officer sends: fixtures name the launcher (`launchedBy`) so tests know whose
 * mailbox to read, but the API takes the launcher from the session, never from the body.
 */
export function launchRequest<T extends { launchedBy?: unknown }>(body: T): Omit<T, 'launchedBy'> {
  const { launchedBy: _launcher, ...request } = body;
  return request;
}
