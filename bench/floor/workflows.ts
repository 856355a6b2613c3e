/** The floor's workflows (bundled for the floor worker only): a start, one no-op activity, a timer, an update. */
import { condition, proxyActivities, setHandler, sleep } from '@temporalio/workflow';
import type { FloorActivities } from './activities';
import { finishSignal, pingUpdate, type FloorInput } from './definitions';

// The product's persistence preset (workflows/activity-options.ts), so the floor retries alike.
const { insertOne } = proxyActivities<FloorActivities>({
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '30 seconds' },
});

/** Launch floor: a bare start running one activity that inserts one document. */
export async function floorInsertWorkflow(input: FloorInput): Promise<void> {
  await insertOne(input);
}

/** Memory floor: the same, then waiting on a timer as an open task does. */
export async function floorSleepWorkflow(input: FloorInput): Promise<void> {
  await insertOne(input);
  await sleep('60 days');
}

/** Latency floor: a trivial workflow whose update answers at once. */
export async function floorUpdateWorkflow(): Promise<number> {
  let pings = 0;
  let finished = false;
  setHandler(pingUpdate, () => ++pings);
  setHandler(finishSignal, () => {
    finished = true;
  });
  await condition(() => finished);
  return pings;
}
