import { hashSecret, newSecret } from '../api/auth/tokens';
import type { SendNotification } from './lifecycle-notifications';
import type { Models } from './models';
import type { EmailTokenKind } from './models/token-request.model';
import type { NotificationOutcome, NotificationRequest } from './notifications';

/** Where the web UI takes each kind of emailed token: setting a first password, choosing a new one. */
export const tokenLinkPaths: Readonly<Record<EmailTokenKind, string>> = {
  invitation: '/undangan',
  password_reset: '/atur-ulang-sandi',
};

/** Whose account a token of each kind is for: an invitation is accepted once, a reset is for an active account. */
const accountStatusFor: Readonly<Record<EmailTokenKind, string>> = {
  invitation: 'invited',
  password_reset: 'active',
};

/** The token an email's link carries, described without the token itself: the activity mints it when it sends. */
export interface OneTimeLinkRequest {
  kind: EmailTokenKind;
  personId: string;
  ttlSeconds: number;
}

/**
 * An email the API asks for (see emailWorkflow). With `oneTimeLink`, its `dedupeKey` names the token request the API
 * recorded (TokenRequest) and the link goes into `data.link` when the email is sent.
 */
export interface EmailRequest extends NotificationRequest {
  oneTimeLink?: OneTimeLinkRequest;
}

/** `skipped`: the token request was revoked, or the account can no longer use such a token; nothing was sent. */
export type EmailOutcome = NotificationOutcome | { status: 'skipped'; reason: string };

/**
 * Invitation and password-reset emails whose token is minted here, by the activity that sends them, as sign-in links
 * in task emails are (sign-in-links.ts): the API queues the email with the person and the token's kind and lifetime,
 * so Temporal's history never holds a usable token, and only the token's sha256 is stored.
 *
 * Under Temporal's retries: a retry after the email was sent (or refused for good) mints nothing and answers as the
 * notifier would. A retry before that mints a new token and sends it; the token of the failed attempt was never
 * delivered and simply expires unused. (The one exception is the notifier's `sending` gap: a worker that died after
 * the SMTP server accepted the message sends it again, so the person may hold two working links, each single-use.)
 *
 * Revocation (re-invitation, password changed, deactivation) marks the pending requests before the tokens
 * (revokeOneTimeTokens), and the token is written here before the request is read again, so an email still waiting
 * through an SMTP outage never delivers a link that works after it was revoked.
 */
export function createTokenEmails(deps: {
  models: Pick<Models, 'Account' | 'Notification' | 'OneTimeToken' | 'TokenRequest'>;
  send: SendNotification;
  publicUrl: string;
  now?: () => Date;
}) {
  const { Account, Notification, OneTimeToken, TokenRequest } = deps.models;
  const skipped = (reason: string): EmailOutcome => ({ status: 'skipped', reason });
  const isPending = async (dedupeKey: string, link: OneTimeLinkRequest): Promise<boolean> => {
    const request = await TokenRequest.findById(dedupeKey, { kind: 1, personId: 1, revokedAt: 1 }).lean();
    return request?.kind === link.kind && request.personId === link.personId && !request.revokedAt;
  };

  return async function sendTokenEmail(
    request: EmailRequest & { oneTimeLink: OneTimeLinkRequest },
  ): Promise<EmailOutcome> {
    const { oneTimeLink: link, ...email } = request;
    const earlier = await Notification.findById(email.dedupeKey, { status: 1, messageId: 1, lastError: 1 }).lean();
    if (earlier?.status === 'sent') {
      return { status: 'already-sent', ...(earlier.messageId ? { messageId: earlier.messageId } : {}) };
    }
    if (earlier?.status === 'failed') return { status: 'failed', reason: earlier.lastError ?? 'ditolak' };
    if (!(await isPending(email.dedupeKey, link))) return skipped('permintaan token dicabut atau tidak dikenal');
    const account = await Account.findById(link.personId, { status: 1 }).lean();
    if (account?.status !== accountStatusFor[link.kind]) return skipped(`akun ${account?.status ?? 'tidak ada'}`);

    const token = newSecret();
    const now = deps.now?.() ?? new Date();
    await OneTimeToken.create({
      _id: hashSecret(token),
      kind: link.kind,
      personId: link.personId,
      expiresAt: new Date(now.getTime() + link.ttlSeconds * 1000),
    });
    // Read again after the write: a revocation that came in between has marked the request by now, or will find
    // the token when it marks the tokens.
    if (!(await isPending(email.dedupeKey, link))) {
      await OneTimeToken.updateOne({ _id: hashSecret(token) }, { $set: { usedAt: now } });
      return skipped('permintaan token dicabut');
    }
    const url = `${deps.publicUrl}${tokenLinkPaths[link.kind]}?token=${token}`;
    return deps.send({ ...email, data: { ...email.data, link: url } });
  };
}
