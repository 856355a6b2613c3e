import {
  ParentClosePolicy,
  allHandlersFinished,
  condition,
  getExternalWorkflowHandle,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  startChild,
  workflowInfo,
} from '@temporalio/workflow';
import type { Activities, TaskOpening, UnitProgressUpdate } from '../activities';
import type { AuditEntry } from '../activities/audit';
import { defaultProposalDeadline } from '../domain/assessment-process';
import { defaultLkeTemplate } from '../domain/lke';
import { requiredTasksForStage, tasksForStage, type TaskTemplate } from '../domain/catalogue';
import { withCarriedRecommendations } from '../domain/carried-recommendations';
import { progressReportTemplate } from '../domain/progress-report';
import { nextStage, stageCodes, stageIndex, type StageCode, type StageWindow } from '../domain/stages';
import { isTerminal } from '../domain/task';
import { taskDueInstant } from '../domain/task-due';
import {
  assigneesFor,
  coordinatedAreas,
  teamRoles,
  teamRoster,
  teamTaskKey,
  type TeamSubmission,
} from '../domain/team';
import { emailActivity, localPersistenceActivity, persistenceActivity } from './activity-options';
import { assessmentWorkflow } from './assessment.workflow';
import {
  advanceStageSignal,
  assessmentWorkflowId,
  openStageSignal,
  progressReportSignal,
  stageClosedSignal,
  stageWindowSignal,
  steerTaskSignal,
  taskWorkflowId,
  unitReportSignal,
  unitStateQuery,
  withdrawSignal,
  type AssessmentWorkflowInput,
  type Steering,
  type TaskPerson,
  type TaskWorkflowInput,
  type UnitView,
  type UnitWorkflowInput,
} from './definitions';
import { scheduleOf } from './schedule';
import { taskWorkflow } from './task.workflow';
import { taskOpening } from './task-opening';

const persistence = proxyActivities<Pick<Activities, 'saveUnitProgress'>>(persistenceActivity);
const catalogues = proxyLocalActivities<Pick<Activities, 'cycleCatalogue'>>(localPersistenceActivity);
// Writes and emails, so they retry as emails do.
const openings = proxyActivities<Pick<Activities, 'openTasks'>>(emailActivity);
const stageOpenings = proxyActivities<Pick<Activities, 'openStage'>>(emailActivity);
const email =
  proxyActivities<
    Pick<Activities, 'notifyStageOpened' | 'notifyStageLate' | 'notifyTeamApproved' | 'notifyUnitWithdrawn'>
  >(emailActivity);

/**
 * One unit kerja through the six stages. As each stage opens (its window in the cycle timeline on the instansi's
 * calendar, or earlier when Bagian Organisasi advances the cycle) the unit's tasks of that stage start as child task
 * workflows with their due dates; the unit moves on when every required task of the stage is approved (or
 * cancelled), or when Bagian Organisasi advances it. Tasks that need the Tim Kerja wait until the team task is
 * approved; from then on team roles resolve to the people the pimpinan named. Optional tasks are abandoned, not
 * killed, when the unit finishes: they keep running until someone completes or cancels them.
 */
export async function unitWorkflow(input: UnitWorkflowInput): Promise<UnitView> {
  const { clock, zone, calendar, nowIso, handOn: childSchedule } = scheduleOf(input.schedule);
  const timeline: Record<StageCode, StageWindow> = { ...input.timeline };
  /** The catalogue's team task (Tim Kerja), if it has one; known once the catalogue is. */
  let teamTemplate: TaskTemplate | undefined = undefined;
  const { unit } = input;
  let roster = input.team;
  let team: TeamSubmission | undefined;
  const state: UnitView = {
    cycleId: input.cycleId,
    unitCode: unit.code,
    status: 'active',
    stage: stageCodes[0],
    completedStages: [],
    lateStages: [],
    tasks: {},
  };
  /** Started tasks: their template and current due instant, so a moved stage window can move them. */
  const started = new Map<string, { template: TaskTemplate; due: string }>();
  const openedEarly = new Set<StageCode>();
  const advances: ({ stage: StageCode } & Steering)[] = [];
  let withdrawal: Steering | undefined;
  let approvedTeam: TeamSubmission | undefined;
  const mailing: Promise<unknown>[] = [];
  let seq = 0;

  /** The unit's progress as it stands, with the event that changed it: the next step (seq) of its read model. */
  const progressUpdate = (event?: Omit<AuditEntry, 'at'>): UnitProgressUpdate => ({
    progress: {
      cycleId: input.cycleId,
      unitCode: unit.code,
      unitName: unit.name,
      status: state.status,
      stage: state.stage,
      completedStages: [...state.completedStages],
      lateStages: [...state.lateStages],
      tasks: { ...state.tasks },
      ...(state.team ? { team: state.team } : {}),
      seq: ++seq,
    },
    event: event ? { ...event, at: nowIso() } : undefined,
  });
  const save = (event?: Omit<AuditEntry, 'at'>) => persistence.saveUnitProgress(progressUpdate(event));

  /** Tells the parent cycle where the unit stands; a unit started on its own (tests, tools) has none to tell. */
  const reportToCycle = async (report: Pick<UnitView, 'stage' | 'status'> = state) => {
    const parent = workflowInfo().parent;
    if (!parent) return;
    await getExternalWorkflowHandle(parent.workflowId).signal(unitReportSignal, {
      unitCode: unit.code,
      stage: report.stage,
      status: report.status,
    });
  };
  /**
   * Reports go out one after another in a lane of their own, so the unit opens a stage without waiting a round trip
   * for the cycle to hear of it (at launch, every unit at once). A cycle that has ended has nothing to hear.
   */
  let reports: Promise<void> = Promise.resolve();
  const reportInLane = (): Promise<void> => {
    const report = { stage: state.stage, status: state.status };
    reports = reports.then(() => reportToCycle(report)).catch(() => undefined);
    return reports;
  };
  // Histories recorded before waited for each report, and replay that way.
  const reportsInLane = () => patched('unit-reports-in-a-lane');

  const contacts = (): TaskPerson[] => [...(roster.pimpinan ?? []), ...(roster.ketua_tim ?? [])];
  /** What every stage email of this unit says: which cycle, unit, stage and window, in which zone, to whom. */
  const stageNotice = (stage: StageCode) => ({
    cycleId: input.cycleId,
    cycleName: input.cycleName ?? '',
    unit,
    stage,
    window: timeline[stage],
    zone,
    recipients: contacts(),
  });
  /** Starts one task; when `announced`, the task leaves its first record and email to the unit: returns them. */
  const startTask = async (
    template: TaskTemplate,
    due: string,
    required: boolean,
    announced: boolean,
  ): Promise<TaskOpening | undefined> => {
    if (state.tasks[template.key] !== undefined) return undefined;
    state.tasks[template.key] = 'open';
    started.set(template.key, { template, due });
    const taskInput: TaskWorkflowInput = {
      cycleId: input.cycleId,
      unit,
      template,
      due,
      assignees: assigneesFor(template, roster, team),
      reviewers: roster[template.reviewerRole] ?? [],
      escalationContacts: {
        ketua_tim: roster.ketua_tim ?? [],
        pimpinan: roster.pimpinan ?? [],
        admin_organisasi: roster.admin_organisasi ?? [],
      },
      schedule: childSchedule(),
      ...(announced ? { announcedByUnit: true } : {}),
    };
    const workflowId = taskWorkflowId(input.cycleId, unit.code, template.key);
    const child = await startChild(taskWorkflow, {
      workflowId,
      args: [taskInput],
      parentClosePolicy: required ? ParentClosePolicy.TERMINATE : ParentClosePolicy.ABANDON,
    });
    // Outcomes land in state as they come; the main loop waits on state, never on a particular child.
    child.result().then(
      (final) => {
        state.tasks[template.key] = final.status;
        if (template.key === teamTaskKey && final.status === 'approved' && final.team) approvedTeam = final.team;
      },
      () => {
        state.tasks[template.key] = 'cancelled';
      },
    );
    return announced ? taskOpening(taskInput, workflowId, nowIso()) : undefined;
  };

  /**
   * Whether the unit writes and announces the tasks it opens, in one activity for all of them, rather than each task
   * in a write and an email activity of its own: a 200-unit launch opens 1,400 tasks at once, and every activity
   * costs the worker a workflow task more. Histories recorded before let each task do it, and replay that way.
   */
  const unitOpensTasks = () => patched('unit-opens-its-tasks');

  /** Starts one of a stage's tasks, due as its template says within the stage's window. */
  const startStageTask = (stage: StageCode, template: TaskTemplate, announced: boolean) =>
    startTask(
      template,
      taskDueInstant(template.due, timeline[stage], calendar).toISOString(),
      template.required,
      announced,
    );

  /** Waits for the tasks to start: the first records and emails of those left to the unit. */
  const startedOpenings = async (starting: Promise<TaskOpening | undefined>[]): Promise<TaskOpening[]> =>
    (await Promise.all(starting)).filter((opening) => opening !== undefined);

  /** Waits for the tasks to start, then writes and announces those left to the unit (not waited for). */
  const opened = async (starting: Promise<TaskOpening | undefined>[]): Promise<void> => {
    const toOpen = await startedOpenings(starting);
    if (toOpen.length > 0) mailing.push(openings.openTasks(toOpen));
  };

  /**
   * Starts a stage's tasks. Together, in one workflow task: one at a time, each start waited for a workflow task of
   * its own, so a unit with seven tasks took seven round trips to the server. Histories recorded before started them
   * one at a time, and replay that way.
   */
  const startStageTasks = async (stage: StageCode, templates: TaskTemplate[]): Promise<void> => {
    if (patched('unit-starts-stage-tasks-together')) {
      const announced = unitOpensTasks();
      await opened(templates.map((template) => startStageTask(stage, template, announced)));
      return;
    }
    for (const template of templates) await startStageTask(stage, template, false);
  };

  /** Starts tasks together and returns their first records and emails, for the unit to write and send. */
  const startAnnouncedTasks = (stage: StageCode, templates: TaskTemplate[]): Promise<TaskOpening[]> =>
    startedOpenings(templates.map((template) => startStageTask(stage, template, true)));

  /**
   * Whether a stage opens in one activity (its tasks' records, the unit's progress, every email; see `openStage`)
   * rather than three one after another, each a workflow task of the unit's more. Histories recorded before took the
   * three, and replay that way.
   */
  const opensStageInOneActivity = () => patched('unit-opens-a-stage-in-one-activity');

  /**
   * The unit's assessment (LKE penilaian through TPN) as its own long-lived workflow: it outlives the unit (the
   * predikat comes in penghargaan, and TPN results months after penilaian), so it is abandoned, not terminated, when
   * the unit ends. Started once; one that already runs (started by hand) is kept.
   */
  const startAssessment = async () => {
    const settings = input.penilaian ?? {
      lkeTemplateId: defaultLkeTemplate.id,
      proposalDeadline: defaultProposalDeadline(Number(timeline.penilaian.opens.slice(0, 4))),
    };
    const assessment: AssessmentWorkflowInput = {
      ...settings,
      cycleId: input.cycleId,
      ...(input.cycleName ? { cycleName: input.cycleName } : {}),
      unit,
      people: roster,
      ...(childSchedule() ? { schedule: childSchedule() } : {}),
    };
    try {
      await startChild(assessmentWorkflow, {
        workflowId: assessmentWorkflowId(input.cycleId, unit.code),
        args: [assessment],
        parentClosePolicy: ParentClosePolicy.ABANDON,
      });
    } catch (error) {
      if ((error as { name?: unknown } | null)?.name !== 'WorkflowExecutionAlreadyStartedError') throw error;
    }
  };

  const steerUnfinished = async (keys: Iterable<string>, steering: Steering) => {
    for (const key of keys) {
      const status = state.tasks[key];
      if (status === undefined || isTerminal(status)) continue;
      await getExternalWorkflowHandle(taskWorkflowId(input.cycleId, unit.code, key))
        .signal(steerTaskSignal, { type: 'cancel', actor: steering.actor, reason: steering.reason })
        // A task that ended meanwhile has nothing left to cancel.
        .catch(() => undefined);
    }
  };

  const teamResolved = () => team !== undefined || !teamTemplate || isTerminal(state.tasks[teamTaskKey] ?? 'open');
  /** A task for team roles waits for the team, unless the team task comes only in a later stage. */
  const waitsForTeam = (template: TaskTemplate, stage: StageCode) =>
    teamTemplate !== undefined &&
    template.key !== teamTaskKey &&
    stageIndex(teamTemplate.stage) <= stageIndex(stage) &&
    [template.assigneeRole, template.reviewerRole].some((role) => (teamRoles as readonly string[]).includes(role)) &&
    !teamResolved();

  const adoptTeam = async (submitted: TeamSubmission) => {
    team = submitted;
    state.team = submitted;
    roster = teamRoster(submitted, input.team);
    await save({ type: 'team_approved', by: 'sistem', note: `${submitted.members.length} anggota` });
    const members = submitted.members.map((member) => ({
      name: member.name,
      email: member.email,
      role: member.role,
      coordinatorOf: coordinatedAreas(submitted, member.email),
    }));
    const recipients = [...(roster.pimpinan ?? []), ...(roster.ketua_tim ?? []), ...(roster.anggota_tim ?? [])];
    mailing.push(
      email.notifyTeamApproved({ cycleId: input.cycleId, cycleName: input.cycleName ?? '', unit, members, recipients }),
    );
  };

  setHandler(unitStateQuery, () => state);
  setHandler(openStageSignal, ({ stage }) => {
    openedEarly.add(stage);
  });
  setHandler(advanceStageSignal, (request) => {
    advances.push(request);
  });
  setHandler(withdrawSignal, (request) => {
    withdrawal ??= request;
  });
  setHandler(stageWindowSignal, async ({ stage, window, actor, reason }) => {
    timeline[stage] = window;
    for (const [key, task] of started) {
      if (task.template.stage !== stage || isTerminal(state.tasks[key] ?? 'open')) continue;
      const due = taskDueInstant(task.template.due, window, calendar).toISOString();
      if (Date.parse(due) <= Date.parse(task.due)) continue;
      task.due = due;
      await getExternalWorkflowHandle(taskWorkflowId(input.cycleId, unit.code, key))
        .signal(steerTaskSignal, { type: 'extend_due', actor, due, reason })
        .catch(() => undefined);
    }
  });
  setHandler(stageClosedSignal, async ({ stage }) => {
    if (state.status !== 'active' || state.completedStages.includes(stage) || state.lateStages.includes(stage)) return;
    state.lateStages.push(stage);
    await save({ type: 'stage_late', by: 'sistem', to: stage });
    const openTasks = [...started.values()]
      .filter(({ template }) => template.stage === stage && !isTerminal(state.tasks[template.key] ?? 'open'))
      .map(({ template, due }) => ({ title: template.title, due }));
    mailing.push(email.notifyStageLate({ ...stageNotice(stage), openTasks }));
  });
  setHandler(progressReportSignal, async (period) => {
    if (state.status !== 'active') return;
    await opened([startTask(progressReportTemplate(period), period.due, false, unitOpensTasks())]);
  });

  /**
   * The cycle counts every unit active in the first stage from the start (as it does a unit it adds later), so a unit
   * tells it only where it goes from there: that first report cost a 200-unit launch 200 signals, each a workflow task
   * of the cycle's while it was still starting units. Histories recorded before sent it, and replay that way.
   */
  const tellsWhatTheCycleAssumes = () => !patched('unit-skips-the-report-the-cycle-assumes');

  // Given in the input, no await: a unit started so replays exactly as before loading became possible.
  const catalogue =
    input.catalogue ??
    withCarriedRecommendations(await catalogues.cycleCatalogue(input.cycleId), input.carriedRecommendations);
  teamTemplate = catalogue.templates.find((template) => template.key === teamTaskKey);

  for (const stage of stageCodes) {
    state.stage = stage;
    if (stage !== stageCodes[0] || tellsWhatTheCycleAssumes()) {
      if (reportsInLane()) void reportInLane();
      else await reportToCycle();
    }
    const opensAt = calendar.atLocalTime(timeline[stage].opens, '00:00');
    const wait = clock.delayUntil(opensAt, Date.now());
    if (wait > 0) await condition(() => openedEarly.has(stage) || withdrawal !== undefined, wait);
    if (withdrawal) break;

    const templates = tasksForStage(catalogue, stage);
    let waiting = templates.filter((template) => waitsForTeam(template, stage));
    const startNow = templates.filter((template) => !waiting.includes(template));
    const stageOpened = () => ({
      ...stageNotice(stage),
      tasks: templates
        .filter((template) => started.has(template.key))
        .map((template) => ({ title: template.title, due: started.get(template.key)!.due })),
    });
    if (opensStageInOneActivity()) {
      const openings = await startAnnouncedTasks(stage, startNow);
      if (stage === 'penilaian') await startAssessment();
      const progress = progressUpdate({ type: 'stage_opened', by: 'sistem', to: stage });
      mailing.push(stageOpenings.openStage({ openings, progress, stageOpened: stageOpened() }));
    } else {
      await startStageTasks(stage, startNow);
      // Added after histories were recorded: units that opened penilaian before it run on without an assessment.
      if (stage === 'penilaian' && patched('penilaian-assessment')) await startAssessment();
      await save({ type: 'stage_opened', by: 'sistem', to: stage });
      mailing.push(email.notifyStageOpened(stageOpened()));
    }

    const required = requiredTasksForStage(catalogue, stage);
    const stageDone = () => required.every((template) => isTerminal(state.tasks[template.key] ?? 'open'));
    const advanced = () => advances.some((request) => request.stage === stage);
    for (;;) {
      await condition(
        () =>
          stageDone() ||
          advanced() ||
          withdrawal !== undefined ||
          (approvedTeam !== undefined && team === undefined) ||
          (waiting.length > 0 && teamResolved()),
      );
      if (approvedTeam !== undefined && team === undefined) await adoptTeam(approvedTeam);
      if (waiting.length > 0 && teamResolved()) {
        const ready = waiting;
        waiting = [];
        await startStageTasks(stage, ready);
      }
      if (withdrawal || advanced() || stageDone()) break;
    }
    if (withdrawal) break;
    if (!stageDone()) {
      const request = advances.find((r) => r.stage === stage)!;
      await steerUnfinished(
        templates.map((template) => template.key),
        request,
      );
      await save({ type: 'stage_advanced', by: request.actor.personId, from: stage, note: request.reason });
    }
    state.completedStages.push(stage);
    // The read model shows where the unit goes next, even while that stage's window has not opened yet.
    state.stage = nextStage(stage) ?? 'selesai';
    await save({ type: 'stage_completed', by: 'sistem', from: stage, to: state.stage });
  }

  if (withdrawal) {
    await steerUnfinished(Object.keys(state.tasks), withdrawal);
    // Let every task record its cancellation before the unit ends: ending first would terminate the required ones
    // (their parent-close policy) between the decision and its write, leaving the read model showing them open.
    const allSettled = () => Object.values(state.tasks).every((status) => isTerminal(status));
    await condition(allSettled, '5 minutes');
    state.status = 'withdrawn';
    await save({ type: 'unit_withdrawn', by: withdrawal.actor.personId, note: withdrawal.reason });
    mailing.push(
      email.notifyUnitWithdrawn({
        cycleId: input.cycleId,
        cycleName: input.cycleName ?? '',
        unit,
        reason: withdrawal.reason,
        recipients: contacts(),
      }),
    );
  } else {
    state.stage = 'selesai';
    state.status = 'finished';
    await save({ type: 'unit_finished', by: 'sistem', to: 'selesai' });
  }
  if (reportsInLane()) await reportInLane();
  else await reportToCycle();
  await Promise.all(mailing);
  await condition(allHandlersFinished);
  return state;
}
