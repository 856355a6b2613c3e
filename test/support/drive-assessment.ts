import { randomUUID } from 'node:crypto';
import type { WorkflowHandle } from '@temporalio/client';
import type { Grant } from '../../domain/access';
import { defaultReviewLayers, type AssessmentPhase } from '../../domain/assessment-process';
import { defaultLkeTemplate, questionsOf, type LkeAnswer, type LkeQuestion } from '../../domain/lke';
import { personIdOf } from '../../domain/people';
import type { RoleCode } from '../../domain/roles';
import {
  assessmentStateQuery,
  assessmentWorkflowId,
  assessmentWorkflowType,
  completeLayerUpdate,
  submitAssessmentUpdate,
  type AssessmentView,
  type AssessmentWorkflowInput,
  type TaskPerson,
} from '../../workflows/definitions';
import { tokenFor } from './auth';
import type { TestStack } from './stack';
import { eventually } from './wait';

/** A person of the assessment's unit: as the workflow knows them, and signed in with their grants. */
export interface AssessmentPerson extends TaskPerson {
  token: string;
}

export interface AssessmentWorld {
  cycleId: string;
  unit: { code: string; name: string };
  input: AssessmentWorkflowInput;
  handle: WorkflowHandle<(input: AssessmentWorkflowInput) => Promise<AssessmentView>>;
  ketua: AssessmentPerson;
  anggota: AssessmentPerson;
  pimpinan: AssessmentPerson;
  /** Two TPI people holding penilai in the unit: any of them may act in any layer. */
  penilai: [AssessmentPerson, AssessmentPerson];
  admin: AssessmentPerson;
  /** penilai of another unit: sees nothing of this one. */
  outsider: AssessmentPerson;
  /** `/api/v1/assessments/<cycle>/<unit>` */
  path: string;
}

export interface AssessmentWorldOptions {
  /** @default 2026-12-30 (no deadline reached during a test) */
  proposalDeadline?: string;
  /** The compressed clock's start. @default Monday 2 March 2026, 07:00 WIB */
  origin?: string;
  /** @default 86400: one day per second */
  speedup?: number;
  reviewLayers?: string[];
}

/**
 * Starts one unit's assessment workflow directly (as the unit workflow would when penilaian opens), with a Tim Kerja,
 * a pimpinan, two TPI people and Bagian Organisasi, each signed in through a real session with their grants.
 */
export async function startAssessmentWorld(
  stack: TestStack,
  options: AssessmentWorldOptions = {},
): Promise<AssessmentWorld> {
  const tag = randomUUID().slice(0, 8);
  const cycleId = `2026-pnl${tag}`;
  const unit = { code: `PNL-${tag}`, name: `Dinas Uji Penilaian ${tag}` };
  const person = async (label: string, role: RoleCode, grants: Grant[]): Promise<AssessmentPerson> => {
    const email = `${label}-${tag}@penilaian.test`;
    const name = `${label.replace(/-/g, ' ')} ${tag}`;
    const token = await tokenFor(stack, { name, email }, grants);
    return { personId: personIdOf(email), roles: [role], name, email, token };
  };
  const inUnit = (role: RoleCode): Grant[] => [{ role, unitCode: unit.code }];
  const [ketua, anggota, pimpinan, penilai1, penilai2, admin, outsider] = await Promise.all([
    person('ketua-tim', 'ketua_tim', inUnit('ketua_tim')),
    person('anggota-tim', 'anggota_tim', inUnit('anggota_tim')),
    person('kepala-unit', 'pimpinan', inUnit('pimpinan')),
    person('tpi-satu', 'penilai', inUnit('penilai')),
    person('tpi-dua', 'penilai', inUnit('penilai')),
    person('organisasi', 'admin_organisasi', [{ role: 'admin_organisasi' }]),
    person('tpi-lain', 'penilai', [{ role: 'penilai', unitCode: `LAIN-${tag}` }]),
  ]);
  const plain = ({ token: _token, ...rest }: AssessmentPerson): TaskPerson => rest;
  const input: AssessmentWorkflowInput = {
    cycleId,
    cycleName: `Siklus uji penilaian ${tag}`,
    unit,
    lkeTemplateId: defaultLkeTemplate.id,
    proposalDeadline: options.proposalDeadline ?? '2026-12-30',
    reviewLayers: options.reviewLayers ?? [...defaultReviewLayers],
    people: {
      ketua_tim: [plain(ketua)],
      anggota_tim: [plain(anggota)],
      pimpinan: [plain(pimpinan)],
      penilai: [plain(penilai1), plain(penilai2)],
      admin_organisasi: [plain(admin)],
    },
    schedule: {
      zone: 'WIB',
      clock: { origin: options.origin ?? '2026-03-02T00:00:00.000Z', speedup: options.speedup ?? 86_400 },
    },
  };
  const handle = await stack.client.workflow.start<(input: AssessmentWorkflowInput) => Promise<AssessmentView>>(
    assessmentWorkflowType,
    { workflowId: assessmentWorkflowId(cycleId, unit.code), taskQueue: stack.config.temporal.taskQueue, args: [input] },
  );
  await eventually(
    () =>
      stack.models.Assessment.findById(`${cycleId}:${unit.code}`)
        .lean()
        .then((d) => d ?? undefined),
    {
      what: 'the assessment read model',
    },
  );
  return {
    cycleId,
    unit,
    input,
    handle,
    ketua,
    anggota,
    pimpinan,
    penilai: [penilai1, penilai2],
    admin,
    outsider,
    path: `/api/v1/assessments/${cycleId}/${unit.code}`,
  };
}

/** The best answer a question can get (value 1). */
export function bestAnswer(question: LkeQuestion): LkeAnswer {
  switch (question.answerType) {
    case 'persentase':
      return { kind: 'counts', numerator: 40, denominator: 40 };
    case 'indeks':
      return { kind: 'index', index: 4 };
    default:
      return { kind: 'option', option: question.options[0]!.code };
  }
}

/** The worst answer a question can get (value 0). */
export function worstAnswer(question: LkeQuestion): LkeAnswer {
  switch (question.answerType) {
    case 'persentase':
      return { kind: 'counts', numerator: 0, denominator: 40 };
    case 'indeks':
      return { kind: 'index', index: 0 };
    default:
      return { kind: 'option', option: question.options.at(-1)!.code };
  }
}

/** A link per required document of the question. */
export const linksFor = (question: LkeQuestion): Record<string, string[]> =>
  Object.fromEntries(
    question.requiredEvidence.map((document, index) => [
      document,
      [`https://drive.pemkot.test/${question.id}/${index + 1}`],
    ]),
  );

/**
 * Fills the unit's penilaian mandiri straight into the read model (answers and evidence for every question), as if
 * the team had answered through the API: for tests that are about what comes after.
 */
export async function fillMandiriDirectly(
  stack: TestStack,
  world: Pick<AssessmentWorld, 'cycleId' | 'unit' | 'ketua'>,
  choose: (question: LkeQuestion) => LkeAnswer = bestAnswer,
): Promise<void> {
  const answers: Record<string, unknown> = {};
  const evidence: Record<string, unknown> = {};
  for (const { question } of questionsOf(defaultLkeTemplate)) {
    answers[question.id] = { answer: choose(question), by: world.ketua.personId, at: new Date() };
    evidence[question.id] = linksFor(question);
  }
  await stack.models.Assessment.updateOne(
    { _id: `${world.cycleId}:${world.unit.code}` },
    { $set: { 'answers.unit': answers, evidence } },
  );
}

const plainPerson = ({ token: _token, ...rest }: AssessmentPerson): TaskPerson => rest;

/** Submits and forwards every layer through the workflow's updates (no HTTP), to reach the final score. */
export async function reviewAllLayers(world: AssessmentWorld): Promise<AssessmentView> {
  let view = await world.handle.executeUpdate(submitAssessmentUpdate, { args: [{ actor: plainPerson(world.ketua) }] });
  for (const layer of view.layers.slice(1)) {
    view = await world.handle.executeUpdate(completeLayerUpdate, {
      args: [{ actor: plainPerson(world.penilai[0]), layer, decision: 'forward' }],
    });
  }
  return view;
}

/** Waits until the workflow's phase is one of `phases`. */
export async function phaseOf(world: AssessmentWorld, ...phases: AssessmentPhase[]): Promise<AssessmentView> {
  return eventually(
    async () => {
      const view = await world.handle.query(assessmentStateQuery);
      return phases.includes(view.phase) ? view : undefined;
    },
    { what: `the assessment to reach ${phases.join(' or ')}`, timeoutMs: 30_000 },
  );
}

export { plainPerson };
