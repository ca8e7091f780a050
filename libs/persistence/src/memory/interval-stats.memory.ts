import { IntervalStatRecord, IntervalStatsStore } from '../ports/interval-stats.port';

function keyOf(record: IntervalStatRecord): string {
  return JSON.stringify([record.intervalStart, record.queue, record.tier]);
}

/** Queue first, then its tiers by name. */
function inReportOrder(a: IntervalStatRecord, b: IntervalStatRecord): number {
  return (
    a.intervalStart - b.intervalStart ||
    a.queue.localeCompare(b.queue) ||
    (a.tier ?? '').localeCompare(b.tier ?? '')
  );
}

export class InMemoryIntervalStatsStore extends IntervalStatsStore {
  private readonly records = new Map<string, IntervalStatRecord>();

  async save(records: readonly IntervalStatRecord[]): Promise<void> {
    for (const record of records) this.records.set(keyOf(record), { ...record });
  }

  async between(from: number, to: number, queue?: string): Promise<IntervalStatRecord[]> {
    return [...this.records.values()]
      .filter(
        (record) =>
          record.intervalStart >= from &&
          record.intervalStart < to &&
          (queue === undefined || record.queue === queue),
      )
      .sort(inReportOrder)
      .map((record) => ({ ...record }));
  }
}
