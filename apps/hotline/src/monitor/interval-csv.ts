import type { IntervalReportRow } from '@hotline/contracts';
import { localIso } from './local-day';

const HEADER = [
  'interval_start',
  'interval_end',
  'queue',
  'tier',
  'offered',
  'answered',
  'abandoned',
  'short_abandoned',
  'routed_elsewhere',
  'callbacks',
  'handled',
  'service_level',
  'service_level_formula',
  'service_level_threshold_seconds',
  'asa_seconds',
  'aht_seconds',
  'abandon_rate',
];

function decimal(value: number | null, places: number): string {
  return value === null ? '' : String(Number(value.toFixed(places)));
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/**
 * The interval report as CSV: times in the contact center's zone with their offset, the queue's
 * own row with an empty tier, ratios as fractions (4 places) and seconds to the millisecond.
 */
export function intervalCsv(rows: readonly IntervalReportRow[], timeZone: string): string {
  const lines = rows.map((row) =>
    [
      localIso(row.intervalStart, timeZone),
      localIso(row.intervalEnd, timeZone),
      row.queue,
      row.tier ?? '',
      row.offered,
      row.answered,
      row.abandoned,
      row.shortAbandoned,
      row.routedElsewhere,
      row.callbacks,
      row.handled,
      decimal(row.serviceLevel, 4),
      row.serviceLevelFormula,
      row.serviceLevelThresholdSeconds,
      decimal(row.asaSeconds, 3),
      decimal(row.ahtSeconds, 3),
      decimal(row.abandonRate, 4),
    ]
      .map((value) => field(String(value)))
      .join(','),
  );
  return [HEADER.join(','), ...lines].join('\r\n') + '\r\n';
}
