import type { TaskTemplate } from '../../domain/catalogue';
import type { RoleCode } from '../../domain/roles';
import {
  claimTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskWorkflowId,
  type TaskPerson,
  type TaskView,
} from '../../workflows/definitions';
import type { TestStack } from './stack';
import { eventually } from './wait';

/** Waits for a unit's task to exist, then claims, submits (every required document) and approves it as people would. */
export async function completeTask(
  stack: TestStack,
  ids: { cycleId: string; unitCode: string },
  template: TaskTemplate,
  team: Record<RoleCode, TaskPerson[]>,
): Promise<void> {
  const task = stack.client.workflow.getHandle<() => Promise<TaskView>>(
    taskWorkflowId(ids.cycleId, ids.unitCode, template.key),
  );
  await eventually(() => task.describe(), { what: `task ${template.key} of ${ids.unitCode} to start` });
  const submitter = team[template.assigneeRole][0]!;
  const reviewer = team[template.reviewerRole].find((p) => p.personId !== submitter.personId)!;
  const evidence = template.evidence.documents.map((document) => ({ document, ref: `https://drive.test/${document}` }));
  // Each step names itself if it ever hangs, so a failure says where rather than only "test timed out".
  await step(`claim ${template.key}`, task.executeUpdate(claimTaskUpdate, { args: [{ actor: submitter }] }));
  await step(
    `submit ${template.key}`,
    task.executeUpdate(submitTaskUpdate, { args: [{ actor: submitter, evidence }] }),
  );
  await step(
    `approve ${template.key}`,
    task.executeUpdate(reviewTaskUpdate, { args: [{ actor: reviewer, decision: 'approve' }] }),
  );
}

function step<T>(what: string, promise: Promise<T>, ms = 20_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
