/** The nearest-rank percentile `p` (0–100) of the values; null when there are none. */
export function percentile(values: number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? null;
}

/** Rounded to `digits` decimals, as the results show them. */
export const roundTo = (value: number, digits = 1) =>
  Math.round(value * 10 ** digits) / 10 ** digits;
