import type { FlowCounts } from '@hotline/contracts';
/**
 * What went through one queue (or one tier of it, when `tier` is set) during one quarter hour:
 * the counts the interval report derives its figures from. Counts and sums, not averages, so that
 * intervals add up exactly into longer periods.
 */
export interface IntervalStatRecord extends FlowCounts {
  /** Start of the quarter hour, ms since the epoch. */
  intervalStart: number;
  queue: string;
  /** Null for the queue as a whole. */
  tier: string | null;
  /** Σ wait of answered calls, ms. */
  answeredWaitMs: number;
  /** Σ talk + hold + wrap-up of handled calls, ms. */
  handleMs: number;
  /** The queue's service-level rule when the interval was recorded. */
  serviceLevelFormula: 'F1' | 'F2' | 'F3' | 'F4';
  serviceLevelThresholdSeconds: number;
}

/** Interval statistics kept so that reports outlive the process. */
export abstract class IntervalStatsStore {
  /** Writes the records, replacing any record of the same interval, queue and tier. */
  abstract save(records: readonly IntervalStatRecord[]): Promise<void>;

  /**
   * Records of intervals starting in [from, to), of one queue or of all, ordered by interval,
   * queue, then tier (the queue's own record first).
   */
  abstract between(from: number, to: number, queue?: string): Promise<IntervalStatRecord[]>;
}
