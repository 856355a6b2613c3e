import type { ActivityOptions } from '@temporalio/workflow';

/**
 * Named presets instead of options scattered per call. Neither limits attempts: a database or SMTP outage is
 * waited out (with backoff) rather than turned into a failed cycle; the notification log shows the retries.
 */
export const persistenceActivity: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

export const emailActivity: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
