/**
 * CPU time each process of the system used while a figure was measured (Linux /proc), so the report can say which
 * process the product's extra time went to. On a 2-core machine where the servers, the workers, the API and the load
 * generator all share the cores, a figure that keeps the cores busy is bound by the CPU work every process does
 * together, not by any one of them waiting.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

export interface NamedProcess {
  /** What the process is, e.g. "Temporal server"; processes of the same name are added up. */
  name: string;
  pid: number;
}

export interface CpuUse {
  wallMs: number;
  /** Cores of the machine: `wallMs × cores` is the CPU time there was to use. */
  cores: number;
  /** CPU seconds (user + system, every thread) per process name, most first. */
  byProcess: { name: string; seconds: number }[];
}

let ticksPerSecond: number | undefined;

/** The kernel's clock ticks per second (USER_HZ), in which /proc/<pid>/stat counts CPU time. */
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** CPU seconds the process has used so far (all its threads), or undefined once it is gone. */
export function cpuSecondsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): utime and stime are the 12th and 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / clockTicks();
  } catch {
    return undefined;
  }
}

/** Starts counting; `stop()` gives each process's CPU seconds since the start (processes listed at the start). */
export function startCpuMeter(processes: readonly NamedProcess[]): { stop(): CpuUse } {
  const started = performance.now();
  const before = processes.map((process) => ({ ...process, seconds: cpuSecondsOf(process.pid) }));
  return {
    stop() {
      const wallMs = performance.now() - started;
      const byName = new Map<string, number>();
      for (const { name, pid, seconds } of before) {
        const after = cpuSecondsOf(pid);
        if (seconds === undefined || after === undefined) continue;
        byName.set(name, (byName.get(name) ?? 0) + (after - seconds));
      }
      const byProcess = [...byName].map(([name, seconds]) => ({ name, seconds })).sort((a, b) => b.seconds - a.seconds);
      return { wallMs, cores: availableParallelism(), byProcess };
    },
  };
}

export const totalSeconds = (use: CpuUse) => use.byProcess.reduce((sum, process) => sum + process.seconds, 0);
export const secondsOf = (use: CpuUse, name: string) => use.byProcess.find((p) => p.name === name)?.seconds ?? 0;
