export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

export type Weekday = (typeof WEEKDAYS)[number];

/** Wall-clock time at the hotline's location, as business hours are written. */
export interface LocalTime {
  weekday: Weekday;
  hh: number;
  mm: number;
  /** YYYY-MM-DD, the local calendar date (what holidays are listed by). */
  isoDate: string;
}

/**
 * Turns an instant into local time in an IANA time zone. The server implements it with Intl;
 * the IVR lib takes it injected so that it stays free of the clock and the time-zone database.
 */
export type LocalTimeResolver = (epochMs: number, timeZone: string) => LocalTime;
