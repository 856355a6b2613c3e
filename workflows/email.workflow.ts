import { proxyActivities } from '@temporalio/workflow';
import type { Activities } from '../activities';
import type { NotificationRequest, NotificationOutcome } from '../activities/notifications';
import { emailActivity } from './activity-options';

const { sendEmail } = proxyActivities<Activities>(emailActivity);

/**
 * One email the API asks for (an invitation, a password reset, a resend): Temporal retries it through an SMTP outage
 * so the request that caused it can answer at once, and the notification's dedupe key keeps it to one message.
 */
export async function emailWorkflow(request: NotificationRequest): Promise<NotificationOutcome> {
  return sendEmail(request);
}
