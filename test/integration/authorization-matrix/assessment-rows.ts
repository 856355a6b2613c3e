import { proposalTaskKey } from '../../../domain/assessment-process';
import { defaultLkeTemplate, questionsOf } from '../../../domain/lke';
import {
  approveProposalUpdate,
  assessmentStateQuery,
  completeLayerUpdate,
  submitAssessmentUpdate,
  assessmentWorkflowId,
  assessmentWorkflowType,
  recordProposalUpdate,
  taskWorkflowId,
  type AssessmentView,
  type AssessmentWorkflowInput,
} from '../../../workflows/definitions';
import { fillMandiriDirectly, linksFor } from '../../support/drive-assessment';
import { eventually } from '../../support/wait';
import { outcomes, type CellId, type Outcome } from './cells';
import type { Call, Row } from './rows';
import { settled, startedWorkflows } from './targets';
import { participant, type Actor, type World } from './world';

/**
 * Penilaian targets in unit A: an assessment workflow per target, brought to the phase the row needs through the
 * workflow's own updates (answers written straight to the read model, as the API would). Real time, so no deadline
 * or reminder falls during the run.
 */
export interface AssessmentTarget {
  cycleId: string;
  path: string;
}

type Stage = 'mandiri' | 'filled' | 'review' | 'usulan' | 'approved' | 'diusulkan';

const question = questionsOf(defaultLkeTemplate)[0]!.question;
let sequence = 0;

export async function assessmentIn(world: World, stage: Stage): Promise<AssessmentTarget> {
  const { stack, unitA, actors } = world;
  const cycleId = `2026-mtxpnl${world.run}${world.next('')}`;
  const person = (cell: CellId, role: Parameters<typeof participant>[1]) => participant(actors[cell], role);
  const input: AssessmentWorkflowInput = {
    cycleId,
    unit: { code: unitA, name: `Unit matriks ${unitA}` },
    lkeTemplateId: defaultLkeTemplate.id,
    proposalDeadline: `${new Date().getUTCFullYear() + 1}-05-31`,
    people: {
      ketua_tim: [person('ketua_tim@A', 'ketua_tim')],
      pimpinan: [person('pimpinan@A', 'pimpinan')],
      penilai: [person('penilai@A', 'penilai')],
      admin_organisasi: [person('admin_organisasi', 'admin_organisasi')],
    },
  };
  // Award rows leave unit A holding or barred from a predicate; an assessment row needs it eligible for WBK again.
  await stack.models.UnitPredicate.deleteOne({ _id: unitA });
  const id = assessmentWorkflowId(cycleId, unitA);
  const handle = await stack.client.workflow.start<(input: AssessmentWorkflowInput) => Promise<AssessmentView>>(
    assessmentWorkflowType,
    { workflowId: id, taskQueue: stack.config.temporal.taskQueue, args: [input] },
  );
  startedWorkflows.push(id, taskWorkflowId(cycleId, unitA, proposalTaskKey));
  const target = { cycleId, path: `/api/v1/assessments/${cycleId}/${unitA}` };
  await eventually(
    () =>
      stack.models.Assessment.findById(`${cycleId}:${unitA}`)
        .lean()
        .then((d) => d ?? undefined),
    {
      what: `${id} in the read model`,
    },
  );
  if (stage !== 'mandiri') {
    await fillMandiriDirectly(stack, { cycleId, unit: input.unit, ketua: { ...actors['ketua_tim@A'], roles: [] } });
  }
  const order: Stage[] = ['mandiri', 'filled', 'review', 'usulan', 'approved', 'diusulkan'];
  const reached = (wanted: Stage) => order.indexOf(stage) >= order.indexOf(wanted);
  if (reached('review')) {
    const submitted = await handle.executeUpdate(submitAssessmentUpdate, {
      args: [{ actor: person('ketua_tim@A', 'ketua_tim') }],
    });
    if (reached('usulan')) {
      for (const layer of submitted.layers.slice(1)) {
        await handle.executeUpdate(completeLayerUpdate, {
          args: [{ actor: person('penilai@A', 'penilai'), layer, decision: 'forward' }],
        });
      }
      await eventually(async () => ((await handle.query(assessmentStateQuery)).phase === 'usulan' ? true : undefined), {
        what: `${id} to reach usulan`,
      });
    }
  }
  if (reached('approved')) {
    await handle.executeUpdate(approveProposalUpdate, { args: [{ actor: person('pimpinan@A', 'pimpinan') }] });
  }
  if (reached('diusulkan')) {
    await handle.executeUpdate(recordProposalUpdate, {
      args: [
        {
          actor: person('admin_organisasi', 'admin_organisasi'),
          submittedAt: new Date().toISOString().slice(0, 10),
          documents: {
            coverLetter: 'https://x.test/sp',
            sptjm: 'https://x.test/sptjm',
            reviewedLke: 'https://x.test/lke',
          },
        },
      ],
    });
  }
  await settled(() => assessmentProbe(world, target), id);
  return target;
}

/** What any call could change: the read model (answers, evidence, process), the workflow, the trail and the files. */
export async function assessmentProbe(world: World, target: AssessmentTarget) {
  const { models, mongo, client } = world.stack;
  const id = assessmentWorkflowId(target.cycleId, world.unitA);
  const [stored, view, audit, files] = await Promise.all([
    models.Assessment.findById(`${target.cycleId}:${world.unitA}`).lean(),
    client.workflow.getHandle(id).query(assessmentStateQuery),
    models.AuditEvent.countDocuments({ entityId: id }),
    mongo.db!.collection('evidence.files').countDocuments({ 'metadata.taskId': id }),
  ]);
  if (!stored) throw new Error(`${id} is not in the read model`);
  return {
    mongo: {
      phase: stored.phase,
      currentLayer: stored.currentLayer,
      answers: stored.answers,
      evidence: stored.evidence,
      proposal: stored.proposal,
      tpn: stored.tpn,
      seq: stored.seq,
    },
    workflow: { phase: view.phase, currentLayer: view.currentLayer, proposal: view.proposal, tpn: view.tpn },
    audit,
    files,
  };
}

const row = <T>(definition: Row<T>): Row => definition as unknown as Row;
/** Allowed for some roles of unit A; 404 for unit B, which cannot see the assessment. */
const inUnitA = (spec: {
  admin_organisasi: Outcome;
  own: Outcome | { pimpinan: Outcome; ketua_tim: Outcome; anggota_tim: Outcome; penilai: Outcome };
}) => outcomes({ admin_organisasi: spec.admin_organisasi, pengamat: 403, own: spec.own, other: 404 });
const teamAnswers = { pimpinan: 200, ketua_tim: 200, anggota_tim: 200, penilai: 403 } as const;
const only = (role: 'pimpinan' | 'ketua_tim' | 'anggota_tim' | 'penilai', allowed: Outcome) => ({
  pimpinan: 403 as Outcome,
  ketua_tim: 403 as Outcome,
  anggota_tim: 403 as Outcome,
  penilai: 403 as Outcome,
  [role]: allowed,
});

/** Penilaian: the unit answers and submits, the TPI reviews, the pimpinan approves, Bagian Organisasi records. */
export function assessmentRows(): Row[] {
  const probe = (target: AssessmentTarget, _actor: Actor, world: World) => assessmentProbe(world, target);
  const call = (method: Call['method'], rest: string, body?: () => object) => (target: AssessmentTarget) => ({
    method,
    path: `${target.path}${rest}`,
    ...(body ? { body: body() } : {}),
  });
  // Each allowed answer differs from the last, so every one changes the stored answer.
  const nextAnswer = () => ({
    answer: { kind: 'option', option: ++sequence % 2 === 0 ? 'ya' : 'tidak' },
    evidence: linksFor(question),
  });
  return [
    row<AssessmentTarget>({
      operation: 'PUT /api/v1/assessments/{cycleId}/{unitCode}/answers/{questionId}',
      setup: (world) => assessmentIn(world, 'mandiri'),
      call: call('put', `/answers/${question.id}`, nextAnswer),
      expect: inUnitA({ admin_organisasi: 403, own: teamAnswers }),
      probe,
    }),
    row<AssessmentTarget>({
      operation: 'POST /api/v1/assessments/{cycleId}/{unitCode}/submit',
      setup: (world) => assessmentIn(world, 'filled'),
      call: call('post', '/submit', () => ({})),
      expect: inUnitA({ admin_organisasi: 403, own: { ...teamAnswers, pimpinan: 422, anggota_tim: 422 } }),
      workflowRule: { why: 'only the ketua tim submits the penilaian mandiri', detail: /Hanya ketua tim/ },
      probe,
      consumes: true,
    }),
    row<AssessmentTarget>({
      operation: 'PUT /api/v1/assessments/{cycleId}/{unitCode}/layers/{layer}/answers/{questionId}',
      setup: (world) => assessmentIn(world, 'review'),
      call: call('put', `/layers/tpi_anggota/answers/${question.id}`, () => ({
        answer: { kind: 'option', option: ++sequence % 2 === 0 ? 'ya' : 'tidak' },
        note: `Catatan ${sequence}`,
      })),
      expect: inUnitA({ admin_organisasi: 403, own: only('penilai', 200) }),
      probe,
    }),
    row<AssessmentTarget>({
      operation: 'POST /api/v1/assessments/{cycleId}/{unitCode}/layers/{layer}/complete',
      setup: (world) => assessmentIn(world, 'review'),
      call: call('post', '/layers/tpi_anggota/complete', () => ({ decision: 'forward' })),
      expect: inUnitA({ admin_organisasi: 403, own: only('penilai', 200) }),
      probe,
      consumes: true,
    }),
    row<AssessmentTarget>({
      operation: 'POST /api/v1/assessments/{cycleId}/{unitCode}/proposal/approve',
      setup: (world) => assessmentIn(world, 'usulan'),
      call: call('post', '/proposal/approve', () => ({})),
      expect: inUnitA({ admin_organisasi: 403, own: only('pimpinan', 200) }),
      probe,
      consumes: true,
    }),
    row<AssessmentTarget>({
      operation: 'POST /api/v1/assessments/{cycleId}/{unitCode}/proposal',
      setup: (world) => assessmentIn(world, 'approved'),
      call: call('post', '/proposal', () => ({
        submittedAt: new Date().toISOString().slice(0, 10),
        documents: {
          coverLetter: 'https://x.test/sp',
          sptjm: 'https://x.test/sptjm',
          reviewedLke: 'https://x.test/lke',
        },
      })),
      expect: inUnitA({ admin_organisasi: 200, own: 403 }),
      probe,
      consumes: true,
    }),
    row<AssessmentTarget>({
      operation: 'POST /api/v1/assessments/{cycleId}/{unitCode}/tpn',
      setup: (world) => assessmentIn(world, 'diusulkan'),
      call: call('post', '/tpn', () => ({
        stage: 'pra_evaluasi',
        result: 'lulus',
        date: new Date().toISOString().slice(0, 10),
      })),
      expect: inUnitA({ admin_organisasi: 200, own: 403 }),
      probe,
      consumes: true,
    }),
    row<AssessmentTarget>({
      operation: 'POST /api/v1/assessments/{cycleId}/{unitCode}/files',
      setup: (world) => assessmentIn(world, 'mandiri'),
      call: (target) => ({
        method: 'post',
        path: `${target.path}/files`,
        form: {
          fields: { document: question.requiredEvidence[0]! },
          file: { name: 'sk.txt', content: Buffer.from(`SK ${++sequence}\n`), contentType: 'text/plain' },
        },
      }),
      // The team adds evidence, Bagian Organisasi the proposal's documents; the TPI only reads.
      expect: inUnitA({
        admin_organisasi: 201,
        own: { pimpinan: 201, ketua_tim: 201, anggota_tim: 201, penilai: 403 },
      }),
      probe,
    }),
  ];
}
