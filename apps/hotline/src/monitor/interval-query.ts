import { QUARTER_HOUR_MS, quarterHourOf } from '@hotline/metrics';
import { DomainError } from '../shared/domain-error';
import { localDayOf, localMidnight } from './local-day';

export type ReportFormat = 'json' | 'csv';

export interface IntervalQuery {
  /** Inclusive, on a quarter hour. */
  from: number;
  /** Exclusive, on a quarter hour. */
  to: number;
  queue?: string;
  format: ReportFormat;
}

export interface IntervalQueryContext {
  timeZone: string;
  queues: ReadonlySet<string>;
  now: number;
}

const PARAMETERS = ['from', 'to', 'queue', 'format'];
const MAX_DAYS = 31;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

function badQuery(parameter: string, message: string): DomainError {
  return new DomainError('REPORTS.BAD_QUERY', `${parameter}: ${message}`, 400, { parameter });
}

function isRealDate(isoDate: string): boolean {
  const parsed = Date.parse(`${isoDate}T00:00:00Z`);
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === isoDate;
}

/** A date means its local midnight in the contact center's zone; a date-time must carry its offset. */
function instantOf(parameter: string, value: unknown, timeZone: string): number {
  if (typeof value !== 'string') throw badQuery(parameter, 'give it once');
  if (DATE.test(value) && isRealDate(value)) return localMidnight(value, timeZone);
  const parsed = DATE_TIME.test(value) && isRealDate(value.slice(0, 10)) ? Date.parse(value) : NaN;
  if (Number.isNaN(parsed)) {
    throw badQuery(
      parameter,
      `must be a date (2026-11-22) or a date-time with offset (2026-11-22T08:00:00+08:00), not "${value}"`,
    );
  }
  return parsed;
}

/**
 * Checks the query of `GET /api/reports/intervals`. The range defaults to today; it is widened to
 * whole quarter hours (from rounded down, to rounded up) and may span at most 31 days.
 */
export function parseIntervalQuery(
  query: Record<string, unknown>,
  context: IntervalQueryContext,
): IntervalQuery {
  for (const name of Object.keys(query)) {
    if (!PARAMETERS.includes(name))
      throw badQuery(name, `is not a parameter (expected ${PARAMETERS.join(', ')})`);
  }
  const today = localDayOf(context.now, context.timeZone);
  const from = quarterHourOf(
    query.from === undefined ? today.from : instantOf('from', query.from, context.timeZone),
  );
  const end = query.to === undefined ? today.to : instantOf('to', query.to, context.timeZone);
  const to = quarterHourOf(end) === end ? end : quarterHourOf(end) + QUARTER_HOUR_MS;
  if (to <= from) throw badQuery('to', 'must be after from');
  if (to - from > MAX_DAYS * 24 * 3600_000)
    throw badQuery('to', `the range may span at most ${MAX_DAYS} days`);
  const format = query.format ?? 'json';
  if (format !== 'json' && format !== 'csv') throw badQuery('format', 'must be json or csv');
  if (query.queue !== undefined && (typeof query.queue !== 'string' || !context.queues.has(query.queue))) {
    throw badQuery('queue', `must be one of ${[...context.queues].join(', ')}`);
  }
  return { from, to, format, ...(query.queue === undefined ? {} : { queue: query.queue as string }) };
}
