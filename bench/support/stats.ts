/** Latency samples and what the report says about them. */
export interface Percentiles {
  n: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentiles (no interpolation: every figure is a latency that was really observed). */
export function percentiles(samples: readonly number[]): Percentiles {
  if (samples.length === 0) throw new Error('no samples');
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
  return {
    n: sorted.length,
    p50: at(50),
    p95: at(95),
    p99: at(99),
    max: sorted.at(-1)!,
    mean: sorted.reduce((sum, x) => sum + x, 0) / sorted.length,
  };
}

export const ratio = (value: number, floor: number): number => (floor > 0 ? value / floor : Number.POSITIVE_INFINITY);

export const ms = (value: number): string => (value >= 100 ? value.toFixed(0) : value.toFixed(1));
export const sec = (valueMs: number): string => (valueMs / 1000).toFixed(1);
export const times = (value: number): string => `${value.toFixed(2)}×`;
export const mib = (bytes: number): string => (bytes / 1024 / 1024).toFixed(0);
