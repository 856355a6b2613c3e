/**
 * Penghargaan: a unit's predicate history (awards and revocations), the 2-year bar on a new proposal after a
 * revocation, the pemantauan (TPI monitoring) periods of an awarded unit, and the recommendations a unit without a
 * predikat carries into the next cycle. Pure: the API, the activities, the penilaian side and the workflows share it.
 */
import type { AreaCode } from './areas';
import { addCalendarDays, formatTanggal, isIsoDate, type IsoDate, type WorkingCalendar } from './calendar';
import type { TaskTemplate } from './catalogue';
import { defaultLkeTemplate } from './lke/default';
import { addYears, daysBetween } from './lke/dates';
import type { AssessmentResult, ConditionFailure } from './lke/assessment-types';
import type { Predicate } from './lke/types';

export interface AwardEntry {
  predicate: Predicate;
  cycleId: string;
  /** The day the predikat was set (KemenPAN-RB's decision), `YYYY-MM-DD`. */
  date: IsoDate;
}

export interface RevocationEntry {
  /** The predicate taken away. */
  predicate: Predicate;
  date: IsoDate;
  reason: string;
  /** Who recorded it (person id). */
  by: string;
}

/** What the `unit_predicates` read model holds for one unit; `null` stands for a unit never awarded. */
export interface PredicateHistory {
  current: Predicate | null;
  awards: readonly AwardEntry[];
  revocations: readonly RevocationEntry[];
}

export const emptyHistory: PredicateHistory = { current: null, awards: [], revocations: [] };

export const predicateNames: Readonly<Record<Predicate, string>> = {
  WBK: 'Wilayah Bebas dari Korupsi',
  WBBM: 'Wilayah Birokrasi Bersih dan Melayani',
};

/** WBBM implies WBK. */
const rank = (predicate: Predicate | null): number => (predicate === 'WBBM' ? 2 : predicate === 'WBK' ? 1 : 0);

/** The years a revoked unit waits before it may be proposed again (the default template's rule, confirmed: 2). */
export const defaultRevocationBarYears = defaultLkeTemplate.eligibility.revocationBarYears;

/** The latest revocation's day, if the unit was ever revoked. */
export function lastRevocation(history: Pick<PredicateHistory, 'revocations'> | null): IsoDate | undefined {
  const days = (history?.revocations ?? []).map((revocation) => revocation.date).sort();
  return days[days.length - 1];
}

/**
 * What the penilaian needs from the history to judge eligibility (`scoreAssessment`'s `priorPredicate` and
 * `revokedAt`, applied by domain/lke/eligibility.ts): the predicate held now and the last revocation.
 */
export function eligibilityContextOf(history: Pick<PredicateHistory, 'current' | 'revocations'> | null): {
  priorPredicate: Predicate | null;
  revokedAt: IsoDate | undefined;
} {
  return { priorPredicate: history?.current ?? null, revokedAt: lastRevocation(history) };
}

export interface ProposalBar {
  revokedAt: IsoDate | null;
  /** The first day the unit may be proposed again (the revocation's anniversary), or null when never revoked. */
  proposableFrom: IsoDate | null;
  /** Whether a proposal on `onDate` is barred. */
  barred: boolean;
  /** Days from `onDate` until the bar lifts (0 when not barred). */
  daysLeft: number;
}

/** The same bar domain/lke/eligibility.ts applies to a score: the anniversary itself is allowed. */
export function proposalBar(
  history: Pick<PredicateHistory, 'revocations'> | null,
  onDate: IsoDate,
  years: number = defaultRevocationBarYears,
): ProposalBar {
  const revokedAt = lastRevocation(history);
  if (revokedAt === undefined) return { revokedAt: null, proposableFrom: null, barred: false, daysLeft: 0 };
  const proposableFrom = years === 0 ? revokedAt : addYears(revokedAt, years);
  const barred = onDate < proposableFrom;
  return { revokedAt, proposableFrom, barred, daysLeft: barred ? daysBetween(onDate, proposableFrom) : 0 };
}

export type HistoryDecision =
  | { ok: true; history: PredicateHistory; changed: boolean }
  | { ok: false; kind: 'conflict' | 'refused'; reason: string };

/**
 * Records the predikat of one cycle. Idempotent: the same award again changes nothing. A different predikat for a
 * cycle already recorded is a conflict (corrections are not silently applied), and no unit is awarded while the bar
 * of a revocation holds. `null` (no predikat) changes no history: the unit keeps what it held.
 */
export function applyAward(
  history: PredicateHistory | null,
  award: { predicate: Predicate | null; cycleId: string; date: IsoDate },
  barYears: number = defaultRevocationBarYears,
): HistoryDecision {
  const current = history ?? emptyHistory;
  const recorded = current.awards.find((entry) => entry.cycleId === award.cycleId);
  if (recorded) {
    if (recorded.predicate === award.predicate && recorded.date === award.date) {
      return { ok: true, history: current, changed: false };
    }
    return {
      ok: false,
      kind: 'conflict',
      reason: `Predikat unit pada siklus ${award.cycleId} sudah dicatat: ${recorded.predicate} per ${recorded.date}`,
    };
  }
  if (award.predicate === null) return { ok: true, history: current, changed: false };
  const bar = proposalBar(current, award.date, barYears);
  if (bar.barred) {
    return {
      ok: false,
      kind: 'refused',
      reason:
        `Predikat unit dicabut pada ${bar.revokedAt}; unit baru dapat diusulkan kembali mulai ` +
        `${bar.proposableFrom}, sehingga predikat per ${award.date} tidak dapat dicatat`,
    };
  }
  const entry: AwardEntry = { predicate: award.predicate, cycleId: award.cycleId, date: award.date };
  const awards = [...current.awards, entry].sort((a, b) => a.date.localeCompare(b.date));
  // A later award replaces a lower predicate; WBBM is not lowered by a WBK of another cycle. (An award dated before
  // a revocation never gets here: the bar refuses it.)
  const next = rank(award.predicate) >= rank(current.current) ? award.predicate : current.current;
  return { ok: true, history: { ...current, current: next, awards }, changed: true };
}

export type RevocationDecision =
  | { ok: true; history: PredicateHistory; revoked: Predicate; changed: boolean }
  | { ok: false; kind: 'conflict' | 'refused'; reason: string };

/**
 * Takes the unit's predicate away. Repeating the same revocation (same day and reason) changes nothing; revoking a
 * unit that holds no predicate is a conflict, and a revocation dated before the last award is refused.
 */
export function applyRevocation(
  history: PredicateHistory | null,
  revocation: { date: IsoDate; reason: string; by: string },
): RevocationDecision {
  const current = history ?? emptyHistory;
  if (current.current === null) {
    const last = current.revocations[current.revocations.length - 1];
    if (last && last.date === revocation.date && last.reason === revocation.reason) {
      return { ok: true, history: current, revoked: last.predicate, changed: false };
    }
    return { ok: false, kind: 'conflict', reason: 'Unit tidak sedang memegang predikat WBK atau WBBM' };
  }
  const lastAward = current.awards[current.awards.length - 1];
  if (lastAward && revocation.date < lastAward.date) {
    return {
      ok: false,
      kind: 'refused',
      reason: `Tanggal pencabutan ${revocation.date} mendahului penetapan predikat ${lastAward.predicate} pada ${lastAward.date}`,
    };
  }
  const entry: RevocationEntry = { predicate: current.current, ...revocation };
  return {
    ok: true,
    history: { ...current, current: null, revocations: [...current.revocations, entry] },
    revoked: current.current,
    changed: true,
  };
}

// ---- Recommendations carried into the next cycle ----

export type RecommendationSource = 'syarat' | 'tpi' | 'tpn';

export interface RecommendationItem {
  source: RecommendationSource;
  /** Stable within a unit: the failed condition's code, `<layer>:<questionId>`, or `tpn:<stage>`. */
  code: string;
  /** What to act on, in Bahasa Indonesia. */
  text: string;
  questionId?: string;
  /** The TPI layer that wrote the note. */
  layer?: string;
  /** For failed conditions: the predicate they bar. */
  predicate?: Predicate;
  /** The area of change it belongs to, where it belongs to one (see `areaOfRecommendation`). */
  area?: AreaCode;
}

/** The parts of an assessment that hold recommendations (a subset of the `assessments` read model). */
export interface AssessmentFindings {
  result?: Pick<AssessmentResult, 'failures'>;
  /** Layer codes in order; `unit` (the unit's own answers) carries no recommendation. */
  layers: readonly string[];
  answers: Readonly<Record<string, Readonly<Record<string, { note?: string } | undefined>>>>;
  tpn?: Partial<Record<TpnStage, { result: string; note?: string } | undefined>>;
  predikat?: { predicate: Predicate | null } | null;
}

export const tpnStages = ['pra_evaluasi', 'desk', 'lapangan'] as const;
export type TpnStage = (typeof tpnStages)[number];
export const tpnStageLabels: Readonly<Record<TpnStage, string>> = {
  pra_evaluasi: 'Pra-evaluasi TPN',
  desk: 'Desk evaluasi TPN',
  lapangan: 'Evaluasi lapangan TPN',
};

/** Only a unit whose assessment ended without a predikat carries recommendations forward. */
export function carriesRecommendations(assessment: Pick<AssessmentFindings, 'predikat'>): boolean {
  return !assessment.predikat?.predicate;
}

/** The predicate a unit works towards next: WBK, or WBBM once it holds WBK. */
export function targetPredicate(priorPredicate: Predicate | null): Predicate {
  return priorPredicate === null ? 'WBK' : 'WBBM';
}

/**
 * The open recommendations of one unit: every condition of its target predicate that failed (with its shortfall),
 * every note a TPI layer wrote on a question (in layer order, then `questionOrder`), and the TPN's notes.
 */
export function recommendationsFor(
  assessment: AssessmentFindings,
  options: {
    priorPredicate: Predicate | null;
    questionOrder?: readonly string[];
    questionText?: (id: string) => string | undefined;
  },
): RecommendationItem[] {
  const target = targetPredicate(options.priorPredicate);
  const items: RecommendationItem[] = (assessment.result?.failures ?? [])
    .filter((failure: ConditionFailure) => failure.predicate === target)
    .map((failure) => ({ source: 'syarat', code: failure.code, text: failure.message, predicate: failure.predicate }));

  const order = new Map((options.questionOrder ?? []).map((id, index) => [id, index]));
  const position = (id: string) => order.get(id) ?? Number.MAX_SAFE_INTEGER;
  const seen = new Set<string>();
  for (const layer of assessment.layers.filter((code) => code !== 'unit')) {
    const notes = Object.entries(assessment.answers[layer] ?? {})
      .map(([questionId, answer]) => ({ questionId, note: answer?.note?.trim() ?? '' }))
      .filter(({ note }) => note.length > 0)
      .sort((a, b) => position(a.questionId) - position(b.questionId) || a.questionId.localeCompare(b.questionId));
    for (const { questionId, note } of notes) {
      // The same note copied up the layers is one recommendation.
      if (seen.has(`${questionId}\u0000${note}`)) continue;
      seen.add(`${questionId}\u0000${note}`);
      const question = options.questionText?.(questionId);
      items.push({
        source: 'tpi',
        code: `${layer}:${questionId}`,
        text: question ? `${question}: ${note}` : note,
        questionId,
        layer,
      });
    }
  }
  for (const stage of tpnStages) {
    const note = assessment.tpn?.[stage]?.note?.trim();
    if (note) items.push({ source: 'tpn', code: `tpn:${stage}`, text: `${tpnStageLabels[stage]}: ${note}` });
  }
  return items;
}

// ---- Pemantauan: periodic TPI monitoring of an awarded unit ----

export interface PemantauanPlan {
  /** Months between monitoring rounds. @default 3 */
  everyMonths: number;
  /** How many rounds. @default 4 (a year of quarterly rounds) */
  periods: number;
}

export const defaultPemantauanPlan: PemantauanPlan = { everyMonths: 3, periods: 4 };

export function validatePemantauanPlan(plan: PemantauanPlan): { path: string; message: string }[] {
  const issues: { path: string; message: string }[] = [];
  if (!Number.isInteger(plan.everyMonths) || plan.everyMonths < 1 || plan.everyMonths > 12) {
    issues.push({ path: 'everyMonths', message: 'harus bilangan bulat 1 sampai 12' });
  }
  if (!Number.isInteger(plan.periods) || plan.periods < 1 || plan.periods > 24) {
    issues.push({ path: 'periods', message: 'harus bilangan bulat 1 sampai 24' });
  }
  return issues;
}

export interface PemantauanPeriod {
  /** 1-based. */
  index: number;
  /** `pemantauan_<index>`: the monitoring task's template key. */
  key: string;
  label: string;
  /** First day of the period. */
  opens: IsoDate;
  /** Last day of the period (the day before the next one opens). */
  ends: IsoDate;
}

/** The same day `months` later; a day the target month lacks lands on its last day (31 Jan + 1 → 28/29 Feb). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`not a calendar day (YYYY-MM-DD): ${JSON.stringify(date)}`);
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = Math.min(Number(date.slice(8, 10)), lastDay);
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Rounds of monitoring from the award day on: the k-th covers [award + (k−1)·N months, award + k·N months). */
export function pemantauanPeriods(
  awardedOn: IsoDate,
  plan: PemantauanPlan = defaultPemantauanPlan,
): PemantauanPeriod[] {
  return Array.from({ length: plan.periods }, (_, offset) => {
    const index = offset + 1;
    const opens = addMonths(awardedOn, offset * plan.everyMonths);
    const ends = addCalendarDays(addMonths(awardedOn, index * plan.everyMonths), -1);
    return {
      index,
      key: `pemantauan_${index}`,
      label: `Pemantauan ke-${index}: ${formatTanggal(opens)} – ${formatTanggal(ends)}`,
      opens,
      ends,
    };
  });
}

/** A round is due at the end of office hours on the last working day of its period. */
export function pemantauanDue(period: Pick<PemantauanPeriod, 'ends'>, calendar: WorkingCalendar): Date {
  const lastDay = calendar.isWorkingDay(period.ends) ? period.ends : calendar.addWorkingDays(period.ends, -1);
  return calendar.atLocalTime(lastDay, '16:00');
}

/** The monitoring task of one round: TPI (penilai of the unit) reports, Bagian Organisasi reviews. */
export function pemantauanTaskTemplate(period: PemantauanPeriod, predicate: Predicate): TaskTemplate {
  return {
    key: period.key,
    title: `Pemantauan unit berpredikat ${predicate} — ${period.label}`,
    description:
      `Memantau unit berpredikat ${predicate} (${predicateNames[predicate]}) selama periode ini: menjaga ` +
      'pemenuhan komponen pengungkit, tindak lanjut pengaduan dan temuan, serta mendeteksi sejak dini ' +
      'pelanggaran yang dapat berujung pada pencabutan predikat.',
    stage: 'penghargaan',
    area: 'penguatan_pengawasan',
    assigneeRole: 'penilai',
    reviewerRole: 'admin_organisasi',
    evidence: { required: true, documents: [pemantauanReportDocument] },
    required: false,
    // The round's own due instant is passed with it; the rule only documents the intent.
    due: { kind: 'at_stage_due' },
  };
}

export const pemantauanReportDocument = 'Laporan hasil pemantauan TPI';
