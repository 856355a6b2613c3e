import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { addCalendarDays, localDayOf } from '../../../domain/calendar';
import { defaultCatalogue, requiredTasksForStage, type TaskTemplate } from '../../../domain/catalogue';
import { stageCodes } from '../../../domain/stages';
import {
  claimTaskUpdate,
  cycleStateQuery,
  cycleWorkflowId,
  submitTaskUpdate,
  taskStateQuery,
  taskWorkflowId,
  taskWorkflowType,
  type TaskView,
  type TaskWorkflowInput,
} from '../../../workflows/definitions';
import { pinnedLaunchBody } from '../../fixtures/cycles';
import { bearer, launchRequest, tokenFor } from '../../support/auth';
import { eventually } from '../../support/wait';
import { participant, type Actor, type World } from './world';

/**
 * Setups create a fresh target in unit A; probes read everything a call could change, from MongoDB and, for
 * workflow-backed targets, from the workflow's own query. A probe's value is compared as JSON.
 */

/** Waits until the target stops changing (two equal probes in a row), so a refused call is judged on a still state. */
export async function settled<T>(probe: () => Promise<T>, what: string): Promise<T> {
  let last: string | undefined;
  return eventually(
    async () => {
      const now = await probe();
      const text = JSON.stringify(now);
      const same = text === last;
      last = text;
      return same ? now : undefined;
    },
    { intervalMs: 300, what: `${what} to settle` },
  );
}

// ---- Tasks ----

/** Workflows this run started, ended after the file so nothing keeps waiting on a task queue no worker polls. */
export const startedWorkflows: string[] = [];

export type TaskState = 'open' | 'claimed' | 'submitted';

/**
 * A task workflow of unit A as a unit workflow starts one: open to anyone holding anggota_tim (no named assignee),
 * reviewed by ketua_tim, no evidence required, due months ahead (no reminder fires during the run). `claimed` is
 * claimed by the matrix's own anggota_tim of unit A (so they may submit it); `submitted` is claimed and submitted by
 * the world's worker (so anyone else may review it).
 */
export async function startTask(world: World, state: TaskState): Promise<string> {
  const { stack, unitA } = world;
  const key = world.next('matriks_');
  const template: TaskTemplate = {
    key,
    title: `Tugas matriks ${key}`,
    description: 'Tugas untuk matriks otorisasi',
    stage: 'pelaksanaan',
    area: 'penataan_sdm',
    assigneeRole: 'anggota_tim',
    reviewerRole: 'ketua_tim',
    evidence: { required: false, documents: [] },
    required: true,
    due: { kind: 'at_stage_due' },
  };
  const cycleId = `2026-mtx${world.run}`;
  const input: TaskWorkflowInput = {
    cycleId,
    unit: { code: unitA, name: `Unit matriks ${unitA}` },
    template,
    due: '2027-06-30T09:00:00.000Z',
    assignees: [],
    reviewers: [],
  };
  const id = taskWorkflowId(cycleId, unitA, key);
  const handle = await stack.client.workflow.start<(input: TaskWorkflowInput) => Promise<TaskView>>(taskWorkflowType, {
    workflowId: id,
    taskQueue: stack.config.temporal.taskQueue,
    args: [input],
  });
  startedWorkflows.push(id);
  if (state === 'claimed') {
    await handle.executeUpdate(claimTaskUpdate, {
      args: [{ actor: participant(world.actors['anggota_tim@A'], 'anggota_tim') }],
    });
  }
  if (state === 'submitted') {
    const actor = participant(world.worker, 'anggota_tim');
    await handle.executeUpdate(claimTaskUpdate, { args: [{ actor }] });
    await handle.executeUpdate(submitTaskUpdate, { args: [{ actor, evidence: [] }] });
  }
  await settled(() => taskProbe(world, id), id);
  return id;
}

export async function taskProbe(world: World, id: string) {
  const { models, mongo, client } = world.stack;
  const [task, view, comments, files, audit] = await Promise.all([
    models.Task.findById(id).lean(),
    client.workflow.getHandle(id).query(taskStateQuery),
    models.Comment.countDocuments({ taskId: id }),
    mongo.db!.collection('evidence.files').countDocuments({ 'metadata.taskId': id }),
    models.AuditEvent.countDocuments({ entityId: id }),
  ]);
  if (!task) throw new Error(`${id} is not in the read model yet`);
  return {
    mongo: {
      status: task.status,
      claimedBy: task.claimedBy ?? null,
      assignees: task.assignees,
      due: task.due?.toISOString(),
      evidence: task.evidence,
      seq: task.seq,
    },
    workflow: {
      status: view.status,
      claimedBy: view.claimedBy ?? null,
      assignees: view.assignees,
      due: view.due,
      evidence: view.evidence,
      history: view.history.length,
    },
    comments,
    files,
    audit,
  };
}

// ---- Cycles ----

/** Persiapan open from the pinned day; every later stage opens in June, so the cycle can be advanced to the next. */
const timeline = Object.fromEntries(
  stageCodes.map((stage) => [
    stage,
    stage === 'persiapan' ? { opens: '2026-03-02', due: '2026-12-30' } : { opens: '2026-06-01', due: '2026-12-30' },
  ]),
);

/** One required task per stage: a launch starts one task per unit, which keeps six launches cheap. */
const kept = new Set(stageCodes.map((stage) => requiredTasksForStage(defaultCatalogue, stage)[0]!.key));
const drop = defaultCatalogue.templates.map((template) => template.key).filter((key) => !kept.has(key));

/** A launch request for unit A alone, with a head and a name of its own. */
export function cycleLaunchBody(world: World, name: string) {
  const tag = randomUUID().slice(0, 8);
  return {
    ...launchRequest(pinnedLaunchBody()),
    name,
    units: [
      {
        code: world.unitA,
        name: `Unit matriks ${world.unitA}`,
        head: { name: 'Kepala unit matriks', email: `kepala-${tag}@pemkot.test` },
      },
    ],
    timeline,
    catalogue: { drop },
  };
}

/** A running cycle of unit A, launched through the API by Bagian Organisasi, with unit A working on persiapan. */
export async function launchCycle(world: World): Promise<string> {
  const { stack, admin } = world;
  const launched = await request(stack.app)
    .post('/api/v1/cycles')
    .auth(admin.token, bearer)
    .send(cycleLaunchBody(world, `Siklus matriks ${world.next('c')} ${world.run}`))
    .expect(202);
  const id: string = launched.body.id;
  startedWorkflows.push(cycleWorkflowId(id));
  await eventually(
    async () => {
      const [cycle, tasks] = await Promise.all([
        stack.models.Cycle.findById(id).lean(),
        stack.models.Task.countDocuments({ cycleId: id, unitCode: world.unitA }),
      ]);
      const unit = cycle?.units.find((u) => u.code === world.unitA);
      return unit?.stage === 'persiapan' && tasks > 0 ? true : undefined;
    },
    { what: `cycle ${id} to start unit A's persiapan` },
  );
  await settled(() => cycleProbe(world, id), `cycle ${id}`);
  return id;
}

export async function cycleProbe(world: World, id: string) {
  const { models, client } = world.stack;
  const [cycle, state, tasks, audit] = await Promise.all([
    models.Cycle.findById(id).lean(),
    client.workflow.getHandle(cycleWorkflowId(id)).query(cycleStateQuery),
    models.Task.find({ cycleId: id }, { status: 1 }).sort({ _id: 1 }).lean(),
    models.AuditEvent.countDocuments({ entityId: `siklus:${id}` }),
  ]);
  if (!cycle) throw new Error(`cycle ${id} is not in the read model yet`);
  const units = (list: { code: string; status?: string; stage?: string }[]) =>
    list.map(({ code, status, stage }) => ({ code, status, stage }));
  return {
    mongo: { status: cycle.status, seq: cycle.seq, stages: cycle.stages, units: units(cycle.units) },
    workflow: { status: state.status, stages: state.stages, units: units(state.units) },
    tasks: tasks.map((task) => `${task._id}=${task.status}`),
    audit,
  };
}

/** For launches and previews: what a launch under this name would leave behind. */
export async function launchProbe(world: World, name: string) {
  const { models } = world.stack;
  const cycles = await models.Cycle.find({ name }, { _id: 1 }).lean();
  return { cycles: cycles.map((cycle) => cycle._id) };
}

// ---- Units, people, substitutes, email ----

export async function unitProbe(world: World, code: string) {
  const { models } = world.stack;
  const [unit, audit] = await Promise.all([
    models.UnitKerja.findById(code).lean(),
    models.AuditEvent.countDocuments({ entityId: code }),
  ]);
  return {
    unit: unit
      ? { name: unit.name, zone: unit.zone, headEmail: unit.headEmail ?? null, parentCode: unit.parentCode ?? null }
      : null,
    audit,
  };
}

/** A unit of its own in the registry, named by no cycle, registered by Bagian Organisasi. */
export async function registeredUnit(world: World): Promise<string> {
  const code = `MTX-R${world.next('')}-${world.run}`;
  await request(world.stack.app)
    .post('/api/v1/units')
    .auth(world.admin.token, bearer)
    .send({ code, name: `Unit matriks ${code}`, zone: 'WIB' })
    .expect(201);
  return code;
}

/** Someone invited into unit A who has not accepted yet (so they can be re-invited). */
export async function invitedPerson(world: World): Promise<string> {
  const email = `diundang-${world.next('p')}-${world.run}@pemkot.test`;
  await world.stack.models.Account.create({
    _id: email,
    email,
    name: 'Orang diundang',
    status: 'invited',
    grants: [{ role: 'anggota_tim', unitCode: world.unitA }],
  });
  return email;
}

export async function personProbe(world: World, personId: string) {
  const { models } = world.stack;
  const [account, tokens, sessions, audit] = await Promise.all([
    models.Account.findById(personId).lean(),
    models.OneTimeToken.find({ personId }, { _id: 1, usedAt: 1 }).sort({ _id: 1 }).lean(),
    models.Session.countDocuments({ personId }),
    models.AuditEvent.countDocuments({ entityId: personId }),
  ]);
  return {
    account: account
      ? {
          name: account.name,
          status: account.status,
          grants: account.grants.map((g) => `${g.role}@${g.unitCode ?? '*'}`).sort(),
          sessionVersion: account.sessionVersion,
        }
      : null,
    tokens: tokens.map((token) => `${token._id}:${token.usedAt ? 'used' : 'unused'}`),
    sessions,
    audit,
  };
}

/** A week away from today (WIB), as the substitute API counts days. */
export function awayRange(): { from: string; to: string } {
  const today = localDayOf(new Date(), 'WIB');
  return { from: today, to: addCalendarDays(today, 7) };
}

/** An active anggota_tim of unit A, away next week. */
export async function absentPerson(world: World): Promise<Actor> {
  const email = `berhalangan-${world.next('p')}-${world.run}@pemkot.test`;
  const grants = [{ role: 'anggota_tim' as const, unitCode: world.unitA }];
  const token = await tokenFor(world.stack, { name: 'Orang berhalangan', email }, grants);
  return { name: 'Orang berhalangan', email, personId: email, token, grants };
}

/** A substitution Bagian Organisasi recorded for someone of unit A. */
export async function substitution(world: World): Promise<{ id: string; personId: string }> {
  const absent = await absentPerson(world);
  const created = await request(world.stack.app)
    .post('/api/v1/substitutes')
    .auth(world.admin.token, bearer)
    .send({
      substitute: { name: world.recipient.name, email: world.recipient.email },
      personId: absent.email,
      ...awayRange(),
    })
    .expect(201);
  return { id: created.body.id, personId: absent.personId };
}

export async function substitutionProbe(world: World, personId: string) {
  const { models } = world.stack;
  const [found, audit] = await Promise.all([
    models.Substitution.find({ personId }, { _id: 1, substituteId: 1, from: 1, to: 1 }).sort({ _id: 1 }).lean(),
    models.AuditEvent.countDocuments({ entityId: personId }),
  ]);
  return { substitutions: found.map((s) => `${s._id}:${s.substituteId}:${s.from}..${s.to}`), audit };
}

/** An email the mail server refused for good (the SMTP sink answers 550 for @ditolak.test). */
export async function failedNotification(world: World): Promise<string> {
  const dedupeKey = `matriks:${world.run}:${world.next('n')}`;
  const to = `kepala-${world.run}@ditolak.test`;
  const outcome = await world.stack.activities.sendEmail({
    dedupeKey,
    template: 'cycle-launched',
    to,
    data: {
      recipient: { name: 'Kepala', email: to },
      cycle: { id: '2026-x', name: 'Siklus matriks', year: 2026, units: [], launchedBy: { name: 'Admin', email: to } },
      link: 'http://zi.test/siklus/2026-x',
    },
  });
  if (outcome.status !== 'failed') throw new Error(`expected the sink to refuse ${to}, got ${outcome.status}`);
  return dedupeKey;
}

export async function notificationProbe(world: World, id: string) {
  const { models } = world.stack;
  const [record, resends, audit] = await Promise.all([
    models.Notification.findById(id, { status: 1, to: 1, resentAs: 1 }).lean(),
    models.Notification.countDocuments({ _id: { $regex: `^${id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}~` } }),
    models.AuditEvent.countDocuments({ entityId: id }),
  ]);
  return { status: record?.status, to: record?.to, resentAs: record?.resentAs ?? [], resends, audit };
}
