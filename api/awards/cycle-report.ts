import type { AssessmentDocument } from '../../activities/models/assessment.model';
import { assessmentPhaseLabels } from '../../domain/assessment-process';
import type { CycleDocument } from '../../activities/models/cycle.model';
import { emptyTally, type CycleProgress, type ProgressTally } from '../../domain/cycle-progress';
import { cycleStatusLabels } from '../../domain/cycle';
import { stageCodes, stageLabels, type StageCode } from '../../domain/stages';
import type { Predicate } from '../../domain/lke';

const stageStatusLabels = { scheduled: 'Terjadwal', open: 'Berjalan', closed: 'Ditutup' } as const;

export interface ReportStage {
  code: StageCode;
  label: string;
  opens?: string;
  due?: string;
  status: string;
  tally: ProgressTally;
  /** Units of the report still in the stage when its window closed. */
  lateUnits: string[];
}

export interface ReportUnit {
  code: string;
  name: string;
  /** Where the unit stands in the cycle (a stage label, or Selesai / Ditarik). */
  position: string;
  tally: ProgressTally;
  assessment?: {
    phase: string;
    total?: number;
    pengungkit?: number;
    hasil?: number;
    /** The best predicate the scores earn (null: none). */
    eligible: Predicate | null;
    /** Every failed condition, WBK first, then WBBM. */
    failures: { predicate: Predicate; message: string }[];
    missingAnswers: number;
  };
  /** The predikat recorded for this cycle; undefined while none is recorded. */
  predikat?: { predicate: Predicate | null; date: string };
}

export interface CycleReportData {
  cycle: { id: string; name: string; year: number; status: string };
  /** When the report was made, as people read it. */
  generatedAt: string;
  reader: string;
  /** Whether the reader sees every unit of the cycle, or only theirs. */
  partial: boolean;
  overall: ProgressTally;
  stages: ReportStage[];
  units: ReportUnit[];
}

/**
 * The report's content, from the read model: the cycle's stages (windows, status, late units) with task progress,
 * and per unit its place in the cycle, its scores, failed conditions and predikat. Only `unitCodes` appear: the
 * caller decided which units the reader may see. Pure, so the PDF's content is tested without a server.
 */
export function buildCycleReport(input: {
  cycle: Pick<CycleDocument, '_id' | 'name' | 'year' | 'status' | 'units' | 'stages'>;
  unitCodes: readonly string[];
  progress: CycleProgress;
  assessments: readonly Pick<AssessmentDocument, 'unitCode' | 'phase' | 'result' | 'eligiblePredicate' | 'predikat'>[];
  /** Predikat recorded for this cycle per unit (the history's award), when the assessment does not hold it yet. */
  awards?: Readonly<Record<string, { predicate: Predicate; date: string }>>;
  reader: string;
  generatedAt: string;
}): CycleReportData {
  const { cycle, progress } = input;
  const included = new Set(input.unitCodes);
  const units = cycle.units.filter((unit) => included.has(unit.code));
  const stages: ReportStage[] = stageCodes.map((code) => {
    const view = cycle.stages?.[code];
    return {
      code,
      label: stageLabels[code],
      opens: view?.window.opens,
      due: view?.window.due,
      status: view ? stageStatusLabels[view.status] : '-',
      tally: progress.byStage[code] ?? emptyTally(),
      lateUnits: (view?.lateUnits ?? []).filter((unit) => included.has(unit)),
    };
  });
  const byUnit = new Map(input.assessments.map((assessment) => [assessment.unitCode, assessment]));
  return {
    cycle: { id: cycle._id, name: cycle.name, year: cycle.year, status: cycleStatusLabels[cycle.status] },
    generatedAt: input.generatedAt,
    reader: input.reader,
    partial: units.length < cycle.units.length,
    overall: progress.overall,
    stages,
    units: units.map((unit) => {
      const assessment = byUnit.get(unit.code);
      const result = assessment?.result;
      const award = input.awards?.[unit.code];
      const predikat = assessment?.predikat
        ? { predicate: assessment.predikat.predicate, date: assessment.predikat.date }
        : award;
      return {
        code: unit.code,
        name: unit.name,
        position: positionOf(unit),
        tally: progress.byUnit[unit.code] ?? emptyTally(),
        ...(assessment
          ? {
              assessment: {
                phase: assessmentPhaseLabels[assessment.phase] ?? assessment.phase,
                ...(result
                  ? { total: result.total.score, pengungkit: result.pengungkit.score, hasil: result.hasil.score }
                  : {}),
                eligible: result?.predicate ?? assessment.eligiblePredicate ?? null,
                failures: (result?.failures ?? []).map((failure) => ({
                  predicate: failure.predicate,
                  message: failure.message,
                })),
                missingAnswers: result?.missingAnswers.length ?? 0,
              },
            }
          : {}),
        ...(predikat ? { predikat } : {}),
      };
    }),
  };
}

function positionOf(unit: { status?: string; stage?: string }): string {
  if (unit.status === 'withdrawn') return 'Ditarik';
  if (unit.status === 'finished' || unit.stage === 'selesai') return 'Selesai';
  return stageLabels[unit.stage as StageCode] ?? '-';
}
