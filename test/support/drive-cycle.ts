import { requiredTasksForStage, type TaskCatalogue, type TaskTemplate } from '../../domain/catalogue';
import { participantOf, personIdOf } from '../../domain/people';
import type { RoleCode } from '../../domain/roles';
import type { StageCode } from '../../domain/stages';
import { isTerminal } from '../../domain/task';
import type { TeamSubmission } from '../../domain/team';
import {
  claimTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskStateQuery,
  taskWorkflowId,
  unitWorkflowId,
  type TaskPerson,
} from '../../workflows/definitions';
import type { TestStack } from './stack';
import { eventually } from './wait';

/** The people of one unit by role, as the cycle knows them (heads, Bagian Organisasi, TPI) plus its team. */
export type UnitPeople = Partial<Record<RoleCode, TaskPerson[]>>;

/**
 * Drives a unit's required tasks of a stage the way its people would, through the task workflows' updates only:
 * the assignee claims and submits every required document, a reviewer (never the submitter) approves.
 */
export class UnitDriver {
  constructor(
    private readonly stack: TestStack,
    readonly cycleId: string,
    readonly unitCode: string,
    readonly people: UnitPeople,
    private readonly catalogue: TaskCatalogue,
  ) {}

  /** Adds the team a pimpinan submitted, with the roles the roster gives its members. */
  adoptTeam(team: TeamSubmission): void {
    for (const member of team.members) {
      const list = (this.people[member.role] ??= []);
      list.push({ personId: personIdOf(member.email), roles: [member.role], name: member.name, email: member.email });
    }
  }

  task(key: string) {
    return this.stack.client.workflow.getHandle(taskWorkflowId(this.cycleId, this.unitCode, key));
  }

  unit() {
    return this.stack.client.workflow.getHandle(unitWorkflowId(this.cycleId, this.unitCode));
  }

  /** Waits until the unit has started the task's workflow. */
  async started(key: string): Promise<void> {
    await eventually(() => this.task(key).describe(), { what: `${this.unitCode} to start ${key}`, timeoutMs: 30_000 });
  }

  /** Completes one task; `team` goes with the submission of the team task, `revise` adds one revision round. */
  async complete(template: TaskTemplate, options: { team?: TeamSubmission; revise?: boolean } = {}): Promise<void> {
    await this.started(template.key);
    const task = this.task(template.key);
    const view = await task.query(taskStateQuery);
    if (isTerminal(view.status)) return;
    const candidates = this.people[template.assigneeRole] ?? [];
    const submitter =
      view.assignees.length > 0 ? candidates.find((p) => view.assignees.includes(p.personId)) : candidates[0];
    if (!submitter) throw new Error(`${template.key}: nobody of ${template.assigneeRole} among ${view.assignees}`);
    const reviewer = (this.people[template.reviewerRole] ?? []).find((p) => p.personId !== submitter.personId);
    if (!reviewer) throw new Error(`${template.key}: no reviewer with role ${template.reviewerRole}`);
    const evidence = template.evidence.documents.map((document) => ({
      document,
      ref: `https://drive.test/${document}`,
    }));
    const submit = { actor: submitter, evidence, ...(options.team ? { team: options.team } : {}) };

    await task.executeUpdate(claimTaskUpdate, { args: [{ actor: submitter }] });
    await task.executeUpdate(submitTaskUpdate, { args: [submit] });
    if (options.revise) {
      await task.executeUpdate(reviewTaskUpdate, {
        args: [{ actor: reviewer, decision: 'request_revision', note: 'Lengkapi tanda tangan' }],
      });
      await task.executeUpdate(submitTaskUpdate, { args: [submit] });
    }
    await task.executeUpdate(reviewTaskUpdate, { args: [{ actor: reviewer, decision: 'approve' }] });
  }

  /** Completes every required task of a stage, in catalogue order. */
  async completeStage(
    stage: StageCode,
    options: { team?: TeamSubmission; revise?: string } = {},
  ): Promise<TaskTemplate[]> {
    const required = requiredTasksForStage(this.catalogue, stage);
    for (const template of required) {
      const isTeamTask = template.key === 'submit_tim_kerja';
      await this.complete(template, {
        team: isTeamTask ? options.team : undefined,
        revise: options.revise === template.key,
      });
      if (isTeamTask && options.team) this.adoptTeam(options.team);
    }
    return [...required];
  }
}

/** The people a launch names for a unit: its head as pimpinan, the launcher as Bagian Organisasi, TPI. */
export function launchPeople(
  unit: { head: { name: string; email: string } },
  launcher: { name: string; email: string },
  assessors: { name: string; email: string }[],
): UnitPeople {
  return {
    pimpinan: [participantOf(unit.head, 'pimpinan')],
    admin_organisasi: [participantOf(launcher, 'admin_organisasi')],
    penilai: assessors.map((assessor) => participantOf(assessor, 'penilai')),
  };
}
