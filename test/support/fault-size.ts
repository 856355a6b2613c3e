/**
 * How big the fault tests run: `small` under `npm test` (the whole fault project in a few minutes on a 2-core
 * machine), `large` through `npm run faults` (FAULTS_SIZE=large), at the figures the issue names.
 */
export type FaultSize = 'small' | 'large';

export function faultSize(env: NodeJS.ProcessEnv = process.env): FaultSize {
  const value = env.FAULTS_SIZE ?? 'small';
  if (value === 'small' || value === 'large') return value;
  throw new Error(`FAULTS_SIZE must be "small" or "large", not "${value}"`);
}

/** The value for the size this run uses. */
export const bySize = <T>(choices: Record<FaultSize, T>): T => choices[faultSize()];
