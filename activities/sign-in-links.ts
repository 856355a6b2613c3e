import DataLoader from 'dataloader';
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

  /** Links for many emails in two round trips (a unit opening a stage mails its head once per task). */
  async function linksFor(requests: readonly LinkRequest[]): Promise<(string | undefined)[]> {
    const people = [...new Set(requests.map((request) => request.personId))];
    const active = await deps.Account.find({ _id: { $in: people }, status: 'active' }, { _id: 1 }).lean();
    const activeIds = new Set(active.map((account) => String(account._id)));
    const now = deps.now?.() ?? new Date();
    const expiresAt = new Date(now.getTime() + ttlSeconds * 1000);
    const links = requests.map((request) => (activeIds.has(request.personId) ? { request, token: newSecret() } : null));
    const minted = links.filter((link) => link !== null);
    if (minted.length > 0) {
      await deps.OneTimeToken.insertMany(
        minted.map(({ request, token }) => ({
          _id: hashSecret(token),
          kind: 'sign_in_link' as const,
          personId: request.personId,
          target: request.taskId,
          expiresAt,
        })),
      );
    }
    return links.map((link) => (link ? `${deps.publicUrl}${signInLinkPath}?token=${link.token}` : undefined));
  }

  // Asked for one email at a time by the notifier, answered together: requests made in the same tick share a batch.
  const batched = new DataLoader(linksFor, { cache: false, maxBatchSize: 100 });

  return {
    ttlSeconds,
    /**
     * A sign-in link to the task for an email about to be sent (the notifier asks only then: see `sendOnlyData` in
     * notifications.ts), or undefined when the person has no active account.
     */
    linkFor: (request: LinkRequest): Promise<string | undefined> => batched.load(request),
  };
}

interface LinkRequest {
  personId: string;
  taskId: string;
}
