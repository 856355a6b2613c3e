import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import { unitPeople } from '../../activities/awards';
import { formatInstant } from '../../activities/lifecycle-notifications';
import type { Models } from '../../activities/models';
import type { UnitPredicateDocument } from '../../activities/models/assessment.model';
import type { EmailRequest } from '../../activities/token-emails';
import { canSeeUnit, may, rolesIn, type Principal } from '../../domain/access';
import { areaOfRecommendation } from '../../domain/carried-recommendations';
import {
  applyAward,
  applyRevocation,
  carriesRecommendations,
  defaultPemantauanPlan,
  predicateNames,
  proposalBar,
  recommendationsFor,
  targetPredicate,
  type HistoryDecision,
  type PemantauanPlan,
  type PredicateHistory,
  type RecommendationItem,
  type RevocationDecision,
} from '../../domain/awards';
import { formatTanggal, localDayOf, isIndonesianZone, type IndonesianZone } from '../../domain/calendar';
import { questionsOf, type Predicate } from '../../domain/lke';
import { participantOf, type Participant } from '../../domain/people';
import {
  assessmentWorkflowId,
  pemantauanWorkflowId,
  pemantauanWorkflowType,
  recordPredikatUpdate,
  stopPemantauanSignal,
  type PemantauanWorkflowInput,
  type TaskPerson,
} from '../../workflows/definitions';
import { requireEverywhere, requireInUnit } from '../access';
import { LkeTemplateService } from '../assessments/lke-template.service';
import { recordChange } from '../audit-trail';
import { cycleProgress } from '../cycles/cycle-progress';
import type { WorkflowCall } from '../metrics';
import { conflict, forbidden, HttpProblem, notFound } from '../problem';
import { buildCycleReport, type CycleReportData } from './cycle-report';
import type { RecordPredikatBody, RevokeBody } from './award.schemas';

export interface PredicateHistoryView extends PredicateHistory {
  unitCode: string;
  revokedAt: string | null;
  proposableFrom: string | null;
  proposalBarred: boolean;
}

export interface PredikatRecorded {
  cycleId: string;
  unitCode: string;
  predikat: { predicate: Predicate | null; date: string };
  history: PredicateHistoryView;
  pemantauan: { workflowId: string; periods: number } | null;
}

export interface UnitRecommendations {
  unitCode: string;
  unitName: string;
  target: Predicate;
  assessed: boolean;
  items: RecommendationItem[];
}

export interface AwardServiceDeps {
  models: Pick<
    Models,
    'Cycle' | 'Task' | 'Assessment' | 'UnitPredicate' | 'UnitKerja' | 'Account' | 'AuditEvent' | 'LkeTemplate'
  >;
  temporal: Client;
  taskQueue: string;
  publicUrl: string;
  /** Compressed clocks are for rehearsals and tests, never for a real instansi's year. */
  allowCompressedClock: boolean;
  queueEmail: (request: EmailRequest) => Promise<void>;
  timeWorkflowCall?: <T>(call: WorkflowCall, run: () => Promise<T>) => Promise<T>;
  now: () => Date;
}

const refusal = (detail: string) => new HttpProblem(422, 'Ditolak', detail);
const isDuplicateKey = (error: unknown) => (error as { code?: unknown } | null)?.code === 11000;
const actorOf = (principal: Principal, unitCode: string): TaskPerson => ({
  personId: principal.personId,
  roles: rolesIn(principal, unitCode),
  name: principal.name,
  email: principal.email,
});

/**
 * Penghargaan: the predikat per unit (recorded in the assessment workflow and in the unit's predicate history),
 * announcements, pemantauan of awarded units, revocation with its 2-year bar, and the recommendations units without
 * a predikat carry forward. Reads are scoped by the reader's units; writes are Bagian Organisasi's.
 */
export class AwardService {
  constructor(private readonly deps: AwardServiceDeps) {}

  /**
   * Records a unit's predikat for a cycle. Safe to repeat: a predikat the assessment already holds is not sent to the
   * workflow again, the history takes an award once, emails are deduped per person and the monitoring plan starts
   * once per award.
   */
  async recordPredikat(
    cycleId: string,
    unitCode: string,
    body: RecordPredikatBody,
    principal: Principal,
  ): Promise<PredikatRecorded> {
    requireEverywhere(principal, 'award.record');
    if (body.pemantauan?.clock && !this.deps.allowCompressedClock) {
      throw new HttpProblem(
        400,
        'Permintaan tidak valid',
        'body.pemantauan.clock: jam dipercepat hanya untuk gladi dan uji',
        {
          errors: [{ field: 'body.pemantauan.clock', message: 'jam dipercepat hanya untuk gladi dan uji' }],
        },
      );
    }
    const { cycle, unit } = await this.cycleUnit(cycleId, unitCode);
    const award = { predicate: body.predicate, cycleId, date: body.date };

    // Checked before the workflow records anything, so the two records never disagree.
    const before = await this.storedHistory(unitCode);
    const precheck = applyAward(before, award);
    if (!precheck.ok) throw precheck.kind === 'conflict' ? conflict(precheck.reason) : refusal(precheck.reason);

    const assessment = await this.deps.models.Assessment.findById(`${cycleId}:${unitCode}`, { predikat: 1 }).lean();
    const recorded = assessment?.predikat;
    let changedWorkflow = false;
    if (recorded) {
      if (recorded.predicate !== body.predicate || recorded.date !== body.date) {
        throw conflict(
          `Predikat unit ${unitCode} pada siklus ${cycleId} sudah dicatat: ` +
            `${recorded.predicate ?? 'tanpa predikat'} per ${recorded.date}`,
        );
      }
    } else {
      await this.recordInWorkflow(cycleId, unitCode, body, principal, assessment !== null);
      changedWorkflow = true;
    }

    const decision = await this.changeHistory(unitCode, (history) => applyAward(history, award));
    if (!decision.ok) throw decision.kind === 'conflict' ? conflict(decision.reason) : refusal(decision.reason);
    if (changedWorkflow || decision.changed) {
      await recordChange(
        this.deps.models.AuditEvent,
        principal,
        {
          entity: 'unit_kerja',
          entityId: unitCode,
          type: 'predikat_recorded',
          cycleId,
          unitCode,
          from: before?.current ?? 'tanpa_predikat',
          to: body.predicate ?? 'tanpa_predikat',
          note: `Predikat ${body.predicate ?? 'tidak diperoleh'} per ${body.date}`,
        },
        this.deps.now(),
      );
    }

    const plan: PemantauanPlan = {
      everyMonths: body.pemantauan?.everyMonths ?? defaultPemantauanPlan.everyMonths,
      periods: body.pemantauan?.periods ?? defaultPemantauanPlan.periods,
    };
    const bagianOrganisasi = [participantOf(cycle.launchedBy, 'admin_organisasi')];
    await this.announce('penghargaan-predikat', `${cycleId}:${unitCode}`, unitCode, bagianOrganisasi, {
      unit,
      cycle: { id: cycle._id, name: cycle.name, year: cycle.year },
      predicate: body.predicate,
      predicateName: body.predicate ? predicateNames[body.predicate] : null,
      dateText: formatTanggal(body.date),
      pemantauan: body.predicate ? plan : null,
      link: `${this.deps.publicUrl}/siklus/${encodeURIComponent(cycleId)}/unit/${encodeURIComponent(unitCode)}`,
      certificateLink: body.predicate
        ? `${this.deps.publicUrl}/api/v1/awards/${encodeURIComponent(cycleId)}/${encodeURIComponent(unitCode)}/certificate.pdf`
        : null,
    });

    let pemantauan: PredikatRecorded['pemantauan'] = null;
    if (body.predicate) {
      const input: PemantauanWorkflowInput = {
        cycleId,
        cycleName: cycle.name,
        unit,
        predicate: body.predicate,
        awardedOn: body.date,
        plan,
        reviewers: bagianOrganisasi,
        schedule: {
          zone: isIndonesianZone(cycle.zone) ? cycle.zone : 'WIB',
          ...(body.pemantauan?.clock ? { clock: body.pemantauan.clock } : {}),
        },
      };
      await this.startPemantauan(input);
      pemantauan = { workflowId: pemantauanWorkflowId(cycleId, unitCode), periods: plan.periods };
    }
    return {
      cycleId,
      unitCode,
      predikat: { predicate: body.predicate, date: body.date },
      history: this.viewOf(unitCode, decision.history, cycle.zone),
      pemantauan,
    };
  }

  /**
   * Takes the unit's predicate away: recorded in its history (current → none) with the reason and date, audited,
   * announced, and every monitoring plan of the unit stopped (its open tasks cancelled). A new proposal is barred
   * until the revocation's second anniversary.
   */
  async revoke(unitCode: string, body: RevokeBody, principal: Principal): Promise<PredicateHistoryView> {
    requireEverywhere(principal, 'award.record');
    const before = await this.storedHistory(unitCode);
    if (!before && !(await this.unitKnown(unitCode))) throw notFound(`Unit ${unitCode}`);
    const decision = await this.changeHistory(unitCode, (history) =>
      applyRevocation(history, { date: body.date, reason: body.reason, by: principal.personId }),
    );
    if (!decision.ok) throw decision.kind === 'conflict' ? conflict(decision.reason) : refusal(decision.reason);
    const history = decision.history;
    const bar = proposalBar(history, body.date);
    if (decision.changed) {
      await recordChange(
        this.deps.models.AuditEvent,
        principal,
        {
          entity: 'unit_kerja',
          entityId: unitCode,
          type: 'predikat_revoked',
          unitCode,
          from: decision.revoked,
          to: 'tanpa_predikat',
          note: `Dicabut per ${body.date}: ${body.reason}`,
        },
        this.deps.now(),
      );
    }
    const unit = await this.unitRef(unitCode);
    // Bagian Organisasi as the cycle of the last award names it.
    const lastAward = history.awards[history.awards.length - 1];
    const awardCycle = lastAward
      ? await this.deps.models.Cycle.findById(lastAward.cycleId, { launchedBy: 1 }).lean()
      : null;
    const bagianOrganisasi = awardCycle ? [participantOf(awardCycle.launchedBy, 'admin_organisasi')] : [];
    await this.announce('penghargaan-pencabutan', `${unitCode}:${body.date}`, unitCode, bagianOrganisasi, {
      unit,
      predicate: decision.revoked,
      predicateName: predicateNames[decision.revoked],
      dateText: formatTanggal(body.date),
      reason: body.reason,
      proposableFromText: bar.proposableFrom ? formatTanggal(bar.proposableFrom) : null,
      // The unit's penilaian page of the cycle that awarded it, where its predicate history shows.
      link: lastAward
        ? `${this.deps.publicUrl}/penilaian/${encodeURIComponent(lastAward.cycleId)}/${encodeURIComponent(unitCode)}`
        : `${this.deps.publicUrl}/penilaian`,
    });
    // Every award's plan: a unit may hold WBK from one cycle and WBBM from a later one.
    const actor = actorOf(principal, unitCode);
    for (const award of history.awards) {
      await this.deps.temporal.workflow
        .getHandle(pemantauanWorkflowId(award.cycleId, unitCode))
        .signal(stopPemantauanSignal, { actor, reason: `Predikat dicabut: ${body.reason}` })
        .catch((error: unknown) => {
          // A plan that has run its course (or never started) has nothing left to stop.
          if (!(error instanceof WorkflowNotFoundError)) throw error;
        });
    }
    return this.viewOf(unitCode, history);
  }

  /** The unit's predicate history with the bar a revocation sets; every role of the unit may read it. */
  async history(unitCode: string, principal: Principal): Promise<PredicateHistoryView> {
    requireInUnit(principal, 'unit.read', unitCode, `Unit ${unitCode}`);
    const history = await this.storedHistory(unitCode);
    if (!history && !(await this.unitKnown(unitCode))) throw notFound(`Unit ${unitCode}`);
    return this.viewOf(unitCode, history);
  }

  /** What a certificate shows, or 404 when the unit holds no predikat from this cycle (none, or revoked). */
  async certificate(cycleId: string, unitCode: string, principal: Principal) {
    requireInUnit(principal, 'unit.read', unitCode, `Unit ${unitCode}`);
    const { cycle, unit } = await this.cycleUnit(cycleId, unitCode);
    const [history, assessment] = await Promise.all([
      this.storedHistory(unitCode),
      this.deps.models.Assessment.findById(`${cycleId}:${unitCode}`, { predikat: 1 }).lean(),
    ]);
    const fromHistory = history?.awards.find((award) => award.cycleId === cycleId);
    const fromAssessment = assessment?.predikat?.predicate
      ? { predicate: assessment.predikat.predicate, date: assessment.predikat.date }
      : undefined;
    const award = fromHistory ?? fromAssessment;
    const what = `Piagam predikat unit ${unitCode} pada siklus ${cycleId}`;
    if (!award) throw notFound(what);
    const revoked = history?.revocations.find((revocation) => revocation.date >= award.date);
    if (revoked) {
      throw new HttpProblem(404, 'Tidak ditemukan', `${what} tidak berlaku: predikat dicabut per ${revoked.date}`);
    }
    return {
      unit,
      predicate: award.predicate,
      cycle: { id: cycle._id, name: cycle.name, year: cycle.year },
      date: award.date,
    };
  }

  /**
   * The open recommendations of the cycle's units that ended without a predikat, limited to the units the reader
   * may see: the failed conditions of the predicate each works towards, TPI notes per question and TPN notes.
   */
  async recommendations(cycleId: string, principal: Principal): Promise<UnitRecommendations[]> {
    const cycle = await this.deps.models.Cycle.findById(cycleId, { units: 1 }).lean();
    const units = (cycle?.units ?? []).filter(
      (unit) => canSeeUnit(principal, unit.code) && may(principal, 'unit.read', unit.code),
    );
    if (!cycle || units.length === 0) throw notFound(`Siklus ${cycleId}`);
    const codes = units.map((unit) => unit.code);
    const [assessments, histories] = await Promise.all([
      this.deps.models.Assessment.find(
        { cycleId, unitCode: { $in: codes } },
        { unitCode: 1, templateId: 1, layers: 1, answers: 1, result: 1, tpn: 1, predikat: 1 },
      ).lean(),
      this.deps.models.UnitPredicate.find({ _id: { $in: codes } }).lean(),
    ]);
    const templates = new LkeTemplateService({
      LkeTemplate: this.deps.models.LkeTemplate,
      AuditEvent: this.deps.models.AuditEvent,
      now: this.deps.now,
    });
    const out: UnitRecommendations[] = [];
    for (const unit of units) {
      const assessment = assessments.find((candidate) => candidate.unitCode === unit.code);
      const history = histories.find((candidate) => candidate._id === unit.code);
      const awardedHere = history?.awards.some((award) => award.cycleId === cycleId) ?? false;
      if (awardedHere || (assessment && !carriesRecommendations(assessment))) continue;
      // What the unit held before this cycle is what it held at the end of it, since it gained nothing here.
      const priorPredicate = history?.current ?? null;
      const template = assessment ? await templates.find(assessment.templateId) : undefined;
      const questions = template ? questionsOf(template) : [];
      const texts = new Map(questions.map(({ question }) => [question.id, question.text]));
      const areas = new Map(
        questions.map(({ question, location }) => [
          question.id,
          location.component === 'pengungkit' ? location.area.id : undefined,
        ]),
      );
      out.push({
        unitCode: unit.code,
        unitName: unit.name,
        target: targetPredicate(priorPredicate),
        assessed: assessment !== null && assessment !== undefined,
        items: assessment
          ? recommendationsFor(assessment, {
              priorPredicate,
              questionOrder: questions.map(({ question }) => question.id),
              questionText: (id) => texts.get(id),
            }).map((item) => {
              const area = areaOfRecommendation(item, (id) => areas.get(id));
              return area ? { ...item, area } : item;
            })
          : [],
      });
    }
    return out;
  }

  /**
   * The cycle report's content for the pimpinan: Bagian Organisasi and pengamat see every unit, a pimpinan the units
   * they lead (and nothing of the others). 404 for a reader with no unit in the cycle, 403 for one who has units there
   * but leads none of them.
   */
  async report(cycleId: string, principal: Principal): Promise<CycleReportData> {
    const cycle = await this.deps.models.Cycle.findById(cycleId, {
      name: 1,
      year: 1,
      status: 1,
      units: 1,
      stages: 1,
      zone: 1,
    }).lean();
    const codes = (cycle?.units ?? []).map((unit) => unit.code);
    if (!cycle || !codes.some((code) => canSeeUnit(principal, code))) throw notFound(`Siklus ${cycleId}`);
    const included = codes.filter((code) => may(principal, 'award.report', code));
    if (included.length === 0) {
      throw forbidden('Laporan siklus hanya untuk Bagian Organisasi, pengamat dan pimpinan unit');
    }
    const [progress, assessments, histories] = await Promise.all([
      cycleProgress(this.deps.models.Task, cycleId, included),
      this.deps.models.Assessment.find(
        { cycleId, unitCode: { $in: included } },
        { unitCode: 1, phase: 1, result: 1, eligiblePredicate: 1, predikat: 1 },
      ).lean(),
      this.deps.models.UnitPredicate.find({ _id: { $in: included } }, { awards: 1 }).lean(),
    ]);
    const awards: Record<string, { predicate: Predicate; date: string }> = {};
    for (const history of histories) {
      const award = history.awards.find((candidate) => candidate.cycleId === cycleId);
      if (award) awards[history._id] = { predicate: award.predicate, date: award.date };
    }
    const zone = isIndonesianZone(cycle.zone) ? (cycle.zone as IndonesianZone) : 'WIB';
    return buildCycleReport({
      cycle,
      unitCodes: included,
      progress,
      assessments,
      awards,
      reader: principal.name,
      generatedAt: formatInstant(this.deps.now(), zone),
    });
  }

  // ---- helpers ----

  private async recordInWorkflow(
    cycleId: string,
    unitCode: string,
    body: RecordPredikatBody,
    principal: Principal,
    assessed: boolean,
  ): Promise<void> {
    const handle = this.deps.temporal.workflow.getHandle(assessmentWorkflowId(cycleId, unitCode));
    try {
      await this.timed('update', () =>
        handle.executeUpdate(recordPredikatUpdate, {
          args: [{ actor: actorOf(principal, unitCode), predicate: body.predicate, date: body.date }],
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
      // Temporal says "not found" for an ended workflow too: the read model tells which it is.
      if (assessed) throw conflict(`Penilaian unit ${unitCode} pada siklus ${cycleId} sudah berakhir tanpa predikat`);
      throw notFound(`Penilaian unit ${unitCode} pada siklus ${cycleId}`);
    }
  }

  private async startPemantauan(input: PemantauanWorkflowInput): Promise<void> {
    try {
      await this.timed('start', () =>
        this.deps.temporal.workflow.start(pemantauanWorkflowType, {
          workflowId: pemantauanWorkflowId(input.cycleId, input.unit.code),
          taskQueue: this.deps.taskQueue,
          args: [input],
        }),
      );
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** One email per person: the unit's pimpinan and ketua tim, and Bagian Organisasi; deduped per person. */
  private async announce(
    template: string,
    key: string,
    unitCode: string,
    bagianOrganisasi: Participant[],
    data: Record<string, unknown>,
  ) {
    const people = await unitPeople(this.deps.models.Account, unitCode, ['pimpinan', 'ketua_tim']);
    const recipients = new Map<string, Participant>();
    for (const person of [...people.pimpinan, ...people.ketua_tim, ...bagianOrganisasi]) {
      if (!recipients.has(person.personId)) recipients.set(person.personId, person);
    }
    for (const recipient of recipients.values()) {
      await this.deps.queueEmail({
        dedupeKey: `${template}:${key}:${recipient.personId}`,
        template,
        to: recipient.email,
        data: { ...data, recipient: { name: recipient.name, email: recipient.email } },
      });
    }
  }

  /**
   * Compare-and-set on the history's `seq` (no transactions): a concurrent change makes the write miss, and the
   * decision is taken again on what is stored now.
   */
  private async changeHistory<D extends HistoryDecision | RevocationDecision>(
    unitCode: string,
    decide: (history: PredicateHistory | null) => D,
  ): Promise<D> {
    const { UnitPredicate } = this.deps.models;
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const stored = await UnitPredicate.findById(unitCode).lean();
      const decision = decide(stored ? historyOf(stored) : null);
      if (!decision.ok || !decision.changed) return decision;
      const fields = {
        current: decision.history.current,
        awards: decision.history.awards,
        revocations: decision.history.revocations,
      };
      if (!stored) {
        try {
          await UnitPredicate.create({ _id: unitCode, ...fields, seq: 1 });
          return decision;
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      }
      const result = await UnitPredicate.updateOne(
        { _id: unitCode, seq: stored.seq ?? { $exists: false } },
        { $set: { ...fields, seq: (stored.seq ?? 0) + 1 } },
      );
      if (result.matchedCount === 1) return decision;
    }
    throw conflict(`Riwayat predikat unit ${unitCode} sedang diubah bersamaan; coba lagi`);
  }

  private async storedHistory(unitCode: string): Promise<PredicateHistory | null> {
    const stored = await this.deps.models.UnitPredicate.findById(unitCode).lean();
    return stored ? historyOf(stored) : null;
  }

  private viewOf(unitCode: string, history: PredicateHistory | null, zone?: string): PredicateHistoryView {
    const today = localDayOf(this.deps.now(), isIndonesianZone(zone) ? (zone as IndonesianZone) : 'WIB');
    const bar = proposalBar(history, today);
    return {
      unitCode,
      current: history?.current ?? null,
      awards: [...(history?.awards ?? [])],
      revocations: [...(history?.revocations ?? [])],
      revokedAt: bar.revokedAt,
      proposableFrom: bar.proposableFrom,
      proposalBarred: bar.barred,
    };
  }

  private async cycleUnit(cycleId: string, unitCode: string) {
    const cycle = await this.deps.models.Cycle.findById(cycleId, {
      name: 1,
      year: 1,
      units: 1,
      zone: 1,
      launchedBy: 1,
    }).lean();
    if (!cycle) throw notFound(`Siklus ${cycleId}`);
    const entry = cycle.units.find((candidate) => candidate.code === unitCode);
    if (!entry) throw notFound(`Unit ${unitCode} pada siklus ${cycleId}`);
    return { cycle, unit: { code: entry.code, name: entry.name } };
  }

  private async unitRef(unitCode: string): Promise<{ code: string; name: string }> {
    const registered = await this.deps.models.UnitKerja.findById(unitCode, { name: 1 }).lean();
    if (registered) return { code: unitCode, name: registered.name };
    const cycle = await this.deps.models.Cycle.findOne({ 'units.code': unitCode }, { units: 1 })
      .sort({ year: -1 })
      .lean();
    const entry = cycle?.units.find((candidate) => candidate.code === unitCode);
    return { code: unitCode, name: entry?.name ?? unitCode };
  }

  /** A unit the instansi knows: registered, or named by a cycle. */
  private async unitKnown(unitCode: string): Promise<boolean> {
    const [registered, inCycle] = await Promise.all([
      this.deps.models.UnitKerja.exists({ _id: unitCode }),
      this.deps.models.Cycle.exists({ 'units.code': unitCode }),
    ]);
    return registered !== null || inCycle !== null;
  }

  private timed<T>(call: WorkflowCall, run: () => Promise<T>): Promise<T> {
    return this.deps.timeWorkflowCall ? this.deps.timeWorkflowCall(call, run) : run();
  }
}

function historyOf(stored: UnitPredicateDocument): PredicateHistory {
  return { current: stored.current ?? null, awards: stored.awards ?? [], revocations: stored.revocations ?? [] };
}
