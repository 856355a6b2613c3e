import { pemantauanWorkflowId, taskWorkflowId } from '../../../workflows/definitions';
import { wbkResult } from '../../fixtures/award-assessments';
import { startedWorkflows } from './targets';
import type { World } from './world';

/**
 * Penghargaan targets in unit A. The read models are test data: a cycle of unit A whose assessment already holds the
 * predikat (the penilaian workflow's own tests drive `recordPredikat`), and a unit A holding WBK to revoke.
 */

export const awardDay = '2026-12-09';

/** A fresh cycle of unit A with its assessment's predikat recorded as WBK; unit A's history starts clean. */
export async function awardedAssessment(world: World): Promise<string> {
  const { Cycle, Assessment, UnitPredicate } = world.stack.models;
  const cycleId = `2026-mtxawd${world.run}${world.next('')}`;
  await Cycle.create({
    _id: cycleId,
    name: `Siklus matriks penghargaan ${world.run}`,
    year: 2026,
    units: [
      {
        code: world.unitA,
        name: `Unit matriks ${world.unitA}`,
        head: { name: 'Kepala', email: `kepala-awd-${world.run}@pemkot.test` },
      },
    ],
    launchedBy: { name: 'Bagian Organisasi', email: `organisasi-awd-${world.run}@pemkot.test` },
    status: 'launched',
    zone: 'WIB',
    seq: 1,
  });
  await Assessment.create({
    _id: `${cycleId}:${world.unitA}`,
    cycleId,
    unitCode: world.unitA,
    templateId: 'lke-zi-permenpanrb-90-2021',
    phase: 'selesai',
    layers: ['unit', 'tpi_anggota', 'tpi_ketua', 'pengendali_teknis'],
    currentLayer: 'pengendali_teknis',
    answers: {},
    evidence: {},
    followUps: [],
    result: wbkResult(),
    eligiblePredicate: 'WBK',
    predikat: { predicate: 'WBK', date: awardDay, by: world.admin.personId },
    seq: 1,
  });
  await UnitPredicate.deleteOne({ _id: world.unitA });
  // An allowed call starts the monitoring plan and its first round: ended with the file.
  startedWorkflows.push(
    pemantauanWorkflowId(cycleId, world.unitA),
    taskWorkflowId(cycleId, world.unitA, 'pemantauan_1'),
  );
  return cycleId;
}

export async function awardProbe(world: World, cycleId: string) {
  const { UnitPredicate, AuditEvent } = world.stack.models;
  const history = await UnitPredicate.findById(world.unitA).lean();
  return {
    awards: (history?.awards ?? []).filter((award) => award.cycleId === cycleId),
    audit: await AuditEvent.countDocuments({ entityId: world.unitA, type: 'predikat_recorded', cycleId }),
  };
}

/** Unit A holding WBK from an earlier cycle, never revoked. */
export async function awardedUnit(world: World): Promise<string> {
  await world.stack.models.UnitPredicate.replaceOne(
    { _id: world.unitA },
    {
      current: 'WBK',
      awards: [{ predicate: 'WBK', cycleId: `2025-mtx${world.run}`, date: '2025-12-09' }],
      revocations: [],
      seq: 1,
    },
    { upsert: true },
  );
  return world.unitA;
}

export async function revocationProbe(world: World, unitCode: string) {
  const { UnitPredicate, AuditEvent } = world.stack.models;
  const history = await UnitPredicate.findById(unitCode).lean();
  return {
    current: history?.current ?? null,
    revocations: history?.revocations.length ?? 0,
    audit: await AuditEvent.countDocuments({ entityId: unitCode, type: 'predikat_revoked' }),
  };
}
