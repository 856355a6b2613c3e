import { proxyActivities, setHandler } from '@temporalio/workflow';
import type { Activities } from '../activities';
import { cycleStateQuery, type CycleWorkflowInput, type CycleWorkflowState } from './definitions';
import { emailActivity, persistenceActivity } from './activity-options';

const persistence = proxyActivities<Pick<Activities, 'saveCycle'>>(persistenceActivity);
const email = proxyActivities<Pick<Activities, 'notifyCycleLaunched'>>(emailActivity);

/**
 * Walking skeleton of a cycle (siklus): records it, tells the launcher, and marks it launched.
 * The lifecycle (stages, units, tasks, reminders) replaces this body.
 */
export async function cycleWorkflow(input: CycleWorkflowInput): Promise<CycleWorkflowState> {
  let state: CycleWorkflowState = { cycleId: input.id, status: 'launching' };
  let seq = 0;
  setHandler(cycleStateQuery, () => state);

  const record = async (next: CycleWorkflowState) => {
    state = next;
    await persistence.saveCycle({ ...input, status: next.status, seq: ++seq });
  };

  await record(state);
  await email.notifyCycleLaunched(input);
  await record({ ...state, status: 'launched' });
  return state;
}
