import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { WorkflowNotFoundError, type WorkflowHandle } from '@temporalio/client';
import type { UpdateDefinition } from '@temporalio/common';
import type { TaskDocument } from '../../activities/models/task.model';
import { canSeeUnit, may, rolesIn, type Action, type Principal } from '../../domain/access';
import { defaultDueTime, instantAt, isIsoDate } from '../../domain/calendar';
import { personIdOf } from '../../domain/people';
import type { RoleCode } from '../../domain/roles';
import {
  decideTask,
  isSubmitter,
  isTerminal,
  taskStatusLabels,
  type TaskCommand,
  type TaskEvent,
} from '../../domain/task';
import type { TeamSubmission } from '../../domain/team';
import {
  cancelTaskUpdate,
  claimTaskUpdate,
  extendTaskDueUpdate,
  reassignTaskUpdate,
  reviewTaskUpdate,
  submitTaskUpdate,
  taskStateQuery,
  type TaskPerson,
  type TaskView,
} from '../../workflows/definitions';
import { requireInUnit } from '../access';
import { recordChange } from '../audit-trail';
import { AccountService } from '../auth/accounts';
import type { ApiContext } from '../context';
import { toProblem } from '../error-mapping';
import { HttpProblem, badRequest, conflict, forbidden, notFound } from '../problem';
import { SubstitutionService } from '../substitutes/substitute.service';
import { EvidenceStore, type StoredEvidence } from './evidence-store';
import { safeFileName } from './evidence-types';
import { defaultInboxLimit, encodeCursor, inboxFilter } from './task-inbox';
import { commentView, taskDetail, taskSummary } from './task-view';
import type { BulkReassignBody, ExtendBody, InboxQuery, ReassignBody, ReviewBody, SubmitBody } from './task.schemas';

export type TaskContext = Pick<
  ApiContext,
  'models' | 'mongo' | 'temporal' | 'timeWorkflowCall' | 'now' | 'config' | 'log'
>;

/** What people do to a task through the API; each is one validated update of the task workflow. */
export type TaskAction =
  | { kind: 'claim' }
  | { kind: 'submit'; body: SubmitBody }
  | { kind: 'review'; body: ReviewBody }
  | { kind: 'reassign'; body: ReassignBody }
  | { kind: 'extend'; body: ExtendBody }
  | { kind: 'cancel'; reason: string };

/** The API's gate per action; the workflow then applies the finer rules (assignee, four eyes, steering roles). */
const gate: Record<TaskAction['kind'], Action> = {
  claim: 'task.claim',
  submit: 'task.submit',
  review: 'task.review',
  reassign: 'task.reassign',
  // Moving a due date steers the task like a reassignment: the same roles, the workflow's steering roles.
  extend: 'task.reassign',
  // Cancelling work is Bagian Organisasi's, as steering a cycle is.
  cancel: 'cycle.steer',
};

/** Who hands a task to a substitute: the system, acting under the substitution the person away recorded. */
export const substitutionActor: TaskPerson = {
  personId: 'sistem',
  roles: ['admin_organisasi'],
  name: 'Sistem (pengganti)',
  email: 'sistem@zi.local',
};

export type BulkOutcome = { id: string; status: 'reassigned' | 'refused' | 'not_found'; reason?: string };

const refused = (detail: string): HttpProblem => new HttpProblem(422, 'Permintaan ditolak', detail);
const taskNotFound = (id: string): HttpProblem => notFound(`Tugas ${id}`);

/** Tasks as people work them: the inbox (read model), and every action as an update of the task's workflow. */
export class TaskService {
  private readonly substitutions: SubstitutionService;
  private readonly files: EvidenceStore;

  constructor(private readonly context: TaskContext) {
    this.substitutions = new SubstitutionService(context);
    this.files = new EvidenceStore(context.mongo);
  }

  async inbox(principal: Principal, query: InboxQuery) {
    if (query.unit) requireInUnit(principal, 'task.read', query.unit, `Unit ${query.unit}`);
    const now = this.context.now();
    const substituting =
      query.scope === 'mine'
        ? [...new Set((await this.substitutions.activeFor(principal.personId)).map((s) => s.personId))]
        : [];
    const limit = query.limit ?? defaultInboxLimit;
    const found = await this.context.models.Task.find(inboxFilter(query, { principal, now, substituting }))
      .sort({ due: 1, _id: 1 })
      .limit(limit + 1)
      .lean();
    const page = found.slice(0, limit);
    const last = page.at(-1);
    const ownerOf = (task: TaskDocument) => {
      const mine = task.assignees.includes(principal.personId) || task.claimedBy === principal.personId;
      if (mine) return undefined;
      return (task.claimedBy ? [task.claimedBy] : task.assignees).find((id) => substituting.includes(id));
    };
    return {
      items: page.map((task) => taskSummary(task, now, ownerOf(task))),
      nextCursor: found.length > limit && last ? encodeCursor({ due: last.due ?? null, id: last._id }) : null,
    };
  }

  /** The task with its workflow state (history, evidence, team), its comments (oldest first) and uploaded files. */
  async get(principal: Principal, id: string) {
    const task = await this.visible(principal, id, 'task.read');
    const [view, comments, files] = await Promise.all([
      this.workflowView(id),
      this.context.models.Comment.find({ taskId: id }).sort({ createdAt: 1, _id: 1 }).limit(1000).lean(),
      this.files.list(id),
    ]);
    const history = view ? undefined : await this.recordedHistory(id);
    return {
      ...taskDetail(task, view, this.context.now(), history),
      comments: comments.map(commentView),
      files,
    };
  }

  async act(principal: Principal, id: string, action: TaskAction) {
    const task = await this.visible(principal, id, gate[action.kind]);
    if (isTerminal(task.status)) throw ended(task);
    const actor = participantIn(principal, task.unitCode);
    let run: () => Promise<TaskView>;
    switch (action.kind) {
      case 'claim':
        await this.handOverToSubstitute(principal, task, actor, { type: 'claim', actor });
        run = () => this.update(task, claimTaskUpdate, { actor });
        break;
      case 'submit': {
        const { evidence, note, team } = action.body;
        await this.checkFileRefs(id, evidence);
        const submit = { actor, evidence, ...(note ? { note } : {}), ...(team ? { team } : {}) };
        await this.handOverToSubstitute(principal, task, actor, { type: 'submit', ...submit });
        run = () => this.update(task, submitTaskUpdate, submit);
        break;
      }
      case 'review': {
        const review = {
          actor,
          decision: action.body.decision,
          ...(action.body.note ? { note: action.body.note } : {}),
        };
        run = () => this.update(task, reviewTaskUpdate, review);
        break;
      }
      case 'reassign': {
        const to = await this.assigneeIn(action.body.to, task.unitCode);
        const reassign = { actor, to, ...(action.body.reason ? { reason: action.body.reason } : {}) };
        run = () => this.update(task, reassignTaskUpdate, reassign);
        break;
      }
      case 'extend': {
        const { due, reason } = action.body;
        // A date alone means the end of that office day (WIB), as the catalogue's due dates do.
        const instant = isIsoDate(due) ? instantAt(due, defaultDueTime, 'WIB') : new Date(due);
        run = () => this.update(task, extendTaskDueUpdate, { actor, due: instant.toISOString(), reason });
        break;
      }
      case 'cancel':
        run = () => this.update(task, cancelTaskUpdate, { actor, reason: action.reason });
        break;
    }
    const view = await run();
    const teamGrants =
      action.kind === 'review' && view.status === 'approved' && view.collectsTeam && view.team
        ? await this.grantTeam(principal, task.unitCode, view.team)
        : undefined;
    // The update answers once its change is persisted: the read model is current.
    const fresh = (await this.context.models.Task.findById(id).lean()) ?? task;
    return { ...taskDetail(fresh, view, this.context.now()), ...(teamGrants ? { teamGrants } : {}) };
  }

  /**
   * Reassigns each task on its own; one refusal does not stop the others. Someone who may reassign in no unit at all
   * is refused up front (403) rather than answered with a page of refusals.
   */
  async bulkReassign(principal: Principal, body: BulkReassignBody): Promise<{ items: BulkOutcome[] }> {
    if (!may(principal, 'task.reassign')) throw forbidden('Peran Anda tidak mengizinkan pengalihan tugas');
    const targets = new Map<string, Promise<TaskPerson>>();
    const targetIn = (unitCode: string) => {
      if (!targets.has(unitCode)) targets.set(unitCode, this.assigneeIn(body.to, unitCode));
      return targets.get(unitCode)!;
    };
    const outcomes: BulkOutcome[] = [];
    const failures: unknown[] = [];
    const one = async (id: string): Promise<BulkOutcome> => {
      try {
        const task = await this.context.models.Task.findById(id).lean();
        if (!task || !canSeeUnit(principal, task.unitCode)) return { id, status: 'not_found' };
        if (!may(principal, 'task.reassign', task.unitCode)) {
          return { id, status: 'refused', reason: `Peran Anda di unit ${task.unitCode} tidak mengizinkan ini` };
        }
        if (isTerminal(task.status)) return { id, status: 'refused', reason: ended(task).detail };
        const to = await targetIn(task.unitCode);
        const actor = participantIn(principal, task.unitCode);
        await this.update(task, reassignTaskUpdate, { actor, to, reason: body.reason });
        return { id, status: 'reassigned' };
      } catch (error) {
        const problem = toProblem(error);
        if (problem.status === 404) return { id, status: 'not_found' };
        if (problem.status >= 500) failures.push(error);
        return { id, status: 'refused', reason: problem.detail ?? problem.title };
      }
    };
    // A few at a time: quick for a page of tasks, gentle on Temporal for two hundred.
    const queue = [...body.taskIds.entries()];
    const workers = Array.from({ length: 4 }, async () => {
      for (let next = queue.shift(); next; next = queue.shift()) outcomes[next[0]] = await one(next[1]);
    });
    await Promise.all(workers);
    // Nothing done and a dependency down: say so (503) rather than a page of refusals.
    if (failures.length > 0 && !outcomes.some((o) => o.status === 'reassigned')) throw failures[0];
    return { items: outcomes };
  }

  async comment(principal: Principal, id: string, text: string) {
    const task = await this.visible(principal, id, 'task.comment');
    const { Comment, AuditEvent } = this.context.models;
    const created = await Comment.create({
      _id: randomUUID(),
      taskId: id,
      cycleId: task.cycleId,
      unitCode: task.unitCode,
      by: principal.personId,
      byName: principal.name,
      text,
    });
    await recordChange(
      AuditEvent,
      principal,
      {
        entity: 'task',
        entityId: id,
        type: 'comment',
        cycleId: task.cycleId,
        unitCode: task.unitCode,
        note: text.slice(0, 200),
      },
      this.context.now(),
    );
    return commentView(created.toObject());
  }

  /**
   * The task an upload goes to, checked before a byte of the file is read: visible, may submit, not finished, and the
   * caller is someone who could submit it now (its claimant, or an eligible assignee while unclaimed), directly or as
   * the substitute of that person today, as claims and submits are routed.
   */
  async uploadTarget(principal: Principal, id: string): Promise<TaskDocument> {
    const task = await this.visible(principal, id, 'task.submit');
    if (isTerminal(task.status)) throw ended(task);
    const state = {
      claimedBy: task.claimedBy ?? undefined,
      assignees: task.assignees,
      assigneeRole: task.assigneeRole as RoleCode,
    };
    if (isSubmitter(state, participantIn(principal, task.unitCode))) return task;
    // A substitute submits once the task is handed over to them (handOverToSubstitute): the same owners count here.
    const owners = task.claimedBy ? [task.claimedBy] : task.assignees;
    const covering = await this.substitutions.activeFor(principal.personId);
    if (!covering.some((substitution) => owners.includes(substitution.personId))) {
      throw forbidden('Hanya pengambil tugas, atau penanggung jawabnya bila belum diambil, yang dapat mengunggah');
    }
    return task;
  }

  async upload(
    principal: Principal,
    task: TaskDocument,
    document: string,
    file: { originalname: string; mimetype: string; buffer: Buffer },
  ): Promise<StoredEvidence> {
    const name = safeFileName(file.originalname);
    const stored = await this.files.save(name, file.buffer, {
      taskId: task._id,
      cycleId: task.cycleId,
      unitCode: task.unitCode,
      document,
      uploadedBy: principal.personId,
      contentType: file.mimetype.split(';')[0]!.trim().toLowerCase(),
    });
    await recordChange(
      this.context.models.AuditEvent,
      principal,
      {
        entity: 'task',
        entityId: task._id,
        type: 'evidence_uploaded',
        cycleId: task.cycleId,
        unitCode: task.unitCode,
        to: stored.ref,
        note: `${document}: ${name} (${stored.size} bita)`,
      },
      this.context.now(),
    );
    return stored;
  }

  async download(
    principal: Principal,
    id: string,
    fileId: string,
  ): Promise<{ file: StoredEvidence; content: Readable }> {
    await this.visible(principal, id, 'task.read');
    const file = await this.files.find(id, fileId);
    if (!file) throw notFound('Berkas');
    return { file, content: this.files.open(file.fileId) };
  }

  /** The task from the read model, or 404 when it does not exist or its unit is not visible; 403 when not allowed. */
  private async visible(principal: Principal, id: string, action: Action): Promise<TaskDocument> {
    const task = await this.context.models.Task.findById(id).lean();
    if (!task || !canSeeUnit(principal, task.unitCode)) throw taskNotFound(id);
    requireInUnit(principal, action, task.unitCode, `Tugas ${id}`);
    return task;
  }

  private handle(id: string): WorkflowHandle {
    return this.context.temporal.workflow.getHandle(id);
  }

  private async update<A>(task: TaskDocument, update: UpdateDefinition<TaskView, [A]>, arg: A): Promise<TaskView> {
    try {
      return await this.context.timeWorkflowCall('update', () =>
        this.handle(task._id).executeUpdate(update, { args: [arg] }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // Temporal says "not found" for a workflow that has ended, too: the read model tells which it is.
      const now = await this.context.models.Task.findById(task._id).lean();
      if (now && isTerminal(now.status)) throw ended(now);
      throw taskNotFound(task._id);
    }
  }

  /** The workflow's own state; undefined once Temporal no longer keeps the workflow (past its retention). */
  private async workflowView(id: string): Promise<TaskView | undefined> {
    try {
      return await this.context.timeWorkflowCall('query', () => this.handle(id).query(taskStateQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return undefined;
      throw error;
    }
  }

  /** The history as the audit trail recorded it, for a workflow Temporal no longer keeps. */
  private async recordedHistory(id: string): Promise<TaskEvent[]> {
    const events = await this.context.models.AuditEvent.find({ entityId: id })
      .sort({ at: 1, _id: 1 })
      .limit(1000)
      .lean();
    return events
      .filter((event) => event.from !== undefined && event.to !== undefined && event.entity === 'task')
      .map((event) => ({
        type: event.type as TaskEvent['type'],
        by: event.by,
        at: event.at.toISOString(),
        from: event.from as TaskEvent['from'],
        to: event.to as TaskEvent['to'],
        ...(event.note ? { note: event.note } : {}),
      }));
  }

  /** `file:<id>` evidence must name a file uploaded to this task. */
  private async checkFileRefs(id: string, evidence: SubmitBody['evidence']): Promise<void> {
    const refs = evidence.map((item, index) => ({
      index,
      fileId: item.ref.startsWith('file:') ? item.ref.slice(5) : undefined,
    }));
    const wanted = refs.flatMap((ref) => (ref.fileId ? [ref.fileId] : []));
    if (wanted.length === 0) return;
    const existing = await this.files.existing(id, wanted);
    const missing = refs.filter((ref) => ref.fileId !== undefined && !existing.has(ref.fileId));
    if (missing.length > 0) {
      throw badRequest(
        missing.map((ref) => ({
          field: `body.evidence.${ref.index}.ref`,
          message: 'berkas tidak ditemukan pada tugas ini',
        })),
      );
    }
  }

  /** Whom a task can be given to: a person with an account and a role in the task's unit. */
  private async assigneeIn(to: { name: string; email: string }, unitCode: string): Promise<TaskPerson> {
    const personId = personIdOf(to.email);
    const account = await this.context.models.Account.findById(personId, {
      name: 1,
      email: 1,
      grants: 1,
      status: 1,
    }).lean();
    if (!account || account.status === 'deactivated' || !canSeeUnit(account, unitCode)) {
      throw refused(`${to.email} tidak memiliki peran di unit ${unitCode}`);
    }
    return { personId, roles: rolesIn(account, unitCode), name: account.name, email: account.email };
  }

  /**
   * A substitute acting on the task of someone they stand in for today: the system first hands the task over
   * (reassign, naming both people), then the substitute acts as themselves. Both steps are decided on the task's
   * current state first, so a refused action never leaves the task handed over.
   */
  private async handOverToSubstitute(
    principal: Principal,
    task: TaskDocument,
    actor: TaskPerson,
    command: TaskCommand,
  ): Promise<void> {
    const covering = await this.substitutions.activeFor(principal.personId);
    if (covering.length === 0) return;
    const state = await this.workflowView(task._id);
    if (!state) return;
    const me = principal.personId;
    if (state.claimedBy === me || state.assignees.includes(me)) return;
    const owners = state.claimedBy ? [state.claimedBy] : state.assignees;
    const substitution = covering.find((s) => owners.includes(s.personId));
    if (!substitution) return;
    const reason =
      `${principal.name} (${me}) menggantikan ${substitution.personName} (${substitution.personId}) ` +
      `yang berhalangan ${substitution.from} s.d. ${substitution.to}`;
    const at = this.context.now().toISOString();
    const handedOver = decideTask(state, { type: 'reassign', actor: substitutionActor, to: me, reason }, at);
    if (!handedOver.ok) throw refused(handedOver.reason);
    const acted = decideTask(handedOver.state, command, at);
    if (!acted.ok) throw refused(acted.reason);
    await this.update(task, reassignTaskUpdate, { actor: substitutionActor, to: actor, reason });
  }

  /** The approved Tim Kerja gets its grants in the unit (accounts invited when new); each member on their own. */
  private async grantTeam(principal: Principal, unitCode: string, team: TeamSubmission) {
    const accounts = new AccountService(this.context);
    const outcomes: { personId: string; role: string; granted: boolean; invited?: boolean }[] = [];
    for (const member of team.members) {
      const personId = personIdOf(member.email);
      try {
        const { created } = await accounts.ensurePerson(
          { name: member.name, email: member.email },
          [{ role: member.role, unitCode }],
          principal,
        );
        outcomes.push({ personId, role: member.role, granted: true, invited: created });
      } catch (error) {
        // The approval stands (the workflow recorded it); Bagian Organisasi can grant by hand from the people API.
        this.context.log.error({ err: error, unitCode, personId }, 'granting a Tim Kerja member failed');
        outcomes.push({ personId, role: member.role, granted: false });
      }
    }
    return outcomes;
  }
}

/** The person acting, with the roles they hold in the task's unit (grants are per unit). */
export function participantIn(principal: Principal, unitCode: string): TaskPerson {
  return {
    personId: principal.personId,
    roles: rolesIn(principal, unitCode),
    name: principal.name,
    email: principal.email,
  };
}

function ended(task: Pick<TaskDocument, '_id' | 'status'>): HttpProblem {
  return conflict(`Tugas ${task._id} sudah selesai (${taskStatusLabels[task.status]}); tidak dapat diubah lagi`);
}
