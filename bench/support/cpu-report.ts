/**
 * The report's CPU accounting (bench/support/cpu.ts): a table of CPU seconds by process, floor against product, and
 * the sentence that reads it for a figure whose goal fails.
 */
import { secondsOf, totalSeconds, type CpuUse } from './cpu';

export interface CpuRow {
  units: number;
  figure: string;
  floor: CpuUse;
  product: CpuUse;
}

/** The processes the table names; the rest (e.g. the other worker, idle while the one measured works) is "other". */
const columns = ['Temporal server', 'database', 'SMTP sink', 'API', 'bench (load and polling)'] as const;
const workerOf = { floor: 'floor worker', product: 'product worker' } as const;

const s1 = (seconds: number) => seconds.toFixed(1);
/** Share of the CPU time the machine had while measured: wall time × cores. */
export const busy = (use: CpuUse) => totalSeconds(use) / ((use.wallMs / 1000) * use.cores);
const percent = (share: number) => `${Math.round(share * 100)}%`;
const other = (use: CpuUse, worker: string) =>
  totalSeconds(use) - secondsOf(use, worker) - columns.reduce((sum, name) => sum + secondsOf(use, name), 0);

export function cpuTable(rows: CpuRow[]): string[] {
  if (rows.length === 0) return [];
  const lines = [
    '| units | figure | floor: CPU s in wall s (cores busy) | product: CPU s in wall s (cores busy) | CPU product ÷ floor | worker (floor → product) | ' +
      columns.map((name) => `${name} (floor → product)`).join(' | ') +
      ' | other |',
    `| ---: | --- | --- | --- | ---: | ---: | ${columns.map(() => '---:').join(' | ')} | ---: |`,
  ];
  for (const { units, figure, floor, product } of rows) {
    const cell = (use: CpuUse) => `${s1(totalSeconds(use))} in ${s1(use.wallMs / 1000)} (${percent(busy(use))})`;
    const arrow = (a: number, b: number) => `${s1(a)} → ${s1(b)}`;
    lines.push(
      `| ${units} | ${figure} | ${cell(floor)} | ${cell(product)} | ${(totalSeconds(product) / totalSeconds(floor)).toFixed(2)}× | ` +
        `${arrow(secondsOf(floor, workerOf.floor), secondsOf(product, workerOf.product))} | ` +
        columns.map((name) => arrow(secondsOf(floor, name), secondsOf(product, name))).join(' | ') +
        ` | ${arrow(other(floor, workerOf.floor), other(product, workerOf.product))} |`,
    );
  }
  return lines;
}

/**
 * What the CPU accounting says about a failing ratio: whether both runs kept the cores busy (then the time follows the
 * CPU work), which processes did the product's extra work, and whether the servers' share plus a worker as cheap as
 * the floor's already exceeds the goal — which no saving in the worker, the API or the SMTP sink could then undo.
 */
export function cpuReading(floor: CpuUse, product: CpuUse, goal: number): string {
  const [f, p] = [totalSeconds(floor), totalSeconds(product)];
  const saturated = busy(floor) >= 0.8 && busy(product) >= 0.8;
  const servers = secondsOf(product, 'Temporal server') + secondsOf(product, 'database');
  let text =
    `CPU time read from /proc for every process of the system while each ran: the floor used ${s1(f)} CPU s in ` +
    `${s1(floor.wallMs / 1000)} s (${percent(busy(floor))} of the ${floor.cores} cores), the product ${s1(p)} CPU s in ` +
    `${s1(product.wallMs / 1000)} s (${percent(busy(product))})` +
    (saturated
      ? `: both kept the cores busy, so the time follows the CPU work, and the product's was ${(p / f).toFixed(2)}× the floor's. `
      : '. ') +
    `Of it the product worker used ${s1(secondsOf(product, workerOf.product))} CPU s (the floor's worker ` +
    `${s1(secondsOf(floor, workerOf.floor))}), the Temporal server ${s1(secondsOf(product, 'Temporal server'))} ` +
    `(${s1(secondsOf(floor, 'Temporal server'))} for the floor), the database ${s1(secondsOf(product, 'database'))} ` +
    `(${s1(secondsOf(floor, 'database'))}), the SMTP sink ${s1(secondsOf(product, 'SMTP sink'))}, the API ` +
    `${s1(secondsOf(product, 'API'))}.`;
  // The least the product could cost with its servers' work as measured: a worker no costlier than the floor's own
  // (which runs as many workflows), an API and an SMTP sink costing nothing.
  const least = servers + secondsOf(floor, workerOf.floor);
  if (saturated && least / f > goal) {
    text +=
      ` The Temporal server and the database alone used ${s1(servers)} CPU s for the product; with a worker no ` +
      `costlier than the floor's and the API and the SMTP sink costing nothing, that is still ${s1(least)} CPU s, ` +
      `${(least / f).toFixed(2)}× the floor's: on this machine the ratio cannot reach ${goal}× without taking work ` +
      `off the servers (fewer workflows, workflow tasks, events and writes).`;
  }
  return text;
}
