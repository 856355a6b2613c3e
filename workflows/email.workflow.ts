import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { EmailOutcome, EmailRequest } from '../activities/token-emails';
import { emailActivity } from './activity-options';

const { sendEmail } = proxyActivities<Activities>(emailActivity);

/**
 * One email the API asks for (an invitation, a password reset, a resend): Temporal retries it through an SMTP outage
 * so the request that caused it can answer at once, and the notification's dedupe key keeps it to one message. An
 * invitation or reset names its token's kind and lifetime only: the activity mints the token, so none is recorded in
 * this workflow's history.
 */
export async function emailWorkflow(request: EmailRequest): Promise<EmailOutcome> {
  return sendEmail(request);
}
