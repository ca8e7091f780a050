/**
 * Reporting intervals are quarter hours counted from the Unix epoch. Every time zone in use is a
 * whole number of quarter hours from UTC, so local days and hours are made of whole intervals and
 * callers pass their local boundaries as epoch milliseconds.
 */
export const QUARTER_HOUR_MS = 15 * 60 * 1000;

export interface TimeRange {
  /** Inclusive, ms since the epoch, on a quarter hour. */
  from: number;
  /** Exclusive, ms since the epoch, on a quarter hour. */
  to: number;
}

export function quarterHourOf(at: number): number {
  return at - (((at % QUARTER_HOUR_MS) + QUARTER_HOUR_MS) % QUARTER_HOUR_MS);
}

export function assertQuarterHourRange(range: TimeRange): void {
  if (
    quarterHourOf(range.from) !== range.from ||
    quarterHourOf(range.to) !== range.to ||
    range.to < range.from
  ) {
    throw new RangeError(`range ${range.from}..${range.to} must run forward between quarter hours`);
  }
}

/** The quarter hours of a range, each as a range of its own. */
export function quarterHoursIn(range: TimeRange): TimeRange[] {
  assertQuarterHourRange(range);
  const intervals: TimeRange[] = [];
  for (let from = range.from; from < range.to; from += QUARTER_HOUR_MS) {
    intervals.push({ from, to: from + QUARTER_HOUR_MS });
  }
  return intervals;
}

export function overlapMs(range: TimeRange, from: number, to: number): number {
  return Math.max(0, Math.min(range.to, to) - Math.max(range.from, from));
}
