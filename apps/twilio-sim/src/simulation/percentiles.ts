export interface Percentiles {
  p50: number | null;
  p90: number | null;
  p99: number | null;
}

/** Nearest-rank percentiles (the smallest value with at least p% of the values at or below it). */
export function percentiles(values: readonly number[]): Percentiles {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (p: number) =>
    sorted.length === 0 ? null : round(sorted[Math.max(0, Math.ceil((p / 100) * sorted.length) - 1)]);
  return { p50: rank(50), p90: rank(90), p99: rank(99) };
}

function round(seconds: number): number {
  return Math.round(seconds * 100) / 100;
}
