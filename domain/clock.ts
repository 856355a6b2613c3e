/**
 * Time as the lifecycle sees it. Normally that is real time; a cycle may run on a compressed clock (demos,
 * rehearsals, tests) where `speedup` domain seconds pass per real second from `origin` on. Pure: the caller passes
 * real time in (a workflow's deterministic Date.now()).
 */
export interface ClockCompression {
  /** ISO instant the compressed clock shows when the workflow starts. */
  origin: string;
  /** Domain milliseconds per real millisecond, ≥ 1. */
  speedup: number;
}

export interface LifecycleClock {
  now(realNowMs: number): Date;
  /** Real milliseconds to wait until the clock shows `target` (0 when it already has). */
  delayUntil(target: Date, realNowMs: number): number;
}

export function createLifecycleClock(startedAtMs: number, compression?: ClockCompression): LifecycleClock {
  if (!compression) {
    return { now: (real) => new Date(real), delayUntil: (target, real) => Math.max(0, target.getTime() - real) };
  }
  const origin = Date.parse(compression.origin);
  if (Number.isNaN(origin)) throw new RangeError(`Invalid clock origin: ${compression.origin}`);
  if (!(compression.speedup >= 1)) throw new RangeError(`Clock speedup must be at least 1: ${compression.speedup}`);
  const now = (real: number) => new Date(origin + (real - startedAtMs) * compression.speedup);
  return {
    now,
    delayUntil: (target, real) =>
      Math.max(0, Math.ceil((target.getTime() - now(real).getTime()) / compression.speedup)),
  };
}
