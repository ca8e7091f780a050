import { QUARTER_HOUR_MS } from '@hotline/metrics';
import { DomainError } from '../shared/domain-error';

const MAX_DAYS = 366;
const DAY_MS = 24 * 60 * 60 * 1000;

function instant(name: string, raw: string | undefined): number {
  if (raw === undefined || raw === '') throw badRange(`${name} is required`);
  const at = /^\d+$/.test(raw) ? Number(raw) : Date.parse(raw);
  if (!Number.isFinite(at)) throw badRange(`${name} must be ISO 8601 or ms since the epoch (got "${raw}")`);
  return at;
}

function badRange(problem: string): DomainError {
  return new DomainError('REPORT.BAD_RANGE', problem, 400);
}

/**
 * A report period from the query: `from` inclusive, `to` exclusive, on quarter hours (the
 * reporting intervals of libs/metrics), at most a year long.
 */
export function reportRange(query: { from?: string; to?: string }): { from: number; to: number } {
  const from = instant('from', query.from);
  const to = instant('to', query.to);
  if (to <= from) throw badRange('to must be after from');
  if (to - from > MAX_DAYS * DAY_MS) throw badRange(`a report covers at most ${MAX_DAYS} days`);
  if (from % QUARTER_HOUR_MS !== 0 || to % QUARTER_HOUR_MS !== 0) {
    throw badRange('from and to must be on a quarter hour (…:00, :15, :30 or :45)');
  }
  return { from, to };
}
