import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import type { EmailRequest } from '../activities/token-emails';
import { emailWorkflowId, emailWorkflowType } from '../workflows/definitions';
import type { ApiContext } from './context';

/**
 * Queues an email the API decided to send (invitation, password reset, resend): a workflow per dedupe key sends it
 * with Temporal's retries, so an SMTP outage delays the message instead of failing the request. Asking twice for the
 * same dedupe key sends once. An email with a one-time link names the token's kind and lifetime, never a token: the
 * activity mints it (activities/token-emails.ts).
 */
export async function queueEmail(
  context: Pick<ApiContext, 'temporal' | 'config' | 'timeWorkflowCall'>,
  request: EmailRequest,
): Promise<void> {
  try {
    await context.timeWorkflowCall('start', () =>
      context.temporal.workflow.start(emailWorkflowType, {
        workflowId: emailWorkflowId(request.dedupeKey),
        taskQueue: context.config.temporal.taskQueue,
        args: [request],
      }),
    );
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
}
