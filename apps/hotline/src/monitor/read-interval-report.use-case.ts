import { Injectable } from '@nestjs/common';
import type { IntervalReportResponse } from '@hotline/contracts';
import { IntervalStatsStore } from '@hotline/persistence';
import { reportRowOf } from './interval-records';
import type { IntervalQuery } from './interval-query';
import { LiveMonitor } from './live-monitor';

/**
 * The interval report of a range: earlier days from the saved interval statistics, today from the
 * live figures (the same figures those statistics are saved from, complete up to this moment).
 */
@Injectable()
export class ReadIntervalReport {
  constructor(
    private readonly monitor: LiveMonitor,
    private readonly store: IntervalStatsStore,
  ) {}

  async execute(query: IntervalQuery): Promise<IntervalReportResponse> {
    const today = this.monitor.today();
    const saved =
      query.from < today.from
        ? await this.store.between(query.from, Math.min(query.to, today.from), query.queue)
        : [];
    const live = this.monitor
      .todaysIntervals({ from: query.from, to: query.to })
      .filter((record) => query.queue === undefined || record.queue === query.queue);
    return {
      from: query.from,
      to: query.to,
      timeZone: today.timeZone,
      rows: [...saved, ...live].map(reportRowOf),
    };
  }
}
