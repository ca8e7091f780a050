import type { BusinessHours, ClosedReason, MinuteRange } from './ivr-config.model';
import type { LocalTime } from './local-time.port';

export type OpeningStatus = { open: true } | { open: false; reason: ClosedReason; holiday?: string };

/** Whether the hotline is open at a local time: a holiday's hours replace the weekday's. */
export function openingStatus(hours: BusinessHours, local: LocalTime): OpeningStatus {
  const minute = local.hh * 60 + local.mm;
  const holiday = hours.holidays.find((h) => h.date === local.isoDate);
  if (holiday) {
    return within(holiday.open, minute)
      ? { open: true }
      : { open: false, reason: 'holiday', ...(holiday.name === undefined ? {} : { holiday: holiday.name }) };
  }
  return within(hours.weekly[local.weekday], minute) ? { open: true } : { open: false, reason: 'closed' };
}

function within(ranges: readonly MinuteRange[], minute: number): boolean {
  return ranges.some((r) => minute >= r.from && minute < r.to);
}
