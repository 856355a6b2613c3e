/**
 * A realistic read model to query: cycles of one instansi over the years, each with every unit × every template of
 * the default catalogue, statuses and due dates as a real year leaves them (older cycles almost all approved; the
 * current one approved behind "now", in progress around it, open ahead of it), overdue flags and escalation levels
 * to match. Seeded, so every run queries the same shape.
 */
import type { CycleDocument } from '../../activities/models/cycle.model';
import type { TaskDocument } from '../../activities/models/task.model';
import { defaultCatalogue } from '../../domain/catalogue';
import type { TaskStatus } from '../../domain/task';
import { taskWorkflowId } from '../../workflows/definitions';

const day = 86_400_000;
/** Roughly where each stage's work falls due in the year, in days after the cycle opens. */
const stageDueDay: Record<string, number> = {
  persiapan: 20,
  pembentukan_tim: 45,
  pelaksanaan: 110,
  monev: 150,
  penilaian: 145,
  penghargaan: 330,
};

/** mulberry32: a small, good-enough seeded generator. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T extends string>(random: () => number, weights: [T, number][]): T {
  let r = random() * weights.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weights) {
    r -= weight;
    if (r <= 0) return value;
  }
  return weights.at(-1)![0];
}

export interface CorpusCycle {
  id: string;
  year: number;
  opens: Date;
  current: boolean;
}

export interface Corpus {
  cycles: CorpusCycle[];
  units: string[];
  /** The cycle dashboards look at: this year's. */
  current: CorpusCycle;
  /** Writes `count` tasks, newest cycle first, in batches through `insert`; resolves with how many were written. */
  write(count: number, insert: (tasks: TaskDocument[]) => Promise<void>): Promise<number>;
  cycleDocuments(): CycleDocument[];
}

export function taskCorpus(options: { units: number; tag: string; now: Date; tasks: number }): Corpus {
  const { now, tag } = options;
  const units = Array.from({ length: options.units }, (_, i) => `UK${String(i + 1).padStart(3, '0')}`);
  const perCycle = units.length * defaultCatalogue.templates.length;
  const cycleCount = Math.max(1, Math.ceil(options.tasks / perCycle));
  const thisYear = now.getUTCFullYear();
  const cycles = Array.from({ length: cycleCount }, (_, k) => ({
    id: `${thisYear - k}-bq${tag}`,
    year: thisYear - k,
    opens: new Date(Date.UTC(thisYear - k, 0, 2)),
    current: k === 0,
  }));
  const random = seeded(20261201);
  const people = (unit: string, role: string, n = 0) => `${role}${n}.${unit.toLowerCase()}@pemkot.test`;

  function status(cycle: CorpusCycle, due: Date): TaskStatus {
    if (!cycle.current) {
      return pick(random, [
        ['approved', 92],
        ['cancelled', 6],
        ['open', 2],
      ]);
    }
    const fromNow = (due.getTime() - now.getTime()) / day;
    if (fromNow < -30) {
      return pick(random, [
        ['approved', 85],
        ['cancelled', 3],
        ['submitted', 4],
        ['revision_requested', 2],
        ['claimed', 3],
        ['open', 3],
      ]);
    }
    if (fromNow < 30) {
      return pick(random, [
        ['approved', 35],
        ['submitted', 20],
        ['claimed', 20],
        ['revision_requested', 5],
        ['open', 20],
      ]);
    }
    return pick(random, [
      ['open', 75],
      ['claimed', 15],
      ['submitted', 5],
      ['approved', 5],
    ]);
  }

  function task(cycle: CorpusCycle, unit: string, index: number): TaskDocument {
    const template = defaultCatalogue.templates[index]!;
    const due = new Date(
      cycle.opens.getTime() + (stageDueDay[template.stage]! + Math.floor(random() * 25)) * day + 9 * 3_600_000,
    );
    const state = status(cycle, due);
    const assignees =
      template.assigneeRole === 'pimpinan'
        ? [people(unit, 'kepala')]
        : template.assigneeRole === 'ketua_tim'
          ? [people(unit, 'ketua')]
          : template.assigneeRole === 'anggota_tim'
            ? [people(unit, 'anggota', Math.floor(random() * 5))]
            : [];
    const terminal = state === 'approved' || state === 'cancelled';
    const overdue = !terminal && due < now;
    const daysLate = Math.max(0, (now.getTime() - due.getTime()) / day);
    const worked = state !== 'open' && state !== 'cancelled';
    const evidence =
      state === 'submitted' || state === 'approved'
        ? template.evidence.documents.map((document, n) => ({ document, ref: `https://drive.pemkot.test/${n}` }))
        : [];
    const updatedAt = new Date(Math.min(due.getTime(), now.getTime()));
    return {
      _id: taskWorkflowId(cycle.id, unit, template.key),
      cycleId: cycle.id,
      unitCode: unit,
      templateKey: template.key,
      title: template.title,
      stage: template.stage,
      ...(template.area ? { area: template.area } : {}),
      status: state,
      assigneeRole: template.assigneeRole,
      reviewerRole: template.reviewerRole,
      assignees,
      ...(worked ? { claimedBy: assignees[0] ?? people(unit, 'ketua') } : {}),
      due,
      evidence,
      escalationLevel: overdue ? Math.min(3, Math.floor(daysLate / 5) + 1) : 0,
      overdue,
      seq: { open: 1, claimed: 2, submitted: 3, revision_requested: 4, approved: 4, cancelled: 2 }[state],
      createdAt: cycle.opens,
      updatedAt,
    };
  }

  return {
    cycles,
    units,
    current: cycles[0]!,
    async write(count, insert) {
      const batchSize = 5_000;
      let batch: TaskDocument[] = [];
      let written = 0;
      for (const cycle of cycles) {
        for (const unit of units) {
          for (let index = 0; index < defaultCatalogue.templates.length; index++) {
            if (written + batch.length >= count) break;
            batch.push(task(cycle, unit, index));
            if (batch.length === batchSize) {
              await insert(batch);
              written += batch.length;
              batch = [];
            }
          }
        }
      }
      if (batch.length > 0) await insert(batch);
      return written + batch.length;
    },
    cycleDocuments() {
      return cycles.map((cycle) => ({
        _id: cycle.id,
        name: `Pembangunan ZI ${cycle.year}`,
        year: cycle.year,
        units: units.map((code) => ({
          code,
          name: `Unit Kerja ${code}`,
          head: { name: `Kepala ${code}`, email: people(code, 'kepala') },
          status: 'active' as const,
          stage: cycle.current ? 'pelaksanaan' : 'penghargaan',
        })),
        launchedBy: { name: 'Bagian Organisasi', email: 'organisasi@pemkot.test' },
        status: cycle.current ? ('launched' as const) : ('completed' as const),
        catalogueVersion: defaultCatalogue.version,
        zone: 'WIB',
        seq: 1,
        createdAt: cycle.opens,
        updatedAt: now,
      }));
    },
  };
}
