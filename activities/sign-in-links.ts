import { hashSecret, newSecret } from '../api/auth/tokens';
import type { AccountModel } from './models/account.model';
import type { OneTimeTokenModel } from './models/one-time-token.model';

/** How long a sign-in link in a task email works, unless the worker is told otherwise (matches the API default). */
export const defaultSignInLinkTtlSeconds = 86_400;

/** Where the web UI exchanges a sign-in link's token (POST /api/v1/auth/sign-in/link) and opens the task. */
export const signInLinkPath = '/masuk/tautan';

/**
 * Single-use sign-in links to a task for task emails. The token is written here, by the activity that sends the
 * email, so it never travels through workflow history; only its sha256 is stored. Only active accounts get one: an
 * invited person must first accept their invitation, and a deactivated one may not sign in at all.
 */
export function createSignInLinks(deps: {
  Account: AccountModel;
  OneTimeToken: OneTimeTokenModel;
  publicUrl: string;
  ttlSeconds?: number;
  now?: () => Date;
}) {
  const ttlSeconds = deps.ttlSeconds ?? defaultSignInLinkTtlSeconds;
  return {
    ttlSeconds,
    /**
     * A sign-in link to the task for an email about to be sent (the notifier asks only then: see `sendOnlyData` in
     * notifications.ts), or undefined when the person has no active account.
     */
    async linkFor(request: { personId: string; taskId: string }): Promise<string | undefined> {
      const account = await deps.Account.findById(request.personId, { status: 1 }).lean();
      if (account?.status !== 'active') return undefined;
      const token = newSecret();
      const now = deps.now?.() ?? new Date();
      await deps.OneTimeToken.create({
        _id: hashSecret(token),
        kind: 'sign_in_link',
        personId: request.personId,
        target: request.taskId,
        expiresAt: new Date(now.getTime() + ttlSeconds * 1000),
      });
      return `${deps.publicUrl}${signInLinkPath}?token=${token}`;
    },
  };
}
