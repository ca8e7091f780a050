import type { MonitorDay } from '@hotline/contracts';
import { intlLocalTime } from '../shared/local-time';

const MINUTE_MS = 60_000;
const DAY_MS = 24 * 60 * MINUTE_MS;

/** How far the zone's wall clock is ahead of UTC at `at`, in ms. */
function offsetMs(at: number, timeZone: string): number {
  const local = intlLocalTime(at, timeZone);
  const wall = Date.parse(
    `${local.isoDate}T${String(local.hh).padStart(2, '0')}:${String(local.mm).padStart(2, '0')}:00Z`,
  );
  return wall - (at - (at % MINUTE_MS));
}

/** The instant a local date (YYYY-MM-DD) begins in the zone. */
export function localMidnight(isoDate: string, timeZone: string): number {
  const utcMidnight = Date.parse(`${isoDate}T00:00:00Z`);
  const guess = utcMidnight - offsetMs(utcMidnight, timeZone);
  // Asked again at the guess, so a zone whose offset differs between the two instants lands right.
  return utcMidnight - offsetMs(guess, timeZone);
}

function nextDate(isoDate: string): string {
  return new Date(Date.parse(`${isoDate}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** The local day containing `at`; 23 or 25 hours long on daylight-saving changes. */
export function localDayOf(at: number, timeZone: string): MonitorDay {
  const { isoDate } = intlLocalTime(at, timeZone);
  return { from: localMidnight(isoDate, timeZone), to: localMidnight(nextDate(isoDate), timeZone), timeZone };
}

/** `at` as ISO 8601 in the zone's wall-clock time with its offset, e.g. 2026-11-22T08:15:00+08:00. */
export function localIso(at: number, timeZone: string): string {
  const offset = offsetMs(at, timeZone);
  const wall = new Date(at + offset).toISOString().slice(0, 19);
  const sign = offset < 0 ? '-' : '+';
  const minutes = Math.abs(offset) / MINUTE_MS;
  const hh = String(Math.floor(minutes / 60)).padStart(2, '0');
  const mm = String(minutes % 60).padStart(2, '0');
  return `${wall}${sign}${hh}:${mm}`;
}
