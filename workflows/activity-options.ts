import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/**
 * Named presets instead of options scattered per call. Neither limits attempts: a database or SMTP outage is
 * waited out (with backoff) rather than turned into a failed cycle; the notification log shows the retries.
 */
export const persistenceActivity: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
};

/**
 * The same write run as a local activity: in the worker, inside the workflow task that decided the change, so a
 * person's update is answered without the round trip of an activity task and a second workflow task. A retry past a
 * minute waits on a timer instead of holding the workflow task.
 */
export const localPersistenceActivity: LocalActivityOptions = {
  ...persistenceActivity,
  localRetryThreshold: '1 minute',
};

export const emailActivity: ActivityOptions = {
  // Short enough that the emails of a crashed worker are retried within half a minute; a retry skips every
  // recipient already sent, so a long list still makes progress attempt by attempt.
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '5 seconds', backoffCoefficient: 2, maximumInterval: '5 minutes' },
};
