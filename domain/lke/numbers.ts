/** Decimal arithmetic the way the LKE spreadsheet does it, on top of binary floating point. */

/**
 * Rounds half away from zero to `decimals` places, like the spreadsheet's ROUND. The product is first cut to 15
 * significant digits (the spreadsheet's precision) so that 1.5 × 0.67, stored as 1.00499…, still rounds to 1.01.
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  return (Math.sign(value) * Math.round(scaled)) / factor;
}

/** Removes floating-point noise (0.1 + 0.2 → 0.3) from derived figures such as required minimums and shortfalls. */
export function clean(value: number): number {
  return roundTo(value, 10);
}

export function sum(values: readonly number[]): number {
  return values.reduce((total, value) => total + value, 0);
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/**
 * A score as people read it in the LKE: two decimals ("4.50"), more only when the figure has them (2.625, the
 * WBBM minimum of a 3.5 half), so a message never shows two different figures as equal.
 */
export function formatScore(value: number): string {
  for (let decimals = 2; decimals < 6; decimals += 1) {
    if (Math.abs(roundTo(value, decimals) - value) < 1e-9) return value.toFixed(decimals);
  }
  return value.toFixed(6);
}
