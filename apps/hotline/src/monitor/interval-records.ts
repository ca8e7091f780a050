import type { FlowCounts, IntervalReportRow } from '@hotline/contracts';
import { QUARTER_HOUR_MS, serviceLevel, type FlowFigures, type PeriodFigures } from '@hotline/metrics';
import type { IntervalStatRecord } from '@hotline/persistence';

/** Every count a FlowCounts holds: a count added to the type does not compile until it is named here. */
const COUNTS: Record<keyof FlowCounts, true> = {
  offered: true,
  answered: true,
  answeredWithinThreshold: true,
  abandoned: true,
  abandonedWithinThreshold: true,
  shortAbandoned: true,
  routedElsewhere: true,
  callbacks: true,
  handled: true,
};
const COUNT_NAMES = Object.keys(COUNTS) as (keyof FlowCounts)[];

/** Just the counts, whatever else the figures or record carry. */
function flowCountsOf(flow: FlowCounts): FlowCounts {
  const counts = Object.fromEntries(COUNT_NAMES.map((name) => [name, flow[name]]));
  return counts as Record<keyof FlowCounts, number>;
}

function hasTraffic(flow: FlowFigures): boolean {
  return (
    flow.offered + flow.answered + flow.abandoned + flow.routedElsewhere + flow.callbacks + flow.handled > 0
  );
}

/** Sums back from averages: exact, since the averages were sums of whole milliseconds divided. */
function recordOf(
  intervalStart: number,
  queue: string,
  tier: string | null,
  flow: FlowFigures,
): IntervalStatRecord {
  return {
    intervalStart,
    queue,
    tier,
    ...flowCountsOf(flow),
    answeredWaitMs: Math.round((flow.asaSeconds ?? 0) * flow.answered * 1000),
    handleMs: Math.round((flow.ahtSeconds ?? 0) * flow.handled * 1000),
    serviceLevelFormula: flow.serviceLevel.formula,
    serviceLevelThresholdSeconds: flow.serviceLevel.thresholdSeconds ?? 0,
  };
}

/** The records of one quarter hour's figures: each queue, and each tier within it, that saw traffic. */
export function intervalRecordsOf(interval: PeriodFigures): IntervalStatRecord[] {
  return Object.entries(interval.queues).flatMap(([queue, flow]) => [
    ...(hasTraffic(flow) ? [recordOf(interval.from, queue, null, flow)] : []),
    ...Object.entries(flow.tiers)
      .filter(([, tierFlow]) => hasTraffic(tierFlow))
      .map(([tier, tierFlow]) => recordOf(interval.from, queue, tier, tierFlow)),
  ]);
}

function average(sumMs: number, count: number): number | null {
  return count === 0 ? null : sumMs / count / 1000;
}

export function reportRowOf(record: IntervalStatRecord): IntervalReportRow {
  return {
    intervalStart: record.intervalStart,
    intervalEnd: record.intervalStart + QUARTER_HOUR_MS,
    queue: record.queue,
    tier: record.tier,
    ...flowCountsOf(record),
    serviceLevel: serviceLevel(record.serviceLevelFormula, record),
    serviceLevelFormula: record.serviceLevelFormula,
    serviceLevelThresholdSeconds: record.serviceLevelThresholdSeconds,
    asaSeconds: average(record.answeredWaitMs, record.answered),
    ahtSeconds: average(record.handleMs, record.handled),
    abandonRate: record.offered === 0 ? null : record.abandoned / record.offered,
  };
}
